"""Local clauses aligned to the national clauses they take up.

:class:`Aligner` is fitted once on the national documents (their articles or
task items become an index) and then aligns one local document at a time, so
that thousands of local documents stream past a fixed index.

Evidence for a pair of a local clause and a national clause (cross-references
such as ``违反本办法第二十条规定``, self-names such as 本办法 and the sanction
formulas of penalty clauses (构成犯罪的，依法追究刑事责任) removed first):

- ``word``: cosine of TF-IDF vectors over policy-aware words (the
  :class:`~policytext.Segmenter` with the domain dictionary; stopwords and
  boilerplate dropped), sublinear term frequency.
- ``char``: cosine of TF-IDF vectors over character 2- and 3-grams (robust to
  segmentation differences and to the small rewordings of restatements).
  Both vector spaces are learned on the national clauses; a local vector is
  normalised over all its terms, those unknown to the national side included
  (``novelty``), so that new matter lowers the similarity.
- ``sentence``: the best similarity between one sentence of the local clause
  and one sentence of the national clause. An implementing clause restates one
  national norm closely and wraps local detail around it; whole-clause
  similarity drowns that one sentence, sentence-level similarity keeps it.
- ``citation``: the local clause cites the national article by number
  (``按照《教师法》第十条的规定``, ``依照劳动合同法第八十二条``; short names defined
  as ``（以下简称…）`` are followed).
- ``position``: closeness of the two clauses' relative places in their
  documents (implementing rules mostly follow the order of the law).
- ``heading``: likeness of the chapter titles the two clauses stand under
  (第三章 学校 / 第三章 学校建设). A local clause under a heading that says
  nothing (主要任务, or none) reads the local document's title instead, by its
  best sentence similarity with the national clause (a notice titled
  关于深化职业教育教学关键要素改革的意见 leans to 实施职业教育教学关键要素改革); a title
  that names the national law itself (北京市实施《教师法》办法) is left out.
- ``order``: closeness of the national clause to where the local clause's
  neighbours were aligned. A first pass finds anchors (a local and a national
  clause that are each other's best match); a clause between two anchors is
  expected between their national counterparts.
- ``semantic`` (optional, ``semantic=True``): cosine of the clauses' mean word
  vectors from a Word2Vec model trained, seeded, on the national clauses and
  the documents given to :meth:`Aligner.fit` as ``corpus``; nothing is
  downloaded. It is added to the lexical evidence with ``semantic_weight``.

The ranking score is a weighted sum of these features; the weights are learned
(a conditional logit: the labelled national article against all others) and
shipped in ``models/compare/alignment.json``.

Relations, in this order:

- ``procedural``: purpose, scope, effective date or interpretation, recognised
  by pattern and aligned to the national clause of the same kind. When the
  national text has none of that kind (national laws have no interpretation
  clause), the clause takes up nothing and is ``adds``, so that ``relation``
  and ``national_clause`` always agree on what is an addition.
- ``adds``: no national counterpart. A small logistic model (also in
  ``alignment.json``) gives the probability that a clause is an addition from
  more than its best single match: ``support`` (its best sentence similarity
  with any national sentence), ``coverage`` (the IDF-weighted share of its
  content words, generic legal words left out, that its two best national
  clauses use), ``entropy`` (how spread its ranking
  scores over the national clauses are) and ``rival`` (how much better another
  clause of the same local document matches its best national clause). A
  clause whose probability reaches ``add_threshold`` (default: the model's),
  that cites no national article, and whose best national clause is not the one
  the local document's title clearly names is an addition.
- ``restates``: near-verbatim - at least ``restate_threshold`` of the local
  clause's characters lie in blocks of 8+ characters copied from the national
  clause, and the local clause is not much longer than the national one.
- ``specifies``: the same rule made concrete (who, how, how much).

Calibration and accuracy on labelled national→local pairs are in
``docs/compare.md`` and ``tests/data/compare/README.md``; the model is refitted
with ``scripts/fit_alignment.py``.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .._hanzi import simplified
from ..errors import ConfigError, NotFittedError
from ..model import Alignment, Document
from .units import Unit, units_of

__all__ = ["Aligner", "AlignedUnit", "AlignmentModel", "cited_articles", "copied_share"]

_PUNCT = re.compile(r"[\s，,。．.；;：:、！!？?“”\"'‘’（）()《》〈〉【】\[\]—\-…·]+")
_CN_NUM = "零〇一二两三四五六七八九十百千"
_REFS = rf"(?:第[{_CN_NUM}\d]+条(?:第[{_CN_NUM}\d]+款)?(?:第?[（(]?[{_CN_NUM}\d]+[）)]?项)?[、和及至到，,]?)+"
_CITE = re.compile(rf"《(?P<title>[^》]{{2,60}})》(?P<refs>{_REFS})")
# （以下简称《教师法》）, （以下简称劳动合同法）, （以下称《办法》）
_ALIAS = re.compile(
    r"《(?P<full>[^》]{2,80})》(?:[（(][^）)]{1,30}[）)])?[（(]以下(?:简称|称|统称)[《“\"]?(?P<short>[^》”\"）)]{2,30})[》”\"]?[）)]"
)
_ARTICLE_REF = re.compile(rf"第([{_CN_NUM}\d]+)条")
# A plain name before 第X条 is a citation only after a word that governs it
# (依照劳动合同法第八十二条), not inside a longer name (义务教育法 is not 教育法).
_CITE_LEAD = "照据按依反用行和及与或在有于是对、，,；;（(《：:\n"

#: The pairwise features, in the order of :attr:`AlignmentModel.rank`.
RANK_FEATURES = ("word", "char", "sentence", "citation", "position", "heading", "order", "reference")
#: The features of the additions model, in the order of :attr:`AlignmentModel.add_coef`.
ADD_FEATURES = ("support", "coverage", "entropy", "rival")


@dataclass
class AlignedUnit:
    """A local unit with its best national match and the runners-up.

    Attributes:
        unit: the local unit.
        best: the index of the best national unit in the aligner's index, or None.
        score: the best ranking score.
        relation: ``restates``, ``specifies``, ``adds`` or ``procedural``.
        candidates: (national index, score) pairs, best first.
        copied: the share of the local text copied from the best national unit.
        addition: the additions model's probability that the unit has no
            national counterpart.
    """

    unit: Unit
    best: int | None
    score: float
    relation: str
    candidates: list[tuple[int, float]]
    copied: float = 0.0
    addition: float = 0.0


@dataclass(frozen=True)
class AlignmentModel:
    """Learned weights of the ranking score and of the additions model.

    Attributes:
        rank: weight of each of :data:`RANK_FEATURES`.
        add_mean: mean of each of :data:`ADD_FEATURES` on the training clauses.
        add_scale: their standard deviation (features are standardised).
        add_coef: logistic coefficients of the standardised features.
        add_intercept: logistic intercept.
        add_threshold: the probability above which a clause is an addition.
        provenance: how and on what the model was fitted.
    """

    rank: tuple[float, ...]
    add_mean: tuple[float, ...]
    add_scale: tuple[float, ...]
    add_coef: tuple[float, ...]
    add_intercept: float
    add_threshold: float
    provenance: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, source: str | Path | Mapping[str, Any] | AlignmentModel | None = None) -> AlignmentModel:
        """Load a model: None for the shipped one, a JSON path, or the parsed mapping.

        Raises:
            ConfigError: the file cannot be read or lacks a field.
        """
        if isinstance(source, AlignmentModel):
            return source
        if source is None:
            return _shipped_model()
        if isinstance(source, Mapping):
            return cls.from_dict(source, where="the alignment model")
        path = Path(source)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{path}: cannot read the alignment model ({exc})") from exc
        return cls.from_dict(data, where=str(path))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, where: str = "the alignment model") -> AlignmentModel:
        """Build a model from the mapping stored in ``alignment.json``."""
        try:
            rank = data["rank"]
            add = data["additions"]
            model = cls(
                rank=tuple(float(rank["weights"][f]) for f in RANK_FEATURES),
                add_mean=tuple(float(add["mean"][f]) for f in ADD_FEATURES),
                add_scale=tuple(float(add["scale"][f]) for f in ADD_FEATURES),
                add_coef=tuple(float(add["coef"][f]) for f in ADD_FEATURES),
                add_intercept=float(add["intercept"]),
                add_threshold=float(add["threshold"]),
                provenance=dict(data.get("provenance", {})),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(
                f"{where}: an alignment model needs rank.weights and additions.mean/scale/coef for "
                f"{', '.join(RANK_FEATURES)} / {', '.join(ADD_FEATURES)}, additions.intercept and "
                f"additions.threshold ({exc!r} is missing or wrong)"
            ) from exc
        return model

    def to_dict(self) -> dict[str, Any]:
        """The mapping stored in ``alignment.json``."""
        return {
            "provenance": dict(self.provenance),
            "rank": {"weights": dict(zip(RANK_FEATURES, self.rank))},
            "additions": {
                "mean": dict(zip(ADD_FEATURES, self.add_mean)),
                "scale": dict(zip(ADD_FEATURES, self.add_scale)),
                "coef": dict(zip(ADD_FEATURES, self.add_coef)),
                "intercept": self.add_intercept,
                "threshold": self.add_threshold,
            },
        }

    def addition_probability(self, features: np.ndarray) -> np.ndarray:
        """Probability of "no national counterpart" for rows of :data:`ADD_FEATURES`."""
        z = (features - np.asarray(self.add_mean)) / np.asarray(self.add_scale)
        logit = z @ np.asarray(self.add_coef) + self.add_intercept
        return 1.0 / (1.0 + np.exp(-logit))


@functools.lru_cache(maxsize=1)
def _shipped_model() -> AlignmentModel:
    from .._resources import model_path

    return AlignmentModel.load(model_path("compare/alignment.json"))


def copied_share(local: str, national: str, *, min_length: int = 8) -> tuple[float, int]:
    """Share of ``local``'s characters that lie in blocks copied from ``national``.

    Blocks come from rapidfuzz's longest-common-subsequence alignment; only
    blocks of at least ``min_length`` characters count, so shared stock phrases
    of a few characters do not.

    Returns:
        (share of the local text, copied characters).
    """
    from rapidfuzz.distance import Indel

    if not local or not national:
        return 0.0, 0
    copied = 0
    # a local text in traditional characters copies a simplified national one all the same
    for block in Indel.opcodes(simplified(local), simplified(national)).as_matching_blocks():
        if block.size >= min_length:
            copied += block.size
    return copied / len(local), copied


def _norm_title(title: str) -> str:
    return re.sub(r"^中华人民共和国", "", _PUNCT.sub("", title))


def _numbers(refs: str) -> list[int]:
    from .numbers import parse_number

    out = []
    for m in _ARTICLE_REF.finditer(refs):
        value = parse_number(m.group(1))
        if value is not None:
            out.append(int(value))
    # 第十条至第十二条: a range
    if re.search(r"条(?:至|到)第", refs) and len(out) == 2 and out[0] < out[1] <= out[0] + 20:
        out = list(range(out[0], out[1] + 1))
    return out


def _names(titles: Iterable[str], aliases: dict[str, str] | None) -> set[str]:
    names = {_norm_title(t) for t in titles if t and _norm_title(t)}
    for short, full in (aliases or {}).items():
        f = _norm_title(full)
        if f and any(f == n or (len(n) >= 4 and n in f) or (len(f) >= 4 and f in n) for n in names):
            names.add(_norm_title(short))
    return {n for n in names if len(n) >= 2}


def cited_articles(text: str, titles: Iterable[str], *, aliases: dict[str, str] | None = None) -> list[int]:
    """Article numbers of a national text that ``text`` cites by name.

    Args:
        text: a local clause.
        titles: names the national text goes by (its title, short names).
        aliases: short name -> full name, as a local text defines them
            (``《中华人民共和国教师法》（以下简称《教师法》）``, ``（以下简称劳动合同法）``).

    Returns:
        Cited article numbers, in order of first mention.

    Example:
        >>> cited_articles("按照《教师法》第十条、第十一条的规定执行", ["中华人民共和国教师法"])
        [10, 11]
        >>> cited_articles("依照劳动合同法第八十二条的规定", ["中华人民共和国劳动合同法"])
        [82]
    """
    names = _names(titles, aliases)
    if not names:
        return []
    hits: list[tuple[int, list[int]]] = []
    for m in _CITE.finditer(text):
        title = _norm_title(m.group("title"))
        if title in names or any(title and len(title) >= 2 and (title in n or n in title) for n in names):
            hits.append((m.start(), _numbers(m.group("refs"))))
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(re.escape(name) + rf"(?P<refs>{_REFS})", text):
            before = text[m.start() - 1] if m.start() else "\n"
            if before in _CITE_LEAD or text[max(0, m.start() - 2) : m.start()] in ("规定", "本条"):
                hits.append((m.start(), _numbers(m.group("refs"))))
    out: list[int] = []
    for _, numbers in sorted(hits, key=lambda h: h[0]):
        for n in numbers:
            if n not in out:
                out.append(n)
    return out


def _aliases(text: str) -> dict[str, str]:
    return {m.group("short"): m.group("full") for m in _ALIAS.finditer(text)}


@dataclass
class _Evidence:
    """Everything the aligner knows about one local document's units (internal)."""

    features: np.ndarray  # (local, national, len(RANK_FEATURES)); "order" filled by the second pass
    lexical: np.ndarray  # (local, national) word/char mean (+ semantic)
    support: np.ndarray  # (local,) best sentence similarity with any national sentence
    novel: np.ndarray  # (local,) share of word tokens the national side never uses
    words: list[frozenset[str]]  # per local unit: its content words (generic legal words dropped)
    cited: np.ndarray  # (local, national) bool
    refers: list[list[int]] = field(default_factory=list)  # per local unit: the local units it cites (本办法第X条)
    named: int | None = None  # the national unit the local document's title clearly names, if any


