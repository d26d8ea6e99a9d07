"""Recurring duties: near-duplicate obligations across documents, clustered with citations.

Two rows are the same duty when they have the same modality and actor type and
their duty texts (the sentence without its clause number and bearer) read alike.
Rows are blocked by (modality, actor type) and identical duty texts collapse
first. Candidates come from MinHash/LSH (datasketch MinHash on character
bigrams; band keys sorted with numpy instead of kept in per-item hash tables,
so memory stays small), and each duty is compared with a bounded number of
bucket neighbours; a pair is accepted when the rapidfuzz similarity reaches
``similarity``, and accepted pairs are joined with union-find, each cluster
rooted at its earliest duty: two clusters join only when their roots read alike
too, so that legal boilerplate cannot chain unrelated duties into one giant
cluster. The cost stays near linear in the number of distinct duties.

Each cluster reports its medoid wording (the member most similar to the
others), its modality and actor type, how many documents and rows carry it, and
every citation.
"""

from __future__ import annotations

import functools
import re
import zlib
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from ..errors import ConfigError
from ..model import Obligation

__all__ = ["DutyCluster", "recurring_obligations", "normalize_action", "action_similarity", "duty_text"]

_STRIP = re.compile(r"[\s\u3000，,。．.；;：:、（）()《》〈〉“”\"'‘’！？!?…—\-·【】\[\]]+")
_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9]+)?|[零〇一二三四五六七八九十百千万两]{2,}")
_CJK = re.compile(r"[\u3400-\u9fff]")


def normalize_action(text: str) -> str:
    """The form of an action that similarity reads: no punctuation or spaces, numbers as #."""
    if not _CJK.search(text):
        text = text.lower()
    text = _DIGITS.sub("#", text)
    return _STRIP.sub("", text)


def duty_text(row: Obligation) -> str:
    """The normalised text a duty is compared by: its sentence without the clause
    number and without the bearer (the bearer is compared through its type).

    Measured on the hand-built recurrence set (tests/data/obligations), the whole
    sentence minus the bearer matches reworded duties better than the action
    alone, which is often a bare object (享受同等待遇 -> 同等待遇).
    """
    from ._actors import strip_label

    text = row.sentence or row.action
    text = text[strip_label(text) :]
    if row.actor:
        text = text.replace(row.actor, "", 1)
    norm = normalize_action(text)
    return norm or normalize_action(row.action)


def _shingles(text: str) -> list[bytes]:
    if len(text) < 2:
        return [text.encode("utf-8")] if text else []
    return list({text[i : i + 2].encode("utf-8") for i in range(len(text) - 1)})


def _similar_enough(a: str, b: str, threshold: float) -> bool:
    """``action_similarity(a, b) >= threshold``, skipping the work that cannot reach it."""
    if not a or not b:
        return False
    la, lb = len(a), len(b)
    short, long_ = (la, lb) if la <= lb else (lb, la)
    if fuzz.ratio(a, b, score_cutoff=threshold * 100):
        return True
    weight = (short / long_) ** 0.5
    if weight < threshold:
        return False
    return fuzz.partial_ratio(a, b, score_cutoff=threshold / weight * 100) > 0


def action_similarity(a: str, b: str) -> float:
    """Similarity of two normalised duty texts in [0, 1].

    The better of the plain edit-distance ratio and the ratio of the shorter
    action against its best-matching stretch of the longer one, the latter
    discounted by the length ratio so that a short action is not "the same"
    as any long one that contains it.
    """
    if not a or not b:
        return 0.0
    plain = fuzz.ratio(a, b) / 100.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    partial = fuzz.partial_ratio(short, long_) / 100.0
    weight = (len(short) / len(long_)) ** 0.5
    return max(plain, partial * weight)


