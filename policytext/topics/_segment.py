"""How topic units become tokens: the segmentation stage's :class:`~policytext.Segmenter`.

A topic model reads content tokens: jieba's words (through rjieba) with the
policy-domain dictionary, the user's dictionaries and the stopword lists, as
every other stage does. Callers may pass their own segmenter (an object with
``.tokens(text)``) or any callable ``text -> tokens``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..errors import ConfigError

Tokenizer = Callable[[str], list[str]]


def make_tokenizer(
    segmenter: Any = None,
    *,
    user_dicts: Sequence[str] = (),
    domain_dict: bool = True,
    stopwords: str | Sequence[str] | None = "general,policy",
) -> Tokenizer:
    """Return a function ``text -> tokens``.

    Args:
        segmenter: a segmenter object with ``.tokens(text)``, or a callable
            ``text -> tokens``; when None, a :class:`policytext.Segmenter` is
            built from the other options.
        user_dicts: jieba-format dictionaries merged over the domain dictionary.
        domain_dict: load the shipped policy-domain dictionary.
        stopwords: stopword list names or files (``"general,policy"``, ``"none"``).

    Raises:
        ConfigError: ``segmenter`` is neither; or a dictionary or stopword list is bad.
    """
    if segmenter is not None:
        if hasattr(segmenter, "tokens"):
            return segmenter.tokens
        if callable(segmenter):
            return segmenter
        raise ConfigError(
            f"segmenter must have a .tokens(text) method or be a callable text -> tokens, "
            f"not {type(segmenter).__name__}"
        )
    from ..segment import Segmenter

    if isinstance(stopwords, str) and stopwords.strip().lower() in ("", "none"):
        stopwords = None
    return Segmenter(user_dicts=tuple(user_dicts), domain_dict=domain_dict, stopwords=stopwords).tokens