class Aligner:
    """Align local clauses to national clauses (fit on the national side once).

    Settings are stored as given; :meth:`fit` builds the index (attributes
    ending in ``_``), :meth:`align` aligns one local document.

    Args:
        segmenter: a :class:`~policytext.Segmenter` (or any object with a
            ``tokens(text) -> list[str]`` method, or a callable); default: the
            shared policy segmenter.
        model: the learned weights (:class:`AlignmentModel`, a JSON path or
            its mapping); default ``models/compare/alignment.json``.
        semantic: train a Word2Vec model on the inputs and add its cosine to
            the lexical evidence.
        semantic_weight: weight of the Word2Vec cosine (only with ``semantic``).
        add_threshold: probability of "no national counterpart" above which a
            clause is an addition; default: the model's (chosen for F1 on the
            labelled pairs). Lower finds more additions, higher fewer.
        novelty: weight of the terms unknown to the national side in a local
            vector's length (0: ignore them, as a plain TF-IDF transform would).
        restate_threshold: share of copied characters that makes a restatement.
        ngram_range: character n-gram sizes.
        level: unit level (``auto``, ``article``, ``item``, ``paragraph``).
        top_k: how many candidates to keep per local clause.
        seed: random seed for the semantic model.
        unrelated_support: median best-sentence similarity of a local document's
            clauses with the national text under which the document takes up
            nothing of it (a forestry plan against a notice on consortia): every
            clause that cites no national article is then an addition. Related
            pairs measured 0.19–1.00, unrelated ones 0.05–0.15 (see
            ``docs/compare.md``); None turns the check off.

    Example:
        >>> aligner = Aligner().fit([national_doc])            # doctest: +SKIP
        >>> rows = aligner.align(local_doc)                     # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        segmenter: Any = None,
        model: AlignmentModel | str | Path | Mapping[str, Any] | None = None,
        semantic: bool = False,
        semantic_weight: float = 0.2,
        add_threshold: float | None = None,
        novelty: float = 1.0,
        restate_threshold: float = 0.6,
        ngram_range: tuple[int, int] = (2, 3),
        level: str = "auto",
        top_k: int = 3,
        seed: int = 42,
        unrelated_support: float | None = 0.17,
    ) -> None:
        self.segmenter = segmenter
        self.model = model
        self.semantic = semantic
        self.semantic_weight = semantic_weight
        self.add_threshold = add_threshold
        self.novelty = novelty
        self.restate_threshold = restate_threshold
        self.ngram_range = ngram_range
        self.level = level
        self.top_k = top_k
        self.seed = seed
        self.unrelated_support = unrelated_support

    # ------------------------------------------------------------------ fit

    def _tokens(self, text: str) -> list[str]:
        seg = self.segmenter
        if seg is None:
            from ..segment._segmenter import default_segmenter

            seg = default_segmenter()
        if callable(seg) and not hasattr(seg, "tokens"):
            return list(seg(text))
        return seg.tokens(text)

    def _analyze(self, units: Sequence[Unit]) -> _Analysis:
        """Words and character n-grams of each unit and of each of its sentences (one pass)."""
        lo, hi = self.ngram_range
        unit_words: list[list[str]] = []
        unit_chars: list[list[str]] = []
        sent_words: list[list[str]] = []
        sent_chars: list[list[str]] = []
        owner: list[int] = []
        for i, u in enumerate(units):
            text = similarity_text(u.text)
            words: list[str] = []
            for sent in _sentences(text):
                toks = self._tokens(sent)
                words.extend(toks)
                sent_words.append(toks)
                sent_chars.append(_char_grams(_squeeze(sent), lo, hi))
                owner.append(i)
            unit_words.append(words)
            unit_chars.append(_char_grams(_squeeze(text), lo, hi))
        return _Analysis(unit_words, unit_chars, sent_words, sent_chars, np.array(owner, dtype=np.int64))

    def fit(self, national: Sequence[Document], *, corpus: Iterable[Document] = ()) -> Aligner:
        """Index the national documents' clauses.

        Args:
            national: the national documents (one or several).
            corpus: further documents (e.g. the local ones) whose clauses
                join the national ones in estimating word weights (IDF) and in
                training the semantic model; they are not aligned to.

        Returns:
            self.

        Raises:
            ConfigError: the national documents hold no clauses, or the model
                cannot be read.
        """
        units: list[Unit] = []
        titles: dict[str, list[str]] = {}
        for doc in national:
            units.extend(units_of(doc, level=self.level))
            titles[doc.id] = [doc.title, str(doc.metadata.get("title", ""))]
        if not units:
            raise ConfigError("the national documents hold no clauses to align to")
        self.model_ = AlignmentModel.load(self.model)
        self.units_ = units
        self.titles_ = titles
        self.docs_ = [doc.id for doc in national]
        nat = self._analyze(units)
        extra = self._analyze([u for doc in corpus for u in units_of(doc, level=self.level)])
        self.word_space_ = _Space.fit(nat.unit_words + extra.unit_words)
        self.char_space_ = _Space.fit(nat.unit_chars + extra.unit_chars)
        self.word_matrix_ = self.word_space_.vectors(nat.unit_words)
        self.char_matrix_ = self.char_space_.vectors(nat.unit_chars)
        # Sentences of the national clauses, and where each clause's sentences start
        # (sentences come in clause order, so a clause's sentences are contiguous).
        self.sentence_word_ = self.word_space_.vectors(nat.sent_words)
        self.sentence_char_ = self.char_space_.vectors(nat.sent_chars)
        self.sentence_starts_ = np.flatnonzero(np.r_[True, np.diff(nat.owner) != 0])
        self.unit_vocab_ = [frozenset(w) for w in nat.unit_words]
        self.content_df_ = Counter(w for ws in _content_words(nat.unit_words) for w in ws)
        self.positions_ = np.array([u.position for u in units])
        self.headings_ = [_squeeze(simplified(u.heading)) for u in units]
        self.by_number_ = {}
        for i, u in enumerate(units):
            if u.number is not None and u.label.startswith("第"):
                self.by_number_.setdefault((u.doc, u.number), i)
        self.procedural_ = {}
        self.defines_ = {}
        for i, u in enumerate(units):
            if u.procedural:
                self.procedural_.setdefault(u.procedural, []).append(i)
            for term in defined_terms(u.text):
                self.defines_.setdefault(term, []).append(i)
        self.w2v_ = None
        if self.semantic:
            self.w2v_ = self._train_semantic(nat.unit_words + extra.unit_words)
            self.semantic_matrix_ = self._embed(nat.unit_words)
        return self

    def _train_semantic(self, sentences: list[list[str]]) -> Any:
        from gensim.models import Word2Vec

        sentences = [s for s in sentences if s]
        model = Word2Vec(
            sentences=sentences, vector_size=100, window=5, min_count=1, sg=1, epochs=30, seed=self.seed, workers=1
        )
        return model.wv

    def _embed(self, token_lists: Sequence[list[str]]) -> np.ndarray:
        wv = self.w2v_
        out = np.zeros((len(token_lists), wv.vector_size), dtype=np.float32)
        for i, toks in enumerate(token_lists):
            vecs = [wv[t] for t in toks if t in wv.key_to_index]
            if vecs:
                v = np.mean(vecs, axis=0)
                norm = np.linalg.norm(v)
                if norm:
                    out[i] = v / norm
        return out

    def _check(self, method: str) -> None:
        if not hasattr(self, "units_"):
            raise NotFittedError(self, method)

    # ------------------------------------------------------------------ evidence

    def _title_evidence(self, title: str, local: Sequence[Unit]) -> np.ndarray:
        """How closely the local document's title names each national unit, for units under no telling heading.

        A notice titled 关于深化职业教育教学关键要素改革的意见 takes up the national
        sentence 实施职业教育教学关键要素改革 in every task item; its items stand
        under 主要任务, which says nothing. The title's best sentence similarity
        with each national unit stands in for their heading likeness.
        """
        out = np.zeros((len(local), len(self.units_)))
        subject = _title_subject(title)
        for names in self.titles_.values():  # 北京市实施《教师法》办法 names the whole law: no focus
            for name in filter(None, names):
                for short in {name, re.sub(r"^中华人民共和国", "", _title_subject(name))}:
                    if len(short) >= 3:
                        subject = subject.replace(short, "")
        subject = re.sub(r"^(?:[\u4e00-\u9fff]{2,8}?(?:省|市|自治区|县|区))?实施", "", subject)
        generic = [i for i, u in enumerate(local) if _GENERIC_HEADING.fullmatch(_squeeze(simplified(u.heading)))]
        if len(subject) < 4 or not generic:
            return out
        probe = Unit(doc="", clause_id="title", label="", text=subject, start=0, end=0)
        sim = self._sentence_pairs(1, self._analyze([probe]))[0]
        out[generic] = sim
        return out

    def _evidence(
        self, local: Sequence[Unit], ana: _Analysis, aliases: dict[str, str] | None, title: str = ""
    ) -> _Evidence:
        n_loc, n_nat = len(local), len(self.units_)
        feats = np.zeros((n_loc, n_nat, len(RANK_FEATURES)))
        if not n_loc:
            return _Evidence(feats, np.zeros((0, n_nat)), np.zeros(0), np.zeros(0), [], np.zeros((0, n_nat), bool))
        word = (self.word_space_.vectors(ana.unit_words, self.novelty) @ self.word_matrix_.T).toarray()
        char = (self.char_space_.vectors(ana.unit_chars, self.novelty) @ self.char_matrix_.T).toarray()
        lexical = 0.5 * word + 0.5 * char
        if self.w2v_ is not None:
            sem = np.clip(self._embed(ana.unit_words) @ self.semantic_matrix_.T, 0, None)
            word = word + self.semantic_weight * sem
            char = char + self.semantic_weight * sem
            lexical = lexical + self.semantic_weight * sem
        sentence = self._sentence_pairs(n_loc, ana)
        cited = np.zeros((n_loc, n_nat), dtype=bool)
        for i, u in enumerate(local):
            for doc_id, names in self.titles_.items():
                for n in cited_articles(u.text, names, aliases=aliases):
                    j = self.by_number_.get((doc_id, n))
                    if j is not None:
                        cited[i, j] = True
        lpos = np.array([u.position for u in local])
        feats[..., 0] = word
        feats[..., 1] = char
        feats[..., 2] = sentence
        feats[..., 3] = cited
        feats[..., 4] = 1 - np.abs(lpos[:, None] - self.positions_[None, :])
        feats[..., 5] = self._headings(local)
        named = None
        if title:
            by_title = self._title_evidence(title, local)
            feats[..., 5] = np.maximum(feats[..., 5], by_title)
            top = by_title.max(axis=0)
            if top.size > 1 and top.max() > 0:
                first, second = np.sort(top)[::-1][:2]
                if first >= _TITLE_NAMES and first >= 2 * second:
                    named = int(top.argmax())
        vocab = self.word_space_.vocabulary
        novel = np.array([sum(w not in vocab for w in ws) / len(ws) if ws else 0.0 for ws in ana.unit_words])
        ev = _Evidence(feats, lexical, sentence.max(axis=1), novel, _content_words(ana.unit_words), cited)
        ev.refers = _self_references(local)
        ev.named = named
        return ev

    def _sentence_pairs(self, n_loc: int, ana: _Analysis) -> np.ndarray:
        """Best sentence-to-sentence similarity of every (local unit, national unit) pair."""
        word = (self.word_space_.vectors(ana.sent_words, self.novelty) @ self.sentence_word_.T).toarray()
        char = (self.char_space_.vectors(ana.sent_chars, self.novelty) @ self.sentence_char_.T).toarray()
        sim = 0.5 * word + 0.5 * char
        by_national = np.maximum.reduceat(sim, self.sentence_starts_, axis=1)
        local_starts = np.flatnonzero(np.r_[True, np.diff(ana.owner) != 0])
        pooled = np.maximum.reduceat(by_national, local_starts, axis=0)
        out = np.zeros((n_loc, pooled.shape[1]))
        out[ana.owner[local_starts]] = pooled
        return out

    def _headings(self, local: Sequence[Unit]) -> np.ndarray:
        """Character-bigram Dice of the chapter titles (0 where either has none)."""
        nat = self.headings_
        loc = [_squeeze(simplified(u.heading)) for u in local]
        out = np.zeros((len(loc), len(nat)))
        nat_keys = sorted({h for h in nat if h})
        loc_keys = sorted({h for h in loc if h})
        if not nat_keys or not loc_keys:
            return out
        table = {(a, b): _dice(a, b) for a in loc_keys for b in nat_keys}
        nat_idx = {h: [j for j, x in enumerate(nat) if x == h] for h in nat_keys}
        for i, h in enumerate(loc):
            if h:
                for b, cols in nat_idx.items():
                    out[i, cols] = table[(h, b)]
        return out

    def _order(self, local: Sequence[Unit], base: np.ndarray) -> np.ndarray:
        """Closeness of each national unit to where the local unit's neighbours align.

        Anchors are mutual best matches (the local unit's best national unit
        has that local unit as its best too). A unit is expected between the
        national places of the nearest anchors before and after it; the
        feature is 1 inside that span and falls off linearly outside it.
        """
        n_loc, n_nat = base.shape
        out = np.zeros((n_loc, n_nat))
        if n_loc < 3 or n_nat < 3:
            return out
        best = base.argmax(axis=1)
        back = base.argmax(axis=0)
        anchors = [i for i in range(n_loc) if back[best[i]] == i and not local[i].procedural]
        if len(anchors) < 2:
            return out
        npos = self.positions_
        a = np.array(anchors)
        for i in range(n_loc):
            before = a[a < i]
            after = a[a > i]
            places = []
            if len(before):
                places.append(npos[best[before[-1]]])
            if len(after):
                places.append(npos[best[after[0]]])
            lo, hi = min(places), max(places)
            dist = np.maximum(0.0, np.maximum(lo - npos, npos - hi))
            out[i] = np.clip(1.0 - dist / 0.15, 0.0, 1.0)
        return out

    # ------------------------------------------------------------------ score

    def score_units(self, local: Sequence[Unit], *, aliases: dict[str, str] | None = None) -> np.ndarray:
        """The ranking score matrix (local units x national units); see :meth:`scores`."""
        return self.scores(local, aliases=aliases)[1]

    def scores(
        self, local: Sequence[Unit], *, aliases: dict[str, str] | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Score local units against every national unit.

        Returns:
            (lexical similarity, ranking score, citation mask), each of shape
            (local units, national units). The lexical similarity is the mean
            of the word and character cosines; the ranking score is the
            model's weighted sum of all the features.
        """
        self._check("scores")
        ev = self._evidence(local, self._analyze(local), aliases)
        return ev.lexical, self._rank(local, ev), ev.cited

    def _rank(self, local: Sequence[Unit], ev: _Evidence, weights: Sequence[float] | None = None) -> np.ndarray:
        """Ranking scores: the direct features first, then order and references from that first pass."""
        w = np.asarray(self.model_.rank if weights is None else weights)
        base = ev.features[..., :-2] @ w[:-2]
        ev.features[..., -2] = self._order(local, base)
        ev.features[..., -1] = self._references(ev, base)
        return base + ev.features[..., -2:] @ w[-2:]

    def _references(self, ev: _Evidence, base: np.ndarray) -> np.ndarray:
        """1 on the national units that the local articles a clause cites were aligned to.

        A local penalty clause (违反本办法第二十条规定的…) enforces its own
        article 20; its national counterpart is the one article 20 takes up.
        """
        out = np.zeros(base.shape)
        if not base.size:
            return out
        best = base.argmax(axis=1)
        for i, refs in enumerate(ev.refers):
            for k in refs:
                if k != i:
                    out[i, best[k]] = 1.0
        return out

    def support(self, local: Sequence[Unit]) -> np.ndarray:
        """For each local unit, its best sentence-to-sentence similarity with any national sentence."""
        self._check("support")
        ana = self._analyze(local)
        if not local:
            return np.zeros(0)
        return self._sentence_pairs(len(local), ana).max(axis=1)

    def _addition_features(self, ev: _Evidence, scores: np.ndarray) -> np.ndarray:
        """Rows of :data:`ADD_FEATURES` for every local unit.

        ``support``: the best similarity of one of the clause's sentences with
        any national sentence; ``coverage``: the IDF-weighted share of the
        clause's content words that its best two national clauses use (see
        :meth:`_coverage`); ``entropy``: how spread the softmax of the ranking
        scores over the national clauses is (an implementing clause has one or
        a few clear counterparts, an addition none); ``rival``: how much better
        another clause of the same local document matches this clause's best
        national clause.
        """
        n = scores.shape[0]
        out = np.zeros((n, len(ADD_FEATURES)))
        if not n:
            return out
        best = scores.argmax(axis=1)
        out[:, 0] = ev.support
        out[:, 1] = self._coverage(ev.words, scores)
        z = scores - scores.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        out[:, 2] = -(p * np.log(p + 1e-12)).sum(axis=1)
        # Another local clause that matches this clause's best national clause better
        # (a rival) suggests this one only borrows its words.
        if n > 1:
            for i in range(n):
                col = scores[:, best[i]].copy()
                col[i] = -np.inf
                out[i, 3] = col.max() - scores[i, best[i]]
        return out

    def _coverage(self, words: Sequence[frozenset[str]], scores: np.ndarray) -> np.ndarray:
        """Share of each local clause's content that its two best national clauses use.

        Content words are the segmenter's words of two characters or more,
        less the generic legal words of ``models/compare/generic_words.txt``
        (应当, 有关部门, 按照规定 … say nothing about what a clause regulates).
        Each is weighted by its IDF over the pair - the national clauses and
        this document's clauses together - so that the words a clause shares
        with few others (校区, 分校, 土地使用权) count most. An addition
        regulates something the national text does not: its rare words are
        missing from even the closest national clauses.
        """
        n, m = scores.shape
        out = np.ones(n)
        if not m:
            return out
        local_df = Counter(w for ws in words for w in ws)
        total = m + n
        top = np.argsort(-scores, axis=1, kind="stable")[:, :2]
        for i, ws in enumerate(words):
            if not ws:
                continue
            # sorted: a set's order follows the per-process string hash, and float sums must repeat
            idf = {w: np.log((1 + total) / (1 + self.content_df_.get(w, 0) + local_df[w])) + 1 for w in sorted(ws)}
            near = self.unit_vocab_[top[i, 0]] | (self.unit_vocab_[top[i, 1]] if m > 1 else frozenset())
            out[i] = sum(v for w, v in idf.items() if w in near) / sum(idf.values())
        return out

    def align_units(
        self, local: Sequence[Unit], *, aliases: dict[str, str] | None = None, title: str = ""
    ) -> list[AlignedUnit]:
        """Align local units; see the module docstring for the relations.

        ``title`` is the local document's title (see the ``heading`` evidence).
        """
        self._check("align_units")
        ev = self._evidence(local, self._analyze(local), aliases, title)
        scores = self._rank(local, ev)
        addition = self.model_.addition_probability(self._addition_features(ev, scores)) if len(local) else np.zeros(0)
        threshold = self.model_.add_threshold if self.add_threshold is None else self.add_threshold
        # a document whose clauses hardly share a sentence with the national text takes up nothing of it
        unrelated = (
            self.unrelated_support is not None
            and len(local) >= 3
            and float(np.median(ev.support)) < self.unrelated_support
        )
        out: list[AlignedUnit] = []
        k = max(1, self.top_k)
        for i, u in enumerate(local):
            row = scores[i]
            order = np.argsort(-row, kind="stable")[:k]
            candidates = [(int(j), float(row[j])) for j in order]
            p_add = float(addition[i])
            if unrelated and not ev.cited[i].any():
                out.append(AlignedUnit(u, None, candidates[0][1], "adds", candidates, addition=p_add))
                continue
            if u.procedural:
                same = self.procedural_.get(u.procedural, [])
                if u.procedural == "definition" and (terms := defined_terms(u.text)):
                    # it restates a national definition only of the same words (现有民办学校 is not 民办学校)
                    same = sorted({j for t in terms for j in self.defines_.get(t, [])})
                if same:
                    j = max(same, key=lambda j: row[j])
                    out.append(AlignedUnit(u, j, float(row[j]), "procedural", candidates, addition=p_add))
                else:  # nothing national of its kind to take up (an interpretation clause): an addition
                    out.append(AlignedUnit(u, None, candidates[0][1], "adds", candidates, addition=p_add))
                continue
            best, score = candidates[0]
            # a clause that cites a national article, or whose best match is the national unit the
            # document's own title names (关于深化职业教育教学关键要素改革的意见), takes something up
            if p_add >= threshold and not ev.cited[i].any() and best != ev.named:
                out.append(AlignedUnit(u, None, score, "adds", candidates, addition=p_add))
                continue
            share, _ = copied_share(u.text, self.units_[best].text)
            longer = len(u.text) > 1.6 * len(self.units_[best].text) + 20
            relation = "restates" if share >= self.restate_threshold and not longer else "specifies"
            out.append(AlignedUnit(u, best, score, relation, candidates, copied=share, addition=p_add))
        return out

    def align(self, document: Document) -> list[Alignment]:
        """Align every clause of a local document (one row per local clause).

        Returns:
            :class:`~policytext.Alignment` rows in document order;
            ``national_clause`` is None exactly when ``relation`` is ``adds``.
        """
        self._check("align")
        units = units_of(document, level=self.level)
        title = str((document.metadata or {}).get("title") or "")
        return [self.to_alignment(a) for a in self.align_units(units, aliases=_aliases(document.text), title=title)]

    def to_alignment(self, a: AlignedUnit) -> Alignment:
        """Turn an :class:`AlignedUnit` into an :class:`~policytext.Alignment` row."""
        nat = self.units_[a.best] if a.best is not None else None
        return Alignment(
            local_doc=a.unit.doc,
            local_clause=a.unit.label,
            national_doc=nat.doc if nat else None,
            national_clause=nat.label if nat else None,
            score=round(float(a.score), 4),
            relation=a.relation,
            local_clause_id=a.unit.clause_id,
            national_clause_id=nat.clause_id if nat else None,
        )


