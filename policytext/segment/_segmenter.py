"""The word segmenter: an engine, the domain and user dictionaries, stopwords."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..errors import ConfigError
from ._engines import create_engine, resolve_engine
from ._english import cut_english, english_pieces, english_tag, is_english
from ._lexicon import Entry, domain_dictionary, read_dictionary, read_stopwords

__all__ = ["Segmenter", "tokenize", "default_segmenter"]

# The characters jieba keeps together in one block (its ``re_han_default``; the
# CJK range is the narrower one of jieba and jieba-rs). A dictionary word with
# any other character (``双随机、一公开``, a word with a space) can never come out
# of jieba whole, so the segmenter cuts such words out before jieba sees the text.
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
# A token made only of punctuation, symbols or whitespace.
_NOT_CONTENT = re.compile(r"[\W_]+")
# A lone Latin letter: in English text a list reference ("(b)") or an initial, not a word.
_LETTER = re.compile(r"[A-Za-z]")

StopwordSpec = Sequence["str | os.PathLike[str]"] | str | None
#: What ``Segmenter(lang=...)`` accepts.
LANGS = ("auto", "zh", "en")


class Segmenter:
    """Split Chinese (and English) text into words: jieba with the policy dictionary.

    Chinese text goes to jieba. English text (by default: Latin letters, and
    Chinese characters at most a tenth as many) is cut by English word
    rules instead: hyphenated words (``well-being``), abbreviations
    (``U.S.``), decimals (``6.1``) and per cents (``30%``) stay whole, the
    possessive ``'s`` is split off, and any Chinese inside goes to jieba.
    :meth:`cut` keeps the text's own case (its tokens concatenate back to the
    text); :meth:`tokens` lower-cases English words for counting (``lowercase``),
    so ``Council`` and ``council`` are one word. Chinese text is never
    case-folded (``5G``, ``1+X证书`` stay as written).

    Settings are stored as given; the engine and dictionaries are loaded when
    the segmenter is made, so a bad dictionary fails here and not mid-corpus.
    A segmenter pickles by its settings (worker processes rebuild it).

    Args:
        domain_dict: load the shipped policy-domain dictionary
            (``models/dict/policy.txt``: 产教融合, 市域产教联合体, 1+X证书 ...).
        user_dicts: paths of further dictionaries in jieba format
            (``word [freq] [tag]`` per line), applied after the domain
            dictionary in the order given.
        stopwords: stopword lists dropped by :meth:`tokens`: names of shipped
            lists (``general`` function words, ``policy`` boilerplate such as
            进一步, 切实, 加强) and/or paths of one-word-per-line files; None
            keeps every word.
        pos: part-of-speech tags are wanted: :func:`policytext.segment` then
            fills ``Sentence.tags`` (tokens come from :meth:`tag`).
        hmm: let jieba's HMM join characters into words it does not know.
        engine: ``auto`` (rjieba when importable, else jieba), ``rjieba`` or
            ``jieba``. The same settings give the same tokens in both.
        lang: ``auto`` decides per text (see above); ``zh`` always uses jieba
            (the Latin parts too, as jieba cuts them); ``en`` always uses the
            English rules (Chinese runs inside still go to jieba).
        lowercase: :meth:`tokens` lower-cases the words of English text.

    Attributes:
        engine_: the engine actually used (``auto`` resolved).
        n_words_: how many dictionary entries were added to jieba's dictionary.

    Raises:
        UnknownStrategyError: ``engine`` is not a registered engine.
        ConfigError: a dictionary or stopword file is missing or unreadable,
            or a stopword list name is unknown.

    Example:
        >>> seg = Segmenter()
        >>> seg.cut("深化产教融合，推进1+X证书制度。")
        ['深化', '产教融合', '，', '推进', '1+X证书制度', '。']
        >>> seg.tokens("进一步深化产教融合的工作")
        ['产教融合']
        >>> Segmenter(stopwords=("general",)).tokens("进一步深化产教融合的工作")
        ['进一步', '深化', '产教融合', '工作']
        >>> seg.cut("The Council's well-being rules")
        ['The', ' ', 'Council', "'s", ' ', 'well-being', ' ', 'rules']
        >>> seg.tokens("The Council's well-being rules")
        ['council', 'well-being', 'rules']
    """

    def __init__(
        self,
        *,
        domain_dict: bool = True,
        user_dicts: Iterable[str | os.PathLike[str]] = (),
        stopwords: StopwordSpec = ("general", "policy"),
        pos: bool = False,
        hmm: bool = True,
        engine: str = "auto",
        lang: str = "auto",
        lowercase: bool = True,
    ) -> None:
        self.domain_dict = domain_dict
        self.user_dicts = user_dicts
        self.stopwords = stopwords
        self.pos = pos
        self.hmm = hmm
        self.engine = engine
        self.lang = lang
        self.lowercase = lowercase

        if lang not in LANGS:
            raise ConfigError(f"unknown segmentation language {lang!r}; choose one of: {', '.join(LANGS)}")

        self.engine_ = resolve_engine(engine)
        entries: list[Entry] = list(domain_dictionary()) if domain_dict else []
        for path in user_dicts:
            entries.extend(read_dictionary(path))
        self._stop = read_stopwords(stopwords)
        self._backend = create_engine(self.engine_, hmm=hmm)
        for entry in entries:
            self._backend.add_word(entry.word, entry.freq, entry.tag)
        self.n_words_ = len(entries)
        self._tags = {e.word: e.tag for e in entries if e.tag}
        protected = sorted(
            {e.word for e in entries if not _JIEBA_BLOCK.fullmatch(e.word)}, key=len, reverse=True
        )
        self._protected = re.compile("|".join(map(re.escape, protected))) if protected else None
        # One search decides whether a text needs the careful path (a protected
        # word, or what the engine's quick cut gets wrong); most lines do not.
        fast_unsafe = getattr(self._backend, "fast_unsafe", None)
        triggers = [p.pattern for p in (self._protected, fast_unsafe) if p is not None]
        self._careful = re.compile("|".join(triggers)) if triggers else None
        self._fast_cut: Callable[[str], list[str]] = getattr(self._backend, "fast_cut", self._backend.cut)
        self._engine_cut: Callable[[str], list[str]] = self._backend.cut

    # ------------------------------------------------------------------ words

    def cut(self, text: str) -> list[str]:
        """Split text into tokens, punctuation and whitespace included.

        The tokens concatenate back to ``text`` (as ``jieba.lcut``), in the
        text's own case.
        """
        if self.is_english(text):
            return cut_english(text, self._cut_chinese)
        return self._cut_chinese(text)

    def is_english(self, text: str) -> bool:
        """Whether ``text`` is cut by the English rules (see ``lang``)."""
        if self.lang == "auto":
            return is_english(text)
        return self.lang == "en"

    def _cut_chinese(self, text: str) -> list[str]:
        if self._careful is None or self._careful.search(text) is None:
            return self._fast_cut(text)
        if self._protected is None or self._protected.search(text) is None:
            return self._engine_cut(text)
        out: list[str] = []
        pos = 0
        for match in self._protected.finditer(text):
            if match.start() > pos:
                out.extend(self._engine_cut(text[pos : match.start()]))
            out.append(match.group())
            pos = match.end()
        if pos < len(text):
            out.extend(self._engine_cut(text[pos:]))
        return out

    def tokens(self, text: str) -> list[str]:
        """Content tokens: :meth:`cut` without stopwords, punctuation and whitespace.

        English words come lower-cased (with ``lowercase``, the default), and
        single letters (list references such as ``(b)``, initials) are dropped.
        """
        keep = self.is_content
        if self.is_english(text):
            fold = self.lowercase
            return [
                tok.lower() if fold else tok
                for tok in self.cut(text)
                if keep(tok) and not _LETTER.fullmatch(tok)
            ]
        return [tok for tok in self.cut(text) if keep(tok)]

    def tagged_tokens(self, text: str) -> list[tuple[str, str]]:
        """Content tokens with their tags: :meth:`tag` filtered and case-folded as :meth:`tokens`."""
        keep = self.is_content
        english = self.is_english(text)
        fold = self.lowercase and english
        return [
            (w.lower() if fold else w, t)
            for w, t in self.tag(text)
            if keep(w) and not (english and _LETTER.fullmatch(w))
        ]

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Split and tag: ``(word, part-of-speech)`` pairs, jieba's tag set.

        Dictionary words carry their dictionary tag. With the rjieba engine the
        words are exactly those of :meth:`cut`; the jieba engine uses
        ``jieba.posseg``, whose HMM may split unknown words differently.
        English text has no part-of-speech model here: its words are tagged
        ``eng``, numbers ``m`` and marks ``x`` (jieba's tags for them), and
        Chinese runs inside get jieba's tags.
        """
        if self.is_english(text):
            out: list[tuple[str, str]] = []
            for piece, chinese in english_pieces(text):
                if chinese:
                    out.extend(self._tag_chinese(piece))
                else:
                    out.append((piece, english_tag(piece)))
            return out
        return self._tag_chinese(text)

    def _tag_chinese(self, text: str) -> list[tuple[str, str]]:
        if self._protected is None or self._protected.search(text) is None:
            return self._backend.tag(text)
        out: list[tuple[str, str]] = []
        pos = 0
        for match in self._protected.finditer(text):
            if match.start() > pos:
                out.extend(self._backend.tag(text[pos : match.start()]))
            out.append((match.group(), self._tags.get(match.group(), "x")))
            pos = match.end()
        if pos < len(text):
            out.extend(self._backend.tag(text[pos:]))
        return out

    def is_content(self, token: str) -> bool:
        """Whether :meth:`tokens` keeps ``token`` (not a stopword, punctuation or space)."""
        if _NOT_CONTENT.fullmatch(token):
            return False
        return not self.is_stopword(token)

    def is_stopword(self, token: str) -> bool:
        """Whether ``token`` is in the stopword lists (ASCII compared case-insensitively)."""
        return token in self._stop or (token.isascii() and token.lower() in self._stop)

    # ------------------------------------------------------------------ plumbing

    def get_params(self) -> dict[str, Any]:
        """The settings, as given to ``__init__``."""
        return {
            "domain_dict": self.domain_dict,
            "user_dicts": self.user_dicts,
            "stopwords": self.stopwords,
            "pos": self.pos,
            "hmm": self.hmm,
            "engine": self.engine,
            "lang": self.lang,
            "lowercase": self.lowercase,
        }

    def __reduce__(self) -> tuple[Any, ...]:
        params = self.get_params()
        params["user_dicts"] = tuple(os.fspath(p) for p in params["user_dicts"])
        return (_rebuild, (params,))

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"Segmenter({shown})"


