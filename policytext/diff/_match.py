"""Match the units of a template and a charter by content, whatever their numbers.

1. Similarity: cosine of character 1–3-gram TF-IDF vectors (word 1–2-grams for
   English), fitted on both documents, so that boilerplate shared by every
   article (本联合体, 应当) weighs little. Identical bodies score 1.
2. Backbone: the in-order alignment that maximises the summed similarity
   above a strict threshold (a dynamic programme like LCS, with 1:1, 1:2 and
   2:1 steps, so an article split in two or two merged into one align as a
   group: Gale–Church style).
3. Gaps: between two consecutive backbone pairs, the units left on both sides
   are aligned in order again with a looser threshold (heavily modified in place).
4. Moves: what is still unmatched is paired across the document, best
   similarity first (an article moved to another place or chapter).
5. Scattered splits and merges: a unit still unmatched whose text is contained
   in a matched partner joins that pair's group (articles 51 and 53 merged into 52).
Everything left is ``removed`` (template) or ``added`` (charter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from ._units import Unit

__all__ = ["Group", "Thresholds", "match_units"]


# the parts of a split (or merge) add up to about the whole: a part that repeats another
# (本法自…起施行 twice) makes them too long
_PART_LENGTH = (0.6, 1.5)
# a split or merge whose parts are not neighbours lies within this many units
_PART_WINDOW = 3


@dataclass(frozen=True)
class Thresholds:
    """Similarity thresholds of the matcher (cosine of TF-IDF vectors, 0–1).

    Attributes:
        backbone: least similarity of a pair in the in-order backbone.
        gap: least similarity of an in-order pair found between two backbone pairs.
        move: least similarity of an out-of-order (moved) pair.
        part: least share of a part's character bigrams found in the whole for a
            split or merge.
    """

    backbone: float = 0.45
    gap: float = 0.25
    move: float = 0.5
    part: float = 0.75


@dataclass
class Group:
    """Template units matched with charter units (1:1, 1:n split, n:1 merge, or one side empty)."""

    t: list[int]
    c: list[int]
    kind: str  # pair / split / merge / removed / added
    moved: bool = False
    sim: float = 0.0
    extra: dict = field(default_factory=dict)


class _Sim:
    """Similarities between template and charter units, and of unit pairs joined."""

    def __init__(
        self, tu: list[Unit], cu: list[Unit], lang: str, placeholder: re.Pattern[str] | None = None
    ) -> None:
        # a template's blanks (××, ______) say nothing about which charter text fills them
        t_keys = [placeholder.sub("", u.key) if placeholder else u.key for u in tu]
        blanks = [bool(placeholder and placeholder.search(u.key)) for u in tu]
        texts = t_keys + [u.key for u in cu]
        if lang == "en":
            vec = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, lowercase=True)
            bigrams = CountVectorizer(analyzer="word", ngram_range=(1, 2), binary=True, lowercase=True)
        else:
            vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, lowercase=False)
            bigrams = CountVectorizer(analyzer="char", ngram_range=(2, 2), binary=True, lowercase=False)
        n = len(tu)
        safe = [t if t else " " for t in texts]
        try:
            raw = vec.fit_transform(safe)
            bins = bigrams.fit_transform(safe).astype(np.float64)
        except ValueError:  # empty vocabulary: texts of one character or none
            raw = sparse.csr_matrix((len(texts), 1))
            bins = sparse.csr_matrix((len(texts), 1))
        # un-normalised TF-IDF rows can be summed to approximate the vector of two units joined
        self.vec = vec if raw.shape[1] > 1 else None
        self.t_keys = t_keys
        self.c_keys = [u.key for u in cu]
        self.raw_t = raw[:n]
        self.raw_c = raw[n:]
        nt = normalize(self.raw_t)
        nc = normalize(self.raw_c)
        self.nt = nt
        self.nc = nc
        self._joined: dict[tuple[str, tuple[int, ...], int], float] = {}
        self.s = np.asarray((nt @ nc.T).todense()) if n and len(cu) else np.zeros((n, len(cu)))
        for i, a in enumerate(tu):
            for j, b in enumerate(cu):
                if a.key == b.key and a.key:
                    self.s[i, j] = 1.0
        self.cos = self.s.copy()  # plain cosine, the yardstick for joined (split/merge) vectors
        self.bt = bins[:n]
        self.bc = bins[n:]
        self.size_t = np.asarray(self.bt.sum(axis=1)).ravel()
        self.size_c = np.asarray(self.bc.sum(axis=1)).ravel()
        # shared distinct bigrams of template i and charter j
        self.shared = np.asarray((self.bt @ self.bc.T).todense()) if n and len(cu) else np.zeros((n, len(cu)))
        for i, blank in enumerate(blanks):
            if blank and self.size_t[i]:
                # a filled-in blank: the template's words all found in the charter unit
                self.s[i] = np.maximum(self.s[i], 0.9 * self.shared[i] / self.size_t[i] - 0.1)

    def cont_t_in_c(self, i: int, j: int) -> float:
        """Share of template unit i's bigrams found in charter unit j."""
        return float(self.shared[i, j] / self.size_t[i]) if self.size_t[i] else 0.0

    def cont_c_in_t(self, i: int, j: int) -> float:
        """Share of charter unit j's bigrams found in template unit i."""
        return float(self.shared[i, j] / self.size_c[j]) if self.size_c[j] else 0.0

    def _vector(self, text: str):  # noqa: ANN202 - a sparse row
        if self.vec is None:
            return None
        return normalize(self.vec.transform([text]))

    def joined_t(self, ts: list[int], j: int) -> float:
        """Cosine of template units ``ts`` joined (one text) with charter unit j."""
        key = ("t", tuple(ts), j)
        if key not in self._joined:
            v = self._vector("".join(self.t_keys[i] for i in ts))
            self._joined[key] = 0.0 if v is None else float((v @ self.nc[j].T).toarray()[0, 0])
        return self._joined[key]

    def joined_c(self, i: int, cs: list[int]) -> float:
        """Cosine of template unit i with charter units ``cs`` joined (one text)."""
        key = ("c", tuple(cs), i)
        if key not in self._joined:
            v = self._vector("".join(self.c_keys[j] for j in cs))
            self._joined[key] = 0.0 if v is None else float((self.nt[i] @ v.T).toarray()[0, 0])
        return self._joined[key]

    def cover_t(self, i: int, cs: list[int]) -> float:
        """Share of template unit i's bigrams found in any of the charter units ``cs``."""
        if not self.size_t[i]:
            return 0.0
        union = sum(self.bc[j] for j in cs).tocsr().copy()
        union.data[:] = 1.0
        return float(self.bt[i].multiply(union).sum() / self.size_t[i])

    def cover_c(self, ts: list[int], j: int) -> float:
        """Share of charter unit j's bigrams found in any of the template units ``ts``."""
        if not self.size_c[j]:
            return 0.0
        union = sum(self.bt[i] for i in ts).tocsr().copy()
        union.data[:] = 1.0
        return float(self.bc[j].multiply(union).sum() / self.size_c[j])

    def split_ok(self, i: int, j: int, part: float) -> float:
        """Similarity of template i with charter j, j+1 joined, if that is a plausible split, else 0.

        Both parts must come from the template unit, and together they must
        cover clearly more of it than the better part alone.
        """
        if self.cont_c_in_t(i, j) < part or self.cont_c_in_t(i, j + 1) < part:
            return 0.0
        return self._better_c(i, [j, j + 1], [j, j + 1])

    def _lengths_fit(self, whole: int, parts: list[int]) -> bool:
        """Whether the parts together are about as long as the whole (two near-duplicates are twice as long)."""
        total = sum(parts)
        return whole > 0 and _PART_LENGTH[0] * whole <= total <= _PART_LENGTH[1] * whole

    def _better_c(self, i: int, cs: list[int], singles: list[int]) -> float:
        if not self._lengths_fit(len(self.t_keys[i]), [len(self.c_keys[j]) for j in cs]):
            return 0.0
        joined = self.joined_c(i, cs)
        if joined < max(self.cos[i, j] for j in singles) + 0.01:
            return 0.0
        if self.cover_t(i, cs) < max(self.cont_t_in_c(i, j) for j in singles) + 0.02:
            return 0.0
        return joined

    def _better_t(self, ts: list[int], j: int, singles: list[int]) -> float:
        if not self._lengths_fit(len(self.c_keys[j]), [len(self.t_keys[i]) for i in ts]):
            return 0.0
        joined = self.joined_t(ts, j)
        if joined < max(self.cos[i, j] for i in singles) + 0.01:
            return 0.0
        if self.cover_c(ts, j) < max(self.cont_c_in_t(i, j) for i in singles) + 0.02:
            return 0.0
        return joined

    def merge_ok(self, i: int, j: int, part: float) -> float:
        """Similarity of template i, i+1 joined with charter j, if that is a plausible merge, else 0."""
        if self.cont_t_in_c(i, j) < part or self.cont_t_in_c(i + 1, j) < part:
            return 0.0
        return self._better_t([i, i + 1], j, [i, i + 1])


