"""The comparison as one self-contained HTML page (no external files, no scripts)."""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .comparison import ComparisonResult

__all__ = ["render_html"]

_STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
margin:2em;color:#222;max-width:1400px}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
th,td{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.num{text-align:right}
.restates{background:#dbe9f6}.specifies{background:#eef5fb}.adds{background:#fde9d9}
.procedural{color:#777}.stronger{color:#1a7f37}.weaker{color:#b42318}.missing{color:#b42318;font-style:italic}
.note{color:#555;font-size:.85em}svg{max-width:100%;height:auto}
"""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, tuple)):
        return html.escape(", ".join(str(v) for v in value))
    return html.escape(str(value))


def _table(rows: Sequence[dict[str, Any]], cols: Sequence[str], *, css: str | None = None, limit: int = 2000) -> str:
    if not rows:
        return '<p class="note">(none)</p>'
    out = ["<table><thead><tr>"]
    out.extend(f"<th>{html.escape(c)}</th>" for c in cols)
    out.append("</tr></thead><tbody>")
    for row in rows[:limit]:
        cls = f' class="{html.escape(str(row.get(css, "")))}"' if css else ""
        out.append(f"<tr{cls}>")
        for c in cols:
            v = row.get(c)
            num = ' class="num"' if isinstance(v, (int, float)) and not isinstance(v, bool) else ""
            out.append(f"<td{num}>{_cell(v)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    if len(rows) > limit:
        out.append(f'<p class="note">… {len(rows) - limit} more rows in the CSV/JSON output.</p>')
    return "".join(out)


def render_html(result: ComparisonResult) -> str:
    """Render a :class:`ComparisonResult` as one HTML page."""
    titles = {d["doc"]: d["title"] for d in result.national + result.local}
    alignments = []
    for a in result.alignments:
        row = a.to_dict()
        row["local_title"] = titles.get(a.local_doc, a.local_doc)
        row["national_title"] = titles.get(a.national_doc or "", "")
        alignments.append(row)
    svg = io.BytesIO()
    result.heatmap(svg)
    svg_text = svg.getvalue().decode("utf-8")
    svg_text = svg_text[svg_text.find("<svg") :]
    reuse = result.reuse()
    parts = [
        "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\">",
        "<title>policytext compare</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Local documents compared with national directives</h1>",
        "<p>National: " + "; ".join(html.escape(d["title"]) for d in result.national) + "</p>",
        f"<p>{len(result.local)} local document(s), {len(result.national_units)} national clause(s), "
        f"{len(result.alignments)} local clause(s) aligned.</p>",
        "<h2>Reuse and relations by local document</h2>",
        _table(reuse, ["title", "clauses", "reuse", "restates", "specifies", "procedural", "adds", "source"]),
        "<h2>Coverage of national clauses</h2>",
        svg_text,
        _table(result.coverage(), ["national_clause", "text", "local_docs", "share", "restates", "specifies",
                                   "procedural_matches"]),  # fmt: skip
        "<h2>Targets side by side</h2>",
        _table(result.targets(), ["indicator", "national_value", "national_unit", "national_year", "local_title",
                                  "local_indicator", "local_value", "local_unit", "local_year", "status"],
               css="status"),  # fmt: skip
        "<h2>Alignments</h2>",
        _table(alignments, ["local_title", "local_clause", "national_clause", "score", "relation"], css="relation"),
        "<h2>Gaps (national clauses not taken up)</h2>",
        _table(result.gaps(), ["local_title", "national_clause", "text"]),
        "<h2>Local additions</h2>",
        '<p class="note">Candidates to be read: the probability is the additions model\'s, and the nearest '
        "national clause is the one to check before counting a clause as an addition.</p>",
        _table([dict(r, local_title=titles.get(r["local_doc"], "")) for r in result.additions()],
               ["local_title", "local_clause", "text", "addition_probability", "nearest_national_clause"]),  # fmt: skip
        '<p class="note">Made with policytext. Relations: restates (near-verbatim), specifies (made concrete), '
        "procedural (purpose, scope, effective date, interpretation, matched to the national one of its kind), "
        "adds (no national counterpart).</p>",
        "</body></html>",
    ]
    return "\n".join(parts)
