"""Redlines of a :class:`DiffResult`: HTML side by side, Markdown, DOCX with tracked changes.

Each starts with the summary (counts by status, then every flagged change,
weakened duties and changed numbers first) and then shows the clauses.

- HTML: one self-contained page (inline CSS, no script, no web fonts), template
  on the left and charter on the right, deletions struck through in red,
  insertions underlined in green; a CJK font stack so that Chinese renders with
  the fonts a reader has. Every piece of document text is HTML-escaped.
- Markdown: ``~~deleted~~**inserted**`` (GitHub) or ``[-deleted-]{+inserted+}``
  (``style="plain"``, as ``git diff --word-diff``), for a terminal or a review thread.
- DOCX: the charter as Word tracked changes against the template (``w:del`` with
  ``w:delText``, ``w:ins``; author and date on each), so that Word and WPS show
  revisions that a drafter can accept or reject: accepting all gives the charter,
  rejecting all the template. A moved article is deleted at its template place and
  inserted at its charter place.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import re
from collections.abc import Iterable
from typing import Any

from ._result import Block, DiffResult, summary_row

__all__ = ["redline_html", "redline_markdown", "redline_docx", "DEFAULT_DATE"]

#: The revision date written when none is given, so that the same diff gives the same file.
DEFAULT_DATE = "2000-01-01T00:00:00Z"

_FONT_STACK = (
    '"Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", "Songti SC", "SimSun", "宋体", '
    '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", serif'
)

_CSS = """
body { font-family: %(font)s; margin: 2em auto; max-width: 1200px; color: #1a1a1a; line-height: 1.7; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 1.6em; }
h3 { font-size: 1.05em; }
table { border-collapse: collapse; width: 100%%; }
th, td { border: 1px solid #d0d0d0; padding: .35em .6em; vertical-align: top; text-align: left; }
th { background: #f3f3f3; font-weight: 600; }
td.lbl { white-space: nowrap; }
table.counts td, table.counts th { text-align: center; width: 20%%; }
table.sbs { table-layout: fixed; }
table.sbs td.old, table.sbs td.new { width: 50%%; white-space: pre-wrap; word-break: break-word; }
tr.head td { background: #fafafa; font-size: .9em; border-bottom: none; }
tr.head .labels { font-weight: 600; }
del { color: #b00020; background: #fde7ea; text-decoration: line-through; }
ins { color: #0b6b1f; background: #e3f6e6; text-decoration: underline; }
.status { display: inline-block; padding: 0 .45em; margin-left: .4em; border-radius: 3px; font-size: .85em; color: #fff; background: #777; }
.st-modified { background: #a66d00; } .st-moved { background: #3a5ba8; } .st-added { background: #0b6b1f; }
.st-removed { background: #b00020; } .st-unchanged { background: #777; }
.flag { display: inline-block; padding: 0 .35em; margin: 0 .15em; border: 1px solid #bbb; border-radius: 3px; font-size: .8em; }
.flag-weakened, .flag-number_changed { border-color: #b00020; color: #b00020; font-weight: 600; }
.flag-strengthened, .flag-actor_changed { border-color: #a66d00; color: #a66d00; }
.details { color: #555; font-size: .85em; }
details summary { cursor: pointer; color: #555; }
.ctx td { background: #fcfcfc; color: #444; }
.meta { color: #555; }
.note { color: #555; font-size: .9em; }
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _flag_html(flags: Iterable[str]) -> str:
    return "".join(f'<span class="flag flag-{_esc(f)}">{_esc(f)}</span>' for f in flags)


def _labels(block: Block) -> str:
    t = "、".join(x for x in block.template_labels if x)
    c = "、".join(x for x in block.charter_labels if x)
    if not t and not c:
        return block.kind
    if not c or t == c:
        return t or block.kind
    if not t:
        return c
    return f"{t} → {c}"


def _side(segments: list[tuple[str, str, str]], side: str) -> str:
    out = []
    for tag, old, new in segments:
        if tag == "equal":
            out.append(_esc(old if side == "old" else new))
        elif side == "old" and old:
            out.append(f"<del>{_esc(old)}</del>")
        elif side == "new" and new:
            out.append(f"<ins>{_esc(new)}</ins>")
    return "".join(out)


def _summary_rows(result: DiffResult) -> list[dict[str, Any]]:
    return [summary_row(ch) for ch in result.flagged()]


def _renumbered_only(result: DiffResult) -> int:
    return sum(1 for ch in result.changes if ch.status == "unchanged" and "renumbered" in ch.flags)


def _anchor_of_change(result: DiffResult) -> dict[int, str]:
    out: dict[int, str] = {}
    for b in result.blocks:
        if b.moved_from:
            continue
        for k in b.changes:
            out.setdefault(k, b.anchor)
    return out


def redline_html(result: DiffResult, *, title: str | None = None, unchanged: bool = True) -> str:
    """Render the diff as one self-contained HTML page, template and charter side by side.

    Args:
        result: the diff.
        title: the page title (default: ``Redline: CHARTER against TEMPLATE``).
        unchanged: include unchanged clauses (folded in ``<details>``); False
            leaves them out.

    Returns:
        The page, UTF-8 text with inline CSS and no script.
    """
    t_title = result.template.get("title") or "template"
    c_title = result.charter.get("title") or "charter"
    title = title or f"Redline: {c_title} against {t_title}"
    anchors = _anchor_of_change(result)
    index = {id(ch): k for k, ch in enumerate(result.changes)}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title>",
        f"<style>{_CSS % {'font': _FONT_STACK}}</style>",
        "</head><body>",
        f"<h1>{_esc(title)}</h1>",
        f'<p class="meta">Template: <b>{_esc(str(t_title))}</b> ({_esc(str(result.template.get("source", "")))})<br>'
        f"Charter: <b>{_esc(str(c_title))}</b> ({_esc(str(result.charter.get('source', '')))})<br>"
        f"Compared by {_esc(result.level)}.</p>",
        "<h2>Summary</h2>",
        '<table class="counts"><tr>'
        + "".join(f"<th>{_esc(s)}</th>" for s in result.counts())
        + "</tr><tr>"
        + "".join(f"<td>{n}</td>" for n in result.counts().values())
        + "</tr></table>",
    ]
    flagged = result.flagged()
    parts.append(f"<h3>Flagged changes ({len(flagged)})</h3>")
    if flagged:
        parts.append(
            "<table><tr><th>template</th><th>charter</th><th>status</th><th>flags</th><th>details</th></tr>"
        )
        for ch in flagged:
            a = anchors.get(index[id(ch)], "")
            t_cell, c_cell = _esc(ch.template_clause or "—"), _esc(ch.charter_clause or "—")
            if a and ch.charter_clause:
                c_cell = f'<a href="#{_esc(a)}">{c_cell}</a>'
            elif a:
                t_cell = f'<a href="#{_esc(a)}">{t_cell}</a>'
            parts.append(
                f'<tr><td class="lbl">{t_cell}</td><td class="lbl">{c_cell}</td>'
                f'<td><span class="status st-{_esc(ch.status)}">{_esc(ch.status)}</span></td>'
                f'<td>{_flag_html(ch.flags)}</td><td class="details">{_esc("; ".join(ch.details))}</td></tr>'
            )
        parts.append("</table>")
    else:
        parts.append('<p class="note">No flagged changes.</p>')
    n_ren = _renumbered_only(result)
    if n_ren:
        parts.append(f'<p class="note">{n_ren} unchanged clauses only renumbered.</p>')
    parts.append("<h2>Clause by clause</h2>")
    parts.append('<table class="sbs"><tr><th>Template</th><th>Charter</th></tr>')
    for b in result.blocks:
        ctx = " ctx" if not b.changes else ""
        if b.moved_from:
            target = "、".join(b.charter_labels)
            dest = next((x.anchor for x in result.blocks if x.changes == b.changes and not x.moved_from), "")
            parts.append(
                f'<tr class="head{ctx}" id="{_esc(b.anchor)}"><td colspan="2"><span class="labels">{_esc("、".join(b.template_labels))}</span>'
                f'<span class="status st-moved">moved</span> to <a href="#{_esc(dest)}">{_esc(target)}</a></td></tr>'
            )
            continue
        if b.status == "unchanged" and not (set(b.flags) - {"renumbered", "stale_reference"}):
            if not unchanged:
                continue
            flags = _flag_html(b.flags)
            parts.append(
                f'<tr id="{_esc(b.anchor)}" class="{ctx.strip()}"><td colspan="2"><details><summary>{_esc(_labels(b))}'
                f'<span class="status st-unchanged">unchanged</span>{flags}</summary>'
                f'<div style="white-space: pre-wrap">{_esc(b.new)}</div></details></td></tr>'
            )
            continue
        details = "; ".join(d for k in b.changes for d in result.changes[k].details)
        parts.append(
            f'<tr class="head{ctx}" id="{_esc(b.anchor)}"><td colspan="2"><span class="labels">{_esc(_labels(b))}</span>'
            f'<span class="status st-{_esc(b.status)}">{_esc(b.status)}</span> {_flag_html(b.flags)}'
            + (f' <span class="details">{_esc(details)}</span>' if details else "")
            + "</td></tr>"
        )
        parts.append(
            f'<tr class="{ctx.strip()}"><td class="old" lang="zh-CN">{_side(b.segments, "old")}</td>'
            f'<td class="new" lang="zh-CN">{_side(b.segments, "new")}</td></tr>'
        )
    parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


# --------------------------------------------------------------------------- markdown

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~#])")


def _md_esc(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_wrap(text: str, left: str, right: str) -> str:
    """Wrap each line of ``text`` separately (GFM marks do not span lines)."""
    out = []
    for k, line in enumerate(text.split("\n")):
        if k:
            out.append("  \n")
        if line.strip():
            lead = line[: len(line) - len(line.lstrip())]
            trail = line[len(line.rstrip()) :]
            out.append(f"{lead}{left}{_md_esc(line.strip())}{right}{trail}")
        else:
            out.append(line)
    return "".join(out)


def _md_segments(segments: list[tuple[str, str, str]], style: str) -> str:
    dl, dr, il, ir = ("~~", "~~", "**", "**") if style == "gfm" else ("[-", "-]", "{+", "+}")
    out = []
    for tag, old, new in segments:
        if tag == "equal":
            out.append(_md_esc(new).replace("\n", "  \n"))
            continue
        if old:
            out.append(_md_wrap(old, dl, dr))
        if new:
            out.append(_md_wrap(new, il, ir))
    return "".join(out)


def redline_markdown(result: DiffResult, *, style: str = "gfm", unchanged: bool = False) -> str:
    """Render the diff as Markdown: the summary, then each changed clause with its redline.

    Args:
        result: the diff.
        style: ``gfm`` (``~~deleted~~**inserted**``) or ``plain``
            (``[-deleted-]{+inserted+}``, as ``git diff --word-diff``).
        unchanged: also print the unchanged clauses (by default only counted).

    Returns:
        The Markdown text.
    """
    if style not in ("gfm", "plain"):
        from ..errors import ConfigError

        raise ConfigError(f"unknown Markdown redline style {style!r}: choose one of: gfm, plain")
    t_title = str(result.template.get("title") or "template")
    c_title = str(result.charter.get("title") or "charter")
    lines = [
        f"# Redline: {_md_esc(c_title)} against {_md_esc(t_title)}",
        "",
        f"- Template: {_md_esc(t_title)} (`{result.template.get('source', '')}`)",
        f"- Charter: {_md_esc(c_title)} (`{result.charter.get('source', '')}`)",
        f"- Compared by {result.level}",
        "",
        "## Summary",
        "",
        "| " + " | ".join(result.counts()) + " |",
        "|" + "|".join("---:" for _ in result.counts()) + "|",
        "| " + " | ".join(str(n) for n in result.counts().values()) + " |",
        "",
    ]
    rows = _summary_rows(result)
    lines.append(f"### Flagged changes ({len(rows)})")
    lines.append("")
    if rows:
        lines.append("| template | charter | status | flags | details |")
        lines.append("|---|---|---|---|---|")
        for r in rows:
            lines.append(
                "| "
                + " | ".join(
                    # a table cell is one line: line breaks inside a detail become " / "
                    _md_esc(" / ".join(str(r[k]).split("\n")) or "—")
                    for k in ("template", "charter", "status", "flags", "details")
                )
                + " |"
            )
    else:
        lines.append("No flagged changes.")
    n_ren = _renumbered_only(result)
    if n_ren:
        lines += ["", f"{n_ren} unchanged clauses only renumbered."]
    lines += ["", "## Changes", ""]
    for b in result.blocks:
        if b.moved_from:
            continue
        if b.status == "unchanged" and not (set(b.flags) - {"renumbered", "stale_reference"}):
            if not unchanged:
                continue
        head = f"### {_md_esc(_labels(b))} — {b.status}"
        if b.flags:
            head += f" ({', '.join(b.flags)})"
        lines.append(head)
        lines.append("")
        details = [d for k in b.changes for d in result.changes[k].details]
        if details:
            lines.append("> " + _md_esc("; ".join(details)))
            lines.append("")
        lines.append(_md_segments(b.segments, style))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- docx

_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _iso_date(date: str | _dt.datetime | None) -> str:
    if date is None:
        return DEFAULT_DATE
    if isinstance(date, _dt.datetime):
        value = date
    elif str(date).lower() == "now":
        value = _dt.datetime.now(_dt.timezone.utc)
    else:
        try:
            value = _dt.datetime.fromisoformat(str(date).replace("Z", "+00:00"))
        except ValueError as exc:
            from ..errors import ConfigError

            raise ConfigError(
                f"bad revision date {date!r}: give an ISO date such as 2024-05-01T09:00:00Z, or 'now'"
            ) from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.timezone.utc)
    return value.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Tracker:
    """Writes paragraphs of runs with tracked insertions and deletions into a python-docx body."""

    def __init__(self, doc: Any, author: str, date: str) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        self.doc = doc
        self.E = OxmlElement
        self.qn = qn
        self.author = author
        self.date = date
        self.next_id = 1
        self.p = None

    def _mark(self, tag: str) -> Any:
        el = self.E(tag)
        el.set(self.qn("w:id"), str(self.next_id))
        el.set(self.qn("w:author"), self.author)
        el.set(self.qn("w:date"), self.date)
        self.next_id += 1
        return el

    def _run(self, text: str, deleted: bool) -> Any:
        r = self.E("w:r")
        t = self.E("w:delText" if deleted else "w:t")
        t.set(self.qn("xml:space"), "preserve")
        t.text = _XML_BAD.sub("", text)
        r.append(t)
        return r

    def _ensure_p(self) -> Any:
        if self.p is None:
            self.p = self.doc.add_paragraph()._p
        return self.p

    def text(self, text: str, how: str) -> None:
        """Write ``text`` as plain (``equal``), inserted (``ins``) or deleted (``del``) runs."""
        lines = text.split("\n")
        for k, line in enumerate(lines):
            if line:
                p = self._ensure_p()
                if how == "equal":
                    p.append(self._run(line, False))
                else:
                    wrap = self._mark("w:ins" if how == "ins" else "w:del")
                    wrap.append(self._run(line, how == "del"))
                    p.append(wrap)
            if k < len(lines) - 1:
                self.end_paragraph(how)

    def end_paragraph(self, how: str = "equal") -> None:
        """Close the current paragraph; its mark is tracked when ``how`` is ``ins`` or ``del``."""
        p = self._ensure_p()
        if how in ("ins", "del"):
            pPr = p.get_or_add_pPr()
            rPr = pPr.find(self.qn("w:rPr"))
            if rPr is None:
                rPr = self.E("w:rPr")
                pPr.append(rPr)
            rPr.append(self._mark("w:ins" if how == "ins" else "w:del"))
        self.p = None


def redline_docx(
    result: DiffResult,
    path: str | os.PathLike[str] | None = None,
    *,
    author: str = "policytext",
    date: str | _dt.datetime | None = None,
) -> bytes:
    """Write the charter as tracked changes against the template, as a DOCX.

    Args:
        result: the diff.
        path: where to write the file; None only returns the bytes.
        author: the revision author Word and WPS show.
        date: the revision date: an ISO date, a datetime, ``"now"``, or None
            for the fixed :data:`DEFAULT_DATE` (the same diff gives the same file).

    Returns:
        The DOCX file's bytes.
    """
    import io

    from docx import Document as DocxDocument
    from docx.oxml.ns import qn
    from docx.shared import Pt

    stamp = _iso_date(date)
    doc = DocxDocument()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), "宋体")
    props = doc.core_properties
    props.title = f"Redline: {result.charter.get('title', '')} against {result.template.get('title', '')}"[
        :255
    ]
    props.author = author
    props.last_modified_by = author
    fixed = (
        _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
        if date is None
        else _dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    )
    props.created = fixed
    props.modified = fixed
    props.revision = 1
    tracker = _Tracker(doc, author, stamp)
    for b in result.blocks:
        if b.moved_from:
            tracker.text(b.old, "del")
            tracker.end_paragraph("del")
            continue
        if b.status == "moved":
            tracker.text(b.new, "ins")
            tracker.end_paragraph("ins")
            continue
        if b.status == "removed":
            tracker.text(b.old, "del")
            tracker.end_paragraph("del")
            continue
        if b.status == "added":
            tracker.text(b.new, "ins")
            tracker.end_paragraph("ins")
            continue
        for tag, old, new in b.segments:
            if tag == "equal":
                tracker.text(new, "equal")
                continue
            if old:
                tracker.text(old, "del")
            if new:
                tracker.text(new, "ins")
        tracker.end_paragraph("equal")
    # python-docx starts from a template with one empty paragraph; drop it if still empty
    body = doc.element.body
    first = body.find(qn("w:p"))
    if first is not None and not len(first) and first.getnext() is not None:
        body.remove(first)
    buf = io.BytesIO()
    doc.save(buf)
    data = _fix_zip_times(buf.getvalue())
    if path is not None:
        with open(path, "wb") as fh:
            fh.write(data)
    return data


def _fix_zip_times(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps, so the same diff gives the same bytes."""
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