def _align(ti: list[int], cj: list[int], sim: _Sim, tau: float, part: float, *, groups: bool) -> list[Group]:
    """In-order alignment of template units ``ti`` with charter units ``cj`` (both ascending runs)."""
    n, m = len(ti), len(cj)
    if not n or not m:
        return []
    s = sim.s[np.ix_(ti, cj)]
    score = np.zeros((n + 1, m + 1))
    back = np.zeros((n + 1, m + 1), dtype=np.int8)  # 0 skip t, 1 skip c, 2 pair, 3 split, 4 merge
    split_sim: dict[tuple[int, int], float] = {}
    merge_sim: dict[tuple[int, int], float] = {}
    if groups:
        consecutive_t = all(ti[k + 1] == ti[k] + 1 for k in range(n - 1))
        consecutive_c = all(cj[k + 1] == cj[k] + 1 for k in range(m - 1))
        for a in range(n):
            for b in range(m):
                if consecutive_c and b + 1 < m and max(s[a, b], s[a, b + 1]) >= tau / 2:
                    v = sim.split_ok(ti[a], cj[b], part)
                    if v >= tau:
                        split_sim[(a, b)] = v
                if consecutive_t and a + 1 < n and max(s[a, b], s[a + 1, b]) >= tau / 2:
                    v = sim.merge_ok(ti[a], cj[b], part)
                    if v >= tau:
                        merge_sim[(a, b)] = v
    score[1:, 0] = 0
    score[0, 1:] = 0
    back[1:, 0] = 0
    back[0, 1:] = 1
    for a in range(1, n + 1):
        row_s = s[a - 1]
        for b in range(1, m + 1):
            best = score[a - 1, b]
            how = 0
            if score[a, b - 1] > best:
                best, how = score[a, b - 1], 1
            v = row_s[b - 1]
            if v >= tau and score[a - 1, b - 1] + (v - tau) > best:
                best, how = score[a - 1, b - 1] + (v - tau), 2
            if b >= 2 and (a - 1, b - 2) in split_sim:
                g = score[a - 1, b - 2] + (split_sim[(a - 1, b - 2)] - tau)
                if g > best:
                    best, how = g, 3
            if a >= 2 and (a - 2, b - 1) in merge_sim:
                g = score[a - 2, b - 1] + (merge_sim[(a - 2, b - 1)] - tau)
                if g > best:
                    best, how = g, 4
            score[a, b] = best
            back[a, b] = how
    out: list[Group] = []
    a, b = n, m
    while a > 0 and b > 0:
        how = back[a, b]
        if how == 0:
            a -= 1
        elif how == 1:
            b -= 1
        elif how == 2:
            out.append(Group([ti[a - 1]], [cj[b - 1]], "pair", sim=float(s[a - 1, b - 1])))
            a, b = a - 1, b - 1
        elif how == 3:
            out.append(Group([ti[a - 1]], [cj[b - 2], cj[b - 1]], "split", sim=split_sim[(a - 1, b - 2)]))
            a, b = a - 1, b - 2
        else:
            out.append(Group([ti[a - 2], ti[a - 1]], [cj[b - 1]], "merge", sim=merge_sim[(a - 2, b - 1)]))
            a, b = a - 2, b - 1
    out.reverse()
    return out


