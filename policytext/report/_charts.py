"""Charts of the report: matplotlib figures as inline SVG, Chinese labels included.

When a CJK font is installed (Noto Sans/Serif CJK from fonts-noto-cjk, Source
Han, WenQuanYi ...) it is registered with matplotlib and the SVG carries the
glyphs as paths, so the chart reads the same in any browser, offline, with or
without Chinese fonts. Without one, text stays text (``svg.fonttype: none``)
and the viewer's own fonts render it. The same data give the same bytes: a
fixed hash salt, no date, ids made unique per chart.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np

from .. import _fonts

__all__ = [
    "cjk_font_family",
    "bar_chart",
    "stacked_bars",
    "diverging_bars",
    "line_chart",
    "heatmap",
    "network_chart",
    "PALETTE",
]

#: Colours used across the report (colour-blind safe, after Okabe & Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
           "#999999", "#882255", "#44AA99", "#117733")  # fmt: skip

_counter = [0]


def cjk_font_family() -> str | None:
    """The name of a CJK font matplotlib can use (registered on the way), or None."""
    return _fonts.cjk_font_family()


def _rc() -> dict[str, Any]:
    family = cjk_font_family()
    return {
        "svg.hashsalt": "policytext",
        "svg.fonttype": "path" if family else "none",
        "font.family": "sans-serif",
        "font.sans-serif": ([family] if family else []) + ["DejaVu Sans"],
        "axes.spines.top": False,
        "axes.spines.right": False,
        "font.size": 9,
    }


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _render(draw: Any, title: str) -> str:
    """Draw with the report's style and return the SVG text, ready to inline."""
    import matplotlib

    with matplotlib.rc_context(_rc()), warnings.catch_warnings():
        # without a CJK font the text is left to the viewer's fonts: matplotlib's own lack of glyphs is moot
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig = draw()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "policytext"})
    text = buf.getvalue()
    text = text[text.find("<svg") :]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)
    # several charts live in one page: give each its own ids
    _counter[0] += 1
    prefix = f"c{_counter[0]}-"
    text = re.sub(r'id="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', text)
    text = re.sub(r'(xlink:href|href)="#([^"]+)"', lambda m: f'{m.group(1)}="#{prefix}{m.group(2)}"', text)
    text = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", text)
    label = title.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return text.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def reset_ids() -> None:
    """Start chart ids from 1 again (so that a rebuilt report has the same bytes)."""
    _counter[0] = 0


