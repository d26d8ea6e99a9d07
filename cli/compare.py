"""``policytext targets`` and ``policytext compare``: goals and targets; local documents against national ones."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

import click

import policytext

from ._common import (
    Run,
    command,
    documents,
    each_document,
    format_option,
    input_paths,
    json_dumps,
    metadata_option,
    open_output,
    quiet_option,
    read_options,
    resolve_format,
    seed_option,
    write_records,
)

TARGET_COLUMNS = [
    "source", "doc", "clause", "clause_label", "page", "indicator", "value", "unit", "year", "direction",
    "qualifier", "raw", "start", "end", "sentence",
]  # fmt: skip
TARGET_TABLE = ["source", "clause_label", "indicator", "value", "unit", "year", "direction", "qualifier"]
TABLE_NAMES = ["alignments", "coverage", "reuse", "targets", "gaps", "additions"]
TABLE_VIEW = {
    "alignments": ["local_doc", "local_clause", "national_clause", "score", "relation"],
    "coverage": ["national_clause", "text", "local_docs", "share", "restates", "specifies"],
    "reuse": ["title", "clauses", "reuse", "restates", "specifies", "procedural", "adds"],
    "targets": ["indicator", "national_value", "national_unit", "local_title", "local_value", "local_unit", "status"],
    "gaps": ["local_title", "national_clause", "text"],
    "additions": ["local_doc", "local_clause", "score"],
}
CHECK_COLUMNS = ["source", "doc", "id", "status", "clause", "clause_id", "coverage", "similarity", "matched", "lacking",
                 "evidence", "text", "pages"]  # fmt: skip
CHECK_TABLE = ["source", "id", "status", "clause", "lacking"]


def _each_document(paths: tuple[str, ...], run: Run, **options: Any) -> Iterator[policytext.Document]:
    """Read path by path, so that a missing path is reported and the others still run."""
    for path in paths:
        try:
            yield from documents([path], run, **options)
        except policytext.InputError as exc:
            run.fail(exc.path or path, exc.reason)


# --------------------------------------------------------------------------- targets


@click.command()
@input_paths
@format_option(["json", "jsonl", "csv", "md", "parquet", "table"], default_pipe="jsonl")
@click.option("--year", type=int, default=None, help="The year the documents speak from (resolves 今年; default: metadata or title).")
@click.option("--lexicon", type=click.Path(exists=True, dir_okay=False, path_type=str), default=None,
              help="Target cue lexicon (YAML) instead of models/targets/lexicon.yaml.")  # fmt: skip
@click.option("--no-qualitative", is_flag=True, help="Only targets with a number (drop 到2035年，建成教育强国).")
@read_options
@metadata_option
@quiet_option
@command
def targets(
    paths: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    year: int | None,
    lexicon: str | None,
    no_qualitative: bool,
    engine: str,
    password: str | None,
    ocr: str,
    metadata: str | None,
    quiet: bool,
) -> None:
    """Goals and quantitative targets, one row per value, normalised, with citations.

    Finds sentences that set goals or targets (到2025年, 力争, 不低于, 150家左右,
    1200万人以上, 翻一番 ...), and for each value gives the indicator, the value
    (Chinese numerals and 万/亿 normalised: 百分之三十 -> 30 %), unit, year,
    direction (increase / decrease / level / build), qualifier (以上, 左右,
    不低于 ...), the value as written, and the citation (clause, sentence span,
    page). Past achievements (比上年增长6.1%, 已建成, a work report's review of
    last year) are left out; a work report's plans for this year are targets.

    \b
    Examples:
      policytext targets gwr_2025.txt
      policytext targets plans/ --format csv -o targets.csv
      policytext targets notice.pdf --year 2023 --format json
    """
    run = Run()
    fmt = resolve_format(fmt, output, "jsonl")
    lex = policytext.TargetLexicon.load(lexicon) if lexicon else None

    def work(doc: policytext.Document) -> list[dict[str, Any]]:
        labels = policytext.clause_citations(policytext.parse(doc))
        found = []
        for t in policytext.extract_targets(doc, year=year, lexicon=lex, qualitative=not no_qualitative):
            row = {"source": doc.source, **t.to_dict()}
            row["clause_label"] = labels.get(t.clause or "", "") or None
            found.append(row)
        return found

    def rows() -> Iterator[dict[str, Any]]:
        docs = _each_document(paths, run, metadata=metadata, quiet=quiet, engine=engine, password=password, ocr=ocr)
        # a document that breaks the extractor is reported; the others go on
        for _doc, found in each_document(docs, run, work):
            yield from found

    write_records(rows(), fmt, output, columns=TARGET_COLUMNS, table_columns=TARGET_TABLE)
    run.exit()


# --------------------------------------------------------------------------- compare


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--national", "national_paths", multiple=True, type=click.Path(path_type=str),
              help="A national document or folder (repeatable).")  # fmt: skip
@click.option("--local", "local_paths", multiple=True, type=click.Path(path_type=str),
              help="A local document or folder (repeatable); PATH arguments are local documents too.")  # fmt: skip
@click.option("--requirements", type=click.Path(path_type=str), default=None,
              help="Check the local documents against a requirements checklist (YAML, or a shipped name such as "
                   "consortium_2023) instead of national documents.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "md", "html", "table"], case_sensitive=False),
              default=None, help="Output format (default: a table on a terminal, json in a pipe or file).")  # fmt: skip
@click.option("-o", "--output", type=click.Path(path_type=str), default=None,
              help="Write here instead of stdout; with --format csv a folder gets every table (alignments.csv, "
                   "coverage.csv, reuse.csv, targets.csv, gaps.csv, additions.csv, heatmap.svg).")  # fmt: skip
@click.option("--table", "table_name", type=click.Choice(TABLE_NAMES), default="alignments", show_default=True,
              help="The table written by jsonl, md, table and csv to a single file.")  # fmt: skip
@click.option("--threshold", type=float, default=None,
              help="Probability of 'no national counterpart' above which a local clause counts as an addition "
                   "(default: the shipped model's; lower finds more additions).")  # fmt: skip
@click.option("--level", type=click.Choice(["auto", "article", "item", "paragraph"]), default="auto", show_default=True,
              help="The clauses to align: articles (第X条), task items (一、（一）) or paragraphs.")  # fmt: skip
@click.option("--semantic", is_flag=True, help="Add a Word2Vec signal trained (seeded) on the national documents.")
@click.option("--min-copy", type=int, default=8, show_default=True, help="Shortest copied block that counts as reuse.")
@click.option("--no-targets", is_flag=True, help="Skip target extraction and the side-by-side table.")
@click.option("--year", type=int, default=None, help="The year the documents speak from (for targets).")
@click.option("-j", "--jobs", "--workers", "workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for the local documents (as in policytext run).")
@seed_option
@read_options
@metadata_option
@quiet_option
@command
def compare(
    paths: tuple[str, ...],
    national_paths: tuple[str, ...],
    local_paths: tuple[str, ...],
    requirements: str | None,
    fmt: str | None,
    output: str | None,
    table_name: str,
    threshold: float | None,
    level: str,
    semantic: bool,
    min_copy: int,
    no_targets: bool,
    year: int | None,
    workers: int,
    seed: int,
    engine: str,
    password: str | None,
    ocr: str,
    metadata: str | None,
    quiet: bool,
) -> None:
    """Align local documents with national directives: coverage, reuse, gaps, targets.

    Every local clause (article, or task item of a notice or plan) is aligned
    to the national clause it takes up, with a score and a relation: restates
    (near-verbatim), specifies (the same rule made concrete), adds (no national
    counterpart) or procedural (purpose, scope, effective date, interpretation).
    The result also has coverage (which local documents take up each national
    clause), reuse (share of each local document copied from the national
    text), gaps, additions and the targets side by side (stronger / weaker /
    same / missing).

    With --requirements a checklist replaces the national documents: each item
    is present, partly present or missing, with the evidence clause.

    \b
    Examples:
      policytext compare --national notice.pdf --local plans/ --format html -o report.html
      policytext compare --national law.md --local rules.md --format csv -o out/
      policytext compare --national law.md --local rules.md --table additions --format md
      policytext compare --requirements consortium_2023 --local charter.docx
    """
    run = Run()
    local_all = tuple(local_paths) + tuple(paths)
    if not local_all:
        raise click.UsageError("give the local documents with --local PATH (or as PATH arguments)")
    if requirements and national_paths:
        raise click.UsageError("--requirements replaces --national; give one or the other")
    if not requirements and not national_paths:
        raise click.UsageError("give the national documents with --national PATH (or a checklist with --requirements)")
    read_kw = {"metadata": metadata, "quiet": quiet, "engine": engine, "password": password, "ocr": ocr}
    fmt = resolve_format(fmt, output if output and os.path.splitext(output)[1] else None, "json")
    if fmt == "csv" and output and not output.lower().endswith(".csv"):
        fmt = "csv-dir"

    if requirements:
        items = policytext.load_requirements(requirements)
        _check(local_all, items, run, fmt, output, read_kw)
        run.exit()
        return

    nationals = list(_each_document(national_paths, run, **read_kw))
    if not nationals:
        # an input failure (each reported above), not a usage error
        click.echo("policytext: none of the national documents could be read; nothing to compare with", err=True)
        sys.exit(1)
    options: dict[str, Any] = {"level": level, "semantic": semantic, "seed": seed}
    if threshold is not None:
        options["add_threshold"] = threshold
    result = policytext.compare_documents(
        nationals,
        _each_document(local_all, run, **read_kw),
        targets=not no_targets,
        min_copy=min_copy,
        year=year,
        workers=workers,
        **options,
    )
    if fmt == "csv-dir":
        assert output is not None
        result.write_csv(output)
        if not quiet:
            click.echo(f"policytext: wrote {len(TABLE_NAMES) + 2} files to {output}", err=True)
    elif fmt == "json":
        with open_output(output) as fh:
            fh.write(json_dumps(result.to_dict(), indent=2) + "\n")
    elif fmt == "html":
        with open_output(output) as fh:
            fh.write(result.to_html())
    else:
        rows = result.tables()[table_name]
        write_records(rows, fmt, output, table_columns=TABLE_VIEW[table_name])
    run.exit()


def _check(
    paths: tuple[str, ...],
    items: list[policytext.Requirement],
    run: Run,
    fmt: str,
    output: str | None,
    read_kw: dict[str, Any],
) -> None:
    def rows() -> Iterator[dict[str, Any]]:
        for doc in _each_document(paths, run, **read_kw):
            for r in policytext.check_requirements(doc, items):
                yield {"source": doc.source, **r.to_dict()}

    if fmt == "html":
        raise click.UsageError("--requirements writes json, jsonl, csv, md or a table, not html")
    if fmt == "csv-dir":
        assert output is not None
        os.makedirs(output, exist_ok=True)
        output = os.path.join(output, "checklist.csv")
        fmt = "csv"
    write_records(rows(), fmt, output, columns=CHECK_COLUMNS, table_columns=CHECK_TABLE)
