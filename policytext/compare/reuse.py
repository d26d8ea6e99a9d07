"""Text reuse: how much of a local document is copied from the national one.

A local clause's copied characters are those that lie in blocks of at least
``min_length`` characters (8 by default) shared with the national clause it is
aligned to; blocks come from rapidfuzz's longest-common-subsequence alignment
(:func:`policytext.compare.align.copied_share`). A document's reuse score is
its copied characters over the characters of all its alignable clauses, so an
implementing plan that restates the notice item by item scores near 1 and one
written afresh scores near 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .align import AlignedUnit, copied_share

__all__ = ["DocumentReuse", "document_reuse"]


@dataclass
class DocumentReuse:
    """Reuse and relation counts of one local document.

    Attributes:
        local_doc: the document id.
        title: its title.
        source: the path it was read from.
        clauses: how many clauses were aligned.
        chars: characters in those clauses.
        copied_chars: characters in blocks copied from the national text.
        reuse: ``copied_chars / chars``.
        relations: clause counts by relation (restates, specifies, adds, procedural).
    """

    local_doc: str
    title: str
    source: str
    clauses: int
    chars: int
    copied_chars: int
    reuse: float
    relations: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A flat row (relation counts as columns)."""
        row: dict[str, Any] = {
            "local_doc": self.local_doc,
            "title": self.title,
            "source": self.source,
            "clauses": self.clauses,
            "chars": self.chars,
            "copied_chars": self.copied_chars,
            "reuse": round(self.reuse, 4),
        }
        for rel in ("restates", "specifies", "procedural", "adds"):
            row[rel] = self.relations.get(rel, 0)
        return row


def document_reuse(
    aligned: list[AlignedUnit],
    national_texts: list[str],
    *,
    doc: str,
    title: str = "",
    source: str = "",
    min_length: int = 8,
) -> DocumentReuse:
    """Reuse of one local document from its aligned clauses.

    Args:
        aligned: the document's clauses as :meth:`Aligner.align_units` returns them.
        national_texts: the texts of the aligner's national units (by index).
        doc: the local document id.
        title: its title.
        source: its path.
        min_length: shortest copied block that counts.

    Returns:
        The document's :class:`DocumentReuse`.
    """
    chars = copied = 0
    relations: dict[str, int] = {}
    for a in aligned:
        relations[a.relation] = relations.get(a.relation, 0) + 1
        n = len(a.unit.text)
        chars += n
        if a.best is None:
            continue
        if a.copied and min_length == 8:
            copied += round(a.copied * n)
        else:
            _, c = copied_share(a.unit.text, national_texts[a.best], min_length=min_length)
            copied += c
    return DocumentReuse(
        local_doc=doc,
        title=title,
        source=source,
        clauses=len(aligned),
        chars=chars,
        copied_chars=copied,
        reuse=copied / chars if chars else 0.0,
        relations=relations,
    )