def match_units(
    tu: list[Unit], cu: list[Unit], *, lang: str = "zh", thresholds: Thresholds | None = None
) -> list[Group]:
    """Match template units with charter units by content.

    Args:
        tu: the template's units, in document order.
        cu: the charter's units, in document order.
        lang: ``zh`` (character n-grams) or ``en`` (word n-grams).
        thresholds: the similarity thresholds; the defaults suit both languages.

    Returns:
        Groups covering every unit exactly once, in charter order (a removed
        template unit comes right after the group of its template predecessor).
    """
    th = thresholds or Thresholds()
    from ._flags import lexicon

    sim = _Sim(tu, cu, lang, lexicon("en" if lang == "en" else "zh").placeholder_re)
    n, m = len(tu), len(cu)
    backbone = _align(list(range(n)), list(range(m)), sim, th.backbone, th.part, groups=True)

    # scattered splits and merges first: a part that belongs to a neighbour must not be
    # paired, in a gap, with an unrelated unit
    used_t = {i for g in backbone for i in g.t}
    used_c = {j for g in backbone for j in g.c}
    cores = [(min(g.t), max(g.t), min(g.c), max(g.c)) for g in backbone]  # gap bounds before absorbing
    _absorb_parts(backbone, sim, n, m, th.part, used_t, used_c)

    # 3. gaps between consecutive backbone groups, leftovers of both sides aligned in order
    groups: list[Group] = []
    prev_t, prev_c = -1, -1
    for g, (t0, t1, c0, c1) in zip(backbone + [Group([n], [m], "end")], cores + [(n, n, m, m)]):
        gap_t = [i for i in range(prev_t + 1, t0) if i not in used_t]
        gap_c = [j for j in range(prev_c + 1, c0) if j not in used_c]
        if gap_t and gap_c:
            groups.extend(_align(gap_t, gap_c, sim, th.gap, th.part, groups=True))
        if g.kind != "end":
            groups.append(g)
            prev_t, prev_c = t1, c1

    # 4. moves: leftovers paired across the document, best first
    used_t = {i for g in groups for i in g.t}
    used_c = {j for g in groups for j in g.c}
    left_t = [i for i in range(n) if i not in used_t]
    left_c = [j for j in range(m) if j not in used_c]
    if left_t and left_c:
        cand = [(sim.s[i, j], i, j) for i in left_t for j in left_c if sim.s[i, j] >= th.move]
        cand.sort(key=lambda x: (-x[0], x[1], x[2]))
        for v, i, j in cand:
            if i in used_t or j in used_c:
                continue
            groups.append(Group([i], [j], "pair", moved=True, sim=float(v)))
            used_t.add(i)
            used_c.add(j)

    _absorb_parts(groups, sim, n, m, th.part, used_t, used_c)

    for i in range(n):
        if i not in used_t:
            groups.append(Group([i], [], "removed"))
    for j in range(m):
        if j not in used_c:
            groups.append(Group([], [j], "added"))

    # moved: a pair whose order disagrees with the backbone of everything else
    _mark_moves(groups)
    return _charter_order(groups)


