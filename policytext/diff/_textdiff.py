"""Character-level (Chinese) and word-level (English) differences between two texts.

Lines (款, 项) are aligned first, so that a deleted item shows as one deleted
line instead of characters scattered over its neighbours; then each pair of
similar lines is compared token by token, where a token is one CJK character, a
Latin word, a digit run, a space run or a punctuation mark. The result is a list
of :class:`Op` covering both texts from start to end. Equal runs shorter than
``min_equal`` characters between two changes are absorbed into the change, so
that ``应当``→``可以`` reads as one replacement rather than four fragments.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein

__all__ = ["Op", "diff_texts", "segments", "tokens"]

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*|\s+|.", re.S)
_LINE_PAIR_MIN = 0.35


@dataclass(frozen=True)
class Op:
    """One step of a difference: ``a[a0:a1]`` becomes ``b[b0:b1]``.

    ``tag`` is ``equal``, ``delete`` (b0 == b1), ``insert`` (a0 == a1) or ``replace``.
    """

    tag: str
    a0: int
    a1: int
    b0: int
    b1: int


def tokens(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into token spans: CJK characters, words, numbers, spaces, punctuation."""
    return [m.span() for m in _TOKEN.finditer(text)]


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in re.finditer(r"\n", text):
        spans.append((start, m.end()))  # the newline belongs to its line
        start = m.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def _token_ops(a: str, b: str, a_off: int, b_off: int) -> list[Op]:
    ta = tokens(a)
    tb = tokens(b)
    sa = [a[s:e] for s, e in ta]
    sb = [b[s:e] for s, e in tb]
    out: list[Op] = []

    def pos_a(k: int) -> int:
        return a_off + (ta[k][0] if k < len(ta) else len(a))

    def pos_b(k: int) -> int:
        return b_off + (tb[k][0] if k < len(tb) else len(b))

    # Levenshtein rather than LCS: a substitution keeps a replaced word at its place
    # (报省教育厅备案 -> 报云港市教育局备案，并抄报省教育厅 reads as 省教育厅 -> 云港市教育局)
    for op in Levenshtein.opcodes(sa, sb):
        out.append(
            Op(op.tag, pos_a(op.src_start), pos_a(op.src_end), pos_b(op.dest_start), pos_b(op.dest_end))
        )
    return out


def _pair_lines(la: list[str], lb: list[str]) -> list[tuple[int | None, int | None]]:
    """Pair the lines of a replaced block in order, by similarity (a small LCS-like DP)."""
    n, m = len(la), len(lb)
    sim = [[Indel.normalized_similarity(x, y) for y in lb] for x in la]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best = max(score[i - 1][j], score[i][j - 1])
            s = sim[i - 1][j - 1]
            if s >= _LINE_PAIR_MIN:
                best = max(best, score[i - 1][j - 1] + s)
            score[i][j] = best
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        if (
            i > 0
            and j > 0
            and sim[i - 1][j - 1] >= _LINE_PAIR_MIN
            and score[i][j] == score[i - 1][j - 1] + sim[i - 1][j - 1]
        ):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i > 0 and (j == 0 or score[i][j] == score[i - 1][j]):
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs.reverse()
    # within the run between two pairs, keep deletions before insertions
    return pairs


def _cost(ops: list[Op]) -> int:
    return sum((op.a1 - op.a0) + (op.b1 - op.b0) for op in ops if op.tag != "equal")


def _paired_ops(
    a: str,
    b: str,
    la: list[tuple[int, int]],
    lb: list[tuple[int, int]],
    ka: list[str],
    kb: list[str],
    i1: int,
    i2: int,
    j1: int,
    j2: int,
) -> list[Op]:
    ops: list[Op] = []
    a_cur = la[i1][0]
    b_cur = lb[j1][0]
    for pi, pj in _pair_lines(ka[i1:i2], kb[j1:j2]):
        if pi is not None and pj is not None:
            (s1, e1), (s2, e2) = la[i1 + pi], lb[j1 + pj]
            ops.extend(_token_ops(a[s1:e1], b[s2:e2], s1, s2))
            a_cur, b_cur = e1, e2
        elif pi is not None:
            s1, e1 = la[i1 + pi]
            ops.append(Op("delete", s1, e1, b_cur, b_cur))
            a_cur = e1
        else:
            s2, e2 = lb[j1 + pj]
            ops.append(Op("insert", a_cur, a_cur, s2, e2))
            b_cur = e2
    return ops


