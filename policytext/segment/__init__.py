"""Sentences and words: the segmentation stage.

- :func:`split_sentences` finds sentence spans in any text (Chinese or English),
  respecting quotes and brackets; :func:`sentences` does it for a document and
  ties each sentence to its clause and page.
- :class:`Segmenter` splits text into words: jieba's algorithm (through the fast
  rjieba engine, or jieba itself) with the policy-domain dictionary, user
  dictionaries and stopword lists; English text by English word rules
  (hyphenated words, abbreviations and decimals whole; words case-folded for
  counting); :func:`tokenize` is the one-call form and
  :func:`segment_document` fills the tokens of a document's sentences.
- :func:`nlp` and :func:`to_spacy` hand the result to spaCy as a ``Doc`` whose
  tokens carry clause ids. spaCy is imported only there.

Example:
    >>> import policytext
    >>> policytext.tokenize("推动市域产教联合体实体化运作")
    ['市域产教联合体', '实体化运作']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._document import segment_document, sentences
from ._engines import engine_names, register_engine
from ._segmenter import Segmenter, tokenize
from ._sentences import split_sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..model import Document

__all__ = [
    "split_sentences",
    "sentences",
    "Segmenter",
    "tokenize",
    "segment_document",
    "nlp",
    "to_spacy",
    "register_engine",
    "engine_names",
]


def nlp(lang: str = "zh", *, segmenter: Segmenter | None = None) -> Language:
    """A blank spaCy pipeline (no model download) that tokenizes as policytext does.

    Chinese gets ``spacy.blank("zh")`` whose tokenizer is a :class:`Segmenter`
    (pkuseg is never loaded); English gets ``spacy.blank("en")`` whose
    tokenizer is a :class:`Segmenter` with English rules. The
    extensions ``Doc._.doc_id``, ``Token._.clause``, ``Token._.page``,
    ``Span._.clause`` are registered.

    Args:
        lang: ``zh`` or ``en``.
        segmenter: the segmenter; by default the shared one (English rules for ``en``).

    Returns:
        A ``spacy.Language``.

    Raises:
        ConfigError: ``lang`` is neither ``zh`` nor ``en``.

    Example:
        >>> [t.text for t in nlp("zh")("深化产教融合")]
        ['深化', '产教融合']
    """
    from ._spacy import nlp as _nlp

    return _nlp(lang, segmenter=segmenter)


def to_spacy(document: Document, nlp: Any = None) -> Doc:
    """Make a spaCy ``Doc`` of a document, with clause ids and sentences.

    ``doc.text`` is ``document.text``; ``doc.sents`` are the sentences of
    :func:`sentences`; each token has ``token._.clause`` (the deepest clause
    holding it, once the document is parsed) and ``token._.page``;
    ``doc._.doc_id`` is the document's id.

    Args:
        document: the document.
        nlp: a pipeline from :func:`nlp` (or any spaCy ``Language``); by
            default the shared one for the document's language.

    Returns:
        The ``spacy.tokens.Doc``, run through the pipeline's components.

    Example:
        >>> doc = policytext.to_spacy(policytext.parse(policytext.read("a.txt")))  # doctest: +SKIP
        >>> {t._.clause for t in doc}                                             # doctest: +SKIP
    """
    from ._spacy import to_spacy as _to_spacy

    return _to_spacy(document, nlp)
