"""Writing a topic run to a folder: CSV tables, SVG charts, the model and an HTML view.

Every table is written with fixed precision (``%.6f``) and a stable row order,
so that the same inputs and seed give byte-identical files. The HTML view is
one self-contained file (inline CSS and SVG, no scripts, no CDN), with every
piece of document text escaped.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .._typing import PathLike
from .coherence import CoherenceReference
from .estimator import TopicModel
from .prevalence import representative_units, topic_prevalence, unit_groups
from .sweep import TopicSweep
from .units import TopicUnit

__all__ = ["write_topics"]

_FLOAT = "{:.6f}"


def write_topics(
    out: PathLike,
    result: TopicSweep | TopicModel,
    units: Sequence[TopicUnit],
    *,
    by: Sequence[str] = (),
    n_terms: int = 20,
    n_passages: int = 5,
    n_boot: int = 1000,
    seed: int | None = None,
    reference: Sequence[str] | CoherenceReference | None = None,
    settings: dict[str, Any] | None = None,
) -> dict[str, Path]:
    """Write the tables, charts, model and HTML view of a topic run.

    Args:
        out: the output folder (created if needed; files in it are replaced).
        result: a sweep (its chosen model is written, with the coherence table)
            or a fitted model.
        units: the units the model was fitted on, in the same order.
        by: metadata fields to report prevalence by (``year``, ``level`` ...).
        n_terms: terms per topic in ``topics.csv``.
        n_passages: representative passages per topic.
        n_boot: bootstrap resamples for the prevalence intervals.
        seed: bootstrap seed (default: the model's seed).
        reference: paragraphs for the coherence of a bare model (a sweep has its own).
        settings: what the run was asked to do, recorded in ``run.json``.

    Returns:
        The written files by name: ``topics``, ``doc_topics``, ``coherence``,
        ``prevalence``, ``representatives``, ``choice``, ``html``, ``model`` ...

    Example:
        >>> sweep = policytext.sweep_topics(units, "5:20:5")                  # doctest: +SKIP
        >>> policytext.write_topics("out", sweep, units, by=["year"])         # doctest: +SKIP
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(result, TopicSweep):
        sweep: TopicSweep | None = result
        model = result.model
    else:
        sweep, model = None, result
        if not hasattr(model, "topic_terms_"):
            model._check_fitted("write_topics")
    if model.doc_topics_.shape[0] != len(units):
        from ..errors import ConfigError

        raise ConfigError(
            f"the model was fitted on {model.doc_topics_.shape[0]} units, not these {len(units)}"
        )
    seed = model.seed if seed is None else seed
    k = int(model.k)
    labels = model.labels_
    written: dict[str, Path] = {}

    # coherence: from the sweep, else scored here
    if sweep is not None:
        rows = sweep.rows
        chosen_row = next(r for r in rows if r["chosen"])
        choice = sweep.to_dict()
    else:
        texts = reference if reference is not None else [u.text for u in units]
        ref = texts if isinstance(texts, CoherenceReference) else CoherenceReference(texts)
        terms = model.top_terms(10)
        npmi, cv = ref.npmi(terms), ref.cv(terms)
        chosen_row = {
            "k": k,
            "c_npmi": float(np.mean(npmi)),
            "c_v": float(np.mean(cv)),
            "npmi_topics": npmi,
            "cv_topics": cv,
            "chosen": True,
        }
        rows = [chosen_row]
        choice = {
            "k": k,
            "reason": f"K={k} was given (no sweep); mean c_npmi of the top 10 terms is {chosen_row['c_npmi']:.4f}",
            "rule": "K given",
            "top_n": 10,
            "candidates": [{"k": k, "c_npmi": chosen_row["c_npmi"], "c_v": chosen_row["c_v"]}],
        }

    # topics.csv: terms by weight, and by FREX side by side
    weights = model.topic_terms_
    frex = model.frex()
    top = model.top_terms(n_terms)
    frex_top = model.frex_terms(n_terms)
    index = {t: j for j, t in enumerate(model.vocabulary_)}
    topic_rows = []
    for t in range(k):
        for r in range(max(len(top[t]), len(frex_top[t]))):
            term = top[t][r] if r < len(top[t]) else ""
            fterm = frex_top[t][r] if r < len(frex_top[t]) else ""
            topic_rows.append(
                [
                    t + 1,
                    r + 1,
                    term,
                    _f(weights[t, index[term]]) if term else "",
                    fterm,
                    _f(frex[t, index[fterm]]) if fterm else "",
                ]
            )
    written["topics"] = _csv(
        folder / "topics.csv", ["topic", "rank", "term", "weight", "frex_term", "frex"], topic_rows
    )

    # topic_labels.csv: one line per topic
    used = model.doc_topics_[model.doc_topics_.sum(axis=1) > 0]
    overall = used.mean(axis=0) if used.shape[0] else np.zeros(k)
    label_rows = [
        [
            t + 1,
            labels[t],
            _f(overall[t]),
            _f(chosen_row["npmi_topics"][t]),
            _f(chosen_row["cv_topics"][t]),
            " ".join(top[t][:10]),
            " ".join(frex_top[t][:10]),
        ]
        for t in range(k)
    ]
    written["topic_labels"] = _csv(
        folder / "topic_labels.csv",
        ["topic", "label", "share", "c_npmi", "c_v", "top_terms", "frex_terms"],
        label_rows,
    )

    # doc_topics.csv
    fields = list(dict.fromkeys(by))
    group_values = {f: unit_groups(units, f) for f in fields}
    head = ["unit", "doc", "source", "clause", "page", "start", "end", "citation"] + fields
    head += [f"topic_{t + 1}" for t in range(k)]
    doc_rows = []
    for i, unit in enumerate(units):
        d = unit.to_dict()
        doc_rows.append(
            [d[c] for c in head[:8]]
            + [group_values[f][i] for f in fields]
            + [_f(x) for x in model.doc_topics_[i]]
        )
    written["doc_topics"] = _csv(folder / "doc_topics.csv", head, doc_rows)

    # coherence.csv, choice
    written["coherence"] = _csv(
        folder / "coherence.csv",
        ["k", "c_npmi", "c_v", "chosen"],
        [[r["k"], _f(r["c_npmi"]), _f(r["c_v"]), int(bool(r["chosen"]))] for r in rows],
    )
    written["choice"] = _write(
        folder / "choice.json", json.dumps(_rounded(choice), ensure_ascii=False, indent=2) + "\n"
    )
    written["choice_txt"] = _write(
        folder / "choice.txt", choice["reason"] + ".\nRule: " + choice["rule"] + ".\n"
    )
    coherence_svg = _coherence_chart(rows)
    written["coherence_svg"] = _write(folder / "coherence.svg", coherence_svg)

    # prevalence.csv (overall, then each field)
    prevalence = topic_prevalence(model.doc_topics_, None, n_boot=n_boot, seed=seed, field="all")
    for f in fields:
        prevalence += topic_prevalence(model.doc_topics_, group_values[f], n_boot=n_boot, seed=seed, field=f)
    written["prevalence"] = _csv(
        folder / "prevalence.csv",
        ["field", "group", "topic", "label", "share", "low", "high", "units"],
        [
            [
                p["field"],
                p["group"],
                p["topic"],
                labels[p["topic"] - 1],
                _f(p["share"]),
                _f(p["low"]),
                _f(p["high"]),
                p["units"],
            ]
            for p in prevalence
        ],
    )
    charts: dict[str, str] = {}
    for f in fields:
        rows_f = [p for p in prevalence if p["field"] == f]
        svg = _prevalence_chart(rows_f, labels, f)
        charts[f] = svg
        written[f"prevalence_{f}_svg"] = _write(folder / f"prevalence_{_safe(f)}.svg", svg)

    # representatives.csv
    reps = representative_units(model.doc_topics_, units, n=n_passages, lengths=model.unit_lengths_)
    rep_cols = [
        "topic",
        "label",
        "rank",
        "share",
        "unit",
        "doc",
        "source",
        "clause",
        "page",
        "start",
        "end",
        "citation",
        "text",
    ]
    written["representatives"] = _csv(
        folder / "representatives.csv",
        rep_cols,
        [
            [r["topic"], labels[r["topic"] - 1], r["rank"], _f(r["share"])]
            + [r[c] for c in rep_cols[4:12]]
            + [_clip(r["text"], 2000)]
            for r in reps
        ],
    )

    written["model"] = model.save(folder / "model")
    info = {
        "k": k,
        "model": model.model,
        "seed": model.seed,
        "units": len(units),
        "documents": len({u.doc for u in units}),
        "unit_kind": sorted({u.kind for u in units}),
        "vocabulary": len(model.vocabulary_),
        "empty_units": int((model.unit_lengths_ == 0).sum()),
        "iterations": getattr(model, "n_iter_", None),
        "converged": getattr(model, "converged_", None),
        "by": fields,
        "bootstrap": n_boot,
        "settings": settings or {},
        "params": {key: value for key, value in model.get_params().items() if key != "segmenter"},
    }
    written["run"] = _write(
        folder / "run.json", json.dumps(_rounded(info), ensure_ascii=False, indent=2, default=str) + "\n"
    )
    written["html"] = _write(
        folder / "topics.html",
        _html(
            model,
            units,
            choice,
            rows,
            chosen_row,
            overall,
            top,
            frex_top,
            reps,
            prevalence,
            fields,
            charts,
            coherence_svg,
            info,
        ),
    )
    return written


# ---------------------------------------------------------------------- files


def _f(value: float) -> str:
    return _FLOAT.format(float(value))


def _csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return _write(path, buf.getvalue())


def _write(path: Path, text: str) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    return path


def _rounded(obj: Any) -> Any:
    if isinstance(obj, float):
        return float(_f(obj))
    if isinstance(obj, dict):
        return {k: _rounded(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_rounded(v) for v in obj]
    if isinstance(obj, np.generic):
        return _rounded(obj.item())
    return obj


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name) or "field"


# ---------------------------------------------------------------------- charts


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _svg(fig: Any) -> str:
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "policytext", "svg.fonttype": "none", **_font_rc()}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "policytext"})
    text = buf.getvalue()
    # inline in HTML: no XML prolog, and no RDF block naming external vocabularies
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text[text.find("<svg") :], flags=re.S)
    return text


