"""``manifest.json``: enough to reproduce a run, and the same bytes for the same run.

It lists the input files with their SHA-256, the metadata CSV, the versions of
policytext, Python and every library that shapes the results, the SHA-256 of
each shipped dictionary and lexicon, the seeds and the options. Nothing in it
depends on the clock or on the order workers finished; the times of runs go to
``runs.log``.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import platform
from pathlib import Path
from typing import Any

from .. import __version__
from ._options import RunOptions
from ._plan import InputFile

__all__ = ["build_manifest", "write_manifest", "DEPENDENCIES"]

#: Distributions whose versions are recorded (those that shape the results).
DEPENDENCIES = (
    "jieba", "rjieba", "spacy", "scikit-learn", "threadpoolctl", "gensim", "numpy", "scipy", "pdfplumber",
    "pdfminer.six", "pypdfium2", "charset-normalizer", "python-docx", "lxml", "click", "PyYAML", "datasketch",
    "rapidfuzz", "pyarrow", "matplotlib", "pytesseract", "dask", "distributed",
)  # fmt: skip
_EXECUTION = ("jobs", "scheduler", "processes", "in_flight")


def _versions() -> dict[str, str]:
    out = {}
    for name in DEPENDENCIES:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return out


def _tesseract(options: RunOptions) -> str | None:
    if options.ocr == "never":
        return None
    try:
        import pytesseract

        return str(pytesseract.get_tesseract_version())
    except Exception:  # noqa: BLE001 - OCR is optional; absent means "not used"
        return None


def _file(path: str | None) -> dict[str, Any] | None:
    if not path:
        return None
    from .._resources import file_sha256

    if os.path.isfile(path):
        return {"path": path, "sha256": file_sha256(path)}
    return {"name": path}


def build_manifest(
    inputs: list[str], files: list[InputFile], options: RunOptions, resources: dict[str, str]
) -> dict[str, Any]:
    """The manifest of a run as JSON-ready data.

    Args:
        inputs: the paths as given on the command line.
        files: the input files (expanded and hashed).
        options: the run options.
        resources: path under ``models/`` -> SHA-256 of every shipped resource.
    """
    opts = options.to_dict()
    execution = {k: opts.pop(k) for k in _EXECUTION}
    seed = options.seed
    return {
        "tool": {"name": "policytext", "version": __version__},
        "python": platform.python_version(),
        "dependencies": _versions(),
        "tesseract": _tesseract(options),
        "command": {"inputs": list(inputs), "metadata": options.metadata, "national": list(options.national),
                    "template": options.template},  # fmt: skip
        "inputs": [
            {"path": f.source, "sha256": f.sha256, "bytes": f.size, "id": f.id, "role": f.role or f.metadata.get("role", "")}
            for f in sorted(files, key=lambda f: f.source.replace("\\", "/"))
        ],
        "metadata_csv": _file(options.metadata),
        "requirements": _file(options.requirements),
        "resources": dict(sorted(resources.items())),
        "seeds": {"run": seed, "topics": seed, "prevalence_bootstrap": seed, "minhash": seed, "network_layout": seed},
        "options": opts,
        "execution": execution,
    }


def write_manifest(path: Path, manifest: dict[str, Any]) -> Path:
    """Write the manifest as indented JSON (keys in the order built, Chinese kept readable)."""
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
