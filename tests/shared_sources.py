"""The texts that gold files name under ``../shared``, read one way for every user.

A gold row names its source relative to a folder of ``../shared``: a file, a
saved web page (``.html``, read for its main text with ``policytext.read``),
or row N of a JSONL series (``…jsonl#N``, its ``content_zh``). The target
scorer, the alignment scorer and the draw scripts of the target rounds read
them here, so a sentence drawn from a source is found again in the same text.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path


@functools.lru_cache(maxsize=4)
def jsonl_rows(path: Path) -> tuple[dict, ...]:
    """The rows of a JSONL file (read once per process; the series are large)."""
    with open(path, encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh)


def source_text(base: Path, source: str) -> str:
    """The normalised text of ``source`` (relative to ``base``): a file, a web page or ``file.jsonl#N``."""
    import policytext
    from policytext.ingest.normalize import normalize

    path, _, row = source.partition("#")
    if row:
        return normalize(jsonl_rows(base / path)[int(row)]["content_zh"])
    if path.endswith((".html", ".htm")):
        return normalize(policytext.read(base / path).text)
    return normalize((base / path).read_text(encoding="utf-8"))
