"""What every command shares: option decorators, output writers, error reporting.

Conventions (see DESIGN.md): ``--format`` picks a machine format, written to
stdout or ``-o FILE``; without it, a readable table on a terminal and the
command's default machine format in a pipe. Messages go to stderr as
``policytext: FILE: reason``. Exit 0 when all went well, 1 when some inputs
failed, 2 for a usage error.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import click

import policytext
from policytext import ConfigError, PolicytextError

F = Callable[..., Any]


# --------------------------------------------------------------------------- options


def input_paths(func: F) -> F:
    """``PATH...``: documents, folders, JSONL from ``extract``, or stores."""
    return click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))(func)


def format_option(choices: Sequence[str], *, default_pipe: str) -> Callable[[F], F]:
    """``--format``; ``default_pipe`` is used when stdout is not a terminal."""

    def deco(func: F) -> F:
        func = click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices), case_sensitive=False),
            default=None,
            help=f"Output format (default: a table on a terminal, {default_pipe} in a pipe or file).",
        )(func)
        func = click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, writable=True, path_type=str),
            default=None,
            help="Write to this file instead of stdout.",
        )(func)
        return func

    return deco


def metadata_option(func: F) -> F:
    """``--metadata FILE.csv``: fields merged into each document."""
    return click.option(
        "--metadata",
        type=click.Path(exists=True, dir_okay=False, path_type=str),
        default=None,
        help="CSV of document metadata; a 'file' column names each input (file name or stem).",
    )(func)


def read_options(func: F) -> F:
    """``--engine``, ``--password``, ``--ocr``: how documents are read."""
    func = click.option(
        "--engine",
        type=click.Choice(["pdfplumber", "pdfium"]),
        default="pdfplumber",
        show_default=True,
        help="PDF text engine; pdfium is much faster with the same cleaning.",
    )(func)
    func = click.option("--password", default=None, help="Password for encrypted PDFs.")(func)
    func = click.option(
        "--ocr",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="OCR image-only pages (needs the 'ocr' extra and Tesseract).",
    )(func)
    return func


def quiet_option(func: F) -> F:
    """``--quiet``: no progress bars."""
    return click.option("-q", "--quiet", is_flag=True, help="No progress bars.")(func)


def seed_option(func: F) -> F:
    """``--seed``: the same seed gives the same tables."""
    return click.option("--seed", type=int, default=42, show_default=True, help="Random seed.")(func)


def segmentation_options(func: F) -> F:
    """``--dictionary``, ``--no-domain-dict``, ``--stopwords``: how text becomes tokens."""
    func = click.option(
        "--dictionary",
        "user_dicts",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=str),
        help="User dictionary merged on top of the domain dictionary (jieba format); repeatable.",
    )(func)
    func = click.option(
        "--no-domain-dict",
        is_flag=True,
        help="Do not load the shipped policy-domain dictionary (plain jieba).",
    )(func)
    func = click.option(
        "--stopwords",
        default="general,policy",
        show_default=True,
        help="Stopword lists to drop: comma-separated names (general, policy) or files; 'none' keeps all.",
    )(func)
    return func


# --------------------------------------------------------------------------- errors


class Run:
    """The state of one command run: failures seen, debug flag, exit status."""

    def __init__(self, ctx: click.Context | None = None) -> None:
        ctx = ctx or click.get_current_context(silent=True)
        obj = (ctx.find_root().obj if ctx else None) or {}
        self.debug = bool(obj.get("debug"))
        self.failures = 0

    def fail(self, source: str, reason: str) -> None:
        """Report one failed input on stderr; the run goes on."""
        self.failures += 1
        click.echo(f"policytext: {source}: {reason}", err=True)

    def warn(self, source: str, message: str) -> None:
        """Report a warning about one input on stderr."""
        click.echo(f"policytext: {source}: warning: {message}", err=True)

    def exit(self) -> None:
        """Exit 1 when some inputs failed, else return."""
        if self.failures:
            sys.exit(1)


@contextlib.contextmanager
def errors_to_exit(run: Run | None = None) -> Iterator[None]:
    """Turn policytext errors into ``policytext: reason`` and an exit status."""
    debug = run.debug if run else Run().debug
    try:
        yield
    except ConfigError as exc:
        if debug:
            raise
        raise click.UsageError(str(exc)) from exc
    except PolicytextError as exc:
        if debug:
            raise
        click.echo(f"policytext: {exc}", err=True)
        sys.exit(1)
    except BrokenPipeError:  # e.g. `policytext extract ... | head`
        with contextlib.suppress(Exception):
            sys.stdout = open(os.devnull, "w")
        sys.exit(0)


def command(func: F) -> F:
    """Wrap a command body so that policytext errors exit cleanly."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with errors_to_exit():
            return func(*args, **kwargs)

    return wrapper


