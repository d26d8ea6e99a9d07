"""Who carries which kind of duty: the actor type x modality matrix, and its chart."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import ConfigError
from ..model import Obligation
from ._actors import actor_parts
from ._lexicon import ACTOR_TYPES, MODALITIES, ActorLexicon, load_actor_lexicon

__all__ = ["actor_modality_matrix", "plot_actor_modality", "actor_types_of"]

_DEONTIC = tuple(m for m in MODALITIES if m != "none")
_CJK = re.compile(r"[\u3400-\u9fff]")


def actor_types_of(actor: str, lexicon: ActorLexicon | None = None) -> list[str]:
    """The types of every bearer in a joined actor, in order, without repeats.

    ``县级以上人民政府和有关部门`` gives ``["government", "other department"]``;
    ``教育、人力资源社会保障部门`` gives ``["education authority", "other department"]``
    (a conjunct without a head of its own borrows the next one's).

    Args:
        actor: the bearer as written.
        lexicon: the actor lexicon; the shipped one by default.
    """
    from ._actors import actor_type

    lex = lexicon or load_actor_lexicon()
    parts = actor_parts(actor)
    out: list[str] = []
    for k, part in enumerate(parts):
        ends_with_head = any(m.end() == len(part) for m in lex.zh_pattern.finditer(part)) or not _CJK.search(
            part
        )
        t = actor_type(part, lex) if ends_with_head else None
        if t is None:
            # a conjunct without a head of its own borrows the next one's: 教育、人力资源社会保障部门
            for nxt in parts[k + 1 :]:
                heads = [m.group(0) for m in lex.zh_pattern.finditer(nxt)]
                if heads:
                    t = actor_type(part + heads[-1], lex)
                    break
            else:
                t = actor_type(part, lex)
        if t and t not in out:
            out.append(t)
    return out


def actor_modality_matrix(
    obligations: Iterable[Obligation],
    *,
    by_document: bool = False,
    split_joined: bool = True,
    sources: dict[str, str] | None = None,
    lexicon: ActorLexicon | None = None,
) -> list[dict[str, Any]]:
    """Count duties by actor type and modality, for the corpus or per document.

    Args:
        obligations: rows from :func:`extract_obligations` (``none`` rows are
            skipped; rows without a bearer count under ``(unstated)``).
        by_document: one block of rows per document instead of one for the corpus.
        split_joined: count each bearer of a joined actor
            (县级以上人民政府和有关部门 counts for government and for other
            department); else the row's own ``actor_type`` only.
        sources: doc id -> file name, written next to the id.
        lexicon: the actor lexicon for splitting joined actors.

    Returns:
        Rows ``{doc, source, actor_type, obligation, prohibition, permission,
        encouragement, total}`` (``doc`` is ``ALL`` for the corpus), actor
        types in the lexicon's order, then ``(unstated)``.
    """
    lex = lexicon or load_actor_lexicon()
    counts: dict[str, Counter[tuple[str, str]]] = {}
    for row in obligations:
        if row.modality == "none":
            continue
        key = row.doc if by_document else "ALL"
        if row.actor and split_joined:
            types = actor_types_of(row.actor, lex) or [row.actor_type or "other"]
        elif row.actor:
            types = [row.actor_type or "other"]
        else:
            types = ["(unstated)"]
        bucket = counts.setdefault(key, Counter())
        for t in types:
            bucket[(t, row.modality)] += 1
    order = list(ACTOR_TYPES)
    out: list[dict[str, Any]] = []
    for key in sorted(counts):
        bucket = counts[key]
        present = {t for t, _ in bucket}
        types = [t for t in order if t in present] + sorted(present - set(order) - {"(unstated)"})
        if "(unstated)" in present:
            types.append("(unstated)")
        for t in types:
            rec: dict[str, Any] = {"doc": key, "source": (sources or {}).get(key, "")}
            rec["actor_type"] = t
            total = 0
            for m in _DEONTIC:
                rec[m] = bucket.get((t, m), 0)
                total += rec[m]
            rec["total"] = total
            out.append(rec)
    return out


def plot_actor_modality(
    rows: Sequence[dict[str, Any]], path: str | os.PathLike[str], *, title: str = "Duties by actor type"
) -> str:
    """Draw the corpus matrix as a heat map (SVG or PNG by the file suffix).

    Args:
        rows: rows of :func:`actor_modality_matrix` (the ``ALL`` rows are used
            when present, else all rows summed by actor type).
        path: the output file, ``.svg`` or ``.png``.
        title: the chart title.

    Returns:
        The path written.

    Raises:
        ConfigError: the suffix is neither .svg nor .png.
    """
    path = os.fspath(path)
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in (".svg", ".png"):
        raise ConfigError(f"{path}: the chart is written as .svg or .png")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    use = [r for r in rows if r.get("doc") == "ALL"] or list(rows)
    totals: dict[str, Counter[str]] = {}
    for r in use:
        c = totals.setdefault(r["actor_type"], Counter())
        for m in _DEONTIC:
            c[m] += int(r.get(m, 0))
    types = list(totals)
    data = [[totals[t][m] for m in _DEONTIC] for t in types]
    fig, ax = plt.subplots(figsize=(7, 0.45 * max(3, len(types)) + 1.5))
    image = ax.imshow(data or [[0] * len(_DEONTIC)], cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(_DEONTIC)), labels=list(_DEONTIC), rotation=20)
    ax.set_yticks(range(len(types)), labels=types)
    for i, row in enumerate(data):
        for j, value in enumerate(row):
            ax.text(j, i, str(value), ha="center", va="center", fontsize=8)
    ax.set_title(title)
    fig.colorbar(image, ax=ax, fraction=0.04)
    fig.tight_layout()
    fig.savefig(path, metadata={"Date": None} if suffix == ".svg" else None)
    plt.close(fig)
    return path
