"""The topic model: LDA (gensim) and NMF (scikit-learn) behind one estimator.

:class:`TopicModel` is shaped like a scikit-learn estimator: settings are
keyword arguments stored unchanged by ``__init__``; ``fit`` tokenises the units
with the segmentation stage, prunes the vocabulary and fits; what it learns
lives in attributes ending in ``_``. Topics are numbered from 1 in order of
their share of the corpus, so that topic 1 is the largest on every run.

Reproducibility: the same units, settings and seed give the same topics, byte
for byte once written with fixed precision. LDA runs gensim's single-process
``LdaModel`` with ``random_state=seed`` and a fresh random state for every
inference; NMF uses the deterministic NNDSVD start with ``random_state=seed``.

A fitted model is saved as a folder of JSON and NumPy arrays (no pickle) and
read back with :func:`load_topics`.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from .._typing import PathLike
from ..errors import ConfigError, InputError, NotFittedError, UnknownStrategyError
from . import _vocab
from ._segment import make_tokenizer
from .units import TopicUnit

__all__ = ["TopicModel", "load_topics", "frex_scores", "TOPIC_MODELS"]

#: The topic model families, by name.
TOPIC_MODELS = ("nmf", "lda")

_FORMAT = "policytext-topics"
_FORMAT_VERSION = 1

Unit = TopicUnit | str | Sequence[str]


class TopicModel:
    """A topic model over policy text: NMF (default) or LDA.

    Args:
        k: the number of topics.
        model: ``nmf`` (scikit-learn NMF on sublinear TF-IDF; fast, and more
            coherent on policy paragraphs) or ``lda`` (gensim ``LdaModel``).
        seed: random seed; the same seed and inputs give the same topics.
        min_df: keep terms in at least this many units (int) or share of units
            (float < 1); ``"auto"``: 2 for small corpora, rising to 5 from 1,000 units.
        max_df: drop terms in more than this share (float ≤ 1) or number (int) of units.
        max_terms: cap the vocabulary at the most frequent terms (bounds memory).
        min_chars: shortest token kept; 1 keeps single-character words.
        segmenter: an object with ``.tokens(text)`` (such as
            :class:`policytext.Segmenter`) or a callable ``text -> tokens``;
            None builds one from ``user_dicts``, ``domain_dict`` and ``stopwords``.
        user_dicts: jieba-format dictionaries merged over the domain dictionary.
        domain_dict: load the shipped policy-domain dictionary.
        stopwords: stopword lists to drop (``"general,policy"``, files, ``"none"``).
        max_iter: NMF iterations at most.
        passes: LDA passes over the corpus.
        iterations: LDA inference iterations per unit.
        alpha: LDA document-topic prior (``"symmetric"``, ``"asymmetric"``, ``"auto"`` or a number).
        eta: LDA topic-word prior (None, ``"symmetric"``, ``"auto"`` or a number).

    Attributes (after ``fit``):
        vocabulary_: the terms, in column order.
        topic_terms_: ``k x terms`` array; row ``t`` is topic ``t+1``'s weight
            on each term, summing to 1 (LDA: the topic-word distribution; NMF:
            the normalised component).
        doc_topics_: ``units x k`` array of each fitted unit's topic shares
            (rows sum to 1; a unit with no vocabulary term has all zeros).
        document_frequency_: how many fitted units hold each term.
        unit_lengths_: how many vocabulary tokens each fitted unit holds.
        labels_: a short label per topic (its three most distinctive top terms).
        n_units_: the number of units fitted.
        n_iter_: NMF iterations run (LDA: passes).
        converged_: NMF stopped before ``max_iter`` (LDA: always True).

    Example:
        >>> model = TopicModel(k=10, seed=42).fit(units)      # doctest: +SKIP
        >>> model.top_terms(5)[0]                             # doctest: +SKIP
        ['改革', '企业', '国有企业', '制度', '市场']
    """

    def __init__(
        self,
        k: int = 10,
        *,
        model: str = "nmf",
        seed: int = 42,
        min_df: float | str = "auto",
        max_df: float = 0.5,
        max_terms: int | None = None,
        min_chars: int = 2,
        segmenter: Any = None,
        user_dicts: Sequence[str] = (),
        domain_dict: bool = True,
        stopwords: str | Sequence[str] | None = "general,policy",
        max_iter: int = 400,
        passes: int = 10,
        iterations: int = 50,
        alpha: str | float = "symmetric",
        eta: str | float | None = None,
    ) -> None:
        self.k = k
        self.model = model
        self.seed = seed
        self.min_df = min_df
        self.max_df = max_df
        self.max_terms = max_terms
        self.min_chars = min_chars
        self.segmenter = segmenter
        self.user_dicts = user_dicts
        self.domain_dict = domain_dict
        self.stopwords = stopwords
        self.max_iter = max_iter
        self.passes = passes
        self.iterations = iterations
        self.alpha = alpha
        self.eta = eta

    # ------------------------------------------------------------------ settings

    def get_params(self) -> dict[str, Any]:
        """Return the settings given to ``__init__``."""
        return {name: getattr(self, name) for name in _PARAMS}

    def set_params(self, **params: Any) -> TopicModel:
        """Change settings (the model must be fitted again); returns self."""
        for name, value in params.items():
            if name not in _PARAMS:
                raise ConfigError(f"TopicModel has no setting {name!r}; settings: {', '.join(_PARAMS)}")
            setattr(self, name, value)
        self.__dict__.pop("_tokenize", None)  # built from the old settings
        return self

    def clone(self, **params: Any) -> TopicModel:
        """Return an unfitted copy with the same settings, some changed."""
        return TopicModel(**{**self.get_params(), **params})

    def __repr__(self) -> str:
        return f"TopicModel(k={self.k!r}, model={self.model!r}, seed={self.seed!r})"

    def _check_params(self) -> None:
        if self.model not in TOPIC_MODELS:
            raise UnknownStrategyError("topic model", str(self.model), TOPIC_MODELS)
        if isinstance(self.k, bool) or not isinstance(self.k, (int, np.integer)) or self.k < 2:
            raise ConfigError(f"k must be a whole number of topics, at least 2, not {self.k!r}")
        if self.min_chars < 1:
            raise ConfigError(f"min_chars must be at least 1, not {self.min_chars!r}")

    # ------------------------------------------------------------------ tokens

    def _tokenizer(self) -> Callable[[str], list[str]]:
        tok = getattr(self, "_tokenize", None)
        if tok is None:
            tok = make_tokenizer(
                self.segmenter,
                user_dicts=self.user_dicts,
                domain_dict=self.domain_dict,
                stopwords=self.stopwords,
            )
            self._tokenize = tok
        return tok

    def tokenize(self, units: Sequence[Unit]) -> list[list[str]]:
        """Return each unit's tokens after the vocabulary filter (before pruning).

        Units may be :class:`TopicUnit`, texts, or token lists (already
        segmented: only the filter is applied).
        """
        tok: Callable[[str], list[str]] | None = None
        out = []
        for unit in units:
            if isinstance(unit, TopicUnit):
                unit = unit.text
            if isinstance(unit, str):
                tok = tok or self._tokenizer()
                raw: Sequence[str] = tok(unit)
            elif isinstance(unit, Sequence):
                raw = unit
            else:
                raise ConfigError(
                    f"a unit must be a TopicUnit, a text or a token list, not {type(unit).__name__}"
                )
            out.append(_vocab.filter_tokens(raw, min_chars=self.min_chars))
        return out

    def prepare(self, units: Sequence[Unit]) -> _vocab.Prepared:
        """Tokenise the units and prune the vocabulary (what ``fit`` starts with).

        :func:`policytext.sweep_topics` calls this once and fits every K on it.
        """
        self._check_params()
        tokens = self.tokenize(units)
        return _vocab.prepare(tokens, min_df=self.min_df, max_df=self.max_df, max_terms=self.max_terms)

    # ------------------------------------------------------------------ fitting

    def fit(self, units: Sequence[Unit]) -> TopicModel:
        """Fit the model to units (TopicUnit, texts or token lists); returns self.

        Raises:
            ConfigError: a bad setting, or no term survives the vocabulary pruning.
        """
        return self.fit_prepared(self.prepare(units))

    def fit_prepared(self, prepared: _vocab.Prepared) -> TopicModel:
        """Fit to a corpus from :meth:`prepare` (shared across a sweep over K)."""
        self._check_params()
        counts = prepared.counts
        if self.k > min(counts.shape):
            raise ConfigError(
                f"k={self.k} topics need at least {self.k} units and terms; "
                f"there are {counts.shape[0]} units and {counts.shape[1]} terms"
            )
        self.vocabulary_ = list(prepared.vocabulary)
        self.document_frequency_ = np.asarray(prepared.document_frequency)
        self.n_units_ = counts.shape[0]
        self.unit_lengths_ = np.asarray(counts.sum(axis=1)).ravel().astype(np.int64)
        with _single_thread():
            if self.model == "nmf":
                terms, shares = self._fit_nmf(counts)
            else:
                terms, shares = self._fit_lda(counts)
        # topic 1 is the largest: order by mean share, ties by the fitted order
        order = np.lexsort((np.arange(self.k), -shares.mean(axis=0)))
        self._order = order
        self.topic_terms_ = terms[order]
        self.doc_topics_ = shares[:, order]
        self.labels_ = _labels(self.topic_terms_, self.vocabulary_)
        return self

    def _fit_nmf(self, counts: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
        from sklearn.decomposition import NMF
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.feature_extraction.text import TfidfTransformer

        tfidf = TfidfTransformer(sublinear_tf=True)
        x = tfidf.fit_transform(counts)
        nmf = NMF(n_components=int(self.k), init="nndsvd", max_iter=self.max_iter, random_state=self.seed)
        with warnings.catch_warnings():
            # reaching max_iter is recorded in n_iter_/converged_, not printed once per K
            warnings.simplefilter("ignore", ConvergenceWarning)
            w = nmf.fit_transform(x)
        h = nmf.components_
        self.n_iter_ = int(nmf.n_iter_)
        self.converged_ = self.n_iter_ < self.max_iter
        self._idf = tfidf.idf_
        self._components = h
        return _normalise_rows(h), _normalise_rows(w)

    def _fit_lda(self, counts: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
        from gensim.matutils import Sparse2Corpus
        from gensim.models import LdaModel

        corpus = Sparse2Corpus(counts, documents_columns=False)
        id2word = dict(enumerate(self.vocabulary_))
        lda = LdaModel(
            corpus=corpus,
            id2word=id2word,
            num_topics=int(self.k),
            passes=self.passes,
            iterations=self.iterations,
            alpha=self.alpha,
            eta=self.eta,
            random_state=self.seed,
            eval_every=None,
            chunksize=2000,
        )
        self._lda = lda
        self.n_iter_ = int(self.passes)
        self.converged_ = True
        return np.asarray(lda.get_topics(), dtype=np.float64), self._lda_shares(counts)

    def _lda_shares(self, counts: sp.csr_matrix) -> np.ndarray:
        from gensim.matutils import Sparse2Corpus

        lda = self._lda
        # inference starts from random gammas: a fresh state makes it repeatable
        lda.random_state = np.random.RandomState(self.seed)
        rows = []
        for start in range(0, counts.shape[0], 2000):
            block = counts[start : start + 2000]
            gamma, _ = lda.inference(list(Sparse2Corpus(block, documents_columns=False)))
            gamma = np.asarray(gamma, dtype=np.float64)
            empty = np.asarray(block.sum(axis=1)).ravel() == 0
            gamma[empty] = 0.0
            rows.append(_normalise_rows(gamma))
        return np.vstack(rows) if rows else np.zeros((0, self.k))

    # ------------------------------------------------------------------ using

    def _check_fitted(self, method: str) -> None:
        if not hasattr(self, "topic_terms_"):
            raise NotFittedError(self, method)

    def transform(self, units: Sequence[Unit]) -> np.ndarray:
        """Return the topic shares of new units (``units x k``, rows sum to 1).

        Raises:
            NotFittedError: the model has not been fitted.
        """
        self._check_fitted("transform")
        counts = _vocab.count_matrix(self.tokenize(units), self.vocabulary_)
        with _single_thread():
            if self.model == "nmf":
                shares = self._nmf_shares(counts)
            else:
                shares = self._lda_shares(counts)
        return shares[:, self._order]

    def fit_transform(self, units: Sequence[Unit]) -> np.ndarray:
        """Fit, then return the fitted units' topic shares (``doc_topics_``)."""
        return self.fit(units).doc_topics_

    def _nmf_shares(self, counts: sp.csr_matrix) -> np.ndarray:
        from sklearn.decomposition import non_negative_factorization
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.preprocessing import normalize

        x = counts.astype(np.float64)
        x.data = 1.0 + np.log(x.data)
        x = normalize(sp.csr_matrix(x.multiply(self._idf)), norm="l2")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            w, _, _ = non_negative_factorization(
                x,
                H=self._components,
                n_components=self._components.shape[0],
                update_H=False,
                max_iter=self.max_iter,
                random_state=self.seed,
            )
        return _normalise_rows(w)

    def top_terms(self, n: int = 10) -> list[list[str]]:
        """Return each topic's ``n`` heaviest terms."""
        self._check_fitted("top_terms")
        return [[self.vocabulary_[j] for j in _top(row, n)] for row in self.topic_terms_]

    def frex(self, *, weight: float = 0.5) -> np.ndarray:
        """Return FREX scores (``k x terms``): frequent *and* exclusive terms score high.

        FREX (Roberts et al., ``stm``) is the weighted harmonic mean of a term's
        rank by weight within the topic and its rank by exclusivity (its weight
        in this topic over its weight in all topics), both as empirical CDFs.

        Args:
            weight: the weight of exclusivity (0.5 gives both the same).
        """
        self._check_fitted("frex")
        return frex_scores(self.topic_terms_, weight=weight)

    def frex_terms(self, n: int = 10, *, weight: float = 0.5) -> list[list[str]]:
        """Return each topic's ``n`` terms of highest FREX."""
        scores = self.frex(weight=weight)
        return [[self.vocabulary_[j] for j in _top(row, n)] for row in scores]

    # ------------------------------------------------------------------ saving

    def save(self, path: PathLike) -> Path:
        """Save the fitted model as a folder of JSON and NumPy arrays (no pickle).

        Returns:
            The folder; read it back with :func:`policytext.load_topics`.
        """
        self._check_fitted("save")
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        params = self.get_params()
        custom = params.pop("segmenter") is not None
        params["user_dicts"] = list(params["user_dicts"])
        info = {
            "format": _FORMAT,
            "version": _FORMAT_VERSION,
            "params": params,
            "custom_segmenter": custom,
            "vocabulary": self.vocabulary_,
            "labels": self.labels_,
            "n_units": int(self.n_units_),
            "order": [int(i) for i in self._order],
            "n_iter": getattr(self, "n_iter_", None),
            "converged": getattr(self, "converged_", None),
        }
        arrays: dict[str, np.ndarray] = {
            "topic_terms": self.topic_terms_,
            "doc_topics": self.doc_topics_,
            "document_frequency": self.document_frequency_,
            "unit_lengths": self.unit_lengths_,
        }
        if self.model == "nmf":
            arrays["nmf_components"] = self._components
            arrays["idf"] = self._idf
        else:
            lda = self._lda
            arrays["lda_sstats"] = np.asarray(lda.state.sstats)
            arrays["lda_alpha"] = np.asarray(lda.alpha)
            arrays["lda_eta"] = np.asarray(lda.eta)
        for name, array in arrays.items():
            np.save(folder / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
        with open(folder / "model.json", "w", encoding="utf-8") as fh:
            json.dump(info, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.write("\n")
        return folder


_PARAMS = (
    "k",
    "model",
    "seed",
    "min_df",
    "max_df",
    "max_terms",
    "min_chars",
    "segmenter",
    "user_dicts",
    "domain_dict",
    "stopwords",
    "max_iter",
    "passes",
    "iterations",
    "alpha",
    "eta",
)


def load_topics(path: PathLike, *, segmenter: Any = None) -> TopicModel:
    """Read a model saved by :meth:`TopicModel.save` (or by ``policytext topics --out``).

    Args:
        path: the model folder, or its ``model.json``.
        segmenter: the segmenter to tokenise new text with; needed when the
            model was fitted with a custom one, else rebuilt from the saved settings.

    Raises:
        InputError: the folder does not hold a saved topic model.

    Example:
        >>> model = policytext.load_topics("out/model")           # doctest: +SKIP
        >>> model.transform(["深化国有企业改革"])                    # doctest: +SKIP
    """
    folder = Path(path)
    if folder.name == "model.json":
        folder = folder.parent
    meta_path = folder / "model.json"
    try:
        with open(meta_path, encoding="utf-8") as fh:
            info = json.load(fh)
    except FileNotFoundError as exc:
        raise InputError(folder, "no model.json here: not a topic model saved by policytext") from exc
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(meta_path, f"cannot read the topic model ({exc})") from exc
    if info.get("format") != _FORMAT:
        raise InputError(meta_path, "not a topic model saved by policytext")
    if int(info.get("version", 0)) > _FORMAT_VERSION:
        raise InputError(
            meta_path, f"saved by a newer policytext (format {info['version']}); upgrade to read it"
        )

    def array(name: str) -> np.ndarray:
        try:
            return np.load(folder / f"{name}.npy", allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise InputError(folder / f"{name}.npy", f"missing or damaged array ({exc})") from exc

    params = dict(info["params"])
    model = TopicModel(**params, segmenter=segmenter)
    model.vocabulary_ = list(info["vocabulary"])
    model.labels_ = list(info["labels"])
    model.n_units_ = int(info["n_units"])
    model._order = np.asarray(info["order"], dtype=np.int64)
    if info.get("n_iter") is not None:
        model.n_iter_ = int(info["n_iter"])
        model.converged_ = bool(info.get("converged"))
    model.topic_terms_ = array("topic_terms")
    model.doc_topics_ = array("doc_topics")
    model.document_frequency_ = array("document_frequency")
    model.unit_lengths_ = array("unit_lengths")
    if model.model == "nmf":
        model._components = array("nmf_components")
        model._idf = array("idf")
    else:
        from gensim.models import LdaModel

        sstats = array("lda_sstats")
        lda = LdaModel(
            id2word=dict(enumerate(model.vocabulary_)),
            num_topics=int(model.k),
            alpha=array("lda_alpha"),
            eta=array("lda_eta"),
            iterations=model.iterations,
            random_state=model.seed,
            dtype=sstats.dtype.type,
        )
        lda.state.sstats[...] = sstats
        lda.sync_state()
        model._lda = lda
    if info.get("custom_segmenter") and segmenter is None:
        model._tokenize = _needs_segmenter(os.fspath(folder))
    return model


def _needs_segmenter(folder: str) -> Callable[[str], list[str]]:
    def tokenize(text: str) -> list[str]:
        raise ConfigError(
            f"{folder}: this model was fitted with a custom segmenter; "
            "pass it again with load_topics(path, segmenter=...) to transform text"
        )

    return tokenize


# ---------------------------------------------------------------------- helpers


def _single_thread() -> Any:
    """One BLAS thread: a multi-threaded BLAS sums in an order that depends on the
    number of cores, and NMF's coordinate descent carries the difference into
    the topics; with one thread the same inputs give the same topics anywhere
    the same libraries run."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float64)
    sums = matrix.sum(axis=1, keepdims=True)
    out = np.zeros_like(matrix)
    np.divide(matrix, sums, out=out, where=sums > 0)
    return out


def _top(row: np.ndarray, n: int) -> list[int]:
    # heaviest first; equal weights keep column (code-point) order
    order = np.lexsort((np.arange(row.shape[0]), -row))
    return [int(j) for j in order[:n] if row[j] > 0] or [int(j) for j in order[:n]]


def _ecdf(values: np.ndarray) -> np.ndarray:
    """Empirical CDF of each value within its row (share of the row at or below it)."""
    out = np.empty_like(values, dtype=np.float64)
    n = values.shape[1]
    for i, row in enumerate(values):
        ordered = np.sort(row, kind="stable")
        out[i] = np.searchsorted(ordered, row, side="right") / n
    return out


def frex_scores(topic_terms: np.ndarray, *, weight: float = 0.5) -> np.ndarray:
    """FREX of every term in every topic, from a ``k x terms`` weight matrix."""
    if not 0.0 <= weight <= 1.0:
        raise ConfigError(f"the FREX weight must lie between 0 and 1, not {weight!r}")
    beta = np.asarray(topic_terms, dtype=np.float64)
    totals = beta.sum(axis=0, keepdims=True)
    excl = np.zeros_like(beta)
    np.divide(beta, totals, out=excl, where=totals > 0)
    e = _ecdf(excl)
    f = _ecdf(beta)
    with np.errstate(divide="ignore"):
        scores = 1.0 / (weight / e + (1.0 - weight) / f)
    scores[beta <= 0] = 0.0
    return scores


def _labels(topic_terms: np.ndarray, vocabulary: Sequence[str], *, n: int = 3, pool: int = 10) -> list[str]:
    """Label each topic with its ``n`` most exclusive terms among its ``pool`` heaviest."""
    scores = frex_scores(topic_terms)
    labels = []
    for t, row in enumerate(topic_terms):
        top = _top(row, pool)
        ranked = sorted(top, key=lambda j: (-scores[t, j], top.index(j)))
        labels.append("_".join(vocabulary[j] for j in ranked[:n]))
    return labels
