"""``policytext diff`` (a charter against its template, with a redline) and ``policytext checklist``."""

from __future__ import annotations

from typing import Any

import click

import policytext

from ._common import (
    Run,
    command,
    documents,
    format_option,
    json_dumps,
    open_output,
    quiet_option,
    read_options,
    resolve_format,
    text_table,
    write_records,
)

_SUMMARY_COLUMNS = ["template", "charter", "status", "flags", "details"]


def _one_document(path: str, run: Run, **read_kw: Any) -> policytext.Document:
    docs = list(documents([path], run, **read_kw))
    if not docs:
        run.exit()
        raise click.UsageError(f"{path}: no document found")
    if len(docs) > 1:
        raise click.UsageError(f"{path}: holds {len(docs)} documents; give one file (or one JSONL record)")
    return docs[0]


def _terminal_summary(result: Any) -> str:
    counts = result.counts()
    lines = [
        f"{result.charter.get('title')}  against  {result.template.get('title')}  (by {result.level})",
        "  ".join(f"{k}: {v}" for k, v in counts.items()),
        "",
    ]
    rows = result.summary()["flagged"]
    if rows:
        lines.append(f"Flagged changes ({len(rows)}), weakened duties and changed numbers first:")
        lines.append(text_table(rows, _SUMMARY_COLUMNS, max_width=60).rstrip("\n"))
    else:
        lines.append("No flagged changes.")
    renumbered = sum(1 for ch in result.changes if ch.status == "unchanged" and "renumbered" in ch.flags)
    if renumbered:
        lines.append(f"{renumbered} unchanged clauses only renumbered.")
    lines.append("Full redline: --format html -o redline.html (or md, docx, json).")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("template", type=click.Path(path_type=str))
@click.argument("charter", type=click.Path(path_type=str))
@format_option(["json", "md", "html", "docx", "table"], default_pipe="json")
@click.option(
    "--level",
    type=click.Choice(["auto", "article", "leaf"]),
    default="auto",
    show_default=True,
    help="Unit compared: articles (第X条) when both have them, else the leaf clauses.",
)
@click.option(
    "--style",
    type=click.Choice(["gfm", "plain"]),
    default="gfm",
    show_default=True,
    help="Markdown marks: gfm (~~deleted~~ **inserted**) or plain ([-deleted-]{+inserted+}).",
)
@click.option("--all", "show_all", is_flag=True, help="Markdown: print unchanged clauses too.")
@click.option(
    "--author", default="policytext", show_default=True, help="DOCX: author of the tracked changes."
)
@click.option(
    "--date",
    default=None,
    help="DOCX: date of the tracked changes, ISO (2024-05-01T09:00:00Z) or 'now' (default: a fixed date).",
)
@read_options
@quiet_option
@command
def diff(
    template: str,
    charter: str,
    fmt: str | None,
    output: str | None,
    level: str,
    style: str,
    show_all: bool,
    author: str,
    date: str | None,
    engine: str,
    password: str | None,
    ocr: str,
    quiet: bool,
) -> None:
    """Compare CHARTER with the TEMPLATE it was drafted from, clause by clause.

    Articles are matched by content, not by number, so an inserted article
    does not make every later one look changed; moved articles, splits and
    merges are found. Each change is flagged: weakened or strengthened duties
    (应当→可以, 必须→应当, 不得→不宜), changed numbers (三分之二→二分之一,
    30日→60日), changed actors (理事会→秘书处), renumbering. Inputs are any
    format policytext reads (PDF, DOCX, HTML, TXT/MD, a JSONL record).

    Formats: a summary table on a terminal; json (summary, changes, redline
    blocks); md (summary and redline); html (one self-contained page, side by
    side); docx (the charter as Word tracked changes against the template).
    An input that cannot be read is reported and the exit status is 1.

    \b
    Examples:
      policytext diff template.docx charter.docx
      policytext diff template.docx charter.pdf -o redline.html
      policytext diff template.md charter.md --format md --style plain --all
      policytext diff template.docx charter.docx -o tracked.docx --author 审核组
    """
    run = Run()
    fmt = resolve_format(fmt, output, "json")
    read_kw = {"engine": engine, "password": password, "ocr": ocr, "quiet": quiet}
    tdoc = _one_document(template, run, **read_kw)
    cdoc = _one_document(charter, run, **read_kw)
    result = policytext.diff_documents(tdoc, cdoc, level=level)
    if fmt == "docx":
        data = policytext.redline_docx(result, author=author, date=date)
        with open_output(output, binary=True) as fh:
            fh.write(data)
        return
    if fmt == "json":
        text = json_dumps(result.to_dict(), indent=2) + "\n"
    elif fmt == "md":
        text = policytext.redline_markdown(result, style=style, unchanged=show_all)
    elif fmt == "html":
        text = policytext.redline_html(result)
    else:
        text = _terminal_summary(result)
    with open_output(output) as fh:
        fh.write(text)


_CHECK_COLUMNS = ["id", "status", "clause", "matched", "lacking", "similarity", "text", "evidence"]
_CHECK_TABLE = ["id", "status", "clause", "lacking", "text"]


@click.command()
@click.argument("charter", type=click.Path(path_type=str))
@click.option(
    "--requirements",
    default="consortium_2023",
    show_default=True,
    help="Requirements checklist: a YAML file, or the name of one shipped in models/requirements/.",
)
@format_option(["json", "jsonl", "csv", "md", "table"], default_pipe="json")
@click.option(
    "--level",
    type=click.Choice(["auto", "article", "leaf"]),
    default="auto",
    show_default=True,
    help="Clauses searched for evidence: articles when there are any, else the leaf clauses.",
)
@read_options
@quiet_option
@command
def checklist(
    charter: str,
    requirements: str,
    fmt: str | None,
    output: str | None,
    level: str,
    engine: str,
    password: str | None,
    ocr: str,
    quiet: bool,
) -> None:
    """Check CHARTER against a requirements file: each item present, partly present or missing.

    Each row names the evidence clause (the one that satisfies most of the
    item's keywords) with the words it has and the ones it lacks. The default
    checklist is models/requirements/consortium_2023.yaml.

    \b
    Examples:
      policytext checklist charter.docx
      policytext checklist charter.pdf --requirements my_items.yaml --format csv -o checklist.csv
    """
    run = Run()
    fmt = resolve_format(fmt, output, "json")
    doc = _one_document(charter, run, engine=engine, password=password, ocr=ocr, quiet=quiet)
    try:
        check = policytext.check_requirements
    except AttributeError as exc:  # the compare stage is not installed in this build
        raise click.ClickException(
            "checklist needs policytext.check_requirements (the compare stage), which this installation lacks"
        ) from exc
    results = check(doc, requirements, level=level)
    rows = [r.to_dict() for r in results]
    if fmt == "table":
        counts = {s: sum(1 for r in rows if r["status"] == s) for s in ("present", "partly", "missing")}
        with open_output(output) as fh:
            fh.write(f"{doc.title}: " + "  ".join(f"{k}: {v}" for k, v in counts.items()) + "\n")
            fh.write(text_table(rows, _CHECK_TABLE, max_width=40))
        return
    write_records(rows, fmt, output, columns=_CHECK_COLUMNS + ["doc", "clause_id", "coverage", "pages"])