def documents(
    paths: Sequence[str], run: Run, *, metadata: str | None = None, quiet: bool = False, **read_kw: Any
) -> Iterator[policytext.Document]:
    """Yield readable documents; report each failure and go on."""
    stream = policytext.iter_documents(paths, metadata=metadata, **read_kw)
    for item in progress(stream, quiet=quiet, label="reading"):
        if isinstance(item, policytext.Failure):
            run.fail(item.source, item.error)
            continue
        for warning in item.warnings:
            if not quiet:
                run.warn(item.source, warning)
        yield item


def progress(items: Iterable[Any], *, quiet: bool = False, label: str = "", length: int | None = None) -> Iterable[Any]:
    """A progress bar on stderr when it is a terminal and not ``--quiet``."""
    if quiet or not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(items, label=label, length=length, file=sys.stderr) as bar:
        yield from bar


# --------------------------------------------------------------------------- output


def resolve_format(fmt: str | None, output: str | None, default_pipe: str) -> str:
    """The format to write: explicit, else by ``-o`` suffix, else table on a tty."""
    if fmt:
        return fmt.lower()
    if output:
        suffix = os.path.splitext(output)[1].lower().lstrip(".")
        if suffix in {"json", "jsonl", "csv", "parquet", "md", "html", "gexf", "docx"}:
            return suffix
        return default_pipe
    return "table" if sys.stdout.isatty() else default_pipe


@contextlib.contextmanager
def open_output(output: str | None, *, binary: bool = False) -> Iterator[Any]:
    """Open ``-o FILE`` (or stdout) for writing."""
    if output is None or output == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    try:
        parent = os.path.dirname(output)
        if parent:
            os.makedirs(parent, exist_ok=True)
        fh = open(output, "wb") if binary else open(output, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise click.FileError(output, hint=exc.strerror) from exc
    with fh:
        yield fh


def json_dumps(obj: Any, *, indent: int | None = None) -> str:
    """JSON with Chinese kept readable and keys in a stable order."""
    return json.dumps(obj, ensure_ascii=False, indent=indent, default=_json_default)


def _json_default(obj: Any) -> Any:
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    if isinstance(obj, (set, frozenset)):
        return sorted(obj)
    if hasattr(obj, "item"):  # numpy scalars
        return obj.item()
    raise TypeError(f"cannot write {type(obj).__name__} as JSON")


def write_records(
    records: Iterable[dict[str, Any]],
    fmt: str,
    output: str | None,
    *,
    columns: Sequence[str] | None = None,
    table_columns: Sequence[str] | None = None,
) -> None:
    """Write rows as json, jsonl, csv, md, parquet or a terminal table.

    ``jsonl`` streams; the other formats collect the rows first.
    """
    if fmt == "jsonl":
        with open_output(output) as fh:
            for rec in records:
                fh.write(json_dumps(rec) + "\n")
        return
    rows = list(records)
    if fmt == "json":
        with open_output(output) as fh:
            fh.write(json_dumps(rows, indent=2) + "\n")
        return
    cols = list(columns) if columns else _columns(rows)
    if fmt == "csv":
        with open_output(output) as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(cols)
            for rec in rows:
                writer.writerow([_cell(rec.get(c)) for c in cols])
        return
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist([{c: _plain(rec.get(c)) for c in cols} for rec in rows])
        if output is None:
            raise click.UsageError("--format parquet needs -o FILE")
        pq.write_table(table, output)
        return
    if fmt == "md":
        with open_output(output) as fh:
            fh.write(markdown_table(rows, cols))
        return
    # a readable table
    with open_output(output) as fh:
        fh.write(text_table(rows, list(table_columns) if table_columns else cols))


def _columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    cols: list[str] = []
    for rec in rows:
        for key in rec:
            if key not in cols:
                cols.append(key)
    return cols


def _plain(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json_dumps(value)
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (list, dict)):
        return json_dumps(value)
    return str(value)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, limit: int) -> str:
    text = text.replace("\n", " ")
    if _width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def text_table(rows: Sequence[dict[str, Any]], cols: Sequence[str], *, max_width: int = 48) -> str:
    """A plain table aligned for CJK (double-width) characters."""
    if not rows:
        return "(no rows)\n"
    cells = [[_clip(_cell(r.get(c)), max_width) for c in cols] for r in rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(cols)]
    buf = io.StringIO()

    def line(values: Sequence[str]) -> None:
        buf.write("  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip() + "\n")

    line(list(cols))
    line(["-" * w for w in widths])
    for row in cells:
        line(row)
    return buf.getvalue()


def markdown_table(rows: Sequence[dict[str, Any]], cols: Sequence[str]) -> str:
    """A GitHub-flavoured Markdown table."""
    buf = io.StringIO()
    buf.write("| " + " | ".join(cols) + " |\n")
    buf.write("|" + "|".join("---" for _ in cols) + "|\n")
    for rec in rows:
        buf.write("| " + " | ".join(_cell(rec.get(c)).replace("|", "\\|").replace("\n", " ") for c in cols) + " |\n")
    return buf.getvalue()
