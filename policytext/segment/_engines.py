"""Word-segmentation engines behind one small interface, looked up by name.

``rjieba`` (jieba-rs through the rjieba binding) gives the same tokens as
``jieba`` about fifteen times faster; ``jieba`` is the reference. ``auto`` picks
rjieba when it can be imported. Both receive dictionary entries through
``add_word`` in the same order, so the same settings give the same tokens:

- rjieba's ``Jieba`` has no way to load a dictionary file (only the embedded
  default dictionary, or ``Jieba.empty()``), so every entry goes through
  ``add_word``; jieba gets the same calls.
- jieba-rs keeps runs such as ``2011-2020`` in one token where jieba splits
  them (``2011`` ``-`` ``2020``); the rjieba engine splits them as jieba does.
- jieba-rs *replaces* a known word's count in the dictionary total when
  ``add_word`` changes it, where jieba adds the new count on top of the old one;
  the jieba engine undoes that difference so both totals stay equal.

Tagging is where the two differ: jieba's ``posseg`` runs its own tagging HMM
over words outside the dictionary (and may cut them differently from ``cut``),
while jieba-rs tags the words of ``cut``, those outside the dictionary ``x``
(``m`` for digits, ``eng`` for Latin letters).

Third parties add an engine with :func:`register_engine`.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import re
from collections.abc import Callable
from typing import Protocol

from ..errors import ConfigError, UnknownStrategyError

__all__ = ["Engine", "register_engine", "engine_names", "resolve_engine", "create_engine"]


class Engine(Protocol):
    """What a segmentation engine offers (one instance per dictionary setting)."""

    name: str

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        """Add or update a dictionary word (freq None: let the engine suggest one)."""

    def cut(self, text: str) -> list[str]:
        """Split text into tokens whose concatenation is the text."""

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Split and tag: ``(word, part-of-speech)`` pairs."""

    #: Optional: a quicker ``cut`` that is exact for every text in which
    #: ``fast_unsafe`` finds nothing (``fast_unsafe`` None: exact for every text).
    fast_cut: Callable[[str], list[str]]
    fast_unsafe: re.Pattern[str] | None


class RjiebaEngine:
    """jieba-rs via rjieba: jieba's algorithm and dictionary, in Rust."""

    name = "rjieba"

    def __init__(self, *, hmm: bool = True) -> None:
        try:
            import rjieba
        except ImportError as exc:  # pragma: no cover - rjieba is a dependency
            raise ConfigError("the 'rjieba' engine needs the rjieba package: pip install rjieba") from exc
        self._jieba = rjieba.Jieba()
        self._hmm = hmm
        self.fast_cut: Callable[[str], list[str]] = (
            self._jieba.cut if hmm else functools.partial(self._jieba.cut, hmm=False)
        )
        self.fast_unsafe: re.Pattern[str] | None = _ASCII_RUN

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        """Add or update a dictionary word."""
        self._jieba.add_word(word, freq, tag)

    def cut(self, text: str) -> list[str]:
        """Split text into tokens, exactly as jieba does."""
        words = self.fast_cut(text)
        if _ASCII_RUN.search(text) is None:
            return words
        return self._jieba_compatible(words)

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Split and tag; words added without a tag get ``x`` as in jieba."""
        pairs = self._jieba.tag(text, self._hmm)
        if _ASCII_RUN.search(text) is not None:
            words = self._jieba_compatible([w for w, _ in pairs])
            if len(words) != len(pairs):
                tags = dict(pairs)
                return [(w, tags.get(w) or _ascii_tag(w)) for w in words]
        return [(word, tag or "x") for word, tag in pairs]

    def _jieba_compatible(self, words: list[str]) -> list[str]:
        # jieba-rs keeps runs such as "2011-2020" or "a_b.c" in one token where
        # jieba (finalseg's re_skip, jieba 0.42.1) splits them into letter/digit
        # runs and the marks between: split them the same way.
        out: list[str] = []
        for word in words:
            if len(word) > 1 and word.isascii() and not word.isalnum() and not self._jieba.has_word(word):
                out.extend(piece for piece in _JIEBA_SKIP.split(word) if piece)
            else:
                out.append(word)
        return out


# Where rjieba 0.2.2 and jieba part ways: a letter or digit joined by _ - or .
# to another ("a_b", "2011-2020", "1.a", "v1.2.3"); everywhere else the quick cut
# is exact. Checked on every line of the shared corpora and on 600,000 random
# strings of letters, digits, marks, spaces and Chinese. Every branch starts at
# the mark, so that the regex engine skips quickly over Chinese text; the
# branches: "a_" "1-", "_a" "-1", "a.", ".a", and ".5." ".5a" after a number.
_ASCII_RUN = re.compile(
    r"[_.-](?:(?<=[A-Za-z0-9][_-])|(?<=[_-])(?=[A-Za-z0-9])|(?<=[A-Za-z]\.)|(?=[A-Za-z])|(?<=\.)(?=\d+[.A-Za-z]))"
)
# jieba's finalseg.re_skip: how jieba splits the non-Chinese part of an unknown run.
_JIEBA_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


def _ascii_tag(word: str) -> str:
    if word.isdigit():
        return "m"
    if word.isalnum():
        return "eng"
    return "x"


class JiebaEngine:
    """The reference: jieba's Python implementation, in a private ``Tokenizer``."""

    name = "jieba"

    def __init__(self, *, hmm: bool = True) -> None:
        import jieba

        # jieba announces every dictionary load on stderr at DEBUG level.
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._tk = jieba.Tokenizer()
        self._tk.initialize()
        self._hmm = hmm
        self._pos = None
        self.fast_cut: Callable[[str], list[str]] = self.cut
        self.fast_unsafe: re.Pattern[str] | None = None

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        """Add or update a dictionary word, keeping the total as jieba-rs does."""
        old = self._tk.FREQ.get(word, 0)
        self._tk.add_word(word, freq, tag)
        self._tk.total -= old

    def cut(self, text: str) -> list[str]:
        """Split text into tokens."""
        return self._tk.lcut(text, HMM=self._hmm)

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Split and tag with ``jieba.posseg`` over the same dictionary."""
        if self._pos is None:
            from jieba import posseg

            self._pos = posseg.POSTokenizer(self._tk)
        return [(pair.word, pair.flag) for pair in self._pos.lcut(text, HMM=self._hmm)]


_ENGINES: dict[str, Callable[..., Engine]] = {
    "rjieba": RjiebaEngine,
    "jieba": JiebaEngine,
}


def register_engine(name: str, factory: Callable[..., Engine]) -> None:
    """Make an engine available by name; ``factory(hmm=...)`` returns an :class:`Engine`."""
    if name == "auto":
        raise ConfigError("'auto' is reserved: it picks rjieba when available, else jieba")
    _ENGINES[name] = factory


def engine_names() -> list[str]:
    """The names ``Segmenter(engine=...)`` accepts."""
    return ["auto", *sorted(_ENGINES)]


def resolve_engine(name: str) -> str:
    """Turn ``auto`` into a registered engine's name; check any other name."""
    if name == "auto":
        return "rjieba" if importlib.util.find_spec("rjieba") is not None else "jieba"
    if name not in _ENGINES:
        raise UnknownStrategyError("segmentation engine", name, engine_names())
    return name


def create_engine(name: str, *, hmm: bool = True) -> Engine:
    """A fresh engine with jieba's default dictionary and nothing added yet."""
    return _ENGINES[resolve_engine(name)](hmm=hmm)
