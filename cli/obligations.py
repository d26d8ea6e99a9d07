"""``policytext obligations``: who must (not) or may do what, by when; and what recurs."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from typing import Any

import click

import policytext

from ._common import (
    Run,
    command,
    documents,
    json_dumps,
    metadata_option,
    quiet_option,
    read_options,
    resolve_format,
    write_records,
)

COLUMNS = [
    "doc",
    "source",
    "clause",
    "clause_label",
    "page",
    "start",
    "end",
    "modality",
    "cue",
    "actor",
    "actor_type",
    "action",
    "deadline",
    "sentence",
]
TABLE_COLUMNS = ["source", "clause_label", "modality", "actor", "actor_type", "action", "deadline"]
CLUSTER_COLUMNS = [
    "id",
    "modality",
    "actor_type",
    "documents",
    "occurrences",
    "actor",
    "representative",
    "cited",
    "citations",
]
CLUSTER_TABLE = ["id", "modality", "actor_type", "documents", "occurrences", "representative", "cited"]
MATRIX_COLUMNS = [
    "doc",
    "source",
    "actor_type",
    "obligation",
    "prohibition",
    "permission",
    "encouragement",
    "total",
]
FORMATS = ["json", "jsonl", "csv", "md", "parquet", "table"]


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS, case_sensitive=False),
    default=None,
    help="Output format (default: a table on a terminal, jsonl in a pipe; csv tables in an -o folder).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=str),
    default=None,
    help="Write to this file (a path without a suffix, with --recurring or --matrix, is taken as --out).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="With --recurring or --matrix: a folder (created) for every table and the actor × modality chart.",
)
@click.option(
    "--all", "include_none", is_flag=True, help="Also emit 'none' rows for sentences without a duty."
)
@click.option(
    "--lines",
    "lines_file",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Classify each line of this plain text file (or - for stdin) as one sentence: one row per line.",
)
@click.option(
    "--no-context", is_flag=True, help="With --lines: do not let numbered items inherit from a lead-in line."
)
@click.option(
    "--recurring", is_flag=True, help="Cluster near-duplicate duties across documents (with citations)."
)
@click.option(
    "--min-docs",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Least documents per cluster.",
)
@click.option(
    "--similarity",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=0.40,
    show_default=True,
    help="Least character similarity of two duties' wording (given shared words) to count as the same duty.",
)
@click.option(
    "--matrix", is_flag=True, help="Count duties by actor type and modality instead of listing them."
)
@click.option("--by-document", is_flag=True, help="With --matrix: one block per document (else the corpus).")
@click.option(
    "--lexicon",
    type=click.Path(exists=True, dir_okay=False, path_type=str),
    default=None,
    help="Chinese deontic cue lexicon (YAML, like models/deontic/zh.yaml).",
)
@click.option(
    "--en-lexicon",
    type=click.Path(exists=True, dir_okay=False, path_type=str),
    default=None,
    help="English deontic cue lexicon (YAML, like models/deontic/en.yaml).",
)
@click.option(
    "--actors",
    type=click.Path(exists=True, dir_okay=False, path_type=str),
    default=None,
    help="Actor lexicon (YAML, like models/actors.yaml).",
)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Language (default: detected).")
@read_options
@metadata_option
@quiet_option
@command
def obligations(
    paths: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    out_dir: str | None,
    include_none: bool,
    lines_file: str | None,
    no_context: bool,
    recurring: bool,
    min_docs: int,
    similarity: float,
    matrix: bool,
    by_document: bool,
    lexicon: str | None,
    en_lexicon: str | None,
    actors: str | None,
    lang: str | None,
    engine: str,
    password: str | None,
    ocr: str,
    metadata: str | None,
    quiet: bool,
) -> None:
    """Find duties: one row per deontic sentence, with who, what, by when and a citation.

    Each row gives the modality (obligation, prohibition, permission,
    encouragement), the cue that decided it (应当, 不得, 可以, 鼓励, shall ...),
    the bearer as written and its type (government, education authority,
    school, enterprise, ...), the action, the deadline, and the citation:
    document id and file, clause id and printed label (第九条（三）), character
    span and page. Items of a list inherit the duty of their lead-in
    (企业应当履行下列职责：（一）…). The cue and actor lexicons are plain YAML
    files under models/; pass your own with --lexicon and --actors.

    \b
    Examples:
      policytext obligations law.md notice.pdf --format csv -o duties.csv
      policytext obligations --lines sentences.txt --format jsonl
      policytext obligations corpus/ --recurring --min-docs 2 --out duties/
      policytext obligations corpus/ --matrix --by-document --format csv
    """
    run = Run()
    if not paths and not lines_file:
        raise click.UsageError("give documents (PATH...) or --lines FILE")
    if paths and lines_file:
        raise click.UsageError("give either documents (PATH...) or --lines FILE, not both")
    tagger = policytext.DeonticTagger(lexicon=lexicon, en_lexicon=en_lexicon, actors=actors)

    if lines_file:
        rows = policytext.obligations_from_lines(
            _read_lines(lines_file), source=lines_file, lang=lang, context=not no_context, tagger=tagger
        )
        fmt = resolve_format(fmt, output, "jsonl")
        write_records(
            (_flat(r.to_dict(), {}, fmt) for r in rows),
            fmt,
            output,
            columns=COLUMNS,
            table_columns=TABLE_COLUMNS,
        )
        return

    docs = documents(paths, run, metadata=metadata, quiet=quiet, engine=engine, password=password, ocr=ocr)
    sources: dict[str, str] = {}
    if not recurring and not matrix:
        fmt = resolve_format(fmt, output, "jsonl")
        stream = _rows(docs, run, tagger, include_none, lang, sources)
        write_records(
            (_flat(r.to_dict(), sources, fmt) for r in stream),
            fmt,
            output,
            columns=COLUMNS,
            table_columns=TABLE_COLUMNS,
        )
        run.exit()
        return

    found = list(_rows(docs, run, tagger, False, lang, sources))
    folder = out_dir or (output if output and _is_folder(output) else None)
    table = policytext.actor_modality_matrix(found, by_document=by_document, sources=sources)
    if folder:
        _write_folder(
            folder, found, table, sources, fmt, min_docs=min_docs, similarity=similarity, recurring=recurring,
            quiet=quiet,
        )
    elif recurring:
        clusters = policytext.recurring_obligations(
            found, min_docs=min_docs, similarity=similarity, sources=sources
        )
        fmt = resolve_format(fmt, output, "jsonl")
        write_records(
            (_cluster_record(c, fmt) for c in clusters),
            fmt,
            output,
            columns=CLUSTER_COLUMNS,
            table_columns=CLUSTER_TABLE,
        )
    else:
        fmt = resolve_format(fmt, output, "csv")
        write_records(table, fmt, output, columns=MATRIX_COLUMNS)
    run.exit()


def _rows(
    docs: Iterator[policytext.Document],
    run: Run,
    tagger: policytext.DeonticTagger,
    include_none: bool,
    lang: str | None,
    sources: dict[str, str],
) -> Iterator[policytext.Obligation]:
    for doc in docs:
        sources[doc.id] = doc.source
        if lang:
            doc.lang = lang
        try:
            rows = policytext.extract_obligations(doc, include_none=include_none, tagger=tagger)
        except policytext.PolicytextError as exc:
            run.fail(doc.source, str(exc))
            continue
        yield from rows


def _flat(rec: dict[str, Any], sources: dict[str, str], fmt: str) -> dict[str, Any]:
    rec["source"] = sources.get(rec["doc"], rec["doc"])
    return rec


def _cited(citations: list[dict[str, Any]]) -> str:
    parts = []
    for c in citations:
        name = os.path.basename(str(c.get("source") or c.get("doc") or ""))
        parts.append(f"{name} {c.get('clause_label') or c.get('clause') or ''}".strip())
    return "; ".join(parts)


def _cluster_record(cluster: Any, fmt: str) -> dict[str, Any]:
    rec = cluster.to_dict()
    rec["cited"] = _cited(rec["citations"])
    if fmt in ("csv", "md", "table", "parquet"):
        rec["citations"] = json_dumps(rec["citations"])
    return rec


def _is_folder(output: str) -> bool:
    if os.path.isdir(output) or output.endswith(("/", os.sep)):
        return True
    return not os.path.splitext(output)[1]


def _write_folder(
    folder: str,
    found: list[policytext.Obligation],
    corpus_or_docs: list[dict[str, Any]],
    sources: dict[str, str],
    fmt: str | None,
    *,
    min_docs: int,
    similarity: float,
    recurring: bool,
    quiet: bool = False,
) -> None:
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise click.FileError(folder, hint=exc.strerror) from exc
    fmt = (fmt or "csv").lower()
    if fmt == "table":
        fmt = "csv"
    corpus = policytext.actor_modality_matrix(found, sources=sources)
    per_doc = policytext.actor_modality_matrix(found, by_document=True, sources=sources)
    write_records(corpus, "csv", os.path.join(folder, "actor_modality_corpus.csv"), columns=MATRIX_COLUMNS)
    write_records(
        per_doc, "csv", os.path.join(folder, "actor_modality_documents.csv"), columns=MATRIX_COLUMNS
    )
    policytext.plot_actor_modality(corpus, os.path.join(folder, "actor_modality.svg"))
    written = ["actor_modality_corpus.csv", "actor_modality_documents.csv", "actor_modality.svg"]
    if recurring:
        clusters = policytext.recurring_obligations(
            found, min_docs=min_docs, similarity=similarity, sources=sources
        )
        name = f"recurring.{fmt}"
        write_records(
            (_cluster_record(c, fmt) for c in clusters),
            fmt,
            os.path.join(folder, name),
            columns=CLUSTER_COLUMNS,
        )
        citations = [
            {
                "cluster": c.id,
                "modality": c.modality,
                "actor_type": c.actor_type,
                **cit,
                "source": cit.get("source", ""),
            }
            for c in clusters
            for cit in c.citations
        ]
        write_records(
            citations,
            "csv",
            os.path.join(folder, "recurring_citations.csv"),
            columns=[
                "cluster",
                "modality",
                "actor_type",
                "doc",
                "source",
                "clause",
                "clause_label",
                "page",
                "start",
                "end",
                "actor",
                "action",
                "sentence",
            ],
        )
        written += [name, "recurring_citations.csv"]
    if not quiet:
        click.echo(f"policytext: wrote {', '.join(written)} to {folder}", err=True)


def _read_lines(path: str) -> list[str]:
    """The lines of a text file: universal newlines, no line dropped, BOM removed."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise policytext.InputError(path, f"cannot read ({exc.strerror})") from exc
    text = None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise policytext.UnreadableDocumentError(path, "not UTF-8 or GB18030 text")
    if not text:
        return []
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "" and re.search(r"(?:\r\n|\r|\n)$", text):
        lines.pop()
    return lines