def _rebuild(params: dict[str, Any]) -> Segmenter:
    return Segmenter(**params)


def _freeze(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(os.fspath(v) if isinstance(v, os.PathLike) else v for v in value)
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return value


@functools.lru_cache(maxsize=4)
def _cached(frozen: tuple[tuple[str, Any], ...]) -> Segmenter:
    return Segmenter(**dict(frozen))


def default_segmenter(**options: Any) -> Segmenter:
    """A shared :class:`Segmenter` for these options, made once per process."""
    frozen = tuple(sorted((k, _freeze(v)) for k, v in options.items()))
    return _cached(frozen)


def tokenize(text: str, *, all_tokens: bool = False, **options: Any) -> list[str]:
    """Split text into words with a shared, cached :class:`Segmenter`.

    Args:
        text: Chinese or English text.
        all_tokens: return every token, punctuation and whitespace included
            (:meth:`Segmenter.cut`); by default only content tokens
            (:meth:`Segmenter.tokens`: stopwords, punctuation and whitespace
            dropped).
        **options: :class:`Segmenter` settings (``domain_dict``,
            ``user_dicts``, ``stopwords``, ``hmm``, ``engine``); one segmenter
            is built and kept per distinct set of options.

    Returns:
        The tokens in text order.

    Example:
        >>> tokenize("进一步推动市域产教联合体实体化运作")
        ['市域产教联合体', '实体化运作']
        >>> tokenize("深化产教融合。", all_tokens=True)
        ['深化', '产教融合', '。']
    """
    seg = default_segmenter(**options)
    return seg.cut(text) if all_tokens else seg.tokens(text)