def _font_rc() -> dict[str, Any]:
    from .._fonts import cjk_font_family

    family = cjk_font_family()
    return {"font.family": "sans-serif", "font.sans-serif": ([family] if family else []) + ["DejaVu Sans"]}


def _with_fonts(draw: Any) -> Any:
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": "policytext", "svg.fonttype": "none", **_font_rc()}):
        return draw()


def _coherence_chart(rows: Sequence[dict[str, Any]]) -> str:
    def draw() -> str:
        fig = _figure(5.5, 3.2)
        ax = fig.add_subplot(1, 1, 1)
        ks = [r["k"] for r in rows]
        ax.plot(ks, [r["c_npmi"] for r in rows], marker="o", label="c_npmi")
        ax.plot(ks, [r["c_v"] for r in rows], marker="s", label="c_v")
        for r in rows:
            if r["chosen"]:
                ax.axvline(r["k"], color="grey", linestyle="--", linewidth=1)
                ax.annotate(f"K={r['k']}", (r["k"], r["c_npmi"]), textcoords="offset points", xytext=(4, 6))
        ax.set_xlabel("K (number of topics)")
        ax.set_ylabel("coherence")
        ax.set_xticks(ks)
        ax.legend(frameon=False)
        ax.grid(alpha=0.3)
        return _svg(fig)

    return _with_fonts(draw)


