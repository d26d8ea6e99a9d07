"""spaCy as the Doc container: blank pipelines with our segmentation, clause ids on tokens.

Imported only when :func:`policytext.nlp` or :func:`policytext.to_spacy` is
called, so that nothing else pays for spaCy. No model is downloaded: Chinese is
``spacy.blank("zh")`` with its tokenizer replaced by :class:`Segmenter`
(pkuseg is never loaded), English is ``spacy.blank("en")`` with its tokenizer
replaced by a :class:`Segmenter` set to English rules, so that spaCy tokens are
the tokens every other stage counts (``well-being`` and ``U.S.`` whole).

Extensions registered (under ``._``):

- ``Doc._.doc_id``: the document's id; ``Doc._.source``: where it was read from.
- ``Token._.clause``: the id of the deepest clause holding the token (or None);
  ``Token._.page``: its page number.
- ``Span._.clause``, ``Span._.page``: those of the span's first token;
  ``Doc._.clause_id``: the clause holding every token, when there is one.
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..model import Document
from ._document import clause_index, sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ._segmenter import Segmenter

__all__ = ["nlp", "to_spacy", "SegmenterTokenizer"]


class SegmenterTokenizer:
    """A spaCy tokenizer that splits with a :class:`Segmenter`.

    Single spaces become the preceding token's trailing whitespace, so that
    ``doc.text`` is the input text character for character.
    """

    def __init__(self, vocab: Any, segmenter: Segmenter) -> None:
        self.vocab = vocab
        self.segmenter = segmenter

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        for tok in self.segmenter.cut(text):
            if tok == " " and words and not spaces[-1]:
                spaces[-1] = True
                continue
            words.append(tok)
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy calls these when a pipeline is saved; the segmenter is rebuilt from settings.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> SegmenterTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> SegmenterTokenizer:
        return self


@functools.lru_cache(maxsize=1)
def _register_extensions() -> None:
    from spacy.tokens import Doc, Span, Token

    for name in ("doc_id", "source"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("clause_id"):
        Doc.set_extension("clause_id", getter=_doc_clause)
    for name in ("clause", "page"):
        if not Token.has_extension(name):
            Token.set_extension(name, default=None)
    if not Span.has_extension("clause"):
        Span.set_extension("clause", getter=lambda span: span[0]._.clause if len(span) else None)
    if not Span.has_extension("page"):
        Span.set_extension("page", getter=lambda span: span[0]._.page if len(span) else None)


def _doc_clause(doc: Doc) -> str | None:
    ids = {tok._.clause for tok in doc if not tok.is_space}
    return ids.pop() if len(ids) == 1 else None


def nlp(lang: str = "zh", *, segmenter: Segmenter | None = None) -> Language:
    """A blank spaCy pipeline that tokenizes as policytext does.

    Args:
        lang: ``zh`` or ``en``; either way our segmentation replaces spaCy's
            tokenizer (for ``en`` a segmenter with ``lang="en"``).
        segmenter: the :class:`Segmenter`; by default the shared one with the
            domain dictionary (set to English rules for ``en``).

    Returns:
        A ``spacy.Language`` without trained components; add your own
        (``nlp.add_pipe("sentencizer")``, a span ruler ...) as needed.

    Raises:
        ConfigError: ``lang`` is neither ``zh`` nor ``en``.

    Example:
        >>> zh = nlp("zh")
        >>> [t.text for t in zh("深化产教融合")]
        ['深化', '产教融合']
    """
    import spacy

    _register_extensions()
    if lang.startswith("zh"):
        from ._segmenter import default_segmenter

        pipeline = spacy.blank("zh")
        pipeline.tokenizer = SegmenterTokenizer(pipeline.vocab, segmenter or default_segmenter())
        return pipeline
    if lang.startswith("en"):
        from ._segmenter import default_segmenter

        pipeline = spacy.blank("en")
        pipeline.tokenizer = SegmenterTokenizer(pipeline.vocab, segmenter or default_segmenter(lang="en"))
        return pipeline
    raise ConfigError(f"no spaCy pipeline for language {lang!r}; choose one of: zh, en")


@functools.lru_cache(maxsize=4)
def _default_nlp(lang: str) -> Language:
    return nlp(lang)


def to_spacy(document: Document, nlp: Language | None = None) -> Doc:
    """Make a spaCy ``Doc`` of a document, carrying its ids and sentences.

    The Doc's text is ``document.text``; sentence boundaries are those of
    :func:`policytext.sentences` (so ``doc.sents`` works without a parser);
    every token knows its clause (``token._.clause``) and page
    (``token._.page``); ``doc._.doc_id`` is the document's id.

    Args:
        document: the document (parse it first to get clause ids).
        nlp: the pipeline to tokenize with; by default
            :func:`policytext.nlp` for the document's language.

    Returns:
        The Doc, already run through the pipeline's components.

    Example:
        >>> doc = to_spacy(policytext.read("directive.txt"))   # doctest: +SKIP
        >>> [(s.text, s._.clause) for s in doc.sents][:2]        # doctest: +SKIP
    """
    _register_extensions()
    lang = "en" if (document.lang or "zh").startswith("en") else "zh"
    pipeline = nlp if nlp is not None else _default_nlp(lang)
    doc = pipeline.make_doc(document.text)
    doc._.doc_id = document.id
    doc._.source = document.source

    idxs = [tok.idx for tok in doc]
    sents = sentences(document, lang=lang)
    firsts = {0} if len(doc) else set()
    for sent in sents:
        firsts.add(max(bisect.bisect_right(idxs, sent.start) - 1, 0))
    clauses = document.clauses or []
    # A token takes its sentence's clause, so that sent._.clause == Sentence.clause;
    # whitespace between sentences takes the deepest clause around it.
    owners = clause_index(clauses, [(i, i + 1) for i in idxs]) if clauses else None
    sent_starts = [s.start for s in sents]
    page_starts = [p.start for p in document.pages]
    for i, tok in enumerate(doc):
        tok.is_sent_start = i in firsts
        if owners is not None:
            j = bisect.bisect_right(sent_starts, tok.idx) - 1
            inside = j >= 0 and tok.idx < sents[j].end
            tok._.clause = sents[j].clause if inside else owners[i]
        if page_starts:
            tok._.page = document.pages[max(bisect.bisect_right(page_starts, tok.idx) - 1, 0)].number
    for _, component in pipeline.pipeline:
        doc = component(doc)
    return doc
