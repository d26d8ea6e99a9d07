"""The batch run: files in, a workspace out (store, tables, report, manifest)."""

from __future__ import annotations

import csv
import datetime as _dt
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._typing import PathLike
from ..corpus import load_metadata
from ..errors import PolicytextError
from ..model import Failure
from ..store import Store
from ._catalog import Catalog
from ._corpus import CORPUS_SOURCE, CorpusRun
from ._execute import describe_executor, execute
from ._manifest import build_manifest, write_manifest
from ._options import RunOptions
from ._plan import InputFile, resource_hashes, scan_inputs
from ._worker import document_from_result

__all__ = ["run_pipeline", "RunResult", "RunEvents", "STORE_NAME"]

#: The store's file name inside a workspace.
STORE_NAME = "workspace.db"


class RunEvents:
    """What a caller (the command line, a notebook) hears of a run; override what you need.

    Every method does nothing by default.
    """

    def start(self, total: int, todo: int) -> None:
        """The inputs are known: ``total`` files, ``todo`` of them not yet in the store."""

    def document(self, source: str, *, reused: bool) -> None:
        """A file is done (``reused``: it was already in the store)."""

    def failure(self, failure: Failure) -> None:
        """A file (or a corpus-level stage) failed; the run goes on."""

    def stage(self, name: str) -> None:
        """A corpus-level stage starts."""

    def trace(self, source: str, stage: str, text: str) -> None:
        """The traceback of an internal error (a bug, not a bad file) on ``source``, before its failure."""


@dataclass
class RunResult:
    """What :func:`run_pipeline` did.

    Attributes:
        workspace: the workspace folder.
        documents: documents in the run (distinct contents).
        processed: files processed by this run.
        reused: files whose document was already in the store.
        failures: what failed (file or ``(corpus)``, stage, reason), sorted.
        tables: table name -> rows written.
        notes: analyses that were skipped or reduced, and why.
        report: the HTML report, when written.
        seconds: wall-clock time of the run.
    """

    workspace: Path
    documents: int = 0
    processed: int = 0
    reused: int = 0
    failures: list[Failure] = field(default_factory=list)
    tables: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    report: Path | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures

    def summary(self) -> str:
        """One line: documents, processed, reused, failures, time, where."""
        return (
            f"{self.documents} documents ({self.processed} processed, {self.reused} already in the workspace), "
            f"{len(self.failures)} failed, {len(self.tables)} tables, {self.seconds:.1f} s -> {self.workspace}"
        )


def run_pipeline(
    inputs: Sequence[PathLike],
    out: PathLike,
    *,
    options: RunOptions | None = None,
    events: RunEvents | None = None,
    **settings: Any,
) -> RunResult:
    """Run every stage over a corpus into a workspace: store, tables, report and manifest.

    Per-document work (read, structure, sentences, obligations, targets) runs
    in this process, in worker processes (``jobs``) or on a Dask cluster
    (``scheduler``); the main process writes each document with its rows in one
    transaction. Documents are keyed by content hash: a run that was killed
    and started again processes only what is missing (documents not stored,
    changed, or stored with a failed stage, which are tried again), and ends
    with the same tables. Corpus-level analyses (terms, keyness, co-words, topics, compare,
    recurrence, diff) are recomputed from the store at the end of every run.

    Args:
        inputs: files and folders of documents.
        out: the workspace folder (created when missing).
        options: a :class:`RunOptions`; ``settings`` override its fields.
        events: hooks for progress and failures (see :class:`RunEvents`).
        **settings: any :class:`RunOptions` field (``metadata=``, ``jobs=`` ...).

    Returns:
        A :class:`RunResult`; ``result.ok`` is False when some file or stage failed
        (each is listed in ``WORKSPACE/errors.csv``).

    Raises:
        ConfigError: a bad option, metadata CSV or Dask address.

    Example:
        >>> result = policytext.run_pipeline(["corpora/sample/documents"], "workspace",    # doctest: +SKIP
        ...                                  metadata="corpora/sample/metadata.csv")
        >>> result.report                                                                # doctest: +SKIP
        PosixPath('workspace/report.html')
    """
    started = time.perf_counter()
    opts = (options or RunOptions()).replace(**settings) if settings or options is None else options
    events = events or RunEvents()
    workspace = Path(out)
    workspace.mkdir(parents=True, exist_ok=True)
    table = load_metadata(opts.metadata) if opts.metadata else None
    resources = resource_hashes()
    given = [os.fspath(p) for p in inputs]
    files, input_failures = scan_inputs(given, opts, table, resources)
    result = RunResult(workspace=workspace)
    with Store(workspace / STORE_NAME) as store:
        for failure in input_failures:
            store.record_failure(failure)
            events.failure(failure)
        _documents(store, files, opts, events, result)
        catalog = Catalog(store, files, national_given=bool(opts.national), template_given=bool(opts.template))
        result.documents = len(catalog)
        store.clear_failures(CORPUS_SOURCE)
        corpus = CorpusRun(store, catalog, opts, workspace, on_stage=events.stage)
        corpus.run()
        for stage, text in corpus.traces:
            events.trace(CORPUS_SOURCE, stage, text)
        for failure in corpus.failures:
            store.record_failure(failure)
            events.failure(failure)
        result.tables = dict(corpus.written)
        result.notes = list(corpus.notes)
        sources = {f.source for f in files} | {f.source for f in input_failures} | {CORPUS_SOURCE}
        result.failures = [f for f in store.failures() if f.source in sources]
        _write_errors(workspace, result.failures, corpus)
        result.tables["errors"] = len(result.failures)
        write_manifest(workspace / "manifest.json", build_manifest(given, files, opts, resources))
        if opts.runs("report"):
            events.stage("report")
            try:
                from ..report import build_report

                result.report = build_report(workspace)
            except PolicytextError as exc:
                _late_failure(store, result, events, Failure(source=CORPUS_SOURCE, error=str(exc), stage="report"))
            except Exception as exc:  # noqa: BLE001 - the tables are written; say what went wrong
                _late_failure(store, result, events, Failure(
                    source=CORPUS_SOURCE, error=f"internal error: {type(exc).__name__}: {exc}", stage="report"))  # fmt: skip
    result.seconds = time.perf_counter() - started
    _log(workspace, result, opts)
    return result


