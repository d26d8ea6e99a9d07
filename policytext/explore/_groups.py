"""Groups of documents: a metadata field's value, and selectors such as ``level=city``.

Every exploratory table can be split by a metadata field (``by="level"``) and
restricted to documents that match selectors (``level=city``, ``year>=2020``).
A field is a key of ``Document.metadata`` (``year``, ``level``, ``region``, a
column of the metadata CSV ...) or one of the document's own attributes:
``doc`` (the content-hash id), ``source``, ``title``, ``lang``, ``format``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Union

from ..errors import ConfigError
from ..model import Document

__all__ = [
    "MISSING",
    "GroupSelector",
    "parse_group",
    "group_value",
    "as_predicate",
    "as_grouper",
    "describe",
    "group_sort_key",
]

#: The group of documents that have no value for the field.
MISSING = "(missing)"

_ATTRIBUTES = {
    "doc": lambda d: d.id,
    "source": lambda d: d.source,
    "title": lambda d: d.title,
    "lang": lambda d: d.lang,
    "format": lambda d: d.format,
}
_SPEC = re.compile(r"^\s*([^=!<>\s]+)\s*(==|=|!=|>=|<=|>|<)\s*(.*?)\s*$")

#: What a caller may pass where documents are selected: a ``FIELD=VALUE``
#: string, a :class:`GroupSelector`, a mapping ``{field: value or values}``, a
#: predicate, or a sequence of these (all must hold).
SelectorLike = Union[str, "GroupSelector", Mapping[str, Any], Callable[[Document], bool], Sequence[Any]]
#: What a caller may pass as ``by``: a field name or a function of the document.
GrouperLike = str | Callable[[Document], Any] | None


def group_value(document: Document, field: str) -> Any:
    """Return a document's value of ``field``, or :data:`MISSING`.

    Args:
        document: the document.
        field: a metadata key, or ``doc``, ``source``, ``title``, ``lang``,
            ``format``. Metadata wins when a key has the same name.

    Returns:
        The value as stored (an int for ``year``), or :data:`MISSING` when
        the document has none or a blank one.
    """
    if field in document.metadata:
        value = document.metadata[field]
    elif field in _ATTRIBUTES:
        value = _ATTRIBUTES[field](document)
    else:
        value = None
    if value is None or (isinstance(value, str) and not value.strip()):
        return MISSING
    return value


@dataclass(frozen=True)
class GroupSelector:
    """A test on one field of a document: ``level=city``, ``year>=2020``.

    Attributes:
        field: the field (see :func:`group_value`).
        op: ``=`` (any of ``values``), ``!=`` (none of them), or a numeric
            comparison ``>=``, ``<=``, ``>``, ``<`` against ``values[0]``.
        values: the values to compare with, as text.
    """

    field: str
    op: str
    values: tuple[str, ...]

    def __call__(self, document: Document) -> bool:
        """Whether the document passes the test (a missing value never equals anything)."""
        value = group_value(document, self.field)
        if self.op in ("=", "!="):
            hit = value != MISSING and _text(value) in {_text(v) for v in self.values}
            return hit if self.op == "=" else not hit
        number = _number(value)
        bound = _number(self.values[0])
        if number is None or bound is None:
            return False
        return {">=": number >= bound, "<=": number <= bound, ">": number > bound, "<": number < bound}[
            self.op
        ]

    def __str__(self) -> str:
        return f"{self.field}{self.op}{','.join(self.values)}"


def parse_group(spec: str) -> GroupSelector:
    """Read ``FIELD=VALUE`` (``VALUE`` may list alternatives: ``level=city,provincial``).

    Also ``FIELD!=VALUE`` and numeric ``FIELD>=N``, ``FIELD<=N``, ``FIELD>N``, ``FIELD<N``.

    Raises:
        ConfigError: the text is not of that shape, or a comparison has no number.

    Example:
        >>> parse_group("level=city,provincial")
        GroupSelector(field='level', op='=', values=('city', 'provincial'))
    """
    match = _SPEC.match(spec or "")
    if match is None or not match.group(3):
        raise ConfigError(
            f"cannot read the group {spec!r}; write FIELD=VALUE (level=city), FIELD=V1,V2, "
            f"FIELD!=VALUE or FIELD>=NUMBER (year>=2020)"
        )
    field, op, raw = match.groups()
    op = "=" if op == "==" else op
    values = tuple(v.strip() for v in raw.split(",") if v.strip()) if op in ("=", "!=") else (raw,)
    if op not in ("=", "!=") and _number(raw) is None:
        raise ConfigError(f"the group {spec!r} compares {field} with {raw!r}, which is not a number")
    return GroupSelector(field, op, values)


def as_predicate(spec: SelectorLike | None) -> Callable[[Document], bool]:
    """Turn any selector form into a function ``document -> bool`` (None: every document).

    Raises:
        ConfigError: a string selector cannot be read.
    """
    if spec is None:
        return lambda document: True
    if isinstance(spec, GroupSelector):
        return spec
    if isinstance(spec, str):
        return parse_group(spec)
    if isinstance(spec, Mapping):
        tests = [
            GroupSelector(str(k), "=", tuple(map(str, v)) if _is_seq(v) else (str(v),))
            for k, v in spec.items()
        ]
        return _all(tests)
    if callable(spec):
        return spec
    if _is_seq(spec):
        return _all([as_predicate(s) for s in spec])
    raise ConfigError(f"cannot select documents with {spec!r}; give FIELD=VALUE, a mapping or a function")


def describe(spec: SelectorLike) -> str:
    """A selector as the user would write it: ``level=city and year>=2020``."""
    if isinstance(spec, (str, GroupSelector)):
        return str(spec)
    if isinstance(spec, Mapping):
        return " and ".join(f"{k}={','.join(map(str, v)) if _is_seq(v) else v}" for k, v in spec.items())
    if _is_seq(spec):
        return " and ".join(describe(s) for s in spec)
    return getattr(spec, "__name__", "a function")


def as_grouper(by: GrouperLike) -> Callable[[Document], Any]:
    """Turn ``by`` (a field name, a function or None) into ``document -> group``."""
    if by is None:
        return lambda document: "all"
    if isinstance(by, str):
        field = by
        return lambda document: group_value(document, field)
    if callable(by):
        return by
    raise ConfigError(f"cannot group documents by {by!r}; give a metadata field name or a function")


def group_sort_key(value: Any) -> tuple[int, float, str]:
    """Order groups: numbers by value, then text, then :data:`MISSING` last."""
    if value == MISSING:
        return (2, 0.0, "")
    number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if number is not None:
        return (0, float(number), "")
    return (1, 0.0, str(value))


def _all(tests: Iterable[Callable[[Document], bool]]) -> Callable[[Document], bool]:
    tests = list(tests)
    return lambda document: all(t(document) for t in tests)


def _is_seq(value: Any) -> bool:
    return isinstance(value, (list, tuple, set, frozenset))


def _text(value: Any) -> str:
    return str(value).strip().casefold()


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        return None
