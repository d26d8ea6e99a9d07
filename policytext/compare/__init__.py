"""Compare local goals and tasks with national directives.

How does a city's plan or a consortium's charter take up the national
directives? What does it restate, make concrete, leave out or add, and how do
its numeric targets stand beside the national ones?

- :func:`extract_targets` finds goal sentences and quantitative targets
  (到2025年…150家左右, 不低于, 翻一番 …), normalised (:mod:`.numbers`).
- :class:`Aligner` aligns each local clause (article, or task item) to the
  national clause it takes up: ``restates``, ``specifies``, ``adds`` or
  ``procedural`` (:mod:`.align`), with weights learned on labelled pairs
  (:class:`AlignmentModel`, ``models/compare/alignment.json``).
- :func:`compare_documents` runs it all over many local documents: alignments, coverage
  (:mod:`.coverage`), text reuse (:mod:`.reuse`), targets side by side
  (:mod:`.sidebyside`), gaps and additions, in a :class:`ComparisonResult`.
- :func:`check_requirements` checks a charter or plan against a requirements
  checklist instead of a national text (:mod:`.checklist`).

Example:
    >>> import policytext
    >>> notice = policytext.read("corpora/sample/documents/national/moe_2023_city-consortium-notice.pdf")  # doctest: +SKIP
    >>> plan = policytext.read("corpora/sample/documents/local/linhe_2025_consortium-implementing-plan.txt")  # doctest: +SKIP
    >>> result = policytext.compare_documents([notice], [plan])                                                          # doctest: +SKIP
    >>> result.reuse()[0]["reuse"]                                                                             # doctest: +SKIP
"""

from __future__ import annotations

from .align import Aligner, AlignmentModel, cited_articles, copied_share
from .checklist import Requirement, RequirementResult, check_requirements, load_requirements
from .comparison import ComparisonResult, compare_documents
from .numbers import Quantity, find_quantities, parse_number
from .sidebyside import compare_targets, indicator_similarity, is_scope_total
from .targets import TargetLexicon, extract_targets
from .units import Unit, procedural_kind, units_of

__all__ = [
    "Aligner",
    "AlignmentModel",
    "ComparisonResult",
    "Quantity",
    "Requirement",
    "RequirementResult",
    "TargetLexicon",
    "Unit",
    "check_requirements",
    "cited_articles",
    "compare_documents",
    "compare_targets",
    "copied_share",
    "extract_targets",
    "find_quantities",
    "indicator_similarity",
    "is_scope_total",
    "load_requirements",
    "parse_number",
    "procedural_kind",
    "units_of",
]
