"""Where the shipped knowledge lives: the ``models/`` folder.

In a wheel, ``models/`` is installed as the package data ``policytext/models``;
in a checkout (or an editable install) it is the top-level ``models/`` next to
the package. Callers ask :func:`model_path` and never build paths themselves.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from .errors import ConfigError

__all__ = ["models_dir", "model_path", "file_sha256"]


@functools.lru_cache(maxsize=1)
def models_dir() -> Path:
    """Return the folder that holds the shipped dictionaries and lexicons."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "models", here.parent / "models"):
        if (candidate / "README.md").is_file():
            return candidate
    raise ConfigError(
        f"cannot find policytext's models/ folder (looked in {here / 'models'} and "
        f"{here.parent / 'models'}); reinstall the package with 'pip install .'"
    )


def model_path(name: str) -> Path:
    """Return the path of a shipped model file, e.g. ``model_path("dict/policy.txt")``.

    Raises:
        ConfigError: the file is not shipped.
    """
    path = models_dir() / name
    if not path.exists():
        raise ConfigError(f"{path}: no such model file shipped with policytext")
    return path


def file_sha256(path: str | Path) -> str:
    """Return the hex SHA-256 of a file, for manifests."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
