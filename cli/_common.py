"""What every command shares: option decorators, output writers, error reporting.

Conventions (see DESIGN.md, "Command-line conventions"):

- ``policytext COMMAND PATH...``; a PATH is a document, a folder, a JSONL
  written by ``extract``, a corpus a document a row (JSONL, CSV, XLSX) or a
  workspace store.
- ``--format`` picks one of the machine formats a command offers, written to
  stdout or ``-o FILE``; without it, a readable table on a terminal, the
  format named by the ``-o`` suffix, or the command's default in a pipe.
  ``json`` is one document (an array when there are several rows or inputs);
  ``jsonl`` one object per line.
- Exit 0 when all went well, 1 when some inputs failed (each reported on
  stderr as ``policytext: FILE: reason``, the others done), 2 for a usage
  error (bad option value, missing option, a :class:`ConfigError`). A
  traceback only with ``--debug``.
- Progress bars on stderr when it is a terminal; ``-q/--quiet`` silences them.
- Shared settings have one name everywhere: ``--metadata``, ``--user-dict``,
  ``--no-domain-dict``, ``--stopwords``, ``--seed``, ``--group``, ``--by``,
  ``--unit``, ``--pdf-engine`` (how PDFs are read) and ``--seg-engine`` (how
  words are cut). ``--dictionary`` and ``--engine`` are kept as hidden aliases
  of ``--user-dict`` and ``--pdf-engine`` (``--seg-engine`` in ``tokenize``),
  except in ``code``, where ``--dictionary`` is the coding dictionary.
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

#: Formats that ``-o FILE`` can name by its suffix.
SUFFIX_FORMATS = ("json", "jsonl", "csv", "parquet", "md", "html", "gexf", "docx")
#: Formats that are bytes, not text: never written to a terminal.
BINARY_FORMATS = ("parquet", "docx")


# --------------------------------------------------------------------------- options


class AliasedOption(click.Option):
    """An option whose old spellings still work but are left out of ``--help``."""

    def __init__(self, *args: Any, hidden_aliases: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hidden_aliases = tuple(hidden_aliases)

    @contextlib.contextmanager
    def _shown(self) -> Iterator[None]:
        saved = self.opts
        self.opts = [o for o in saved if o not in self.hidden_aliases]
        try:
            yield
        finally:
            self.opts = saved

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        with self._shown():
            return super().get_help_record(ctx)

    def get_error_hint(self, ctx: click.Context) -> str:
        with self._shown():
            return super().get_error_hint(ctx)


def input_paths(func: F) -> F:
    """``PATH...``: documents, folders, JSONL from ``extract``, corpora a row per document (JSONL, CSV, XLSX), or stores."""
    return click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))(func)


def output_option(func: F) -> F:
    """``-o/--output FILE``: write there instead of stdout."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, writable=True, path_type=str),
        default=None,
        help="Write to this file instead of stdout.",
    )(func)