def _clip(text: Any, n: int = 24) -> str:
    text = str(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def bar_chart(labels: Sequence[str], values: Sequence[float], *, title: str, xlabel: str = "") -> str:
    """Horizontal bars, the first label at the top."""

    def draw() -> Any:
        n = len(labels)
        fig = _figure(6.4, 0.9 + 0.24 * max(n, 3))
        ax = fig.subplots()
        ax.barh(range(n), values, color=PALETTE[0])
        ax.set_yticks(range(n), labels=[_clip(x) for x in labels])
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        return fig

    return _render(draw, title)


def stacked_bars(
    categories: Sequence[Any],
    series: dict[str, Sequence[float]],
    *,
    title: str,
    ylabel: str = "",
    horizontal: bool = False,
    colors: dict[str, str] | None = None,
) -> str:
    """Bars per category, stacked by series (e.g. documents per year, by level)."""

    def draw() -> Any:
        n = len(categories)
        if horizontal:
            fig = _figure(7.0, 1.2 + 0.32 * max(n, 3))
        else:
            fig = _figure(min(12.0, 3.0 + 0.28 * max(n, 4)), 3.4)
        ax = fig.subplots()
        base = np.zeros(n)
        for k, (name, values) in enumerate(series.items()):
            color = (colors or {}).get(name, PALETTE[k % len(PALETTE)])
            vals = np.asarray(values, dtype=float)
            if horizontal:
                ax.barh(range(n), vals, left=base, label=name, color=color)
            else:
                ax.bar(range(n), vals, bottom=base, label=name, color=color)
            base += vals
        ticks = [_clip(c, 28) for c in categories]
        if horizontal:
            ax.set_yticks(range(n), labels=ticks)
            ax.invert_yaxis()
            ax.set_xlabel(ylabel)
        else:
            step = max(1, n // 30)
            ax.set_xticks(range(0, n, step), labels=ticks[::step], rotation=60 if n > 8 else 0,
                          ha="right" if n > 8 else "center")  # fmt: skip
            ax.set_ylabel(ylabel)
        ax.set_title(title)
        if len(series) > 1:
            ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        return fig

    return _render(draw, title)


def diverging_bars(panels: Sequence[tuple[str, Sequence[tuple[str, float]]]], *, title: str) -> str:
    """One panel per comparison: keywords of the target to the right, of the reference to the left."""

    def draw() -> Any:
        cols = min(2, len(panels)) or 1
        rows = -(-len(panels) // cols) or 1
        height = max(len(items) for _, items in panels) if panels else 1
        fig = _figure(4.2 * cols, 0.9 + rows * (0.6 + 0.2 * height))
        axes = np.atleast_1d(fig.subplots(rows, cols)).ravel()
        for ax, (name, items) in zip(axes, panels):
            terms = [t for t, _ in items]
            values = [v for _, v in items]
            colors = [PALETTE[0] if v > 0 else PALETTE[1] for v in values]
            ax.barh(range(len(items)), values, color=colors)
            ax.set_yticks(range(len(items)), labels=[_clip(t, 14) for t in terms], fontsize=7)
            ax.invert_yaxis()
            ax.axvline(0, color="#555555", linewidth=0.6)
            ax.set_title(name, fontsize=8)
        for ax in axes[len(panels) :]:
            ax.set_visible(False)
        fig.suptitle(title)
        return fig

    return _render(draw, title)


def line_chart(
    x: Sequence[Any], series: dict[str, Sequence[float]], *, title: str, ylabel: str = "",
    bands: dict[str, tuple[Sequence[float], Sequence[float]]] | None = None,
) -> str:  # fmt: skip
    """Lines over an ordered axis (topic shares by year), with optional interval bands."""

    def draw() -> Any:
        fig = _figure(7.6, 3.6)
        ax = fig.subplots()
        xs = np.arange(len(x))
        for k, (name, values) in enumerate(series.items()):
            color = PALETTE[k % len(PALETTE)]
            ax.plot(xs, values, marker="o", markersize=3, linewidth=1.3, label=_clip(name, 20), color=color)
            if bands and name in bands:
                low, high = bands[name]
                ax.fill_between(xs, low, high, color=color, alpha=0.12, linewidth=0)
        step = max(1, len(x) // 20)
        ax.set_xticks(xs[::step], labels=[str(v) for v in list(x)[::step]], rotation=60 if len(x) > 12 else 0)
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        return fig

    return _render(draw, title)


def heatmap(
    matrix: Sequence[Sequence[float]],
    rows: Sequence[str],
    columns: Sequence[str],
    *,
    title: str,
    annotate: bool = False,
    cmap: str = "Blues",
    categories: Sequence[tuple[str, str]] | None = None,
    max_labels: int = 60,
) -> str:
    """A heat map: numbers (``annotate`` writes them in the cells) or categories.

    With ``categories`` (``(name, colour)`` pairs), cell values are indexes into
    it and a legend names them.
    """

    def draw() -> Any:
        from matplotlib.colors import ListedColormap
        from matplotlib.patches import Patch

        data = np.asarray(matrix, dtype=float) if len(rows) and len(columns) else np.zeros((1, 1))
        n_rows, n_cols = data.shape
        fig = _figure(min(16.0, 3.2 + 0.2 * n_cols + (1.6 if categories else 0)), min(18.0, 1.6 + 0.3 * n_rows))
        ax = fig.subplots()
        if categories:
            colors = ListedColormap([c for _, c in categories])
            ax.imshow(data, cmap=colors, vmin=-0.5, vmax=len(categories) - 0.5, aspect="auto", interpolation="nearest")
            ax.legend(handles=[Patch(color=c, label=n) for n, c in categories], fontsize=7, frameon=False,
                      loc="upper left", bbox_to_anchor=(1.0, 1.0))  # fmt: skip
        else:
            image = ax.imshow(data, cmap=cmap, aspect="auto", interpolation="nearest")
            fig.colorbar(image, ax=ax, fraction=0.04)
        if annotate and n_rows * n_cols <= 400:
            top = data.max() if data.size else 0
            for i in range(n_rows):
                for j in range(n_cols):
                    value = data[i, j]
                    ax.text(j, i, f"{value:g}", ha="center", va="center", fontsize=7,
                            color="white" if top and value > top * 0.6 else "#222222")  # fmt: skip
        xt = _ticks(n_cols, max_labels)
        yt = _ticks(n_rows, max_labels)
        ax.set_xticks(xt, labels=[_clip(columns[k], 16) for k in xt], rotation=90, fontsize=7)
        ax.set_yticks(yt, labels=[_clip(rows[k], 28) for k in yt], fontsize=7)
        ax.spines[:].set_visible(False)
        ax.set_title(title)
        return fig

    return _render(draw, title)


def _ticks(n: int, most: int) -> list[int]:
    if n <= most:
        return list(range(n))
    step = -(-n // most)
    return list(range(0, n, step))


def network_layout(n: int, edges: Sequence[tuple[int, int, float]], *, seed: int) -> np.ndarray:
    """Positions of ``n`` nodes: metric MDS (scikit-learn, seeded) of shortest weighted path lengths.

    Heavier edges pull their nodes together; nodes in different components
    are kept apart at a fixed distance.
    """
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import shortest_path
    from sklearn.manifold import MDS

    top = max((w for _, _, w in edges), default=1.0) or 1.0
    rows, cols, vals = [], [], []
    for a, b, w in edges:
        length = 1.0 + 2.0 * (1.0 - w / top)  # weight 1..top -> length 3..1
        rows += [a, b]
        cols += [b, a]
        vals += [length, length]
    graph = csr_matrix((vals, (rows, cols)), shape=(n, n))
    dist = shortest_path(graph, directed=False)
    finite = dist[np.isfinite(dist)]
    far = (finite.max() if finite.size else 1.0) + 1.0
    dist[~np.isfinite(dist)] = far
    import inspect

    if "metric_mds" in inspect.signature(MDS).parameters:  # scikit-learn >= 1.8 renamed the options
        options: dict[str, Any] = {"metric": "precomputed", "init": "classical_mds"}
    else:
        options = {"dissimilarity": "precomputed"}
    mds = MDS(n_components=2, random_state=seed, n_init=1, max_iter=300, **options)
    return mds.fit_transform(dist)


def network_chart(
    nodes: Sequence[tuple[str, float]],
    edges: Sequence[tuple[int, int, float]],
    *,
    title: str,
    seed: int = 42,
    max_edges: int = 150,
) -> str:
    """A co-word network: node size by frequency, edge width by weight, a seeded layout."""
    edges = sorted(edges, key=lambda e: (-e[2], e[0], e[1]))[:max_edges]
    pos = network_layout(len(nodes), edges, seed=seed)

    def draw() -> Any:
        fig = _figure(7.6, 6.4)
        ax = fig.subplots()
        top_w = max((w for _, _, w in edges), default=1.0) or 1.0
        for a, b, w in reversed(edges):
            ax.plot([pos[a, 0], pos[b, 0]], [pos[a, 1], pos[b, 1]], color="#9aa7b4",
                    linewidth=0.3 + 2.2 * w / top_w, alpha=0.35 + 0.5 * w / top_w, zorder=1)  # fmt: skip
        freq = np.asarray([f for _, f in nodes], dtype=float)
        size = 40 + 460 * (freq / freq.max() if freq.size and freq.max() else freq)
        from matplotlib.patheffects import withStroke

        ax.scatter(pos[:, 0], pos[:, 1], s=size, color=PALETTE[5], alpha=0.6, zorder=2, linewidths=0)
        halo = [withStroke(linewidth=2.4, foreground="white")]
        for (term, _), (x, y) in zip(nodes, pos):
            ax.annotate(term, (x, y), fontsize=8, ha="center", va="center", zorder=3, path_effects=halo)
        ax.set_axis_off()
        ax.set_title(title)
        return fig

    return _render(draw, title)