@dataclass
class DutyCluster:
    """A duty that recurs across documents.

    Attributes:
        id: 1-based number, clusters ordered by documents then occurrences.
        modality: the shared modality.
        actor_type: the shared actor type.
        representative: the medoid action (the member most like the others).
        actor: the bearer as written in the medoid row.
        sentence: the medoid's sentence.
        documents: how many documents carry the duty.
        occurrences: how many rows.
        citations: one dict per row: ``doc``, ``clause``, ``clause_label``,
            ``start``, ``end``, ``page``, ``actor``, ``action``, ``sentence``
            (and ``source`` when known).
    """

    id: int
    modality: str
    actor_type: str
    representative: str
    actor: str
    sentence: str
    documents: int
    occurrences: int
    citations: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the fields."""
        return {
            "id": self.id,
            "modality": self.modality,
            "actor_type": self.actor_type,
            "representative": self.representative,
            "actor": self.actor,
            "sentence": self.sentence,
            "documents": self.documents,
            "occurrences": self.occurrences,
            "citations": [dict(c) for c in self.citations],
        }


def recurring_obligations(
    obligations: Iterable[Obligation],
    *,
    min_docs: int = 2,
    similarity: float = 0.48,
    lsh_threshold: float = 0.2,
    num_perm: int = 64,
    bucket_compare: int = 3,
    max_citations: int | None = None,
    sources: dict[str, str] | None = None,
    similarity_fn: Callable[[str, str], float] | None = None,
    seed: int = 1,
) -> list[DutyCluster]:
    """Cluster near-duplicate duties across documents.

    Rows are blocked by (modality, actor type); identical duty texts (see
    :func:`duty_text`) collapse first. Each distinct duty gets a MinHash of its
    character bigrams (datasketch); its LSH band keys put it in buckets, and
    within a bucket a duty is compared with the ``bucket_compare`` duties before
    it. Pairs whose :func:`action_similarity` reaches ``similarity`` are joined
    (union-find) when the earliest duties of their two clusters also reach it,
    so a cluster stays close to its first wording instead of chaining.

    Args:
        obligations: rows from :func:`extract_obligations` (``none`` rows are
            skipped); a generator is read once and not kept.
        min_docs: keep clusters found in at least this many documents.
        similarity: the least similarity of two duty texts to be the same duty
            (chosen on the teachers-law part of the hand-built recurrence set;
            higher is stricter).
        lsh_threshold: the bigram Jaccard around which MinHash/LSH proposes
            candidates; lower finds more and costs more.
        num_perm: MinHash permutations.
        bucket_compare: in each LSH bucket, compare a duty with this many
            earlier ones (bounds the cost on very common wordings).
        max_citations: keep at most this many citations per cluster (all when
            None); ``occurrences`` always counts every row.
        sources: doc id -> file name, added to the citations.
        similarity_fn: replace :func:`action_similarity` (same signature).
        seed: MinHash seed (the same seed gives the same clusters).

    Returns:
        The clusters, most widespread first.

    Raises:
        ConfigError: a threshold outside (0, 1], or ``min_docs`` < 1.
    """
    if not 0 < similarity <= 1 or not 0 < lsh_threshold <= 1:
        raise ConfigError("similarity and lsh_threshold must be in (0, 1]")
    if min_docs < 1:
        raise ConfigError(f"min_docs must be at least 1, not {min_docs}")
    import numpy as np
    from datasketch import MinHash

    sim = similarity_fn or action_similarity
    if similarity_fn is None:

        def accept(a: str, b: str) -> bool:
            return _similar_enough(a, b, similarity)

    else:

        def accept(a: str, b: str) -> bool:
            return similarity_fn(a, b) >= similarity

    bands, rows_per_band = _lsh_params(lsh_threshold, num_perm)
    # crc32 is a fast, process-independent 32-bit hash of a shingle (datasketch's
    # default, sha1, costs more than the rest of the clustering together).
    template = MinHash(num_perm=num_perm, seed=seed, hashfunc=zlib.crc32)
    permutations, scheme = template.permutations, getattr(template, "scheme", None)
    extra = {"scheme": scheme} if scheme is not None else {}
    powers = np.array([pow(1_000_003, j, 1 << 64) for j in range(rows_per_band)], dtype=np.uint64)
    band_salt = np.array([(i + 1) * 0xBF58476D1CE4E5B9 % (1 << 64) for i in range(bands)], dtype=np.uint64)
    used = bands * rows_per_band

    blocks: dict[tuple[str, str], int] = {}
    unique: dict[tuple[int, str], int] = {}
    u_norm: list[str] = []
    band_keys = array("Q")  # bands x uint64 per distinct duty, flat
    row_unique: list[int] = []
    cites: list[tuple[Any, ...]] = []
    for row in obligations:
        if row.modality == "none":
            continue
        norm = duty_text(row)
        block = blocks.setdefault((row.modality, row.actor_type), len(blocks))
        key = (block, norm)
        u = unique.get(key)
        if u is None:
            u = unique[key] = len(u_norm)
            u_norm.append(norm)
            mh = MinHash(
                num_perm=num_perm, seed=seed, hashfunc=zlib.crc32, permutations=permutations, **extra
            )
            shingles = _shingles(norm)
            if shingles:
                mh.update_batch(shingles)
            hv = mh.hashvalues[:used].astype(np.uint64).reshape(bands, rows_per_band)
            keys = (
                (hv * powers).sum(axis=1, dtype=np.uint64)
                ^ band_salt
                ^ np.uint64(block * 0x9E3779B97F4A7C15 % (1 << 64))
            )
            band_keys.frombytes(keys.tobytes())
        row_unique.append(u)
        cites.append(
            (
                row.doc,
                row.clause,
                row.clause_label,
                row.start,
                row.end,
                row.page,
                row.actor,
                row.action,
                row.sentence,
                row.modality,
                row.actor_type,
            )
        )
    unique.clear()

    parent = list(range(len(u_norm)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    if u_norm:
        keys = np.frombuffer(band_keys, dtype=np.uint64).reshape(len(u_norm), bands)
        for i in range(keys.shape[1]):
            order = np.argsort(keys[:, i], kind="stable")
            ranked = keys[order, i]
            cut = np.flatnonzero(ranked[1:] != ranked[:-1]) + 1
            starts = np.concatenate(([0], cut))
            ends = np.concatenate((cut, [len(ranked)]))
            for a, z in zip(starts[ends - starts > 1].tolist(), ends[ends - starts > 1].tolist()):
                bucket = order[a:z].tolist()
                for p in range(1, len(bucket)):
                    u = bucket[p]
                    for q in range(max(0, p - bucket_compare), p):
                        v = bucket[q]
                        ru, rv = find(u), find(v)
                        if ru == rv or not accept(u_norm[u], u_norm[v]):
                            continue
                        # Each cluster is rooted at its earliest duty; two clusters join
                        # only when their roots read alike too, so that common legal
                        # boilerplate cannot chain unrelated duties into one cluster.
                        if (ru != u or rv != v) and not accept(u_norm[ru], u_norm[rv]):
                            continue
                        parent[max(ru, rv)] = min(ru, rv)

    groups: dict[int, list[int]] = {}
    for k, u in enumerate(row_unique):
        groups.setdefault(find(u), []).append(k)
    clusters: list[DutyCluster] = []
    for _root, members in sorted(groups.items()):
        docs = {cites[k][0] for k in members}
        if len(docs) < min_docs:
            continue
        medoid = _medoid(members, [u_norm[row_unique[k]] for k in members], sim)
        m = cites[medoid]
        kept = members if max_citations is None else members[:max_citations]
        clusters.append(
            DutyCluster(
                id=0,
                modality=m[9],
                actor_type=m[10],
                representative=m[7] or m[8],
                actor=m[6],
                sentence=m[8],
                documents=len(docs),
                occurrences=len(members),
                citations=[_citation(cites[k], sources) for k in kept],
            )
        )
    clusters.sort(key=lambda c: (-c.documents, -c.occurrences, c.modality, c.actor_type, c.representative))
    for k, c in enumerate(clusters, 1):
        c.id = k
    return clusters


@functools.lru_cache(maxsize=16)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    # datasketch finds the bands x rows that fit the threshold by numerical
    # integration; do it once, not once per (modality, actor type) block.
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def _medoid(members: Sequence[int], norms: Sequence[str], sim: Callable[[str, str], float]) -> int:
    """The member whose duty text is most like the others' (on a sample of at most 30)."""
    picks = list(range(len(members)))
    if len(picks) > 30:
        step = len(picks) / 30
        picks = [int(i * step) for i in range(30)]
    distinct: dict[str, int] = {}
    for i in picks:
        distinct.setdefault(norms[i], members[i])
    if len(distinct) == 1:
        return members[picks[0]]
    texts = list(distinct)
    best, best_score = members[picks[0]], -1.0
    for t in texts:
        score = sum(sim(t, o) for o in texts if o is not t)
        if score > best_score:
            best, best_score = distinct[t], score
    return best


def _citation(cite: tuple[Any, ...], sources: dict[str, str] | None) -> dict[str, Any]:
    doc, clause, label, start, end, page, actor, action, sentence = cite[:9]
    out: dict[str, Any] = {
        "doc": doc,
        "clause": clause,
        "clause_label": label,
        "start": start,
        "end": end,
        "page": page,
        "actor": actor,
        "action": action,
        "sentence": sentence,
    }
    if sources and doc in sources:
        out["source"] = sources[doc]
    return out
