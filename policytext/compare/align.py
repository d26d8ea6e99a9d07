"""Local clauses aligned to the national clauses they take up.

:class:`Aligner` is fitted once on the national documents (their articles or
task items become an index) and then aligns one local document at a time, so
that thousands of local documents stream past a fixed index.

How a local clause is scored against each national clause (cross-references
such as ``违反本办法第二十条规定`` and self-names such as 本办法 removed first):

- ``word``: cosine of TF-IDF vectors over policy-aware words (the
  :class:`~policytext.Segmenter` with the domain dictionary; stopwords and
  boilerplate dropped), sublinear term frequency.
- ``char``: cosine of TF-IDF vectors over character 2- and 3-grams (robust to
  segmentation differences and to the small rewordings of restatements).
  Both vector spaces are learned on the national clauses; a local vector is
  normalised over all its terms, those unknown to the national side included
  (``novelty``), so that new matter lowers the similarity.
- ``semantic`` (optional, ``semantic=True``): cosine of the clauses' mean word
  vectors from a Word2Vec model trained, seeded, on the national clauses and
  the documents given to :meth:`Aligner.fit` as ``corpus`` - nothing is downloaded.
- ``citation``: a local clause that cites the national text by article
  (``按照《教师法》第十条、第十一条的规定执行``) gets a bonus on those articles.
- ``position``: a small bonus for clauses at the same relative place, since
  implementing rules mostly follow the order of the law they implement.

The ranking score is ``word_weight * word + char_weight * char (+
semantic_weight * semantic) + citation + position``.

Relations, in this order:

- ``procedural``: purpose, scope, effective date or interpretation, recognised
  by pattern; aligned to the national clause of the same kind when there is
  one, else to none.
- ``adds``: no national counterpart - none of the local clause's sentences
  reaches ``add_threshold`` similarity with any national sentence (and it cites
  no national article). Implementing clauses restate at least one national
  norm closely whatever local detail they add; whole-clause similarity does not
  separate additions, sentence-level support does.
- ``restates``: near-verbatim - at least ``restate_threshold`` of the local
  clause's characters lie in blocks of 8+ characters copied from the national
  clause, and the local clause is not much longer than the national one.
- ``specifies``: the same rule made concrete (who, how, how much).

Calibration. The weights (0.5 / 0.5, position 0.1, citation 0.3) and
``add_threshold`` (0.15) were chosen on labelled national→local pairs in
``tests/data/compare/pairs_gold.tsv`` (teachers law → Beijing, Shanghai, Henan,
Zhejiang; vocational education law 1996 → Beijing; compulsory education law →
Beijing) by maximising top-1 accuracy plus additions F1, and checked on held-out
pairs (vocational education → Henan, private education → Qingdao): top-1 0.84,
additions F1 0.73 held out; 0.91 and 0.80 over all 224 labelled articles. See
``docs/compare.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ConfigError, NotFittedError
from ..model import Alignment, Document
from .units import Unit, units_of

__all__ = ["Aligner", "AlignedUnit", "cited_articles", "copied_share"]

_PUNCT = re.compile(r"[\s，,。．.；;：:、！!？?“”\"'‘’（）()《》〈〉【】\[\]—\-…·]+")
_CN_NUM = "零〇一二两三四五六七八九十百千"
_CITE = re.compile(
    rf"《(?P<title>[^》]{{2,40}})》(?P<refs>(?:第[{_CN_NUM}\d]+条(?:第[{_CN_NUM}\d]+款)?(?:第[{_CN_NUM}\d]+项)?[、和及至到，,]?)+)"
)
_ALIAS = re.compile(r"《(?P<full>[^》]{2,60})》[（(]以下简称《(?P<short>[^》]{2,30})》[）)]")
_ARTICLE_REF = re.compile(rf"第([{_CN_NUM}\d]+)条")


@dataclass
class AlignedUnit:
    """A local unit with its best national match and the runners-up.

    Attributes:
        unit: the local unit.
        best: the index of the best national unit in the aligner's index, or None.
        score: the best score.
        relation: ``restates``, ``specifies``, ``adds`` or ``procedural``.
        candidates: (national index, score) pairs, best first.
        copied: the share of the local text copied from the best national unit.
    """

    unit: Unit
    best: int | None
    score: float
    relation: str
    candidates: list[tuple[int, float]]
    copied: float = 0.0


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
    for block in Indel.opcodes(local, national).as_matching_blocks():
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


def cited_articles(text: str, titles: Iterable[str], *, aliases: dict[str, str] | None = None) -> list[int]:
    """Article numbers of a national text that ``text`` cites by name.

    Args:
        text: a local clause.
        titles: names the national text goes by (its title, short names).
        aliases: short name -> full name, as a local text defines them
            (``《中华人民共和国教师法》（以下简称《教师法》）``).

    Returns:
        Cited article numbers, in order of first mention.

    Example:
        >>> cited_articles("按照《教师法》第十条、第十一条的规定执行", ["中华人民共和国教师法"])
        [10, 11]
    """
    names = {_norm_title(t) for t in titles if t}
    if aliases:
        for short, full in aliases.items():
            if _norm_title(full) in names:
                names.add(_norm_title(short))
    out: list[int] = []
    for m in _CITE.finditer(text):
        title = _norm_title(m.group("title"))
        if title in names or any(title and (title in n or n in title) for n in names):
            for n in _numbers(m.group("refs")):
                if n not in out:
                    out.append(n)
    return out


def _aliases(text: str) -> dict[str, str]:
    return {m.group("short"): m.group("full") for m in _ALIAS.finditer(text)}


class Aligner:
    """Align local clauses to national clauses (fit on the national side once).

    Settings are stored as given; :meth:`fit` builds the index (attributes
    ending in ``_``), :meth:`align` aligns one local document.

    Args:
        segmenter: a :class:`~policytext.Segmenter` (or any object with a
            ``tokens(text) -> list[str]`` method, or a callable); default: the
            shared policy segmenter.
        word_weight: weight of word TF-IDF cosine.
        char_weight: weight of character n-gram TF-IDF cosine.
        semantic_weight: weight of the Word2Vec cosine (only with ``semantic``).
        semantic: train a Word2Vec model on the inputs and use it.
        citation_bonus: added to national articles the local clause cites.
        position_weight: bonus for the same relative position (times 1 - distance).
        add_threshold: a local clause none of whose sentences reaches this
            similarity with a national sentence is an addition.
        novelty: weight of the terms unknown to the national side in a local
            vector's length (0: ignore them, as a plain TF-IDF transform would).
        restate_threshold: share of copied characters that makes a restatement.
        ngram_range: character n-gram sizes.
        level: unit level (``auto``, ``article``, ``item``, ``paragraph``).
        top_k: how many candidates to keep per local clause.
        seed: random seed for the semantic model.

    Example:
        >>> aligner = Aligner().fit([national_doc])            # doctest: +SKIP
        >>> rows = aligner.align(local_doc)                     # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        segmenter: Any = None,
        word_weight: float = 0.5,
        char_weight: float = 0.5,
        semantic_weight: float = 0.2,
        semantic: bool = False,
        citation_bonus: float = 0.3,
        position_weight: float = 0.1,
        add_threshold: float = 0.15,
        novelty: float = 1.0,
        restate_threshold: float = 0.6,
        ngram_range: tuple[int, int] = (2, 3),
        level: str = "auto",
        top_k: int = 3,
        seed: int = 42,
    ) -> None:
        self.segmenter = segmenter
        self.word_weight = word_weight
        self.char_weight = char_weight
        self.semantic_weight = semantic_weight
        self.semantic = semantic
        self.citation_bonus = citation_bonus
        self.position_weight = position_weight
        self.add_threshold = add_threshold
        self.novelty = novelty
        self.restate_threshold = restate_threshold
        self.ngram_range = ngram_range
        self.level = level
        self.top_k = top_k
        self.seed = seed

    # ------------------------------------------------------------------ fit

    def _tokens(self, text: str) -> list[str]:
        seg = self.segmenter
        if seg is None:
            from ..segment import Segmenter  # noqa: F401  (the shared one below)
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
        texts: list[str] = []
        for i, u in enumerate(units):
            text = similarity_text(u.text)
            texts.append(text)
            words: list[str] = []
            for sent in _sentences(text):
                toks = self._tokens(sent)
                words.extend(toks)
                sent_words.append(toks)
                sent_chars.append(_char_grams(_squeeze(sent), lo, hi))
                owner.append(i)
            unit_words.append(words)
            unit_chars.append(_char_grams(_squeeze(text), lo, hi))
        return _Analysis(texts, unit_words, unit_chars, sent_words, sent_chars, np.array(owner, dtype=np.int64))

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
            ConfigError: the national documents hold no clauses.
        """
        units: list[Unit] = []
        titles: dict[str, list[str]] = {}
        for doc in national:
            units.extend(units_of(doc, level=self.level))
            titles[doc.id] = [doc.title, str(doc.metadata.get("title", ""))]
        if not units:
            raise ConfigError("the national documents hold no clauses to align to")
        self.units_ = units
        self.titles_ = titles
        self.docs_ = [doc.id for doc in national]
        nat = self._analyze(units)
        extra = self._analyze([u for doc in corpus for u in units_of(doc, level=self.level)])
        self.word_space_ = _Space.fit(nat.unit_words + extra.unit_words)
        self.char_space_ = _Space.fit(nat.unit_chars + extra.unit_chars)
        self.word_matrix_ = self.word_space_.vectors(nat.unit_words)
        self.char_matrix_ = self.char_space_.vectors(nat.unit_chars)
        # Sentences of the national clauses: a local clause with no sentence close
        # to any national sentence has no national counterpart (an addition).
        self.sentence_word_ = self.word_space_.vectors(nat.sent_words)
        self.sentence_char_ = self.char_space_.vectors(nat.sent_chars)
        self.by_number_ = {}
        for i, u in enumerate(units):
            if u.number is not None and u.label.startswith("第"):
                self.by_number_.setdefault((u.doc, u.number), i)
        self.procedural_ = {}
        for i, u in enumerate(units):
            if u.procedural:
                self.procedural_.setdefault(u.procedural, []).append(i)
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
            (local units, national units). The ranking score adds the position
            and citation bonuses to the lexical similarity.
        """
        self._check("scores")
        return self._scores(local, self._analyze(local), aliases)

    def _scores(
        self, local: Sequence[Unit], ana: _Analysis, aliases: dict[str, str] | None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if not local:
            empty = np.zeros((0, len(self.units_)))
            return empty, empty, empty.astype(bool)
        word = (self.word_space_.vectors(ana.unit_words, self.novelty) @ self.word_matrix_.T).toarray()
        char = (self.char_space_.vectors(ana.unit_chars, self.novelty) @ self.char_matrix_.T).toarray()
        lexical = self.word_weight * word + self.char_weight * char
        if self.w2v_ is not None:
            sem = self._embed(ana.unit_words) @ self.semantic_matrix_.T
            lexical = lexical + self.semantic_weight * np.clip(sem, 0, None)
        scores = lexical.copy()
        if self.position_weight:
            npos = np.array([u.position for u in self.units_])
            lpos = np.array([u.position for u in local])
            scores += self.position_weight * (1 - np.abs(lpos[:, None] - npos[None, :]))
        cited = np.zeros(scores.shape, dtype=bool)
        if self.citation_bonus:
            for i, u in enumerate(local):
                for doc_id, names in self.titles_.items():
                    for n in cited_articles(u.text, names, aliases=aliases):
                        j = self.by_number_.get((doc_id, n))
                        if j is not None:
                            scores[i, j] += self.citation_bonus
                            cited[i, j] = True
        return lexical, scores, cited

    def support(self, local: Sequence[Unit]) -> np.ndarray:
        """For each local unit, its best sentence-to-sentence similarity with any national sentence.

        An implementing clause restates at least one national norm closely,
        whatever local detail it adds around it; a local addition has no
        sentence that close. This is what ``add_threshold`` is compared with.
        """
        self._check("support")
        return self._support(len(local), self._analyze(local))

    def _support(self, n: int, ana: _Analysis) -> np.ndarray:
        out = np.zeros(n)
        if not len(ana.owner):
            return out
        word = self.word_space_.vectors(ana.sent_words, self.novelty) @ self.sentence_word_.T
        char = self.char_space_.vectors(ana.sent_chars, self.novelty) @ self.sentence_char_.T
        sim = self.word_weight * word + self.char_weight * char
        best = np.asarray(sim.max(axis=1).todense()).ravel() if sim.shape[1] else np.zeros(sim.shape[0])
        np.maximum.at(out, ana.owner, best)
        return out

    def align_units(self, local: Sequence[Unit], *, aliases: dict[str, str] | None = None) -> list[AlignedUnit]:
        """Align local units; see the module docstring for the relations."""
        self._check("align_units")
        ana = self._analyze(local)
        lexical, scores, cited = self._scores(local, ana, aliases)
        support = self._support(len(local), ana)
        out: list[AlignedUnit] = []
        k = max(1, self.top_k)
        for i, u in enumerate(local):
            row = scores[i]
            order = np.argsort(-row, kind="stable")[:k]
            candidates = [(int(j), float(row[j])) for j in order]
            if u.procedural:
                same = self.procedural_.get(u.procedural, [])
                if same:
                    j = max(same, key=lambda j: row[j])
                    out.append(AlignedUnit(u, j, float(row[j]), "procedural", candidates))
                else:
                    out.append(AlignedUnit(u, None, candidates[0][1], "procedural", candidates))
                continue
            best, score = candidates[0]
            if support[i] < self.add_threshold and not cited[i].any():
                out.append(AlignedUnit(u, None, float(lexical[i, best]), "adds", candidates))
                continue
            share, _ = copied_share(u.text, self.units_[best].text)
            longer = len(u.text) > 1.6 * len(self.units_[best].text) + 20
            relation = "restates" if share >= self.restate_threshold and not longer else "specifies"
            out.append(AlignedUnit(u, best, score, relation, candidates, copied=share))
        return out

    def align(self, document: Document) -> list[Alignment]:
        """Align every clause of a local document (one row per local clause).

        Returns:
            :class:`~policytext.Alignment` rows in document order;
            ``national_clause`` is None for additions (and for procedural
            clauses without a national counterpart).
        """
        self._check("align")
        units = units_of(document, level=self.level)
        return [self.to_alignment(a) for a in self.align_units(units, aliases=_aliases(document.text))]

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


_REFERENCE = re.compile(
    rf"(?:《[^》]{{2,40}}》|本(?:法|办法|条例|规定|细则|实施细则|方案|章程))?"
    rf"(?:第[{_CN_NUM}\d]+[章节条款项](?:之[{_CN_NUM}]+)?[、和及至到]?)+"
)
_SELF_NAME = re.compile(r"本(?:法|办法|条例|规定|细则|实施细则|方案|章程)|本(?:市|省|自治区|区|县)")


def similarity_text(text: str) -> str:
    """The text that similarity is computed on: cross-references and self-names removed.

    ``违反本办法第二十条规定`` says nothing about which national article a clause
    takes up (the numbers are the local text's own), and ``本办法`` / ``本法``
    differ only because one text is local; both are dropped.
    """
    return _SELF_NAME.sub("", _REFERENCE.sub("", text))


def _squeeze(text: str) -> str:
    return _PUNCT.sub("", text)


def _sentences(text: str) -> list[str]:
    from ..segment import split_sentences

    out = [text[a:b] for a, b in split_sentences(text)]
    return [t for t in out if len(_squeeze(t)) >= 4] or [text]


def _char_grams(text: str, lo: int, hi: int) -> list[str]:
    return [text[i : i + n] for n in range(lo, hi + 1) for i in range(len(text) - n + 1)]


@dataclass
class _Analysis:
    texts: list[str]
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
