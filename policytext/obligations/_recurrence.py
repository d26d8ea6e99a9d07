"""Recurring duties: near-duplicate obligations across documents, clustered with citations.

Two rows are the same duty when they have the same modality, bearers of a
compatible kind and duty texts that read alike. The duty text of a row is the
stretch of its sentence that carries its reading (from the sentence start for
the first reading, from its own clause for a second bearer's reading), without
the clause number and without the bearer.

Bearers are compatible when their actor types overlap, every conjunct of a
joined bearer counting (``县级以上人民政府计划、财政等有关部门`` is a government
and an "other department", so it can share a duty with ``国务院有关部门``).

Candidates come from MinHash/LSH (datasketch MinHash on character bigrams and
words; band keys sorted with numpy instead of kept in per-item hash tables, so
memory stays small), and each duty is compared with a bounded number of bucket
neighbours. A pair is the same duty when

- its words (the Segmenter's content tokens, deontic cue words left out)
  overlap strongly (Dice >= ``token_similarity``), or
- the shorter duty's words are nearly all in the longer one (containment >=
  ``containment``, at least ``min_shared`` words): a duty stated alone and the
  same duty inside a longer list of duties, or
- the character similarity (edit ratio, or the shorter text against its best
  stretch of the longer one discounted by the length ratio) reaches
  ``similarity`` and the two share at least ``min_token_overlap`` of their words
  (shared boilerplate such as 应当逐步 alone does not make two duties one).

Accepted pairs are joined with union-find, each cluster rooted at its earliest
duty: two clusters join only when their roots read alike too and their bearer
types still overlap, so that legal boilerplate cannot chain unrelated duties into
one giant cluster. The cost stays near linear in the number of distinct duties.

Each cluster reports its medoid wording (the member most similar to the
others), its modality and actor type, how many documents and rows carry it, and
every citation.
"""

from __future__ import annotations

import functools
import math
import re
import zlib
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from ..errors import ConfigError
from ..model import Obligation

__all__ = [
    "DutyCluster",
    "recurring_obligations",
    "normalize_action",
    "action_similarity",
    "duty_text",
    "duty_tokens",
]

_STRIP = re.compile(r"[\s\u3000，,。．.；;：:、（）()《》〈〉“”\"'‘’！？!?…—\-·【】\[\]]+")
_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9]+)?|[零〇一二三四五六七八九十百千万两]{2,}")
_CJK = re.compile(r"[\u3400-\u9fff]")


def normalize_action(text: str) -> str:
    """The form of an action that similarity reads: no punctuation or spaces, numbers as #."""
    if not _CJK.search(text):
        text = text.lower()
    text = _DIGITS.sub("#", text)
    return _STRIP.sub("", text)


_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
# the words of deontic cues: the modality is compared apart, so they are no evidence
_CUE_WORDS = frozenset(
    "应当 应该 必须 须 应 要 需 需要 负责 可以 可 有权 享有 享受 不得 禁止 严禁 不准 不能 鼓励 支持 倡导 提倡 引导 "
    "依法 按照 规定 有关 国家 以上 各级 # 并 及时 逐步 积极 给予 予以 进行 实行 做好 工作 相应".split()
)


def duty_text(row: Obligation, *, first: bool = True) -> str:
    """The normalised text a duty is compared by: the stretch of its sentence that
    carries the reading, without the clause number and without the bearer (the
    bearer is compared through its type).

    The first reading of a sentence runs from the sentence start (conditions such
    as …的，应当 belong to it) to the end of its action; a later reading (学校应当…，
    **企业应当…**) starts at its own clause. Measured on the hand-built recurrence
    set (tests/data/obligations), the sentence minus the bearer matches reworded
    duties better than the action alone, which is often a bare object (享受同等待遇
    -> 同等待遇).

    Args:
        row: an obligation row.
        first: the row is the first reading of its sentence.
    """
    from ._actors import strip_label

    text = row.sentence or row.action
    start = strip_label(text)
    end = len(text)
    at = text.find(row.action, start) if row.action else -1
    if at >= 0:
        end = at + len(row.action)
        if not first:
            anchor = text.rfind(row.actor, start, at) if row.actor else -1
            anchor = anchor if anchor >= 0 else max(start, at - len(row.cue or ""))
            breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, start, anchor)]
            start = breaks[-1] if breaks else start
    text = text[start:end]
    if row.actor:
        text = text.replace(row.actor, "", 1)
    norm = normalize_action(text)
    return norm or normalize_action(row.action)


@functools.lru_cache(maxsize=1)
def _segmenter() -> Any:
    from ..segment import Segmenter

    return Segmenter()


