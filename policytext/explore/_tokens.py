"""The token stream every exploratory table reads: sentences of tokens with offsets.

A document is split into sentences (:func:`policytext.sentences`), each sentence
into tokens by a :class:`~policytext.Segmenter` (``cut``: punctuation and
stopwords included, so that positions and character offsets are exact). Each
token knows its span in ``Document.text``, its position in the sentence and
whether it is a *content* token: the ones counted in term tables, keyness,
collocations and co-word networks. A token is content unless it is whitespace,
punctuation, a stopword, a number or clause number such as 第十四条 (with
``numbers=False``), a part of speech outside the filter, or rejected by the
caller's ``keep`` function.

Stopwords and punctuation still occupy a position (quanteda's ``padding``), so a
collocation window never joins two words that a dropped word stands between.

English text (as the segmenter decides, :meth:`Segmenter.is_english`) is cut
into words by the segmenter's English rules and lower-cased here; a lone
letter there (a list reference such as ``(b)``) is not content, and with
``numbers=False`` neither is the word of a clause label (``Article`` in
``Article 5``, ``Section 2.01``), as 第五条 is not in Chinese.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import ConfigError, PolicytextError
from ..model import Document, Failure, Sentence

if TYPE_CHECKING:
    from ..segment import Segmenter

__all__ = ["Token", "TokenStream", "as_documents", "parse_pos", "NUMBER"]

_ZH_DIGITS = "零〇一二三四五六七八九十百千万亿两"
#: What ``numbers=False`` drops: digits with separators, signs or percent
#: (2025, 30%, 1.5); Chinese numerals (三, 一九五八); ordinals and clause
#: numbers (第一, 第十四条, 第二章); dates and fractions (一九五八年, 三分之一).
NUMBER = re.compile(
    rf"^(?:[\d.,，．·%％‰+\-—/:：]+"
    rf"|[{_ZH_DIGITS}]+"
    rf"|第[\d{_ZH_DIGITS}]+[条章节款项目编部分批次届期]?"
    rf"|[\d{_ZH_DIGITS}]+[年月日号]"
    rf"|[{_ZH_DIGITS}]+分之[{_ZH_DIGITS}]+)$"
)
_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9FFF]")
_LATIN = re.compile(r"[A-Za-z]")
_LETTER_ONLY = re.compile(r"[A-Za-z]")
# English clause labels: the word before a number (Article 5, Section 2.01, Part II, Annex 3).
_LABEL_WORDS = frozenset(
    "article articles art section sections sec chapter chapters part schedule annex appendix "
    "paragraph paragraphs para clause clauses rule rules".split()
)
_LABEL_NUMBER = re.compile(
    r"\d+(?:\.\d+)*|(?=[ivxlc])(?:c[d]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})", re.IGNORECASE
)


class Token(NamedTuple):
    """One token of a sentence.

    Attributes:
        text: the token, lower-cased when the stream lower-cases.
        start: offset of its first character in ``Document.text``.
        end: offset one past its last character.
        position: its index among the sentence's non-space tokens.
        content: whether it is counted (see the module docstring).
        tag: its part of speech, when the stream tags.
    """

    text: str
    start: int
    end: int
    position: int
    content: bool
    tag: str | None = None


def parse_pos(pos: str | Sequence[str] | None) -> tuple[str, ...] | None:
    """Read a part-of-speech filter: ``"n,v,vn"`` or a list; globs such as ``n*`` allowed."""
    if pos is None:
        return None
    items = pos.split(",") if isinstance(pos, str) else list(pos)
    tags = tuple(t.strip() for t in items if t and t.strip())
    if not tags:
        return None
    return tags


class TokenStream:
    """Turn documents into sentences of :class:`Token`, with the filters of one analysis.

    Args:
        segmenter: the :class:`~policytext.Segmenter`; by default the shared
            one (domain dictionary, ``general`` and ``policy`` stopwords).
        pos: keep only content tokens whose part of speech (jieba's tag set)
            is one of these (``n``, ``v``, ``vn``; ``n*`` for every noun tag).
            Tags come from :meth:`Segmenter.tag` whether or not the segmenter
            was made with ``pos=True``.
        lowercase: lower-case tokens (English; Chinese is unaffected).
        numbers: count numbers as content tokens: digits (``2025``, ``30%``),
            Chinese numerals, ordinals and clause numbers (``第十四条``) and
            dates (``一九五八年``); see :data:`NUMBER`.
        keep: a further test ``token -> bool`` on the (lower-cased) token.
    """

    def __init__(
        self,
        segmenter: Segmenter | None = None,
        *,
        pos: str | Sequence[str] | None = None,
        lowercase: bool = True,
        numbers: bool = False,
        keep: Callable[[str], bool] | None = None,
    ) -> None:
        if segmenter is None:
            from ..segment._segmenter import default_segmenter

            segmenter = default_segmenter()
        self.segmenter = segmenter
        self.pos = parse_pos(pos)
        self.lowercase = lowercase
        self.numbers = numbers
        self.keep = keep
        self._pos_exact = frozenset(t for t in self.pos or () if not _has_glob(t))
        self._pos_globs = [re.compile(fnmatch.translate(t)) for t in self.pos or () if _has_glob(t)]
        self.tagging = self.pos is not None or bool(getattr(segmenter, "pos", False))
        self._cache: dict[tuple[str, str | None], tuple[str, bool]] = {}
        self._words: dict[str, tuple[str, bool]] = {}
        self._en_words: dict[str, tuple[str, bool]] = {}
        self._english = getattr(segmenter, "is_english", _never)

    # ------------------------------------------------------------------ public

    def sentences(
        self, document: Document, *, clauses: bool = False
    ) -> Iterator[tuple[Sentence, list[Token]]]:
        """Yield each sentence of the document with its tokens.

        Args:
            document: the document.
            clauses: parse the clause tree first (when not parsed yet), so that
                sentences stop at clause boundaries and name their clause.
        """
        from ..segment import sentences

        if clauses:
            ensure_clauses(document)
        for sent in sentences(document):
            yield sent, self.tokens(sent.text, offset=sent.start)

    def tokens(self, text: str, *, offset: int = 0) -> list[Token]:
        """Tokens of one piece of text (a sentence), with offsets shifted by ``offset``."""
        if not self.tagging:
            return self._untagged(text, offset)
        classify = self._english_classify if self._english(text) else self._classify
        out: list[Token] = []
        at = 0
        position = 0
        for word, tag in self.segmenter.tag(text):
            if not word:
                continue
            if text.startswith(word, at):
                start = at
            else:  # an engine that normalises what it returns; find the word instead
                found = text.find(word, at)
                if found < 0:
                    continue
                start = found
            at = start + len(word)
            if word.isspace():
                continue
            norm, content = classify(word, tag)
            out.append(Token(norm, offset + start, offset + at, position, content, tag))
            position += 1
        if classify == self._english_classify and not self.numbers:
            _drop_label_words(out)
        return out

    def _untagged(self, text: str, offset: int) -> list[Token]:
        # Segmenter.cut returns tokens that concatenate back to the text, so
        # offsets are running sums of lengths.
        english = self._english(text)
        cache = self._en_words if english else self._words
        classify = self._english_classify if english else self._classify
        out: list[Token] = []
        at = offset
        position = 0
        for word in self.segmenter.cut(text):
            start = at
            at += len(word)
            hit = cache.get(word)
            if hit is None:
                hit = cache[word] = classify(word, None)
            if word.isspace():
                continue
            out.append(Token(hit[0], start, at, position, hit[1]))
            position += 1
        if english and not self.numbers:
            _drop_label_words(out)
        return out

    def boundaries(self, text: str) -> tuple[list[int], list[int], int]:
        """Token starts, token ends (whitespace tokens left out) and the count of content tokens."""
        starts: list[int] = []
        ends: list[int] = []
        n_content = 0
        for tok in self.tokens(text):
            starts.append(tok.start)
            ends.append(tok.end)
            n_content += tok.content
        return starts, ends, n_content

    def words(self, text: str) -> list[tuple[str, str | None]]:
        """The content tokens of a text as ``(token, tag)`` pairs, quickly (no offsets)."""
        english = self._english(text)
        if english and not self.numbers:
            # clause labels (Article 5) are found by looking at the next token
            return [(t.text, t.tag) for t in self.tokens(text) if t.content]
        classify = self._english_classify if english else self._classify
        if self.tagging:
            return [
                (norm, tag)
                for word, tag in self.segmenter.tag(text)
                for norm, ok in [classify(word, tag)]
                if ok
            ]
        cache = self._en_words if english else self._words
        out: list[tuple[str, str | None]] = []
        for word in self.segmenter.cut(text):
            hit = cache.get(word)
            if hit is None:
                hit = cache[word] = classify(word, None)
            if hit[1]:
                out.append((hit[0], None))
        return out

    def content(self, text: str) -> list[str]:
        """The content tokens of a text, as strings."""
        return [w for w, _tag in self.words(text)]

    def normalize(self, word: str) -> str:
        """A word as tokens are stored (lower-cased when the stream lower-cases)."""
        return word.lower() if self.lowercase else word

    # ------------------------------------------------------------------ helpers

    def _pairs(self, text: str) -> Iterable[tuple[str, str | None]]:
        if self.tagging:
            return self.segmenter.tag(text)
        return ((w, None) for w in self.segmenter.cut(text))

    def _english_classify(self, word: str, tag: str | None) -> tuple[str, bool]:
        """As :meth:`_classify`, for a word of English text: a lone letter (``(b)``) is not content."""
        norm, content = self._classify(word, tag)
        return norm, content and not _LETTER_ONLY.fullmatch(word)

    def _classify(self, word: str, tag: str | None) -> tuple[str, bool]:
        """The stored form of a word and whether it is content (cached: a corpus repeats its words)."""
        key = (word, tag)
        hit = self._cache.get(key)
        if hit is None:
            norm = word.lower() if self.lowercase else word
            hit = (norm, self._is_content(word, norm, tag))
            self._cache[key] = hit
        return hit

    def _is_content(self, word: str, norm: str, tag: str | None) -> bool:
        if word.isspace() or not self.segmenter.is_content(word):
            return False
        if not self.numbers and NUMBER.match(word):
            return False
        if self.pos is not None and not self._pos_ok(tag):
            return False
        if self.keep is not None and not self.keep(norm):
            return False
        return True

    def _pos_ok(self, tag: str | None) -> bool:
        if tag is None:
            return False
        return tag in self._pos_exact or any(g.match(tag) for g in self._pos_globs)


def ensure_clauses(document: Document) -> None:
    """Parse the document's clause tree when it is not parsed yet (no tree: no clause ids)."""
    if document.clauses is not None:
        return
    from ..structure import parse

    try:
        parse(document)
    except PolicytextError:
        document.clauses = []


def as_documents(items: Iterable[Document | Failure | str]) -> Iterator[Document]:
    """Yield documents; plain strings become documents, :class:`Failure` items are skipped."""
    for item in items:
        if isinstance(item, Document):
            yield item
        elif isinstance(item, Failure):
            continue
        elif isinstance(item, str):
            yield text_document(item)
        else:
            raise ConfigError(
                f"expected documents (policytext.Document) or texts, got {type(item).__name__}; "
                f"read files with policytext.iter_documents(paths)"
            )


def text_document(text: str, *, source: str = "<text>", metadata: dict[str, Any] | None = None) -> Document:
    """Wrap a plain text in a :class:`Document` (id: hash of the text; language guessed)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    lang = "en" if len(_LATIN.findall(text)) > 2 * len(_CJK.findall(text)) else "zh"
    return Document(
        id=digest, source=source, format="txt", text=text, metadata=dict(metadata or {}), lang=lang
    )


def clause_labels(document: Document) -> dict[str, str]:
    """Each clause id with its citation: the printed labels from the top of the tree down to it.

    ``sec1.i2`` is cited ``一、（二）``, ``ch2.art12.p1`` ``第二章第十二条`` (a 款 has no
    printed label of its own), ``art5.p1.i1`` ``Article 5 (a)``.
    """
    by_id = {c.id: c for c in document.clauses or []}
    out: dict[str, str] = {}
    for clause in document.clauses or []:
        chain: list[str] = []
        cid: str | None = clause.id
        seen: set[str] = set()
        while cid is not None and cid in by_id and cid not in seen:
            seen.add(cid)
            if by_id[cid].label:
                chain.append(by_id[cid].label.strip())
            cid = by_id[cid].parent
        label = ""
        for part in reversed(chain):
            spaced = bool(label) and label[-1].isascii() and part[0].isascii()
            label = f"{label} {part}" if spaced else label + part
        out[clause.id] = label
    return out


def _drop_label_words(tokens: list[Token]) -> None:
    """Mark ``Article 5`` / ``Part II`` not content: a clause label, as 第五条 is not counted."""
    for i in range(len(tokens) - 1):
        tok = tokens[i]
        if tok.content and tok.text.lower() in _LABEL_WORDS and _LABEL_NUMBER.fullmatch(tokens[i + 1].text):
            tokens[i] = tok._replace(content=False)
            tokens[i + 1] = tokens[i + 1]._replace(content=False)  # "II" of Part II


def _never(text: str) -> bool:
    return False


def _has_glob(pattern: str) -> bool:
    return any(ch in pattern for ch in "*?[")
