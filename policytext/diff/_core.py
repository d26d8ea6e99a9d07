"""diff_documents: a charter against its template, clause by clause."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Sequence

from rapidfuzz.distance import Indel

from ..errors import ConfigError, choices_hint
from ..model import Change, Document
from ..structure import zh_number
from ._flags import find_refs, text_flags
from ._match import Group, Thresholds, match_units
from ._result import Block, DiffResult
from ._textdiff import Op, diff_texts, segments
from ._units import UNIT_LEVELS, Outline, Unit, norm_key, outline

__all__ = ["diff_documents"]

_REF_ARTICLE = re.compile(r"第([零〇一二两三四五六七八九十百千\d]+)条")


def _as_document(doc: Document | str | os.PathLike[str], name: str) -> Document:
    if isinstance(doc, Document):
        return doc
    if isinstance(doc, os.PathLike) or (
        isinstance(doc, str) and "\n" not in doc and len(doc) < 1024 and os.path.isfile(doc)
    ):
        from ..ingest import read

        return read(doc)
    if isinstance(doc, str):
        digest = hashlib.sha256(doc.encode("utf-8")).hexdigest()[:16]
        cjk = sum(1 for ch in doc if "\u4e00" <= ch <= "\u9fff")
        lang = "zh" if cjk * 4 >= len(doc.strip()) or cjk > 50 else "en"
        return Document(id=digest, source=name, format="txt", text=doc, lang=lang)
    raise TypeError(f"diff_documents expects a Document or a text, got {type(doc).__name__}")


def _label_key(label: str) -> str:
    return re.sub(r"\s+", "", label)


def _info(doc: Document) -> dict[str, str]:
    return {"id": doc.id, "source": doc.source, "title": doc.title}


def _similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return round(float(Indel.normalized_similarity(a, b)), 4)


def _part_of(pos: int, bounds: Sequence[tuple[int, int]], *, at_end: bool = False) -> int:
    """Index of the part whose [start, end] holds ``pos`` (a boundary goes to the earlier part)."""
    for k, (s, e) in enumerate(bounds):
        if s <= pos < e or (pos == e and (at_end or k == len(bounds) - 1)):
            return k
    return len(bounds) - 1


def _join(units: Sequence[Unit], attr: str) -> tuple[str, list[tuple[int, int]]]:
    parts: list[str] = []
    bounds: list[tuple[int, int]] = []
    pos = 0
    for u in units:
        text = getattr(u, attr)
        parts.append(text)
        bounds.append((pos, pos + len(text)))
        pos += len(text) + 1
    return "\n".join(parts), bounds


class _Differ:
    def __init__(self, t: Outline, c: Outline, lang: str, min_equal: int) -> None:
        self.t = t
        self.c = c
        self.lang = lang
        self.min_equal = min_equal
        self.changes: list[Change] = []
        self.blocks: list[tuple[tuple[float, int, float], Block]] = []

    # ----------------------------------------------------------------- changes

    def _change(
        self, status: str, tu: Unit | None, cu: Unit | None, sim: float, flags: list[str], details: list[str]
    ) -> int:
        self.changes.append(
            Change(
                status=status,
                template_clause=tu.label if tu else None,
                charter_clause=cu.label if cu else None,
                similarity=sim,
                flags=flags,
                template_clause_id=tu.clause.id if tu else None,
                charter_clause_id=cu.clause.id if cu else None,
                template_text=tu.text if tu else "",
                charter_text=cu.text if cu else "",
                details=details,
            )
        )
        return len(self.changes) - 1

    def _structural(self, tu: Unit, cu: Unit, moved: bool) -> list[str]:
        flags = []
        if _label_key(tu.label) != _label_key(cu.label):
            flags.append("renumbered")
        if (
            moved
            and tu.chapter != cu.chapter
            and norm_key(tu.chapter, self.lang) != norm_key(cu.chapter, self.lang)
        ):
            flags.append("chapter_changed")
        return flags

    def group(self, g: Group) -> None:
        tus = [self.t.units[i] for i in g.t]
        cus = [self.c.units[j] for j in g.c]
        if not tus:
            cu = cus[0]
            k = self._change("added", None, cu, 0.0, [], [])
            self._block(cu.kind, "added", [], [cu], [k])
            return
        if not cus:
            tu = tus[0]
            k = self._change("removed", tu, None, 0.0, [], [])
            self._block(tu.kind, "removed", [tu], [], [k])
            return
        if len(tus) == 1 and len(cus) == 1:
            tu, cu = tus[0], cus[0]
            same = tu.key == cu.key
            flags: list[str] = []
            details: list[str] = []
            if not same:
                ops = diff_texts(tu.body, cu.body, min_equal=self.min_equal)
                flags, details = text_flags(tu.body, cu.body, ops, lang=self.lang)
            status = "moved" if g.moved else ("unchanged" if same else "modified")
            extra = self._structural(tu, cu, g.moved)
            if g.moved and not same:
                extra.insert(0, "modified")
            k = self._change(status, tu, cu, _similarity(tu.key, cu.key), _ordered(flags + extra), details)
            self._block(tu.kind, status, [tu], [cu], [k], moved=g.moved)
            return
        # a split (one template unit, several charter units) or a merge (the reverse)
        a, a_bounds = _join(tus, "body")
        b, b_bounds = _join(cus, "body")
        ops = diff_texts(a, b, min_equal=self.min_equal)
        status = "moved" if g.moved else "modified"
        sim = round(float(g.sim), 4)
        indices = []
        if len(tus) == 1:
            tag = "split"
            per_part: list[list[Op]] = [[] for _ in cus]
            for op in ops:
                if op.tag != "equal":
                    per_part[_part_of(op.b0, b_bounds)].append(op)
            for k, cu in enumerate(cus):
                flags, details = text_flags(a, b, per_part[k], lang=self.lang) if per_part[k] else ([], [])
                flags = [f for f in flags if f != "reworded" or per_part[k]]
                indices.append(
                    self._change(
                        status,
                        tus[0],
                        cu,
                        sim,
                        _ordered([tag] + flags + self._structural(tus[0], cu, g.moved)),
                        details,
                    )
                )
        else:
            tag = "merged"
            per_part = [[] for _ in tus]
            for op in ops:
                if op.tag != "equal":
                    per_part[_part_of(op.a0, a_bounds)].append(op)
            for k, tu in enumerate(tus):
                flags, details = text_flags(a, b, per_part[k], lang=self.lang) if per_part[k] else ([], [])
                indices.append(
                    self._change(
                        status,
                        tu,
                        cus[0],
                        sim,
                        _ordered([tag] + flags + self._structural(tu, cus[0], g.moved)),
                        details,
                    )
                )
        self._block(tus[0].kind, status, tus, cus, indices, moved=g.moved)

    def stale_references(self) -> None:
        """Flag unchanged cross-references that point to an article the charter renumbered."""
        if self.lang != "zh" or self.t.level != "article":
            return
        t_by_number = {u.number: u for u in self.t.units if u.number is not None}
        new_number: dict[str, int | None] = {}
        for ch in self.changes:
            if ch.template_clause_id and ch.charter_clause_id and ch.template_clause_id not in new_number:
                cu = next((u for u in self.c.units if u.clause.id == ch.charter_clause_id), None)
                new_number[ch.template_clause_id] = cu.number if cu else None
        t_units = {u.clause.id: u for u in self.t.units}
        c_units = {u.clause.id: u for u in self.c.units}
        for ch in self.changes:
            tu = t_units.get(ch.template_clause_id or "")
            cu = c_units.get(ch.charter_clause_id or "")
            if tu is None or cu is None:
                continue
            t_refs = {r.text for r in find_refs(tu.body)}
            for r in find_refs(cu.body):
                m = _REF_ARTICLE.match(r.text)
                if not m or r.text not in t_refs:
                    continue
                before = cu.body[max(0, r.start - 1) : r.start]
                if before in ("》", "法", "例"):
                    continue
                num = zh_number(m.group(1))
                target = t_by_number.get(num)
                if target is None or target.clause.id not in new_number:
                    continue
                now = new_number[target.clause.id]
                if now is not None and now != num:
                    if "stale_reference" not in ch.flags:
                        ch.flags = _ordered(ch.flags + ["stale_reference"])
                    ch.details.append(
                        f"stale_reference: {m.group(0)} now points elsewhere (template {m.group(0)} is 第{_zh(now)}条)"
                    )

    # ----------------------------------------------------------------- blocks

    def _block(
        self,
        kind: str,
        status: str,
        tus: Sequence[Unit],
        cus: Sequence[Unit],
        changes: list[int],
        *,
        moved: bool = False,
    ) -> None:
        old = "\n".join(u.text for u in tus)
        new = "\n".join(u.text for u in cus)
        ops = (
            diff_texts(old, new, min_equal=self.min_equal)
            if old and new
            else ([Op("delete", 0, len(old), 0, 0)] if old else [Op("insert", 0, 0, 0, len(new))])
        )
        flags: list[str] = []
        for k in changes:
            for f in self.changes[k].flags:
                if f not in flags:
                    flags.append(f)
        block = Block(
            kind=kind,
            status=status,
            template_labels=[u.label for u in tus],
            charter_labels=[u.label for u in cus],
            old=old,
            new=new,
            segments=segments(old, new, ops) if old or new else [],
            flags=_ordered(flags),
            changes=changes,
        )
        t_pos = float(min(u.pos for u in tus)) if tus else -1.0
        c_pos = float(min(u.pos for u in cus)) if cus else None
        self.blocks.append(
            ((c_pos if c_pos is not None else -1.0, 0 if c_pos is not None else 1, t_pos), block)
        )
        if moved and tus:
            ghost = Block(
                kind=kind,
                status="moved",
                template_labels=[u.label for u in tus],
                charter_labels=[u.label for u in cus],
                old=old,
                new="",
                segments=[("delete", old, "")],
                flags=list(block.flags),
                changes=list(changes),
                moved_from=True,
            )
            self.blocks.append(((-1.0, 1, t_pos), ghost))

    def context(self) -> None:
        t_ctx = {k: [u for u in self.t.context if u.kind == k] for k in ("preamble", "heading", "closing")}
        c_ctx = {k: [u for u in self.c.context if u.kind == k] for k in ("preamble", "heading", "closing")}
        for kind in ("preamble", "closing"):
            ts, cs = t_ctx[kind], c_ctx[kind]
            for k in range(max(len(ts), len(cs))):
                tu = ts[k] if k < len(ts) else None
                cu = cs[k] if k < len(cs) else None
                self._context_block(tu, cu)
        ts, cs = t_ctx["heading"], c_ctx["heading"]
        matcher = difflib.SequenceMatcher(None, [u.key for u in ts], [u.key for u in cs], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for a, b in zip(range(i1, i2), range(j1, j2)):
                    self._context_block(ts[a], cs[b])
                continue
            for a in range(i1, i2):
                self._context_block(ts[a], None)
            for b in range(j1, j2):
                self._context_block(None, cs[b])

    def _context_block(self, tu: Unit | None, cu: Unit | None) -> None:
        if tu is None and cu is None:
            return
        if tu is None:
            status = "added"
        elif cu is None:
            status = "removed"
        else:
            status = "unchanged" if tu.key == cu.key else "modified"
        self._block((tu or cu).kind, status, [tu] if tu else [], [cu] if cu else [], [])  # type: ignore[union-attr]

    def ordered_blocks(self) -> list[Block]:
        """Blocks in charter order; a template-only block follows its template predecessor."""
        keyed = self.blocks
        # charter place of each template position, to anchor removed and moved-from blocks
        placed = sorted(
            (k[2], k[0]) for k, b in keyed if k[1] == 0 and b.template_labels and not b.moved_from
        )
        t_positions = [p for p, _ in placed]
        import bisect

        out = []
        for k, b in keyed:
            if k[1] == 0:
                out.append(((k[0], 0, k[2]), b))
                continue
            i = bisect.bisect_left(t_positions, k[2]) - 1
            anchor = placed[i][1] if i >= 0 else -1.0
            out.append(((anchor, 1, k[2]), b))
        out.sort(key=lambda x: x[0])
        blocks = [b for _, b in out]
        for n, b in enumerate(blocks, 1):
            b.anchor = f"b{n}"
            if b.changes:  # flags added after the block was made (stale references)
                b.flags = _ordered([f for k in b.changes for f in self.changes[k].flags])
        return blocks


_ZH_DIGITS = "零一二三四五六七八九"


def _zh(n: int) -> str:
    """Write a positive int in Chinese numerals (一百零三, 二十一)."""
    if n < 10:
        return _ZH_DIGITS[n]
    if n < 20:
        return "十" + (_ZH_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _ZH_DIGITS[n // 10] + "十" + (_ZH_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _ZH_DIGITS[n // 100] + "百"
        if not rest:
            return head
        if rest < 10:
            return head + "零" + _ZH_DIGITS[rest]
        return head + (_ZH_DIGITS[rest // 10] + "十" + (_ZH_DIGITS[rest % 10] if rest % 10 else ""))
    return str(n)


def _ordered(flags: list[str]) -> list[str]:
    from ._flags import TEXT_FLAGS

    order = ["split", "merged", "modified", *TEXT_FLAGS, "chapter_changed", "renumbered", "stale_reference"]
    seen = []
    for f in sorted(set(flags), key=lambda f: (order.index(f) if f in order else len(order), f)):
        seen.append(f)
    return seen


def diff_documents(
    template: Document | str | os.PathLike[str],
    charter: Document | str | os.PathLike[str],
    *,
    level: str = "auto",
    min_equal: int = 2,
    thresholds: Thresholds | None = None,
) -> DiffResult:
    """Compare a charter (章程) with the template it was drafted from, clause by clause.

    Clauses are matched by content, not by number: an inserted article that
    renumbers all that follow, a moved article, an article split in two and two
    merged into one are all found. Each pair is then compared word by word
    (character by character in Chinese) and flagged: ``weakened`` (应当→可以,
    必须→应当, 不得→不宜), ``strengthened``, ``number_changed`` (三分之二→二分之一,
    30日→60日), ``actor_changed`` (理事会→秘书处), ``renumbered``, ``split``,
    ``merged``, and more (see :data:`policytext.diff.FLAGS`).

    Args:
        template: the template: a :class:`Document`, a path to a file
            policytext reads (PDF, DOCX, HTML, TXT), or the text itself.
        charter: the charter drafted from it, in the same forms.
        level: ``auto`` compares articles (第X条, Article N) when both documents
            have them, else the leaf clauses; ``article`` or ``leaf`` forces one.
        min_equal: equal runs shorter than this many characters between two
            changes are merged into them, so the redline reads in words.
        thresholds: similarity thresholds of the matcher.

    Returns:
        A :class:`DiffResult`: ``changes`` in charter order, ``counts()``,
        ``flagged()``, and the redline ``blocks``.

    Raises:
        ConfigError: an unknown ``level``.
        InputError: a path that cannot be read.

    Example:
        >>> t = "第一条 成员单位应当遵守本章程。\\n第二条 理事会每年召开1次会议。\\n第三条 本章程自通过之日起生效。"
        >>> c = "第一条 本章程自通过之日起生效。\\n第二条 成员单位可以遵守本章程。\\n第三条 理事会每年召开2次会议。"
        >>> r = diff_documents(t, c)
        >>> [(ch.template_clause, ch.charter_clause, ch.status, ch.flags) for ch in r.changes]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('第三条', '第一条', 'moved', ['renumbered']),
         ('第一条', '第二条', 'modified', ['weakened', 'renumbered']),
         ('第二条', '第三条', 'modified', ['number_changed', 'renumbered'])]
    """
    if level not in UNIT_LEVELS:
        raise ConfigError(f"unknown diff level {level!r}: {choices_hint(level, UNIT_LEVELS)}")
    tdoc = _as_document(template, "template")
    cdoc = _as_document(charter, "charter")
    lang = "en" if (tdoc.lang or "zh").startswith("en") else "zh"
    if level == "auto":
        t_probe = outline(tdoc, level="auto")
        c_probe = outline(cdoc, level="auto")
        level = "article" if t_probe.level == c_probe.level == "article" else "leaf"
        tout = t_probe if t_probe.level == level else outline(tdoc, level=level)
        cout = c_probe if c_probe.level == level else outline(cdoc, level=level)
    else:
        tout = outline(tdoc, level=level)
        cout = outline(cdoc, level=level)
    groups = match_units(tout.units, cout.units, lang=lang, thresholds=thresholds)
    differ = _Differ(tout, cout, lang, min_equal)
    for g in groups:
        differ.group(g)
    differ.stale_references()
    differ.context()
    return DiffResult(
        template=_info(tdoc),
        charter=_info(cdoc),
        level=level,
        changes=differ.changes,
        blocks=differ.ordered_blocks(),
    )
