"""Dictionaries (jieba format) and stopword lists: finding, reading, checking.

A dictionary line is ``word [freq] [tag]`` as in jieba's user dictionaries:
the frequency is a whole number, the tag a part-of-speech code (``n``, ``nz``,
``vn`` ...). A word may hold spaces or symbols (``双随机、一公开``). Lines that
start with ``#`` and blank lines are skipped. A stopword list holds one word
per line, with the same comment rule.

Shipped lists are named (``policy`` for ``models/dict/policy.txt``; ``general``
and ``policy`` for ``models/stopwords/``); anything else is a path.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from .._resources import model_path, models_dir
from .._typing import PathLike
from ..errors import ConfigError

__all__ = ["Entry", "read_dictionary", "domain_dictionary", "read_stopwords", "stopword_names"]

#: The shipped policy-domain dictionary, relative to ``models/``.
DOMAIN_DICT = "dict/policy.txt"
_TAG = re.compile(r"[A-Za-z]+")


class Entry(NamedTuple):
    """One dictionary line: the word, its frequency (None: let jieba suggest one) and tag."""

    word: str
    freq: int | None
    tag: str | None


def parse_line(line: str) -> Entry | None:
    """Read ``word [freq] [tag]``; None for a blank or comment line."""
    line = line.strip().lstrip("\ufeff")
    if not line or line.startswith("#"):
        return None
    parts = line.split()
    tag = None
    freq = None
    # As jieba's user-dictionary rule: the last field is a tag if alphabetic,
    # then a frequency if numeric; what is left (spaces and all) is the word.
    if len(parts) > 1 and _TAG.fullmatch(parts[-1]):
        tag = parts.pop()
    if len(parts) > 1 and parts[-1].isdigit():
        freq = int(parts.pop())
    return Entry(" ".join(parts), freq, tag)


def read_dictionary(path: PathLike) -> list[Entry]:
    """Read a jieba-format dictionary file.

    Raises:
        ConfigError: the file cannot be read or is not UTF-8 text (the message names it).
    """
    entries = []
    for line in _read_lines(path):
        entry = parse_line(line)
        if entry is not None:
            entries.append(entry)
    return entries


@functools.lru_cache(maxsize=1)
def domain_dictionary() -> tuple[Entry, ...]:
    """The shipped policy-domain dictionary (read once per process)."""
    return tuple(read_dictionary(model_path(DOMAIN_DICT)))


def stopword_names() -> list[str]:
    """The names of the shipped stopword lists."""
    folder = models_dir() / "stopwords"
    return sorted(p.stem for p in folder.glob("*.txt"))


@functools.lru_cache(maxsize=16)
def _stopword_file(path: str) -> frozenset[str]:
    words = set()
    for line in _read_lines(path):
        word = line.strip().lstrip("\ufeff")
        if word and not word.startswith("#"):
            words.add(word)
    return frozenset(words)


def read_stopwords(lists: Iterable[str | os.PathLike[str]] | str | None) -> frozenset[str]:
    """Merge stopword lists given by name (``general``, ``policy``) or path.

    Args:
        lists: names of shipped lists and/or paths of one-word-per-line files;
            a single string may hold several, comma-separated. None or an empty
            sequence means no stopwords.

    Raises:
        ConfigError: a name is not shipped and is not an existing file, or a
            file cannot be read.
    """
    if lists is None:
        return frozenset()
    if isinstance(lists, (str, os.PathLike)):
        lists = [p for p in str(lists).split(",") if p.strip()] if isinstance(lists, str) else [lists]
    words: set[str] = set()
    for item in lists:
        words |= _stopword_file(_resolve_stopwords(item))
    return frozenset(words)


def _resolve_stopwords(item: str | os.PathLike[str]) -> str:
    name = os.fspath(item).strip()
    if name in ("none", ""):
        return os.devnull
    names = stopword_names()
    if name in names:
        return str(model_path(f"stopwords/{name}.txt"))
    if Path(name).is_file():
        return str(Path(name).resolve())
    raise ConfigError(
        f"unknown stopword list {name!r}: not a shipped list and no such file; "
        f"choose one of: {', '.join(names)}, or give the path of a one-word-per-line file"
    )


def _read_lines(path: PathLike) -> list[str]:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return fh.read().splitlines()
    except FileNotFoundError as exc:
        raise ConfigError(f"{os.fspath(path)}: no such dictionary or word-list file") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{os.fspath(path)}: not UTF-8 text (byte {exc.start}); save the word list as UTF-8"
        ) from exc
    except OSError as exc:
        raise ConfigError(f"{os.fspath(path)}: {exc.strerror or exc}") from exc