def format_option(choices: Sequence[str], *, default_pipe: str) -> Callable[[F], F]:
    """``--format`` and ``-o/--output``; ``default_pipe`` is used when stdout is not a terminal."""

    def deco(func: F) -> F:
        func = click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices), case_sensitive=False),
            default=None,
            help=f"Output format (default: a table on a terminal, else the -o suffix or {default_pipe}).",
        )(func)
        return output_option(func)

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
    """``--pdf-engine``, ``--password``, ``--ocr``: how documents are read.

    The Python parameter stays ``engine``; ``--engine`` is a hidden alias.
    """
    func = click.option(
        "--pdf-engine",
        "--engine",
        "engine",
        cls=AliasedOption,
        hidden_aliases=["--engine"],
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
    """``-q/--quiet``: no progress bars, no per-document warnings."""
    return click.option("-q", "--quiet", is_flag=True, help="No progress bars or warnings on stderr.")(func)


def seed_option(func: F) -> F:
    """``--seed``: the same seed gives the same tables."""
    return click.option("--seed", type=int, default=42, show_default=True, help="Random seed.")(func)


def group_option(func: F) -> F:
    """``--group FIELD=VALUE``: keep only the documents whose metadata match (repeatable)."""
    return click.option(
        "--group",
        "groups",
        multiple=True,
        metavar="FIELD=VALUE",
        help="Keep only documents whose metadata match: level=city, level=city,provincial, "
        "year>=2020, lang!=en. Repeatable (all must hold).",
    )(func)


def dictionary_options(func: F | None = None, *, dictionary_alias: bool = True) -> Any:
    """``--user-dict`` and ``--no-domain-dict``: the words the segmenter knows.

    ``--dictionary`` is a hidden alias of ``--user-dict`` unless
    ``dictionary_alias`` is false (``code`` uses ``--dictionary`` for its
    coding dictionary). The Python parameter is ``user_dicts``.
    """

    def deco(func: F) -> F:
        flags = ["--user-dict", "--dictionary"] if dictionary_alias else ["--user-dict"]
        func = click.option(
            *flags,
            "user_dicts",
            cls=AliasedOption,
            hidden_aliases=["--dictionary"],
            multiple=True,
            type=click.Path(exists=True, dir_okay=False, path_type=str),
            metavar="FILE",
            help="User dictionary (jieba format: word [freq] [tag]) merged on top of the domain "
            "dictionary; repeatable, applied in order.",
        )(func)
        func = click.option(
            "--no-domain-dict",
            is_flag=True,
            help="Do not load the shipped policy-domain dictionary (plain jieba).",
        )(func)
        return func

    return deco(func) if func is not None else deco


def stopwords_option(func: F) -> F:
    """``--stopwords``: lists of words left out of counts."""
    return click.option(
        "--stopwords",
        default="general,policy",
        show_default=True,
        help="Stopword lists to drop: comma-separated names (general, policy) or files; 'none' keeps all.",
    )(func)


def segmentation_options(func: F | None = None, *, dictionary_alias: bool = True) -> Any:
    """``--user-dict``, ``--no-domain-dict``, ``--stopwords``: how text becomes tokens."""

    def deco(func: F) -> F:
        return dictionary_options(stopwords_option(func), dictionary_alias=dictionary_alias)

    return deco(func) if func is not None else deco


def seg_engine_option(func: F | None = None, *, engine_alias: bool = False) -> Any:
    """``--seg-engine``: the word segmentation engine (parameter ``seg_engine``).

    ``engine_alias`` adds a hidden ``--engine`` for commands that read no PDF
    (``tokenize`` called it that).
    """

    def deco(func: F) -> F:
        flags = ["--seg-engine", "--engine"] if engine_alias else ["--seg-engine"]
        return click.option(
            *flags,
            "seg_engine",
            cls=AliasedOption,
            hidden_aliases=["--engine"],
            type=click.Choice(["auto", "rjieba", "jieba"]),
            default="auto",
            show_default=True,
            help="Word segmentation engine: rjieba (fast) and jieba give the same tokens.",
        )(func)

    return deco(func) if func is not None else deco


def stopword_spec(stopwords: str) -> str | None:
    """The ``--stopwords`` value as the library takes it (``none`` keeps every word)."""
    return None if stopwords.strip().lower() in ("", "none") else stopwords


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

    def internal(self, source: str, exc: BaseException) -> None:
        """Report an unexpected error on one input; with ``--debug``, raise it (a traceback)."""
        if self.debug:
            raise exc
        self.fail(source, f"internal error: {_describe(exc)} (run with --debug for a traceback)")

    def warn(self, source: str, message: str) -> None:
        """Report a warning about one input on stderr."""
        click.echo(f"policytext: {source}: warning: {message}", err=True)

    def exit(self) -> None:
        """Exit 1 when some inputs failed, else return."""
        if self.failures:
            sys.exit(1)


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@contextlib.contextmanager
def errors_to_exit(run: Run | None = None) -> Iterator[None]:
    """Turn policytext errors into ``policytext: reason`` and an exit status.

    A :class:`ConfigError` is a usage error (exit 2); any other
    :class:`PolicytextError` exits 1. With ``--debug`` they are raised, so the
    traceback shows.
    """
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


# --------------------------------------------------------------------------- inputs


def expand_inputs(paths: Iterable[str]) -> list[str | policytext.Failure]:
    """Expand PATH arguments into files, folders walked; a missing path becomes a :class:`Failure`.

    Folders are walked for every kind of input :func:`policytext.iter_documents`
    reads (documents, JSONL, stores), in a stable order.
    """
    out: list[str | policytext.Failure] = []
    for path in paths:
        try:
            found = policytext.expand_paths([path], suffixes=policytext.SUPPORTED_SUFFIXES)
        except policytext.InputError as exc:
            out.append(policytext.Failure(source=str(exc.path or path), error=exc.reason))
            continue
        out.extend(os.fspath(f) for f in found)
    return out


def input_files(paths: Iterable[str], run: Run) -> list[str]:
    """Expand PATH arguments into files; a missing path is reported and skipped."""
    files: list[str] = []
    for item in expand_inputs(paths):
        if isinstance(item, policytext.Failure):
            run.fail(item.source, item.error)
        else:
            files.append(item)
    return files


def read_file(
    path: str, run: Run, *, metadata: Any = None, **read_kw: Any
) -> Iterator[policytext.Document | policytext.Failure]:
    """The documents of one input file (a JSONL or store holds several), failures included.

    An unexpected error (a bug, not a bad file) becomes this file's failure so
    that the batch goes on; with ``--debug`` it is raised.
    """
    stream = policytext.iter_documents([path], metadata=metadata, **read_kw)
    while True:
        try:
            item = next(stream)
        except StopIteration:
            return
        except (click.ClickException, click.exceptions.Exit, click.Abort, ConfigError):
            raise
        except Exception as exc:
            run.internal(path, exc)
            return
        yield item


def documents(
    paths: Sequence[str],
    run: Run,
    *,
    metadata: Any = None,
    quiet: bool = False,
    **read_kw: Any,
) -> Iterator[policytext.Document]:
    """Yield the readable documents of PATH arguments; report each failure and go on.

    Args:
        paths: files, folders, JSONL files, stores.
        run: where failures are counted.
        metadata: a metadata CSV path (loaded once) or a loaded table.
        quiet: no progress bar, no per-document warnings.
        **read_kw: reader options (``engine``, ``password``, ``ocr``).
    """
    table = policytext.load_metadata(metadata) if isinstance(metadata, (str, os.PathLike)) else metadata
    files = input_files(paths, run)
    for path in progress(files, quiet=quiet, label="reading", length=len(files)):
        for item in read_file(path, run, metadata=table, **read_kw):
            if isinstance(item, policytext.Failure):
                run.fail(item.source, item.error)
                continue
            if not quiet:
                for warning in item.warnings:
                    run.warn(item.source, warning)
            yield item


def each_document(
    docs: Iterable[policytext.Document], run: Run, work: Callable[[policytext.Document], Any]
) -> Iterator[tuple[policytext.Document, Any]]:
    """Apply ``work`` to each document; a document it fails on is reported and skipped.

    A :class:`PolicytextError` is the document's failure; an unexpected error
    too (raised with ``--debug``).
    """
    for doc in docs:
        try:
            result = work(doc)
        except ConfigError:
            raise
        except PolicytextError as exc:
            run.fail(doc.source, str(exc))
            continue
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            run.internal(doc.source, exc)
            continue
        yield doc, result


def progress(
    items: Iterable[Any], *, quiet: bool = False, label: str = "", length: int | None = None
) -> Iterable[Any]:
    """A progress bar on stderr when it is a terminal and not ``--quiet``."""
    if quiet or not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(items, label=label, length=length, file=sys.stderr) as bar:
        yield from bar


# --------------------------------------------------------------------------- output


def _offered_formats() -> list[str] | None:
    """The ``--format`` choices of the running command, when there is one."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return None
    for param in ctx.command.params:
        if param.name == "fmt" and isinstance(param.type, click.Choice):
            return [str(c).lower() for c in param.type.choices]
    return None


def resolve_format(
    fmt: str | None, output: str | None, default_pipe: str, *, offered: Sequence[str] | None = None
) -> str:
    """The format to write: explicit, else by ``-o`` suffix, else a table on a terminal.

    Args:
        fmt: the ``--format`` value, if given.
        output: the ``-o`` value, if given.
        default_pipe: the command's format for a pipe or an ``-o`` file whose
            suffix names no format it offers.
        offered: the formats the command offers (default: its ``--format``
            choices); an ``-o`` suffix outside them is not taken as a format.

    Raises:
        click.UsageError: a binary format (parquet, docx) would go to a terminal.
    """
    if offered is None:
        offered = _offered_formats()
    if fmt:
        chosen = fmt.lower()
    elif output and output != "-":
        suffix = os.path.splitext(output)[1].lower().lstrip(".")
        known = suffix in SUFFIX_FORMATS and (offered is None or suffix in offered)
        chosen = suffix if known else default_pipe
    else:
        chosen = "table" if sys.stdout.isatty() else default_pipe
    if chosen in BINARY_FORMATS and (output is None or output == "-") and sys.stdout.isatty():
        raise click.UsageError(f"--format {chosen} writes a binary file: give -o FILE.{chosen} (or pipe it)")
    return chosen


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
        with open_output(output, binary=True) as fh:
            pq.write_table(table, fh)
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
        buf.write(
            "| " + " | ".join(_cell(rec.get(c)).replace("|", "\\|").replace("\n", " ") for c in cols) + " |\n"
        )
    return buf.getvalue()
