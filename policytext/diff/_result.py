"""The result of a diff: changes clause by clause, and the blocks a redline shows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Change

__all__ = ["STATUSES", "FLAG_ORDER", "Block", "DiffResult"]

#: The status of a change, in the order a summary lists them.
STATUSES: tuple[str, ...] = ("unchanged", "modified", "moved", "added", "removed")

#: Flags in the order a summary lists flagged changes: what alters a duty first.
FLAG_ORDER: tuple[str, ...] = (
    "weakened",
    "number_changed",
    "strengthened",
    "actor_changed",
    "content_removed",
    "content_added",
    "split",
    "merged",
    "modified",
    "chapter_changed",
    "reference_updated",
    "stale_reference",
    "filled_in",
    "reworded",
    "renumbered",
)
_MINOR = {"renumbered", "filled_in", "reworded", "reference_updated", "chapter_changed", "modified"}


@dataclass
class Block:
    """One row of a redline: template text on the left, charter text on the right.

    Attributes:
        kind: ``article``, ``leaf``, ``heading``, ``preamble`` or ``closing``.
        status: ``unchanged``, ``modified``, ``moved``, ``added`` or ``removed``.
        template_labels: labels of the template units shown (several for a merge).
        charter_labels: labels of the charter units shown (several for a split).
        old: the template text (units joined by a newline).
        new: the charter text.
        segments: ``(tag, old_text, new_text)`` with tag ``equal``, ``delete``,
            ``insert`` or ``replace``; joined they give ``old`` and ``new``.
        flags: the flags of the changes in this block.
        changes: indices into :attr:`DiffResult.changes` (empty for context).
        anchor: an HTML id for links from the summary.
    """

    kind: str
    status: str
    template_labels: list[str]
    charter_labels: list[str]
    old: str
    new: str
    segments: list[tuple[str, str, str]]
    flags: list[str] = field(default_factory=list)
    changes: list[int] = field(default_factory=list)
    anchor: str = ""
    moved_from: bool = False  # the template place of a moved unit (shown deleted in a DOCX)

    def to_dict(self) -> dict[str, Any]:
        """Return the block as a JSON-ready dict."""
        return {
            "kind": self.kind,
            "status": self.status,
            "template_labels": list(self.template_labels),
            "charter_labels": list(self.charter_labels),
            "flags": list(self.flags),
            "changes": list(self.changes),
            "anchor": self.anchor,
            "segments": [list(s) for s in self.segments],
        }


@dataclass
class DiffResult:
    """A charter compared with its template, clause by clause.

    Attributes:
        template: ``id``, ``source`` and ``title`` of the template.
        charter: the same for the charter.
        level: the unit compared: ``article`` or ``leaf``.
        changes: one :class:`~policytext.model.Change` per (template unit,
            charter unit) pair, in charter order; a removed unit sits where it
            would have been. A split gives one change per charter part, a merge
            one per template part.
        blocks: the redline rows, context (preamble, headings, closing) included.
    """

    template: dict[str, Any]
    charter: dict[str, Any]
    level: str
    changes: list[Change]
    blocks: list[Block] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Number of changes by status, every status present (zeros included)."""
        c = Counter(ch.status for ch in self.changes)
        return {s: c.get(s, 0) for s in STATUSES}

    def flag_counts(self) -> dict[str, int]:
        """Number of changes carrying each flag, in :data:`FLAG_ORDER`."""
        c = Counter(f for ch in self.changes for f in ch.flags)
        return {f: c[f] for f in FLAG_ORDER if c.get(f)}

    def flagged(self, *, minor: bool = False) -> list[Change]:
        """The changes worth a reviewer's attention, weakened duties and changed numbers first.

        Args:
            minor: also list changes whose only flags are minor (renumbered,
                filled_in, reworded, reference_updated): by default those are
                only counted.

        Returns:
            The changes, ordered by their most important flag, then by charter order.
        """
        rank = {f: k for k, f in enumerate(FLAG_ORDER)}
        out = []
        for k, ch in enumerate(self.changes):
            important = [f for f in ch.flags if f not in _MINOR]
            if ch.status in ("added", "removed", "moved"):
                important.append(ch.status)
            if important or (minor and ch.flags):
                top = min((rank.get(f, len(rank)) for f in (important or ch.flags)), default=len(rank))
                out.append((top, k, ch))
        out.sort(key=lambda x: (x[0], x[1]))
        return [ch for _, _, ch in out]

    def summary(self) -> dict[str, Any]:
        """Counts by status and flag, and the flagged changes as short rows."""
        return {
            "template": self.template,
            "charter": self.charter,
            "level": self.level,
            "counts": self.counts(),
            "flags": self.flag_counts(),
            "flagged": [summary_row(ch) for ch in self.flagged()],
        }

    def rows(self) -> list[dict[str, Any]]:
        """One short row per change (for tables)."""
        return [summary_row(ch) for ch in self.changes]

    def to_dict(self, *, blocks: bool = True) -> dict[str, Any]:
        """Return the summary, the changes and (optionally) the redline blocks as JSON-ready data."""
        out = self.summary()
        out["changes"] = [ch.to_dict() for ch in self.changes]
        if blocks:
            out["blocks"] = [b.to_dict() for b in self.blocks]
        return out


def summary_row(ch: Change) -> dict[str, Any]:
    """A change as a short row: labels, status, flags and details."""
    return {
        "status": ch.status,
        "template": ch.template_clause or "",
        "charter": ch.charter_clause or "",
        "similarity": round(ch.similarity, 3),
        "flags": ",".join(ch.flags),
        "details": "; ".join(ch.details),
    }
