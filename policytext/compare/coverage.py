"""Coverage: which local documents take up each national clause, and how.

The coverage matrix has one row per local document and one column per national
clause; a cell holds the strongest relation by which some clause of that local
document takes the national clause up (``restates`` > ``specifies`` >
``procedural``), or nothing. It is kept as two small numpy arrays (relation
codes and best scores), so a thousand documents against a 300-clause directive
take a few hundred kilobytes. :func:`heatmap` draws it with matplotlib, with a
CJK font from fonts-noto-cjk when one is installed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .._fonts import cjk_font_family

__all__ = ["RELATION_CODES", "CoverageMatrix", "heatmap", "cjk_font"]

#: Relation -> code in the coverage matrix (0: not taken up).
RELATION_CODES = {"procedural": 1, "specifies": 2, "restates": 3}
_NAMES = {v: k for k, v in RELATION_CODES.items()}

class CoverageMatrix:
    """Local documents x national clauses, grown one local document at a time."""

    def __init__(self, n_national: int) -> None:
        self.n_national = n_national
        self.codes = np.zeros((0, n_national), dtype=np.uint8)
        self.scores = np.zeros((0, n_national), dtype=np.float32)
        self._rows_codes: list[np.ndarray] = []
        self._rows_scores: list[np.ndarray] = []

    def add(self, cells: Sequence[tuple[int, str, float]]) -> None:
        """Add one local document's row: (national index, relation, score) per aligned clause."""
        codes = np.zeros(self.n_national, dtype=np.uint8)
        scores = np.zeros(self.n_national, dtype=np.float32)
        for j, relation, score in cells:
            code = RELATION_CODES.get(relation, 0)
            if code > codes[j] or (code == codes[j] and score > scores[j]):
                codes[j] = code
                scores[j] = score
        self._rows_codes.append(codes)
        self._rows_scores.append(scores)

    def _stack(self) -> None:
        if self._rows_codes:
            self.codes = np.vstack([self.codes, *self._rows_codes])
            self.scores = np.vstack([self.scores, *self._rows_scores])
            self._rows_codes.clear()
            self._rows_scores.clear()

    @property
    def shape(self) -> tuple[int, int]:
        """(local documents, national clauses)."""
        self._stack()
        return self.codes.shape  # type: ignore[return-value]

    def relation(self, i: int, j: int) -> str:
        """The relation in cell (local document i, national clause j), or ``""``."""
        self._stack()
        return _NAMES.get(int(self.codes[i, j]), "")

    def covered(self, i: int) -> np.ndarray:
        """Boolean mask of the national clauses local document i takes up."""
        self._stack()
        return self.codes[i] > 0

    def column_counts(self) -> dict[str, np.ndarray]:
        """For each relation, how many local documents take each national clause up that way."""
        self._stack()
        return {name: (self.codes == code).sum(axis=0) for name, code in RELATION_CODES.items()}


def cjk_font() -> str | None:
    """Register a CJK font with matplotlib and return its family name (None when none is found)."""
    return cjk_font_family()


def heatmap(
    matrix: CoverageMatrix,
    path: str | os.PathLike[str] | Any,
    *,
    rows: Sequence[str],
    columns: Sequence[str],
    title: str = "",
    max_labels: int = 60,
) -> Path:
    """Draw the coverage matrix as a heatmap (SVG, PNG or PDF by suffix).

    Args:
        matrix: the coverage matrix.
        path: the file to write (or a binary file object, written as SVG).
        rows: a label per local document.
        columns: a label per national clause.
        title: the figure title.
        max_labels: label at most this many rows/columns (every k-th beyond).

    Returns:
        The path written (or the file object).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap

    family = cjk_font()
    rc: dict[str, Any] = {"svg.hashsalt": "policytext", "svg.fonttype": "path"}
    if family:
        rc["font.family"] = [family, "DejaVu Sans"]
    n_rows, n_cols = matrix.shape
    with plt.rc_context(rc):
        width = min(4 + 0.22 * n_cols, 40)
        height = min(3 + 0.3 * n_rows, 40)
        fig, ax = plt.subplots(figsize=(width, height))
        cmap = ListedColormap(["#f4f4f4", "#c6dbef", "#6baed6", "#08519c"])
        ax.imshow(matrix.codes if n_rows else np.zeros((1, n_cols)), cmap=cmap, vmin=0, vmax=3, aspect="auto",
                  interpolation="nearest")  # fmt: skip
        ax.set_xticks(_ticks(n_cols, max_labels))
        ax.set_xticklabels([columns[k] for k in _ticks(n_cols, max_labels)], rotation=60, ha="right",
                           rotation_mode="anchor", fontsize=7)  # fmt: skip
        ax.set_yticks(_ticks(n_rows, max_labels))
        ax.set_yticklabels([rows[k] for k in _ticks(n_rows, max_labels)], fontsize=7)
        handles = [
            plt.Rectangle((0, 0), 1, 1, color=c)
            for c in ("#f4f4f4", "#c6dbef", "#6baed6", "#08519c")
        ]
        ax.legend(handles, ["not taken up", "procedural", "specifies", "restates"], loc="upper left",
                  bbox_to_anchor=(1.01, 1), fontsize=7, frameon=False)  # fmt: skip
        if title:
            ax.set_title(title, fontsize=9)
        fig.tight_layout()
        if hasattr(path, "write"):
            fig.savefig(path, format="svg", metadata={"Date": None})
            plt.close(fig)
            return path
        out = Path(path)
        fig.savefig(out, metadata={"Date": None} if out.suffix.lower() == ".svg" else None)
        plt.close(fig)
    return out


def _ticks(n: int, most: int) -> list[int]:
    if n <= most:
        return list(range(n))
    step = -(-n // most)
    return list(range(0, n, step))