# the words a clause defines: 本条例所称现有民办学校，是指…; （一）融合教育是指…; "vocational school" means …
_DEFINED = re.compile(
    r"所称的?(?P<a>[^，,。；;：:、“”\s]{2,20}?)[，,]?(?:是指|包括|不包括|指)"
    r"|(?:^|[：:；;。\s）)])(?:[（(][一二三四五六七八九十\d]+[）)])?(?P<b>[^，,。；;：:、“”\s（）()]{2,16}?)[，,]?是指"
    r"|[\"“](?P<c>[^\"”]{2,60})[\"”]\s+(?:means|refers\s+to)\b"
)


def defined_terms(text: str) -> frozenset[str]:
    """The words a clause defines (empty when it defines none).

    Example:
        >>> sorted(defined_terms("本条例所称现有民办学校，是指2016年11月7日前设立的民办学校。"))
        ['现有民办学校']
    """
    out = set()
    for m in _DEFINED.finditer(text):
        term = re.sub(r"^.*所称的?", "", m.group("a") or m.group("b") or m.group("c"))
        out.add(term.lower() if term.isascii() else term)
    return frozenset(out)


_SELF_REF = re.compile(
    rf"本(?:办法|条例|规定|细则|实施细则|决定)(?P<refs>{_REFS})|(?<![》法例定则])(?P<bare>第[{_CN_NUM}\d]+条)(?:第[{_CN_NUM}\d]+款)?(?:规定|的规定)"
)