def _documents(store: Store, files: list[InputFile], opts: RunOptions, events: RunEvents, result: RunResult) -> None:
    """The per-document part: skip what is stored, send the rest to the workers, write each result."""
    by_source = {f.source: f for f in files}
    copies: dict[str, list[str]] = {}
    for f in files:
        copies.setdefault(f.id, []).append(f.source)
    # a stored document with a failed stage lacks that stage's rows: it is tried again, so that a
    # re-run after a fix (or a killed worker) completes it instead of keeping the old failure
    failed = {x.source for x in store.failures()}
    todo: list[InputFile] = []
    seen: set[str] = set()
    for f in files:
        if f.id in seen:
            continue
        seen.add(f.id)
        stored = store.doc_rows("summary", f.id) if store.has(f.id) else []
        if stored and stored[0].get("key") == f.key and not failed.intersection(copies[f.id]):
            continue
        todo.append(f)
    todo_ids = {f.id for f in todo}
    events.start(len(files), len(todo))
    for f in files:  # stored already, or a second copy of the same bytes
        if f.id not in todo_ids:
            store.add_source(f.source, f.id)
            result.reused += 1
            events.document(f.source, reused=True)

    def tasks() -> Iterator[dict[str, Any]]:
        for f in todo:
            store.clear_failures(f.source)
            yield f.task(opts)

    for res in execute(tasks(), jobs=int(opts.jobs), processes=opts.processes, scheduler=opts.scheduler,
                       in_flight=opts.in_flight):  # fmt: skip
        f = by_source[res["source"]]
        failures = [Failure(source=f.source, error=x["error"], stage=x["stage"]) for x in res["failures"]]
        if res["document"] is not None:
            doc = document_from_result(res["document"])
            if doc.id != f.id:
                failures = [Failure(source=f.source, stage="extract",
                                    error="the file changed while the run read it; run again")]  # fmt: skip
                for failure in failures:
                    store.record_failure(failure)
            else:
                store.put(doc, rows=res["rows"], failures=failures)
                for other in copies[f.id]:
                    if other != f.source:
                        store.add_source(other, f.id)
        else:
            for failure in failures:
                store.record_failure(failure)
        for x in res["failures"]:
            if x.get("trace"):
                events.trace(f.source, x["stage"], x["trace"])
        for failure in failures:
            events.failure(failure)
        result.processed += 1
        events.document(f.source, reused=False)


def _late_failure(store: Store, result: RunResult, events: RunEvents, failure: Failure) -> None:
    """A failure after the tables were written (the report): recorded, and errors.csv written again."""
    store.record_failure(failure)
    result.failures.append(failure)
    events.failure(failure)
    _write_errors(result.workspace, result.failures, None)


def _write_errors(workspace: Path, failures: list[Failure], corpus: CorpusRun | None) -> None:
    """``errors.csv`` (file, stage, reason), and the same table under ``tables/``."""
    rows = [{"file": f.source, "stage": f.stage, "reason": f.error} for f in sorted(failures, key=lambda f: (f.source, f.stage))]
    with open(workspace / "errors.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "stage", "reason"])
        for row in rows:
            writer.writerow([row["file"], row["stage"], row["reason"]])
    if corpus is not None:
        corpus.write("errors", rows, columns=["file", "stage", "reason"],
                     types={"file": "str", "stage": "str", "reason": "str"})  # fmt: skip


def _log(workspace: Path, result: RunResult, opts: RunOptions) -> None:
    """Append one line to ``runs.log``: the only place a run's time is written."""
    when = _dt.datetime.now(_dt.timezone.utc).astimezone().isoformat(timespec="seconds")
    where = describe_executor(jobs=int(opts.jobs), processes=opts.processes, scheduler=opts.scheduler)
    line = (
        f"{when}\t{result.seconds:.1f}s\t{where}\tdocuments={result.documents}\tprocessed={result.processed}\t"
        f"reused={result.reused}\tfailed={len(result.failures)}\n"
    )
    with open(workspace / "runs.log", "a", encoding="utf-8") as fh:
        fh.write(line)