def _prevalence_chart(rows: Sequence[dict[str, Any]], labels: Sequence[str], field: str) -> str:
    def draw() -> str:
        k = len(labels)
        groups = list(dict.fromkeys(r["group"] for r in rows))
        numeric = all(isinstance(g, (int, float)) and not isinstance(g, bool) for g in groups)
        cols = min(4, k)
        nrows = (k + cols - 1) // cols
        fig = _figure(3.2 * cols, 2.3 * nrows)
        axes = fig.subplots(nrows, cols, squeeze=False, sharey=True)
        for t in range(nrows * cols):
            ax = axes[t // cols][t % cols]
            if t >= k:
                ax.set_visible(False)
                continue
            sel = [r for r in rows if r["topic"] == t + 1]
            share = np.array([r["share"] for r in sel])
            low = np.array([r["low"] for r in sel])
            high = np.array([r["high"] for r in sel])
            if numeric:
                x = np.array([float(r["group"]) for r in sel])
                ax.fill_between(x, low, high, alpha=0.25, linewidth=0)
                ax.plot(x, share, marker=".", linewidth=1)
            else:
                x = np.arange(len(sel))
                ax.bar(x, share, yerr=[share - low, high - share], capsize=2)
                ax.set_xticks(x)
                ax.set_xticklabels([str(r["group"]) for r in sel], rotation=60, ha="right", fontsize=7)
            ax.set_title(f"T{t + 1} {labels[t]}", fontsize=9)
            ax.tick_params(labelsize=7)
            ax.grid(alpha=0.3)
        fig.suptitle(f"topic share by {field} (95% bootstrap interval)", fontsize=10)
        return _svg(fig)

    return _with_fonts(draw)


# ---------------------------------------------------------------------- HTML

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left;
vertical-align:top;font-size:.9em}th{background:#f4f4f4}.num{text-align:right;font-variant-numeric:tabular-nums}
.topic{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;margin:1em 0}
.bar{display:inline-block;height:.7em;background:#4a7ab5;vertical-align:middle}
.cite{color:#555;font-size:.85em}.passage{margin:.4em 0 .8em 0;padding-left:.8em;border-left:3px solid #ddd}
.terms td{border:none;padding:.05em .4em}.muted{color:#777}svg{max-width:100%;height:auto}
"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _html(
    model: TopicModel,
    units: Sequence[TopicUnit],
    choice: dict[str, Any],
    rows: Sequence[dict[str, Any]],
    chosen_row: dict[str, Any],
    overall: np.ndarray,
    top: list[list[str]],
    frex_top: list[list[str]],
    reps: list[dict[str, Any]],
    prevalence: list[dict[str, Any]],
    fields: list[str],
    charts: dict[str, str],
    coherence_svg: str,
    info: dict[str, Any],
) -> str:
    k = int(model.k)
    index = {t: j for j, t in enumerate(model.vocabulary_)}
    out = io.StringIO()
    w = out.write
    # the page speaks the corpus' language: English terms (an English corpus) -> lang="en"
    vocab = list(model.vocabulary_)
    lang = "en" if vocab and sum(t.isascii() for t in vocab) * 2 > len(vocab) else "zh"
    w(f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n')
    w(
        f"<title>{_e(f'Topics: {model.model.upper()}, K={k}')}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
    )
    w(f"<h1>Topics: {_e(model.model.upper())}, K={k}</h1>\n")
    w(
        f"<p>{info['units']} {_e('/'.join(info['unit_kind']))} units from {info['documents']} documents; "
        f"{info['vocabulary']} terms; seed {_e(model.seed)}.</p>\n"
    )
    w(
        f"<p><b>Choice of K.</b> {_e(choice['reason'])}.<br><span class='muted'>Rule: {_e(choice['rule'])}.</span></p>\n"
    )
    w("<h2>Coherence by K</h2>\n<table><tr><th>K</th><th>c_npmi</th><th>c_v</th><th></th></tr>\n")
    for r in rows:
        mark = "chosen" if r["chosen"] else ""
        w(
            f"<tr><td class='num'>{r['k']}</td><td class='num'>{r['c_npmi']:.4f}</td><td class='num'>{r['c_v']:.4f}</td><td>{mark}</td></tr>\n"
        )
    w("</table>\n")
    if len(rows) > 1:
        w(f"<div>{coherence_svg}</div>\n")
    w(
        "<h2>Topics</h2>\n<table><tr><th>topic</th><th>label</th><th>share</th><th>c_npmi</th><th>top terms</th></tr>\n"
    )
    for t in range(k):
        w(
            f"<tr><td><a href='#t{t + 1}'>T{t + 1}</a></td><td>{_e(model.labels_[t])}</td>"
            f"<td class='num'>{overall[t]:.3f}</td><td class='num'>{chosen_row['npmi_topics'][t]:.3f}</td>"
            f"<td>{_e(' '.join(top[t][:10]))}</td></tr>\n"
        )
    w("</table>\n")
    for f in fields:
        w(f"<h2>Prevalence by {_e(f)}</h2>\n<div>{charts[f]}</div>\n")
    peak = float(model.topic_terms_.max()) or 1.0
    for t in range(k):
        w(f"<div class='topic' id='t{t + 1}'>\n<h2>T{t + 1} {_e(model.labels_[t])}</h2>\n")
        w(
            f"<p>share {overall[t]:.3f}; c_npmi {chosen_row['npmi_topics'][t]:.3f}; "
            f"c_v {chosen_row['cv_topics'][t]:.3f}</p>\n"
        )
        w("<table class='terms'><tr><th>term</th><th>weight</th><th></th><th>FREX term</th></tr>\n")
        for r in range(max(len(top[t]), len(frex_top[t]))):
            term = top[t][r] if r < len(top[t]) else ""
            weight = float(model.topic_terms_[t, index[term]]) if term else 0.0
            fterm = frex_top[t][r] if r < len(frex_top[t]) else ""
            w(
                f"<tr><td>{_e(term)}</td><td class='num'>{weight:.4f}</td>"
                f"<td><span class='bar' style='width:{int(round(120 * weight / peak))}px'></span></td>"
                f"<td>{_e(fterm)}</td></tr>\n"
            )
        w("</table>\n<h3>Representative passages</h3>\n")
        for rep in (r for r in reps if r["topic"] == t + 1):
            w(
                f"<div class='passage'><div class='cite'>{_e(rep['citation'])} · share {rep['share']:.3f} · "
                f"doc {_e(rep['doc'])} · chars {rep['start']}–{rep['end']}</div>"
                f"<div>{_e(_clip(rep['text'], 600))}</div></div>\n"
            )
        w("</div>\n")
    w("</body>\n</html>\n")
    return out.getvalue()
