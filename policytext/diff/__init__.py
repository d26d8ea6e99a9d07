"""The diff stage: a charter (章程) against its template, clause by clause, with a redline.

Generic diffs fail on charters: one inserted article renumbers all that follow,
a moved article shows as a deletion and an insertion, and the one-word change
from 应当 to 可以 that weakens a duty drowns in the noise. Here articles are
matched by content (order-aware, with moves, splits and merges), each pair is
compared character by character (word by word in English), and the changes that
matter to a reviewer are flagged: weakened or strengthened duties, changed
numbers, changed actors, renumbering.

Example:
    >>> import policytext
    >>> t = policytext.read("template.docx")                     # doctest: +SKIP
    >>> c = policytext.read("charter.docx")                      # doctest: +SKIP
    >>> result = policytext.diff_documents(t, c)                 # doctest: +SKIP
    >>> result.counts()                                          # doctest: +SKIP
    {'unchanged': 40, 'modified': 9, 'moved': 2, 'added': 2, 'removed': 1}
    >>> html = policytext.redline_html(result)                   # doctest: +SKIP
    >>> policytext.redline_docx(result, "redline.docx")          # doctest: +SKIP
"""

from __future__ import annotations

from ._core import diff_documents
from ._flags import TEXT_FLAGS
from ._match import Thresholds
from ._redline import redline_docx, redline_html, redline_markdown
from ._result import FLAG_ORDER, STATUSES, Block, DiffResult

#: Every flag a change can carry.
FLAGS: tuple[str, ...] = FLAG_ORDER + tuple(f for f in TEXT_FLAGS if f not in FLAG_ORDER)

__all__ = [
    "diff_documents",
    "DiffResult",
    "Block",
    "Thresholds",
    "STATUSES",
    "FLAGS",
    "redline_html",
    "redline_markdown",
    "redline_docx",
]
