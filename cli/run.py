"""``policytext run`` and ``policytext report``: a corpus into a workspace with a cited report."""

from __future__ import annotations

import sys
from typing import Any

import click

import policytext

from ._common import Run, command, quiet_option, read_options


class _Progress(policytext.RunEvents):
    """Progress bar on stderr (a terminal only) and one line per failure."""

    def __init__(self, run: Run, *, quiet: bool) -> None:
        self.run = run
        self.quiet = quiet
        self.bar: Any = None
        self.show = not quiet and sys.stderr.isatty()

    def start(self, total: int, todo: int) -> None:
        if self.show and total:
            self.bar = click.progressbar(length=total, label=f"documents ({todo} to read)", file=sys.stderr)
            self.bar.__enter__()

    def document(self, source: str, *, reused: bool) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def trace(self, source: str, stage: str, text: str) -> None:
        if self.run.debug:
            self._clear()
            click.echo(f"policytext: traceback of {source} ({stage}):\n{text.rstrip()}", err=True)

    def failure(self, failure: policytext.Failure) -> None:
        where = failure.source if failure.stage == "extract" else f"{failure.source}: {failure.stage}"
        self._clear()
        self.run.fail(where, failure.error)

    def stage(self, name: str) -> None:
        self._close()
        if self.show:
            click.echo(f"policytext: {name} ...", err=True)

    def _clear(self) -> None:
        if self.bar is not None:
            click.echo("", err=True)

    def _close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=str),
              help="The workspace folder (created when missing; a second run resumes it).")  # fmt: skip
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False, path_type=str), default=None,
              help="CSV of document metadata: file, id, title, level, year, role (national/local/template/charter/other), parent ...")  # fmt: skip
@click.option("--national", multiple=True, type=click.Path(path_type=str),
              help="National directive(s) that local documents are compared with; repeatable (overrides the 'role' column).")  # fmt: skip
@click.option("--template", type=click.Path(path_type=str), default=None,
              help="The template charter that charters are diffed against (overrides the 'role' column).")  # fmt: skip
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes on this machine [default: 1, in this process].")  # fmt: skip
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Run the per-document work on a Dask cluster (needs the 'dask' extra; the workers must see "
                   "the input files at the same paths).")  # fmt: skip
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=str), default=None,
              help="YAML file of run options (topics_k, cowords_top, skip, requirements ...); the command line wins.")  # fmt: skip
@click.option("--seed", type=int, default=None, help="Random seed of every analysis [default: 42].")
@read_options
@quiet_option
@command
def run(
    inputs: tuple[str, ...],
    out: str,
    metadata: str | None,
    national: tuple[str, ...],
    template: str | None,
    jobs: int | None,
    scheduler: str | None,
    config: str | None,
    seed: int | None,
    engine: str,
    password: str | None,
    ocr: str,
    quiet: bool,
) -> None:
    """Run every stage over a corpus into a workspace, with a report.

    Reads each document (PDF, DOCX, HTML, TXT), parses its clauses, splits
    sentences, finds duties and targets, stores it; then counts terms
    (keyness by level), draws the co-word network, fits topics, compares local
    documents with the national ones, clusters recurring duties, diffs each
    charter against its template, and writes WORKSPACE/report.html, tables in
    CSV and Parquet under WORKSPACE/tables/, manifest.json and errors.csv.

    Documents are keyed by content hash: run the same command again after a
    crash and it finishes the rest. Exit status 1 when some file failed (each
    is listed in errors.csv and reported on stderr).

    \b
    Examples:
      policytext run corpora/sample/documents --metadata corpora/sample/metadata.csv --out workspace
      policytext run plans/ --national directive.pdf --out ws --jobs 4
      policytext run corpus/ --out ws --scheduler tcp://10.0.0.5:8786
    """
    runner = Run()
    settings: dict[str, Any] = {
        "metadata": metadata,
        "national": national or None,
        "template": template,
        "jobs": jobs,
        "scheduler": scheduler,
        "seed": seed,
        "engine": engine,
        "password": password,
        "ocr": ocr,
    }
    if config:
        options = policytext.RunOptions.from_yaml(config, **settings)
    else:
        options = policytext.RunOptions.build(**{k: v for k, v in settings.items() if v is not None})
    events = _Progress(runner, quiet=quiet)
    try:
        result = policytext.run_pipeline(list(inputs), out, options=options, events=events)
    finally:
        events._close()
    if not quiet:
        for note in result.notes:
            click.echo(f"policytext: note: {note}", err=True)
        click.echo(f"policytext: {result.summary()}", err=True)
        if result.report is not None:
            click.echo(f"policytext: report: {result.report}", err=True)
    if not result.ok:
        sys.exit(1)


@click.command()
@click.argument("workspace", type=click.Path(exists=True, file_okay=False, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="The HTML file [default: WORKSPACE/report.html]; its links are relative to the workspace.")  # fmt: skip
@click.option("--no-examples", is_flag=True, help="Leave out the cited keyword-in-context examples (faster).")
@command
def report(workspace: str, output: str | None, no_examples: bool) -> None:
    """Rebuild the HTML report of a workspace made by 'policytext run'.

    Reads the workspace's store and manifest only; the documents are not read
    again. Writes WORKSPACE/report.html (self-contained: charts inline, no
    network) and prints its path.

    \b
    Example:
      policytext report workspace
    """
    path = policytext.build_report(workspace, output=output, examples=not no_examples)
    click.echo(str(path))
