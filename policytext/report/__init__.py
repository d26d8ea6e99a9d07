"""The report of a workspace: one self-contained HTML page, charts, and tables as files.

- :func:`build_report` writes ``WORKSPACE/report.html`` from a workspace made
  by :func:`policytext.run_pipeline`: corpus overview, terms and keyness, the
  co-word network, topics over time, coverage of the national directives,
  targets side by side, recurring duties and the actor x modality matrix,
  charter diffs. Charts are inline SVG (matplotlib), every figure links to its
  table, every finding cites document, clause and page.
- :func:`write_table` writes a table as CSV and Parquet (:func:`stream_table` as the rows stream past).
"""

from __future__ import annotations

from ._build import FONT_STACK, REPORT_TITLE, build_report, cite
from ._charts import cjk_font_family
from ._tables import TABLE_FORMATS, stream_table, write_table

__all__ = ["build_report", "write_table", "stream_table", "TABLE_FORMATS", "REPORT_TITLE", "FONT_STACK", "cite", "cjk_font_family"]