def _self_references(local: Sequence[Unit]) -> list[list[int]]:
    """For each unit, the units of the same document it cites (违反本办法第二十条规定)."""
    by_number = {u.number: k for k, u in enumerate(local) if u.number is not None and u.label.startswith("第")}
    out: list[list[int]] = []
    for u in local:
        found: list[int] = []
        for m in _SELF_REF.finditer(u.text):
            for n in _numbers(m.group("refs") or m.group("bare")):
                k = by_number.get(n)
                if k is not None and k not in found:
                    found.append(k)
        out.append(found)
    return out


def _dice(a: str, b: str) -> float:
    x = {a[i : i + 2] for i in range(len(a) - 1)} or {a}
    y = {b[i : i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(x & y) / (len(x) + len(y))


@functools.lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    from .._resources import model_path

    text = model_path("compare/generic_words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def _content_words(unit_words: Sequence[list[str]]) -> list[frozenset[str]]:
    """Each unit's words of two characters or more, generic legal words dropped."""
    generic = _generic_words()
    return [frozenset(w for w in words if len(w) >= 2 and w not in generic) for words in unit_words]


_REFERENCE = re.compile(
    rf"(?:《[^》]{{2,40}}》|本(?:法|办法|条例|规定|细则|实施细则|方案|章程))?"
    rf"(?:第[{_CN_NUM}\d]+[章节条款项](?:之[{_CN_NUM}]+)?[、和及至到]?)+"
)
_SELF_NAME = re.compile(r"本(?:法|办法|条例|规定|细则|实施细则|方案|章程)|本(?:市|省|自治区|区|县)")
# The sanction formulas of legal-liability clauses: every penalty clause of every law
# ends in them, so they make a penalty for a new local duty look like any national one.
_SANCTION = re.compile(
    r"(?:尚不)?构成犯罪的[，,]?(?:依法)?(?:追究刑事责任)?"
    r"|(?:依法)?对(?:其)?(?:有关责任单位、)?直接负责的主管人员和(?:其他)?直接责任人员(?:依法)?(?:给予|予以)?"
    r"[^，。；]{0,6}?处分(?:或者(?:行政)?处罚)?"
    r"|(?:依法)?(?:给予|予以)(?:行政)?处分(?:或者(?:行政)?处罚)?|(?:依法)?(?:给予|予以)(?:行政)?处罚"
    r"|构成违反治安管理行为的[，,]?(?:由公安机关)?(?:依法)?给予治安管理处罚"
    r"|(?:造成(?:财产)?损失的[，,]?)?(?:依法)?(?:承担赔偿责任|责令赔偿损失|赔偿损失)|依法承担民事责任"
    r"|情节严重的|没收违法所得|有违法所得的|责令(?:限期)?改正"
)


def similarity_text(text: str) -> str:
    """The text that similarity is computed on: references, self-names and sanction formulas removed.

    ``违反本办法第二十条规定`` says nothing about which national article a clause
    takes up (the numbers are the local text's own), and ``本办法`` / ``本法``
    differ only because one text is local; both are dropped. So are the
    sanction formulas of penalty clauses (构成犯罪的，依法追究刑事责任; 对直接负责的
    主管人员和其他直接责任人员依法给予处分; 责令改正): what a penalty clause is about
    is the conduct it punishes. A clause that is nothing but such formulas keeps them.
    """
    text = _SELF_NAME.sub("", _REFERENCE.sub("", simplified(text)))
    rest = _SANCTION.sub("", text)
    return rest if len(_squeeze(rest)) >= 6 else text


def _squeeze(text: str) -> str:
    return _PUNCT.sub("", text)


def _sentences(text: str) -> list[str]:
    from ..segment import split_sentences

    out = [text[a:b] for a, b in split_sentences(text)]
    return [t for t in out if len(_squeeze(t)) >= 4] or [text]


def _char_grams(text: str, lo: int, hi: int) -> list[str]:
    return [text[i : i + n] for n in range(lo, hi + 1) for i in range(len(text) - n + 1)]


#: The title's best sentence similarity with a national unit at which, when it is also twice the
#: second best, the title names that unit (P08: 0.44 against 0.13; laws' own titles name none).
_TITLE_NAMES = 0.3

#: Headings of plan parts that say nothing of their subject (a unit under one, or under none, reads the title).
_GENERIC_HEADING = re.compile(
    r"(?:(?:主要|重点|工作|具体)?(?:任务|措施|举措|工作)|总体要求|基本原则|工作要求|保障措施|组织实施|加强组织实施|组织保障)?"
)


def _title_subject(title: str) -> str:
    """关于深化职业教育教学关键要素改革的意见 -> 深化职业教育教学关键要素改革 (who issues it, and its kind, go)."""
    text = simplified(re.sub(r"\s+", "", title))
    text = re.sub(r"^.*?关于|《[^》]*》", "", text)
    text = re.sub(r"(?:的)?(?:实施)?(?:意见|通知|决定|办法|方案|规定|细则|条例|纲要|规划|计划)(?:（[^）]*）)?$", "", text)
    return text


@dataclass
class _Analysis:
    unit_words: list[list[str]]
    unit_chars: list[list[str]]
    sent_words: list[list[str]]
    sent_chars: list[list[str]]
    owner: np.ndarray


class _Space:
    """A TF-IDF space: vocabulary and IDF learned on the national side.

    :meth:`vectors` weighs terms as ``(1 + log tf) * idf`` and normalises each
    vector over *all* its terms: terms the national side never uses are not in
    the vocabulary, so a plain TF-IDF transform would ignore them and a clause
    that is mostly new would look close to any national clause sharing its few
    common words. Here such terms count in the vector's length with the IDF of
    a term seen nowhere (scaled by ``oov_weight``), which pulls the similarity
    of new matter down.
    """

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, idf_oov: float) -> None:
        self.vocabulary = vocabulary
        self.idf = idf
        self.idf_oov = idf_oov
        order = sorted(vocabulary)
        self.sorted_terms = np.array(order) if order else np.array([""])
        self.sorted_ids = np.array([vocabulary[t] for t in order], dtype=np.int64) if order else np.zeros(1, np.int64)

    @classmethod
    def fit(cls, documents: Sequence[list[str]]) -> _Space:
        vocab: dict[str, int] = {}
        df: list[int] = []
        for terms in documents:
            for t in set(terms):
                k = vocab.get(t)
                if k is None:
                    vocab[t] = len(df)
                    df.append(1)
                else:
                    df[k] += 1
        n = len(documents)
        # scikit-learn's smoothed IDF: log((1 + n) / (1 + df)) + 1
        idf = np.log((1 + n) / (1 + np.asarray(df, dtype=np.float64))) + 1 if df else np.zeros(0)
        return cls(vocab, idf, float(np.log(1 + n) + 1))

    def vectors(self, documents: Sequence[list[str]], oov_weight: float = 0.0) -> Any:
        """Sublinear TF-IDF vectors, each normalised over all its terms (see the class docstring).

        Terms are looked up in bulk with numpy (a sorted vocabulary and
        ``searchsorted``), so a document of thousands of n-grams costs no
        Python loop per term. An unknown term counts once per occurrence in
        the vector's length (its weight ``oov_weight * idf_oov``).
        """
        import scipy.sparse as sp

        n = len(documents)
        lengths = np.fromiter((len(d) for d in documents), dtype=np.int64, count=n)
        total = int(lengths.sum())
        if not total or not len(self.idf):
            return sp.csr_matrix((n, len(self.idf)))
        terms = np.array([t for d in documents for t in d])
        rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
        pos = np.searchsorted(self.sorted_terms, terms)
        pos[pos >= len(self.sorted_terms)] = 0
        hit = self.sorted_terms[pos] == terms
        keys = self.sorted_ids[pos[hit]]
        codes, counts = np.unique(rows[hit] * len(self.idf) + keys, return_counts=True)
        row_arr = codes // len(self.idf)
        key_arr = codes % len(self.idf)
        data = (1.0 + np.log(counts)) * self.idf[key_arr]
        sq = np.bincount(row_arr, weights=data * data, minlength=n)
        if oov_weight:
            sq = sq + np.bincount(rows[~hit], minlength=n) * (oov_weight * self.idf_oov) ** 2
        norms = np.sqrt(sq)
        norms[norms == 0] = 1.0
        data = data / norms[row_arr]
        return sp.csr_matrix((data, (row_arr, key_arr)), shape=(n, len(self.idf)))
