"""The batch pipeline: one call from a folder of documents to a cited report.

:func:`run_pipeline` takes files and folders (with an optional metadata CSV)
through every stage and leaves a workspace a scholar can open::

    WORKSPACE/
      workspace.db      the store: documents, pages, clauses, per-document rows, tables
      tables/           every table as CSV and Parquet (documents, obligations, terms ...)
      topics/           the topic model, its tables, charts and HTML view
      redlines/         each charter against its template (HTML and DOCX)
      report.html       the self-contained report
      manifest.json     inputs and their SHA-256, versions, lexicon hashes, seeds, options
      errors.csv        file, stage, reason of everything that failed
      runs.log          when each run ran, how long, how much it did

The per-document work (:func:`process_task`) runs in this process, in worker
processes or on Dask distributed; the main process writes each document and
its rows in one transaction, so a run killed at any point and started again
finishes the rest and ends with the same tables.
"""

from __future__ import annotations

from ._execute import execute
from ._options import STAGES, RunOptions
from ._pipeline import STORE_NAME, RunEvents, RunResult, run_pipeline
from ._worker import process_task

__all__ = ["run_pipeline", "RunOptions", "RunResult", "RunEvents", "STAGES", "STORE_NAME", "process_task", "execute"]