def _raw_ops(a: str, b: str) -> list[Op]:
    la = _line_spans(a)
    lb = _line_spans(b)
    ka = [a[s:e].strip() for s, e in la]
    kb = [b[s:e].strip() for s, e in lb]
    ops: list[Op] = []
    matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(Op("equal", la[i1][0], la[i2 - 1][1], lb[j1][0], lb[j2 - 1][1]))
            continue
        if tag == "delete":
            ops.append(
                Op(
                    "delete",
                    la[i1][0],
                    la[i2 - 1][1],
                    lb[j1][0] if j1 < len(lb) else len(b),
                    lb[j1][0] if j1 < len(lb) else len(b),
                )
            )
            continue
        if tag == "insert":
            a_at = la[i1][0] if i1 < len(la) else len(a)
            ops.append(Op("insert", a_at, a_at, lb[j1][0], lb[j2 - 1][1]))
            continue
        paired = _paired_ops(a, b, la, lb, ka, kb, i1, i2, j1, j2)
        if i2 - i1 != j2 - j1:
            # lines joined or split (two paragraphs merged into one): compare the block as a whole
            # when that explains it with fewer changed characters
            s1, e1, s2, e2 = la[i1][0], la[i2 - 1][1], lb[j1][0], lb[j2 - 1][1]
            whole = _token_ops(a[s1:e1], b[s2:e2], s1, s2)
            if _cost(whole) < _cost(paired):
                paired = whole
        ops.extend(paired)
    return [op for op in ops if op.a1 > op.a0 or op.b1 > op.b0]


def _absorbable(text: str, min_equal: int) -> bool:
    if "\n" in text:
        return False
    stripped = text.strip()
    if not stripped:
        return True
    if re.search(r"[A-Za-z0-9]", stripped):
        # English: absorb a lone short function word between two changes
        return len(stripped.split()) == 1 and len(stripped) <= 3
    return len(stripped) < min_equal


def diff_texts(a: str, b: str, *, min_equal: int = 2) -> list[Op]:
    """Return the operations that turn ``a`` into ``b``, line-aligned, tidied.

    Args:
        a: the old text (template).
        b: the new text (charter).
        min_equal: equal runs shorter than this (in characters, not counting
            spaces) between two changes are merged into them; 0 keeps every run.

    Returns:
        Ops in order, covering ``a`` and ``b`` completely; adjacent changes are
        one ``replace`` (or ``delete`` / ``insert`` when one side is empty).
    """
    ops = _raw_ops(a, b)
    merged: list[Op] = []
    for op in ops:
        if merged and op.tag != "equal" and merged[-1].tag != "equal":
            prev = merged.pop()
            merged.append(Op("change", prev.a0, op.a1, prev.b0, op.b1))
            continue
        if op.tag == "equal" and merged and merged[-1].tag == "equal":
            prev = merged.pop()
            merged.append(Op("equal", prev.a0, op.a1, prev.b0, op.b1))
            continue
        merged.append(op if op.tag == "equal" else Op("change", op.a0, op.a1, op.b0, op.b1))
    if min_equal > 0:
        changed = True
        while changed:
            changed = False
            out: list[Op] = []
            k = 0
            while k < len(merged):
                op = merged[k]
                if (
                    op.tag == "equal"
                    and out
                    and out[-1].tag == "change"
                    and k + 1 < len(merged)
                    and merged[k + 1].tag == "change"
                    and _absorbable(a[op.a0 : op.a1], min_equal)
                ):
                    prev = out.pop()
                    nxt = merged[k + 1]
                    out.append(Op("change", prev.a0, nxt.a1, prev.b0, nxt.b1))
                    k += 2
                    changed = True
                    continue
                if op.tag == "change" and out and out[-1].tag == "change":
                    prev = out.pop()
                    out.append(Op("change", prev.a0, op.a1, prev.b0, op.b1))
                else:
                    out.append(op)
                k += 1
            merged = out
    result = []
    for op in merged:
        if op.tag == "change":
            tag = "replace" if op.a1 > op.a0 and op.b1 > op.b0 else ("delete" if op.a1 > op.a0 else "insert")
            op = Op(tag, op.a0, op.a1, op.b0, op.b1)
        result.append(op)
    return result


def segments(a: str, b: str, ops: list[Op]) -> list[tuple[str, str, str]]:
    """Turn ops into ``(tag, old_text, new_text)`` triples for rendering."""
    return [(op.tag, a[op.a0 : op.a1], b[op.b0 : op.b1]) for op in ops]
