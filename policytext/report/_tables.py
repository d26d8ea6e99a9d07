"""Tables as files: CSV (UTF-8) and Parquet, deterministic, written as rows stream past.

A table is a name, its columns and rows (dicts). Column types (``str``,
``int``, ``float``, ``bool``) give the Parquet schema; lists and dicts are
written as JSON text. Without declared types the rows are collected and each
column's type inferred from all its values (for the small tables). The same
rows give the same bytes: floats are written rounded to 6 decimals (6
significant digits below 1e-4, so that a p-value of 3e-12 stays one), and
nothing records when the file was made.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .._typing import PathLike
from ..errors import ConfigError

__all__ = ["write_table", "stream_table", "TABLE_FORMATS", "format_cell", "infer_types"]

#: The file formats a table is written in.
TABLE_FORMATS = ("csv", "parquet")
_TYPES = ("str", "int", "float", "bool")
_BATCH = 5000
#: Below this magnitude floats keep 6 significant digits instead of 6 decimals.
_SMALL = 1e-4


def stable_float(value: float) -> float:
    """``value`` rounded so that the same run gives the same bytes on any machine.

    Six decimals, or six significant digits for magnitudes below 1e-4 (small
    p-values must not become 0).
    """
    if value != 0 and abs(value) < _SMALL:
        return float(f"{value:.6g}")
    return round(value, 6)


def format_cell(value: Any) -> str:
    """A value as CSV text: empty for None, JSON for lists and dicts, floats without exponents."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return ""
        if value != 0 and abs(value) < _SMALL:  # a p-value of 3e-12 is not 0
            return f"{value:.6g}"
        text = f"{round(value, 6):.6f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=isinstance(value, dict))
    return str(value)


def infer_types(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> dict[str, str]:
    """The narrowest type holding every value of each column (``str`` when mixed or unknown)."""
    out: dict[str, str] = {}
    for col in columns:
        kinds = set()
        for row in rows:
            value = row.get(col)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if isinstance(value, bool):
                kinds.add("bool")
            elif isinstance(value, int):
                kinds.add("int")
            elif isinstance(value, float):
                kinds.add("float")
            else:
                kinds.add("str")
        if kinds == {"bool"}:
            out[col] = "bool"
        elif kinds == {"int"}:
            out[col] = "int"
        elif kinds and kinds <= {"int", "float"}:
            out[col] = "float"
        else:
            out[col] = "str"
    return out


def _convert(value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None
    if kind == "str":
        if isinstance(value, (list, tuple, dict)):
            return format_cell(value)
        if isinstance(value, float):
            return format_cell(value)
        return str(value)
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            number = float(value)
            return None if math.isnan(number) else stable_float(number)
        if kind == "bool":
            return bool(value) if not isinstance(value, str) else value.lower() in ("1", "true", "yes")
    except (TypeError, ValueError):
        return None
    return value


def write_table(
    folder: PathLike,
    name: str,
    rows: Iterable[dict[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    types: dict[str, str] | None = None,
    formats: Sequence[str] = TABLE_FORMATS,
) -> int:
    """Write a table as ``folder/name.csv`` and ``folder/name.parquet``; return the number of rows.

    Arguments as for :func:`stream_table`.

    Example:
        >>> policytext.write_table("tables", "keyness", [{"term": "产教融合", "p_value": 3e-12}])  # doctest: +SKIP
        1
    """
    n = 0
    for _ in stream_table(folder, name, rows, columns=columns, types=types, formats=formats):
        n += 1
    return n


def stream_table(
    folder: PathLike,
    name: str,
    rows: Iterable[dict[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    types: dict[str, str] | None = None,
    formats: Sequence[str] = TABLE_FORMATS,
) -> Iterator[dict[str, Any]]:
    """Write a table as ``folder/name.csv`` and ``folder/name.parquet``, yielding each row as it goes.

    A generator, so that the rows can be written to a third place (the
    workspace store) in the same pass: the files are complete once it is
    consumed (``Store.put_table(name, stream_table(...))``).

    Args:
        folder: the tables folder (created when missing).
        name: the table's name (the file stem).
        rows: the rows; a stream when ``types`` covers every column.
        columns: the columns, in order (default: every key, in order of first appearance).
        types: column -> ``str``, ``int``, ``float`` or ``bool``; columns not
            named are inferred from all values (which collects the rows first).
        formats: some of :data:`TABLE_FORMATS`.

    Yields:
        The rows, unchanged.

    Raises:
        ConfigError: an unknown format or column type.
    """
    for fmt in formats:
        if fmt not in TABLE_FORMATS:
            raise ConfigError(f"unknown table format {fmt!r}; choose from {', '.join(TABLE_FORMATS)}")
    for kind in (types or {}).values():
        if kind not in _TYPES:
            raise ConfigError(f"unknown column type {kind!r}; choose from {', '.join(_TYPES)}")
    types = dict(types or {})
    if columns is None or any(c not in types for c in columns):
        rows = list(rows)
        if columns is None:
            columns = list(dict.fromkeys(k for row in rows for k in row))
        inferred = infer_types(rows, [c for c in columns if c not in types])
        types.update(inferred)
    cols = list(columns)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    csv_fh = None
    writer = None
    pq_writer = None
    schema = None
    if "csv" in formats:
        csv_fh = open(out / f"{name}.csv", "w", encoding="utf-8", newline="")
        writer = csv.writer(csv_fh, lineterminator="\n")
        writer.writerow(cols)
    if "parquet" in formats:
        import pyarrow as pa
        import pyarrow.parquet as pq

        arrow = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
        schema = pa.schema([(c, arrow[types[c]]) for c in cols])
        pq_writer = pq.ParquetWriter(out / f"{name}.parquet", schema, compression="zstd")
    batch: dict[str, list[Any]] = {c: [] for c in cols}
    size = 0

    def flush() -> None:
        nonlocal batch, size
        if pq_writer is not None and size:
            import pyarrow as pa

            pq_writer.write_table(pa.Table.from_pydict(batch, schema=schema))
        batch = {c: [] for c in cols}
        size = 0

    try:
        for row in rows:
            if writer is not None:
                writer.writerow([format_cell(_convert(row.get(c), types[c]) if types[c] != "str" else row.get(c)) for c in cols])
            if pq_writer is not None:
                for c in cols:
                    batch[c].append(_convert(row.get(c), types[c]))
                size += 1
                if size >= _BATCH:
                    flush()
            yield row
        flush()
    finally:
        if csv_fh is not None:
            csv_fh.close()
        if pq_writer is not None:
            pq_writer.close()
