"""``policytext structure``: the clause tree of each input, with ids, labels, spans and pages."""

from __future__ import annotations

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
    metadata_option,
    quiet_option,
    read_options,
    resolve_format,
    write_records,
)

CLAUSE_COLUMNS = [
    "source",
    "doc",
    "id",
    "parent",
    "level",
    "label",
    "number",
    "title",
    "start",
    "end",
    "pages",
    "text",
]
TABLE_COLUMNS = ["source", "id", "level", "label", "title", "pages", "text"]
LEVEL_CHOICES = list(policytext.CLAUSE_LEVELS)


@click.command()
@input_paths
@format_option(["json", "jsonl", "csv", "md", "parquet", "table"], default_pipe="json")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    help="Language of the numbering (default: each document's detected language).",
)
@click.option(
    "--level",
    "levels",
    multiple=True,
    type=click.Choice(LEVEL_CHOICES),
    help="Keep only clauses of this level (repeatable), e.g. --level article.",
)
@read_options
@metadata_option
@quiet_option
@command
def structure(
    paths: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    lang: str | None,
    levels: tuple[str, ...],
    engine: str,
    password: str | None,
    ocr: str,
    metadata: str | None,
    quiet: bool,
) -> None:
    """Parse the clause tree: 编/章/节/条/款/项/目, 一、（一）1.（1）①, Article 1 / 1.1 / (a).

    Every clause has a stable id (ch2.art12.p1.i3), its label as printed
    (第十二条, （三）), level, number, title, character span in the document
    text, and pages. The preamble (title, 文号, 主送) and the closing
    (signature, date, 附件, 抄送) are kept apart from the body. Numbering
    gaps and typos are reported as warnings on stderr.

    JSON is an array with one object per input {"source", "id", "title",
    "clauses": [...]}; JSONL one such object per line; CSV, Markdown and
    Parquet one row per clause with a source column.

    \b
    Examples:
      policytext structure law.txt
      policytext structure notices/ --format jsonl -o clauses.jsonl
      policytext structure charter.docx --level article --format csv
    """
    run = Run()
    fmt = resolve_format(fmt, output, "json")
    wanted = set(levels)

    def parsed() -> Iterator[tuple[policytext.Document, list[policytext.Clause]]]:
        docs = documents(
            paths, run, metadata=metadata, quiet=quiet, engine=engine, password=password, ocr=ocr
        )
        for doc, (clauses, before) in each_document(docs, run, _parse_with(lang)):
            if not quiet:
                for warning in doc.warnings[before:]:  # parse appends its numbering warnings
                    run.warn(doc.source, warning)
            if wanted:
                clauses = [c for c in clauses if c.level in wanted]
            yield doc, clauses

    def per_document() -> Iterator[dict[str, Any]]:
        for doc, clauses in parsed():
            yield {
                "source": doc.source,
                "id": doc.id,
                "title": doc.title,
                "clauses": [c.to_dict() for c in clauses],
            }

    def per_clause() -> Iterator[dict[str, Any]]:
        for doc, clauses in parsed():
            for clause in clauses:
                yield {"source": doc.source, "doc": doc.id, **clause.to_dict()}

    if fmt in ("json", "jsonl"):
        write_records(per_document(), fmt, output)
    else:
        write_records(per_clause(), fmt, output, columns=CLAUSE_COLUMNS, table_columns=TABLE_COLUMNS)
    run.exit()


def _parse_with(lang: str | None) -> Any:
    def parse(doc: policytext.Document) -> tuple[list[policytext.Clause], int]:
        before = len(doc.warnings)
        return policytext.parse(doc, lang=lang), before

    return parse