def duty_tokens(text: str) -> tuple[str, ...]:
    """The words a duty is compared by: the Segmenter's content tokens of its
    normalised text, without deontic cue words and boilerplate (应当, 依法 ...)."""
    return tuple(dict.fromkeys(t for t in _segmenter().tokens(text) if t not in _CUE_WORDS))


def _owner_types(row: Obligation) -> list[str]:
    """For a duty without a bearer whose subject is owned (民办学校的招生简章应当…),
    the types of the owner: the duty can recur with that owner as its bearer."""
    from ._actors import _only_verbs, _pos, find_actor_zh, strip_label
    from ._lexicon import load_actor_lexicon

    text = row.sentence or ""
    body = text[strip_label(text) :]
    k = body.find("的")
    if k <= 0 or k > 30:
        return []
    lex = load_actor_lexicon()
    words = _pos(body[:k])
    if words and words[-1][1] == "v" and len(words) > 1:
        # 民办学校组织的教育教学活动，应当…: the agent of a bare relative clause owns the thing
        k -= len(words[-1][0])
    span = find_actor_zh(body[:k], lex, own_clause=False)
    if span is None:
        return []
    if span[1] != k:
        verb = body[span[1] : k]
        if len(verb) > 5 or not _only_verbs(verb):
            return []
    from ._tables import actor_types_of

    return actor_types_of(body[span[0] : span[1]], lex)


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
    similarity: float = 0.40,
    token_similarity: float = 0.6,
    containment: float = 0.85,
    min_shared: int = 3,
    min_token_overlap: float = 0.4,
    lsh_threshold: float = 0.2,
    num_perm: int = 64,
    bucket_compare: int = 3,
    max_citations: int | None = None,
    sources: dict[str, str] | None = None,
    similarity_fn: Callable[[str, str], float] | None = None,
    seed: int = 1,
) -> list[DutyCluster]:
    """Cluster near-duplicate duties across documents.

    Rows are blocked by modality; identical duty texts (see :func:`duty_text`)
    with the same bearer types collapse first. Each distinct duty gets a MinHash
    of its character bigrams and words (datasketch); its LSH band keys put it in
    buckets, and within a bucket a duty is compared with the ``bucket_compare``
    duties before it. Pairs whose bearers are of a compatible kind and whose
    texts read alike (see the module notes: word overlap, containment, character
    similarity) are joined (union-find) when the earliest duties of their two
    clusters also read alike, so a cluster stays close to its first wording
    instead of chaining.

    Args:
        obligations: rows from :func:`extract_obligations` (``none`` rows are
            skipped); a generator is read once and not kept. The readings of one
            sentence are expected next to each other, as the extractor gives them.
        min_docs: keep clusters found in at least this many documents.
        similarity: the least character similarity of two duty texts (see
            :func:`action_similarity`) to be the same duty, given that they share
            ``min_token_overlap`` of their words; higher is stricter.
        token_similarity: the word overlap (Dice) that alone makes two duties one.
        containment: the share of the shorter duty's words found in the longer
            one that makes them one (a duty alone and inside a list of duties).
        min_shared: the least number of shared words for ``containment``.
        min_token_overlap: the word overlap without which character similarity
            does not count.
        lsh_threshold: the shingle Jaccard around which MinHash/LSH proposes
            candidates; lower finds more and costs more.
        num_perm: MinHash permutations.
        bucket_compare: in each LSH bucket, compare a duty with this many
            earlier ones (bounds the cost on very common wordings).
        max_citations: keep at most this many citations per cluster (all when
            None); ``occurrences`` always counts every row.
        sources: doc id -> file name, added to the citations.
        similarity_fn: replace the comparison of two duty texts: a function of
            the two normalised texts whose value must reach ``similarity`` (the
            word tests are then not used).
        seed: MinHash seed (the same seed gives the same clusters).

    Returns:
        The clusters, most widespread first.

    Raises:
        ConfigError: a threshold outside (0, 1], or ``min_docs`` < 1.
    """
    for name, value in (
        ("similarity", similarity),
        ("lsh_threshold", lsh_threshold),
        ("token_similarity", token_similarity),
        ("containment", containment),
    ):
        if not 0 < value <= 1:
            raise ConfigError(f"{name} must be in (0, 1], not {value}")
    if not 0 <= min_token_overlap <= 1:
        raise ConfigError(f"min_token_overlap must be in [0, 1], not {min_token_overlap}")
    if min_docs < 1:
        raise ConfigError(f"min_docs must be at least 1, not {min_docs}")
    import numpy as np
    from datasketch import MinHash

    from ._tables import actor_types_of

    sim = similarity_fn or action_similarity
    u_norm: list[str] = []
    # the words of each distinct duty as ids into one flat array (small in memory
    # at a million rows), with how many duties use each word
    vocab: dict[str, int] = {}
    tok_flat = array("I")
    tok_off = array("I", [0])
    df = array("I")
    weight = array("d")
    type_sets: dict[frozenset[str], frozenset[str]] = {}
    u_types: list[frozenset[str]] = []

    def accept(i: int, j: int) -> bool:
        a, b = u_norm[i], u_norm[j]
        if similarity_fn is not None:
            return similarity_fn(a, b) >= similarity
        ta = set(tok_flat[tok_off[i] : tok_off[i + 1]])
        tb = set(tok_flat[tok_off[j] : tok_off[j + 1]])
        if ta and tb:
            # words weighted by how specific they are among the duties clustered
            # (教师, 职业教育 say more than 工作, 表彰)
            wa = sum(weight[t] for t in ta)
            wb = sum(weight[t] for t in tb)
            common = ta & tb
            ws = sum(weight[t] for t in common)
            dice = 2 * ws / (wa + wb)
            if dice >= token_similarity:
                return True
            if len(common) >= min_shared and ws / min(wa, wb) >= containment:
                return True
            if dice < min_token_overlap:
                return False
        return _similar_enough(a, b, similarity)

    bands, rows_per_band = _lsh_params(lsh_threshold, num_perm)
    # crc32 is a fast, process-independent 32-bit hash of a shingle (datasketch's
    # default, sha1, costs more than the rest of the clustering together).
    template = MinHash(num_perm=num_perm, seed=seed, hashfunc=zlib.crc32)
    permutations, scheme = template.permutations, getattr(template, "scheme", None)
    extra = {"scheme": scheme} if scheme is not None else {}
    powers = np.array([pow(1_000_003, j, 1 << 64) for j in range(rows_per_band)], dtype=np.uint64)
    band_salt = np.array([(i + 1) * 0xBF58476D1CE4E5B9 % (1 << 64) for i in range(bands)], dtype=np.uint64)
    used = bands * rows_per_band

    blocks: dict[str, int] = {}
    types_of: dict[tuple[str, str], frozenset[str]] = {}
    unique: dict[tuple[int, frozenset[str], str], int] = {}
    band_keys = array("Q")  # bands x uint64 per distinct duty, flat
    row_unique: list[int] = []
    cites: list[tuple[Any, ...]] = []
    last_sentence: tuple[Any, ...] | None = None
    for row in obligations:
        if row.modality == "none":
            continue
        sentence_key = (row.doc, row.start, row.end, row.sentence)
        first = sentence_key != last_sentence
        last_sentence = sentence_key
        norm = duty_text(row, first=first)
        if row.actor:
            types = types_of.get((row.actor, row.actor_type))
            if types is None:
                found = actor_types_of(row.actor)
                types = types_of[(row.actor, row.actor_type)] = frozenset(found or [row.actor_type or ""])
        else:
            types = frozenset(["", *_owner_types(row)])
        block = blocks.setdefault(row.modality, len(blocks))
        key = (block, types, norm)
        u = unique.get(key)
        if u is None:
            u = unique[key] = len(u_norm)
            u_norm.append(norm)
            toks = duty_tokens(norm) if similarity_fn is None else ()
            for t in toks:
                tid = vocab.get(t)
                if tid is None:
                    tid = vocab[t] = len(vocab)
                    df.append(0)
                df[tid] += 1
                tok_flat.append(tid)
            tok_off.append(len(tok_flat))
            u_types.append(type_sets.setdefault(types, types))
            mh = MinHash(
                num_perm=num_perm, seed=seed, hashfunc=zlib.crc32, permutations=permutations, **extra
            )
            shingles = _shingles(norm) + [("\x00" + t).encode("utf-8") for t in toks]
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
    types_of.clear()

    n_duties = len(u_norm)
    weight.extend(math.log((n_duties + 1) / (c + 0.5)) for c in df)
    vocab.clear()
    type_sets.clear()

    parent = list(range(len(u_norm)))
    root_types = list(u_types)  # the bearer types every member of a cluster shares

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
                        if ru == rv:
                            continue
                        shared_types = root_types[ru] & root_types[rv]
                        if not shared_types or not accept(u, v):
                            continue
                        # Each cluster is rooted at its earliest duty; two clusters join
                        # only when their roots read alike too, so that common legal
                        # boilerplate cannot chain unrelated duties into one cluster.
                        if (ru != u or rv != v) and not accept(ru, rv):
                            continue
                        root, child = min(ru, rv), max(ru, rv)
                        parent[child] = root
                        root_types[root] = shared_types

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
