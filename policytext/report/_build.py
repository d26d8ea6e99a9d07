"""The HTML report of a workspace: one self-contained page a scholar can open offline.

Everything the page needs is inside it: CSS, charts as inline SVG, no script,
no web font, no link that leaves the workspace. Every figure links to the
table it was drawn from (``tables/x.csv``, relative), every finding names its
evidence (document, clause label, page), and all document text is escaped.
The page is rebuilt from the workspace alone (the store and ``manifest.json``),
and the same workspace gives the same bytes.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .._typing import PathLike
from ..errors import InputError
from ..store import Store
from . import _charts as charts

__all__ = ["build_report", "REPORT_TITLE", "FONT_STACK"]

#: The report's heading.
REPORT_TITLE = "政策文本分析报告"
#: Fonts the page asks for, Chinese first; all are local fonts (nothing is downloaded).
FONT_STACK = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK JP", sans-serif'
)
_STORE = "workspace.db"
_RELATION_COLOURS = (("not taken up", "#f1f1f1"), ("procedural", "#c6dbef"), ("specifies", "#6baed6"),
                     ("restates", "#08519c"))  # fmt: skip
_STATUS_COLOURS = {"unchanged": "#cccccc", "modified": "#0072B2", "moved": "#E69F00", "added": "#009E73",
                   "removed": "#D55E00", "stronger": "#009E73", "weaker": "#D55E00", "same": "#999999",
                   "missing": "#CC79A7", "added_local": "#56B4E9"}  # fmt: skip
_IMPORTANT_FLAGS = ("weakened", "strengthened", "number_changed", "actor_changed", "stale_reference",
                    "content_removed", "content_added")  # fmt: skip

_CSS = """
:root { --ink: #1d232b; --muted: #5b6670; --line: #d9dee3; --accent: #0b5394; --bg: #ffffff; --soft: #f5f7f9; }
* { box-sizing: border-box; }
body { font-family: FONTS; color: var(--ink); background: var(--bg); margin: 0; line-height: 1.55; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 80px; }
h1 { font-size: 30px; margin: 0 0 6px; letter-spacing: 0.02em; }
h2 { font-size: 21px; margin: 40px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 16px; margin: 22px 0 8px; }
p.lead { color: var(--muted); margin: 0 0 18px; }
nav.toc { background: var(--soft); border: 1px solid var(--line); padding: 10px 16px; margin: 16px 0 8px; }
nav.toc a { margin-right: 14px; color: var(--accent); text-decoration: none; white-space: nowrap; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { border: 1px solid var(--line); background: var(--soft); padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 22px; }
.card span { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 7px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 10px 0 20px; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 12px; }
a.table { font-family: monospace; }
.cite { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.cites { margin: 2px 0 0; padding-left: 18px; }
.note { background: #fff8e5; border-left: 4px solid #e6a700; padding: 6px 12px; margin: 8px 0; font-size: 13px; }
.flag { display: inline-block; background: #eef2f7; border-radius: 3px; padding: 0 5px; margin: 1px; font-size: 12px; }
.flag.weakened, .status-weaker { color: #b03a00; }
.flag.strengthened, .status-stronger { color: #0a7a4f; }
.kwic .kw { font-weight: 700; color: var(--accent); }
footer { color: var(--muted); font-size: 12px; margin-top: 40px; border-top: 1px solid var(--line); padding-top: 10px; }
""".replace("FONTS", FONT_STACK)


def _e(value: Any) -> str:
    """Escape any value as HTML text (None becomes empty)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return html.escape(f"{value:.4g}")
    return html.escape(str(value))


def _num(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e6 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return _e(value)


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]], *, numeric: Iterable[str] = (),
           raw: Iterable[str] = ()) -> str:  # fmt: skip
    """An HTML table: ``columns`` are (key, heading); ``raw`` columns hold ready HTML."""
    numeric, raw = set(numeric), set(raw)
    out = ["<table><thead><tr>"]
    out += [f"<th>{_e(head)}</th>" for _, head in columns]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>")
        for key, _ in columns:
            value = row.get(key)
            if key in raw:
                out.append(f"<td>{value or ''}</td>")
            elif key in numeric:
                out.append(f'<td class="n">{_num(value)}</td>')
            else:
                out.append(f"<td>{_e(value)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _link(name: str) -> str:
    return f'<a class="table" href="tables/{_e(name)}.csv">tables/{_e(name)}.csv</a>'


def _figure(svg: str, caption: str, *tables: str) -> str:
    links = ", ".join(_link(t) for t in tables)
    return f"<figure>{svg}<figcaption>{_e(caption)} Data: {links}.</figcaption></figure>"


def cite(label: Any, clause: Any = "", page: Any = None) -> str:
    """A citation as HTML: document label · clause label · p. N."""
    parts = [str(label or "")]
    if clause:
        parts.append(str(clause))
    if page not in (None, ""):
        parts.append(f"p. {page}")
    return f'<span class="cite">{_e(" · ".join(p for p in parts if p))}</span>'


class _Report:
    def __init__(self, workspace: Path, store: Store, *, examples: bool) -> None:
        self.ws = workspace
        self.store = store
        self.examples = examples
        names = set(store.tables())
        self.has = names.__contains__
        self.manifest = self._manifest()
        self.sections: list[tuple[str, str, str]] = []  # (anchor, title, html)
        self.notes = [r.get("note", "") for r in store.table("run_notes")] if self.has("run_notes") else []
        self.seed = int((self.manifest.get("seeds") or {}).get("network_layout", 42))

    def _manifest(self) -> dict[str, Any]:
        path = self.ws / "manifest.json"
        if path.is_file():
            try:
                return json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                return {}
        return {}

    def table(self, name: str) -> list[dict[str, Any]]:
        return self.store.table(name) if self.has(name) else []

    def add(self, anchor: str, title: str, body: str) -> None:
        self.sections.append((anchor, title, body))

    def notes_for(self, *stages: str) -> str:
        found = [n for n in self.notes if any(n.startswith(s) for s in stages)]
        return "".join(f'<p class="note">{_e(n)}</p>' for n in found)

    # ------------------------------------------------------------------ sections

    def overview(self) -> None:
        docs = self.table("documents")
        errors = self.table("errors")
        warnings = self.table("warnings")
        pages = sum(int(d.get("pages") or 0) for d in docs)
        chars = sum(int(d.get("chars") or 0) for d in docs)
        levels = Counter(d.get("level") or "(none)" for d in docs)
        formats = Counter(d.get("format") or "?" for d in docs)
        roles = Counter(d.get("role") or "other" for d in docs)
        years = [d["year"] for d in docs if isinstance(d.get("year"), int)]
        cards = [
            (len(docs), "documents"),
            (pages, "pages"),
            (chars, "characters"),
            (f"{min(years)}–{max(years)}" if years else "—", "years"),
            (len(warnings), "warnings"),
            (len(errors), "errors"),
        ]
        body = ['<div class="cards">']
        body += [f"<div class=\"card\"><b>{_num(v) if isinstance(v, int) else _e(v)}</b><span>{_e(k)}</span></div>" for v, k in cards]
        body.append("</div>")
        body.append("<p>" + "; ".join(
            f"{_e(title)}: " + ", ".join(f"{_e(k)} {v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0]))))
            for title, c in (("levels", levels), ("formats", formats), ("roles", roles))
        ) + "</p>")  # fmt: skip
        if years:
            by_year: dict[Any, Counter[str]] = defaultdict(Counter)
            for d in docs:
                if isinstance(d.get("year"), int):
                    by_year[d["year"]][d.get("level") or "(none)"] += 1
            xs = sorted(by_year)
            if len(xs) > 1:
                lv = sorted({lv for c in by_year.values() for lv in c})
                svg = charts.stacked_bars(xs, {name: [by_year[y][name] for y in xs] for name in lv},
                                          title="Documents by year and level", ylabel="documents")  # fmt: skip
                body.append(_figure(svg, "Documents per year of issue, by level.", "documents"))
        shown = docs[:300]
        body.append(_table(shown, [("label", "document"), ("title", "title"), ("role", "role"), ("level", "level"),
                                   ("year", "year"), ("format", "format"), ("pages", "pages"),
                                   ("clauses", "clauses"), ("warnings", "warnings")],
                           numeric=("pages", "clauses", "warnings")))  # fmt: skip
        if len(docs) > len(shown):
            body.append(f"<p>… {len(docs) - len(shown)} more in {_link('documents')}.</p>")
        body.append(f"<p>Every document: {_link('documents')}; clause trees: {_link('clauses')}; what failed "
                    f'(file, stage, reason): <a class="table" href="errors.csv">errors.csv</a>.</p>')
        if errors:
            body.append("<h3>Errors</h3>")
            body.append(_table(errors[:200], [("file", "file"), ("stage", "stage"), ("reason", "reason")]))
            body.append('<p>All of them: <a class="table" href="errors.csv">errors.csv</a>.</p>')
        if warnings:
            body.append("<h3>Warnings</h3>")
            body.append(_table(warnings[:50], [("label", "document"), ("warning", "warning")]))
            if len(warnings) > 50:
                body.append(f"<p>… {len(warnings) - 50} more in {_link('warnings')}.</p>")
        self.add("overview", "Corpus overview", "".join(body))

    def _kwic(self, terms: Sequence[str], per_term: int = 2, *, level: Any = None) -> dict[str, list[Any]]:
        """A few cited occurrences of each term, one per document (of ``level`` when given), read from the store."""
        if not self.examples or not terms:
            return {}
        from ..explore import kwic

        docs_table = self.table("documents")
        labels = {d["doc"]: d.get("label") for d in docs_table}
        order = [d["doc"] for d in docs_table if level is None or str(d.get("level")) == str(level)]
        out: dict[str, list[Any]] = {}
        for term in terms:
            hits: list[Any] = []
            for doc_id in order:
                if len(hits) >= per_term:
                    break
                if self.store.has(doc_id):
                    hit = next(kwic([self.store.get(doc_id)], term, window=8), None)
                    if hit is not None:
                        hits.append((hit, labels.get(hit.doc, "")))
            out[term] = hits
        return out

    def _kwic_html(self, hits: Sequence[Any]) -> str:
        items = []
        for hit, label in hits:
            items.append(
                f'<li class="kwic">{_e(hit.left)}<span class="kw">{_e(hit.keyword)}</span>{_e(hit.right)} '
                f"{cite(label, hit.clause_label, hit.page)}</li>"
            )
        return f'<ul class="cites">{"".join(items)}</ul>' if items else ""

    def terms(self) -> None:
        terms = self.table("terms")
        if not terms:
            note = self.notes_for("terms", "keyness")
            if note:
                self.add("terms", "Top terms and keyness", note)
            return
        top = terms[:20]
        body = [_figure(charts.bar_chart([t["term"] for t in top], [t["count"] for t in top],
                                         title="Top terms (content words)", xlabel="occurrences"),
                        "The 20 most frequent content words (stopwords and numbers removed).", "terms")]  # fmt: skip
        examples = self._kwic([t["term"] for t in top[:5]])
        rows = []
        for t in top:
            rows.append({**t, "examples": self._kwic_html(examples.get(t["term"], []))})
        body.append(_table(rows, [("rank", "#"), ("term", "term"), ("count", "count"), ("per_10k", "per 10k"),
                                  ("doc_freq", "documents"), ("tfidf", "TF-IDF"), ("examples", "in context")],
                           numeric=("rank", "count", "per_10k", "doc_freq", "tfidf"), raw=("examples",)))  # fmt: skip
        keyness = self.table("keyness")
        if keyness:
            body.append("<h3>Keyness by level</h3>")
            body.append("<p>Log-likelihood (G²) keywords of each level against all other levels; positive: "
                        "characteristic of the level, negative: of the others.</p>")  # fmt: skip
            panels = []
            by_target: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for r in keyness:
                by_target[str(r["target"])].append(r)
            for target, rows_t in by_target.items():
                pos = [r for r in rows_t if r["direction"] == "target"][:8]
                neg = [r for r in rows_t if r["direction"] == "reference"][-8:]
                panels.append((f"level = {target}", [(r["term"], r["keyness"]) for r in pos + neg]))
            body.append(_figure(charts.diverging_bars(panels, title="Keywords by level (G²)"),
                                "Signed log-likelihood of the strongest keywords of each level.", "keyness"))  # fmt: skip
            for target, rows_t in by_target.items():
                pos = [r for r in rows_t if r["direction"] == "target"][:10]
                ex = self._kwic([r["term"] for r in pos[:3]], per_term=1, level=target)
                shown = [{**r, "examples": self._kwic_html(ex.get(r["term"], []))} for r in pos]
                body.append(f"<h3>level = {_e(target)}</h3>")
                body.append(_table(shown, [("rank", "#"), ("term", "keyword"), ("keyness", "G²"), ("log_ratio", "log ratio"),
                                           ("target_count", "in level"), ("reference_count", "in others"),
                                           ("examples", "in context")],
                                   numeric=("rank", "keyness", "log_ratio", "target_count", "reference_count"),
                                   raw=("examples",)))  # fmt: skip
        body.append(self.notes_for("keyness"))
        self.add("terms", "Top terms and keyness", "".join(body))

    def cowords(self) -> None:
        nodes = self.table("cowords_nodes")
        edges = self.table("cowords_edges")
        if not nodes:
            return
        index = {n["term"]: k for k, n in enumerate(nodes)}
        pairs = [(index[e["source"]], index[e["target"]], float(e["weight"])) for e in edges
                 if e["source"] in index and e["target"] in index]  # fmt: skip
        svg = charts.network_chart([(n["term"], float(n["frequency"])) for n in nodes], pairs,
                                   title="Co-word network", seed=self.seed)  # fmt: skip
        body = [_figure(svg, "Terms co-occurring in the same sentence; node size by frequency, line width by "
                             "co-occurrences; layout by multidimensional scaling of path lengths (seeded).",
                        "cowords_nodes", "cowords_edges")]  # fmt: skip
        body.append(_table(edges[:15], [("source", "term"), ("target", "term"), ("weight", "sentences"),
                                        ("jaccard", "Jaccard"), ("pmi", "PMI")],
                           numeric=("weight", "jaccard", "pmi")))  # fmt: skip
        body.append('<p>For Gephi: <a class="table" href="tables/cowords.gexf">tables/cowords.gexf</a>.</p>')
        self.add("cowords", "Co-word network", "".join(body))

    def topics(self) -> None:
        topics = self.table("topics")
        if not topics:
            note = self.notes_for("topics")
            if note:
                self.add("topics", "Topics", note)
            return
        body = []
        choice = self.ws / "topics" / "choice.txt"
        if choice.is_file():
            body.append(f"<p>{_e(choice.read_text(encoding='utf-8').strip())}</p>")
        body.append(_table(topics, [("topic", "#"), ("label", "label"), ("share", "share"), ("c_npmi", "NPMI"),
                                    ("top_terms", "top terms"), ("frex_terms", "distinctive terms (FREX)")],
                           numeric=("topic", "share", "c_npmi")))  # fmt: skip
        prevalence = self.table("topic_prevalence")
        labels = {int(t["topic"]): str(t["label"]) for t in topics}
        for field in ("year", "level"):
            rows = [p for p in prevalence if p.get("field") == field]
            if not rows:
                continue
            groups = sorted({p["group"] for p in rows}, key=_group_key)
            share = {(p["group"], int(p["topic"])): p for p in rows}
            series = {f"{k} {labels[k]}": [share.get((g, k), {}).get("share", 0.0) for g in groups] for k in labels}
            if field == "year":
                bands = {f"{k} {labels[k]}": ([share.get((g, k), {}).get("low", 0.0) for g in groups],
                                              [share.get((g, k), {}).get("high", 0.0) for g in groups]) for k in labels}  # fmt: skip
                svg = charts.line_chart(groups, series, title="Topic prevalence over time", ylabel="mean share", bands=bands)
                caption = "Mean topic share of the units of each year, with 95% bootstrap intervals."
            else:
                svg = charts.stacked_bars(groups, series, title=f"Topic prevalence by {field}", ylabel="mean share")
                caption = f"Mean topic share of the units of each {field}."
            body.append(_figure(svg, caption, "topic_prevalence"))
        passages = self.table("topic_passages")
        if passages:
            body.append("<h3>Representative passages</h3><p>The passage most about each topic, cited.</p>")
            first = [p for p in passages if int(p.get("rank") or 0) == 1]
            rows = [{"topic": p["topic"], "label": p.get("label"), "text": str(p.get("text") or "")[:240],
                     "where": cite(p.get("citation", ""))} for p in first]  # fmt: skip
            body.append(_table(rows, [("topic", "#"), ("label", "topic"), ("text", "passage"), ("where", "citation")],
                               numeric=("topic",), raw=("where",)))  # fmt: skip
        if (self.ws / "topics" / "topics.html").is_file():
            body.append('<p>The full topic report: <a href="topics/topics.html">topics/topics.html</a>; '
                        f"tables: {_link('topics')}, {_link('topic_terms')}, {_link('topic_passages')}.</p>")  # fmt: skip
        self.add("topics", "Topics", "".join(body))

    def compare(self) -> None:
        matrix = self.table("compare_coverage_matrix")
        coverage = self.table("compare_coverage")
        reuse = self.table("compare_reuse")
        sbs = self.table("targets_side_by_side")
        if not (matrix or coverage or sbs):
            note = self.notes_for("compare")
            if note:
                self.add("compare", "National and local", note)
            return
        body = []
        if matrix:
            locals_ = list(dict.fromkeys(r.get("local_label") or r["local_doc"] for r in matrix))
            clauses = list(dict.fromkeys((r.get("national", ""), r["national_clause"]) for r in matrix))
            code = {name: k for k, (name, _) in enumerate(_RELATION_COLOURS)}
            grid = [[0] * len(clauses) for _ in locals_]
            li = {name: k for k, name in enumerate(locals_)}
            ci = {c: k for k, c in enumerate(clauses)}
            for r in matrix:
                grid[li[r.get("local_label") or r["local_doc"]]][ci[(r.get("national", ""), r["national_clause"])]] = code.get(r["relation"] or "not taken up", 0)
            multi = len({c[0] for c in clauses}) > 1
            cols = [f"{n}:{c}" if multi else c for n, c in clauses]
            svg = charts.heatmap(grid, locals_, cols, title="Coverage of the national directives",
                                 categories=_RELATION_COLOURS)  # fmt: skip
            body.append(_figure(svg, "Each local document (row) against each national clause (column): restated, "
                                     "specified, procedural, or not taken up.", "compare_coverage_matrix"))  # fmt: skip
        if reuse:
            body.append("<h3>How much each local document takes up</h3>")
            body.append(_table(reuse, [("local_label", "local document"), ("clauses", "clauses"), ("reuse", "text reused"),
                                       ("restates", "restates"), ("specifies", "specifies"), ("adds", "adds")],
                               numeric=("clauses", "reuse", "restates", "specifies", "adds")))  # fmt: skip
        if coverage:
            least = sorted(coverage, key=lambda r: (float(r.get("share") or 0), str(r.get("national_clause"))))
            least = [r for r in least if not r.get("procedural")][:12]
            rows = [{**r, "where": cite(r.get("national_label"), r.get("national_clause"))} for r in least]
            body.append("<h3>National clauses least taken up</h3>")
            body.append(_table(rows, [("where", "national clause"), ("text", "text"), ("local_docs", "local documents"),
                                      ("share", "share"), ("covered_by", "taken up by")],
                               numeric=("local_docs", "share"), raw=("where",)))  # fmt: skip
            body.append(f"<p>Every clause: {_link('compare_coverage')}; gaps per document: {_link('compare_gaps')}; "
                        f"local additions: {_link('compare_additions')}; alignments: {_link('compare_alignments')}.</p>")  # fmt: skip
        if sbs:
            body.append("<h3>Targets side by side</h3>")
            statuses = Counter(r.get("status") for r in sbs)
            by_doc: dict[str, Counter[str]] = defaultdict(Counter)
            for r in sbs:
                by_doc[str(r.get("local_label") or r.get("local_doc"))][str(r.get("status"))] += 1
            names = [s for s in ("stronger", "same", "weaker", "missing", "added") if statuses.get(s)]
            names += sorted(str(s) for s in statuses if s not in names)
            docs = list(by_doc)
            svg = charts.stacked_bars(docs, {s: [by_doc[d][s] for d in docs] for s in names},
                                      title="National targets in each local document", horizontal=True,
                                      ylabel="targets", colors=_STATUS_COLOURS)  # fmt: skip
            body.append(_figure(svg, "Each national target against the local document's: stronger, the same, weaker, "
                                     "missing; and local targets with no national counterpart.", "targets_side_by_side"))  # fmt: skip
            rows = []
            for r in sbs[:150]:
                rows.append({
                    "indicator": r.get("indicator"),
                    "national": _value(r, "national"),
                    "national_where": cite(r.get("national_label"), r.get("national_clause_label"), r.get("national_page")),
                    "local": _value(r, "local"),
                    "local_where": cite(r.get("local_label"), r.get("local_clause_label"), r.get("local_page")),
                    "status": f'<span class="status-{_e(r.get("status"))}">{_e(r.get("status"))}</span>',
                })  # fmt: skip
            body.append(_table(rows, [("indicator", "indicator"), ("national", "national"), ("national_where", "cited"),
                                      ("local", "local"), ("local_where", "cited"), ("status", "status")],
                               raw=("national_where", "local_where", "status")))  # fmt: skip
            if len(sbs) > 150:
                body.append(f"<p>… {len(sbs) - 150} more rows in {_link('targets_side_by_side')}.</p>")
            body.append(f"<p>Every target found in every document: {_link('targets')}.</p>")
        self.add("compare", "National and local: coverage and targets", "".join(body))

    def obligations(self) -> None:
        clusters = self.table("recurring_obligations")
        matrix = self.table("actor_modality")
        if not (clusters or matrix):
            return
        body = []
        if matrix:
            modalities = ["obligation", "prohibition", "permission", "encouragement"]
            grid = [[int(r.get(m) or 0) for m in modalities] for r in matrix]
            svg = charts.heatmap(grid, [str(r["actor_type"]) for r in matrix], modalities,
                                 title="Duties by actor type and modality", annotate=True)  # fmt: skip
            body.append(_figure(svg, "Deontic sentences by who bears them and how binding they are.", "actor_modality"))
        if clusters:
            cites: dict[int, list[dict[str, Any]]] = defaultdict(list)
            for c in self.table("recurring_obligation_citations"):
                cites[int(c["cluster"])].append(c)
            rows = []
            for c in clusters[:20]:
                own = cites.get(int(c["id"]), [])
                items = "".join(f"<li>{cite(x.get('label'), x.get('clause_label'), x.get('page'))}</li>" for x in own[:6])
                more = f"<li>… {len(own) - 6} more</li>" if len(own) > 6 else ""
                rows.append({**c, "where": f'<ul class="cites">{items}{more}</ul>'})
            body.append("<h3>Recurring duties</h3><p>Near-duplicate duties found in several documents, most widespread first.</p>")
            body.append(_table(rows, [("id", "#"), ("modality", "modality"), ("actor_type", "bearer"),
                                      ("representative", "duty"), ("documents", "documents"), ("where", "cited")],
                               numeric=("id", "documents"), raw=("where",)))  # fmt: skip
            body.append(f"<p>All clusters: {_link('recurring_obligations')}; their citations: "
                        f"{_link('recurring_obligation_citations')}; every deontic sentence: {_link('obligations')}.</p>")  # fmt: skip
        self.add("obligations", "Obligations: who must do what", "".join(body))

    def diffs(self) -> None:
        summary = self.table("diff_summary")
        if not summary:
            note = self.notes_for("diff")
            if note:
                self.add("diffs", "Charters against the template", note)
            return
        statuses = ["unchanged", "modified", "moved", "added", "removed"]
        names = [str(s["charter"]) for s in summary]
        svg = charts.stacked_bars(names, {s: [int(r.get(s) or 0) for r in summary] for s in statuses},
                                  title="Articles of each charter against the template", horizontal=True,
                                  ylabel="articles", colors=_STATUS_COLOURS)  # fmt: skip
        body = [_figure(svg, "How each charter's articles relate to the template's.", "diff_summary")]
        rows = [{**r, "redline": f'<a href="{_e(r["redline"])}">{_e(r["redline"])}</a>'} for r in summary]
        body.append(_table(rows, [("charter", "charter"), ("template", "template")] + [(s, s) for s in statuses]
                           + [("flagged", "flagged"), ("redline", "redline")],
                           numeric=statuses + ["flagged"], raw=("redline",)))  # fmt: skip
        changes = self.table("diff_changes")
        flagged = [c for c in changes if any(f in str(c.get("flags", "")).split(",") for f in _IMPORTANT_FLAGS)
                   or c.get("status") in ("added", "removed")]  # fmt: skip
        if flagged:
            body.append("<h3>Changes a reviewer should read</h3>")
            rows = []
            for c in flagged[:120]:
                flags = "".join(f'<span class="flag {_e(f)}">{_e(f)}</span>' for f in str(c.get("flags", "")).split(",") if f)
                rows.append({**c, "flags_html": flags, "where": cite(c["charter"], c.get("charter_clause")),
                             "was": cite(c["template"], c.get("template_clause"))})  # fmt: skip
            body.append(_table(rows, [("where", "charter"), ("was", "template"), ("status", "status"),
                                      ("flags_html", "flags"), ("details", "details")], raw=("where", "was", "flags_html")))  # fmt: skip
            body.append(f"<p>Every change: {_link('diff_changes')}.</p>")
        if self.has("checklist"):
            rows = self.table("checklist")
            body.append("<h3>Checklist</h3>")
            body.append(_table([{**r, "where": cite(r.get("charter"), r.get("clause"))} for r in rows],
                               [("charter", "charter"), ("id", "item"), ("status", "status"), ("where", "evidence")],
                               raw=("where",)))  # fmt: skip
        self.add("diffs", "Charters against the template", "".join(body))

    def reproducibility(self) -> None:
        m = self.manifest
        if not m:
            return
        deps = m.get("dependencies") or {}
        rows = [
            {"what": "policytext", "value": (m.get("tool") or {}).get("version")},
            {"what": "Python", "value": m.get("python")},
            {"what": "inputs", "value": f"{len(m.get('inputs') or [])} files (SHA-256 in manifest.json)"},
            {"what": "metadata", "value": (m.get("metadata_csv") or {}).get("path", "—")},
            {"what": "seeds", "value": ", ".join(f"{k} {v}" for k, v in (m.get("seeds") or {}).items())},
            {"what": "lexicons", "value": f"{len(m.get('resources') or {})} shipped files, hashed"},
            {"what": "libraries", "value": ", ".join(f"{k} {v}" for k, v in deps.items())},
        ]
        body = _table(rows, [("what", ""), ("value", "")])
        body += ('<p>Everything needed to repeat the run: <a class="table" href="manifest.json">manifest.json</a>; '
                 'when it ran: <a class="table" href="runs.log">runs.log</a>.</p>')  # fmt: skip
        if self.notes:
            body += "".join(f'<p class="note">{_e(n)}</p>' for n in self.notes)
        self.add("reproducibility", "How this report was made", body)

    # ------------------------------------------------------------------ page

    def page(self) -> str:
        toc = " ".join(f'<a href="#{a}">{_e(t)}</a>' for a, t, _ in self.sections)
        parts = [
            "<!DOCTYPE html>",
            '<html lang="zh-CN"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(REPORT_TITLE)} · policytext</title>",
            f"<style>{_CSS}</style></head><body><main>",
            f'<h1 id="report-title">{_e(REPORT_TITLE)}</h1>',
            f'<p class="lead">Policy text analysis report of the workspace <code>{_e(self.ws.name)}</code>, '
            "made by policytext. Every figure links to its table; every finding cites document, clause and page.</p>",
            f'<nav class="toc">{toc}</nav>',
        ]
        for anchor, title, body in self.sections:
            parts.append(f'<section id="{anchor}"><h2>{_e(title)}</h2>{body}</section>')
        version = (self.manifest.get("tool") or {}).get("version", "")
        parts.append(f"<footer>policytext {_e(version)} · tables in <code>tables/</code> (CSV and Parquet) · "
                     "the store <code>workspace.db</code></footer>")  # fmt: skip
        parts.append("</main></body></html>\n")
        return "\n".join(parts)


def _group_key(value: Any) -> tuple[int, float, str]:
    """Numbers first in numeric order, then text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, float(value), "")
    return (1, 0.0, str(value))


def _value(row: dict[str, Any], side: str) -> str:
    value = row.get(f"{side}_value")
    if value in (None, ""):
        return str(row.get(f"{side}_raw") or "")
    unit = row.get(f"{side}_unit") or ""
    year = row.get(f"{side}_year")
    qual = row.get(f"{side}_qualifier") or ""
    text = f"{_num(value)}{unit}{qual}"
    return f"{text} ({year})" if year not in (None, "") else text


def build_report(workspace: PathLike, *, output: PathLike | None = None, examples: bool = True) -> Path:
    """Write the self-contained HTML report of a workspace.

    Args:
        workspace: a folder written by :func:`policytext.run_pipeline`.
        output: the HTML file (default ``WORKSPACE/report.html``); links in the
            page are relative to the workspace, so keep it there.
        examples: show cited occurrences (keyword in context) of the top terms
            and keywords, read from the stored documents.

    Returns:
        The path of the report.

    Raises:
        InputError: the folder holds no workspace store.

    Example:
        >>> policytext.build_report("workspace")              # doctest: +SKIP
        PosixPath('workspace/report.html')
    """
    ws = Path(workspace)
    if not (ws / _STORE).is_file():
        raise InputError(ws, f"not a policytext workspace (no {_STORE}); make one with 'policytext run'")
    out = Path(output) if output is not None else ws / "report.html"
    charts.reset_ids()
    with Store(ws / _STORE, create=False) as store:
        report = _Report(ws, store, examples=examples)
        for section in (report.overview, report.terms, report.cowords, report.topics, report.compare,
                        report.obligations, report.diffs, report.reproducibility):  # fmt: skip
            section()
        text = report.page()
    out.write_text(text, encoding="utf-8")
    return out