def _absorb_parts(
    groups: list[Group], sim: _Sim, n: int, m: int, part: float, used_t: set[int], used_c: set[int]
) -> None:
    """Join a leftover unit to the matched group whose text contains it (a split or merge apart)."""
    th_part = part
    by_c = {j: g for g in groups for j in g.c}
    by_t = {i: g for g in groups for i in g.t}
    for i in range(n):
        if i in used_t:
            continue
        best = None
        for j, g in by_c.items():
            if len(g.c) != 1 or g.kind == "split" or sim.cont_t_in_c(i, j) < th_part:
                continue
            if min(abs(i - k) for k in g.t) > _PART_WINDOW:
                continue
            joined = sim._better_t(sorted(g.t + [i]), j, g.t)
            if joined and (best is None or joined > best[0]):
                best = (joined, g)
        if best is not None:
            g = best[1]
            g.t = sorted(g.t + [i])
            g.kind = "merge"
            g.sim = best[0]
            used_t.add(i)
            by_t[i] = g
    for j in range(m):
        if j in used_c:
            continue
        best = None
        for i, g in by_t.items():
            if len(g.t) != 1 or g.kind == "merge" or sim.cont_c_in_t(i, j) < th_part:
                continue
            if min(abs(j - k) for k in g.c) > _PART_WINDOW:
                continue
            joined = sim._better_c(i, sorted(g.c + [j]), g.c)
            if joined and (best is None or joined > best[0]):
                best = (joined, g)
        if best is not None:
            g = best[1]
            g.c = sorted(g.c + [j])
            g.kind = "split"
            g.sim = best[0]
            used_c.add(j)
            by_c[j] = g


def _mark_moves(groups: list[Group]) -> None:
    """Mark as moved the groups outside the longest in-order chain of matched groups."""
    matched = [g for g in groups if g.t and g.c]
    matched.sort(key=lambda g: (min(g.c), min(g.t)))
    keys = [min(g.t) for g in matched]
    # longest increasing subsequence (patience sorting), ties broken towards earlier groups
    import bisect

    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(keys)
    for k, v in enumerate(keys):
        pos = bisect.bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tails_idx.append(k)
        else:
            tails[pos] = v
            tails_idx[pos] = k
        prev[k] = tails_idx[pos - 1] if pos > 0 else -1
    keep = set()
    k = tails_idx[-1] if tails_idx else -1
    while k >= 0:
        keep.add(k)
        k = prev[k]
    for k, g in enumerate(matched):
        g.moved = k not in keep


def _charter_order(groups: list[Group]) -> list[Group]:
    pos_of_t: dict[int, float] = {}
    for g in groups:
        if g.c:
            for i in g.t:
                pos_of_t[i] = min(g.c)

    def key(g: Group) -> tuple[float, int, int]:
        if g.c:
            return (float(min(g.c)), 0, min(g.t) if g.t else -1)
        i = min(g.t)
        anchor = -1.0
        for k in range(i - 1, -1, -1):
            if k in pos_of_t:
                anchor = pos_of_t[k]
                break
        return (anchor, 1, i)

    return sorted(groups, key=key)
