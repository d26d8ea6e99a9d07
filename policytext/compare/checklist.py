"""Checklist mode: a charter or plan checked against a list of requirements.

A requirements file (YAML) lists items, each with an ``id``, the ``text`` of
the requirement, and optionally ``keywords`` (all of them should appear in the
clause that meets the item) and ``any_of`` (groups of alternative words; each
group needs one of its words)::

    name: 市域产教联合体建设要求（2023）
    items:
      - id: council
        text: 设立理事会等决策机构 ...
        keywords: [理事会]
        any_of:
          - [理事长, 理事, 决策, 议事]

:func:`check_requirements` scores every clause of the document (articles, or
task items of a plan) against every item and reports, per item:

- ``present``: one clause satisfies every keyword and every group (for an
  item with neither: its wording is close, similarity >= ``present_at``);
- ``partly``: the item's topic - its keywords, or its first ``any_of`` group
  when it has no keywords - is found in some clause, but no single clause
  satisfies everything; or the closest clause's wording is fairly close
  (similarity >= ``partly_at``);
- ``missing``: otherwise.

The evidence is the clause that satisfies the most (ties broken by wording
similarity: character n-gram TF-IDF cosine between the item text and the
clause), with the words it matched and the ones it lacks.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import Document
from .units import Unit, units_of

__all__ = ["Requirement", "RequirementResult", "load_requirements", "check_requirements"]


@dataclass(frozen=True)
class Requirement:
    """One item of a requirements checklist.

    Attributes:
        id: a short stable name (``council``).
        text: what is required, in a sentence.
        keywords: words that should all appear in the clause that meets it.
        any_of: groups of alternatives; each group needs one of its words.
    """

    id: str
    text: str
    keywords: tuple[str, ...] = ()
    any_of: tuple[tuple[str, ...], ...] = ()

    @property
    def groups(self) -> list[tuple[str, ...]]:
        """Every condition as a group of alternatives (a keyword is a group of one)."""
        return [(k,) for k in self.keywords] + [g for g in self.any_of if g]

    @property
    def topic(self) -> list[tuple[str, ...]]:
        """The conditions that say what the item is about: the keywords, else the first group."""
        if self.keywords:
            return [(k,) for k in self.keywords]
        return [g for g in self.any_of[:1] if g]


@dataclass
class RequirementResult:
    """The verdict on one requirement for one document.

    Attributes:
        doc: the document id.
        id: the requirement id.
        text: the requirement text.
        status: ``present``, ``partly`` or ``missing``.
        clause: the evidence clause's label (``第五条``, ``二、（一）``), or None.
        clause_id: its clause id, or None.
        evidence: the evidence clause's text (shortened), or ``""``.
        matched: keywords or groups satisfied by the evidence clause.
        lacking: keywords or groups it does not satisfy.
        coverage: share of conditions the evidence clause satisfies (0-1).
        similarity: wording similarity of the evidence clause to the item (0-1).
        pages: pages of the evidence clause.
    """

    doc: str
    id: str
    text: str
    status: str
    clause: str | None = None
    clause_id: str | None = None
    evidence: str = ""
    matched: list[str] = field(default_factory=list)
    lacking: list[str] = field(default_factory=list)
    coverage: float = 0.0
    similarity: float = 0.0
    pages: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the fields."""
        return {
            "doc": self.doc,
            "id": self.id,
            "text": self.text,
            "status": self.status,
            "clause": self.clause,
            "clause_id": self.clause_id,
            "evidence": self.evidence,
            "matched": list(self.matched),
            "lacking": list(self.lacking),
            "coverage": round(self.coverage, 3),
            "similarity": round(self.similarity, 3),
            "pages": list(self.pages),
        }


def _as_words(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ConfigError(f"{where}: expected a list of words")
    return tuple(str(v) for v in value if str(v))


def load_requirements(source: str | os.PathLike[str] | Sequence[Any] | dict[str, Any]) -> list[Requirement]:
    """Read a requirements checklist.

    Args:
        source: a YAML file path, the name of a shipped checklist
            (``consortium_2023``), a mapping with ``items``, or a list of items
            (dicts or :class:`Requirement`).

    Returns:
        The requirements, in file order.

    Raises:
        ConfigError: the file is missing or malformed (names the file and the item).
    """
    import yaml

    label = "requirements"
    data: Any = source
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists() and not path.suffix:
            from .._resources import model_path

            path = model_path(f"requirements/{path.name}.yaml")
        label = str(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"{path}: no such requirements file") from exc
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read the requirements file ({exc})") from exc
    if isinstance(data, dict):
        data = data.get("items")
    if not isinstance(data, (list, tuple)) or not data:
        raise ConfigError(f"{label}: expected a non-empty list of items (each with 'id' and 'text')")
    out: list[Requirement] = []
    seen: set[str] = set()
    for k, item in enumerate(data, 1):
        if isinstance(item, Requirement):
            out.append(item)
            continue
        where = f"{label}: item {k}"
        if not isinstance(item, dict) or not item.get("id") or not item.get("text"):
            raise ConfigError(f"{where}: each item needs an 'id' and a 'text'")
        rid = str(item["id"])
        if rid in seen:
            raise ConfigError(f"{where}: duplicate id {rid!r}")
        seen.add(rid)
        groups = item.get("any_of") or []
        if not isinstance(groups, list):
            raise ConfigError(f"{where} ({rid}): 'any_of' must be a list of word lists")
        out.append(
            Requirement(
                id=rid,
                text=str(item["text"]),
                keywords=_as_words(item.get("keywords"), f"{where} ({rid}) keywords"),
                any_of=tuple(_as_words(g, f"{where} ({rid}) any_of") for g in groups),
            )
        )
    return out


def _satisfied(group: tuple[str, ...], text: str) -> bool:
    return any(word in text for word in group)


def _group_name(group: tuple[str, ...]) -> str:
    return group[0] if len(group) == 1 else "|".join(group)


def check_requirements(
    document: Document,
    requirements: str | os.PathLike[str] | Iterable[Requirement] | dict[str, Any],
    *,
    present_at: float = 0.45,
    partly_at: float = 0.25,
    level: str = "auto",
) -> list[RequirementResult]:
    """Check a document against a requirements checklist, item by item.

    Args:
        document: a charter, plan or notice (parsed on the fly if needed).
        requirements: a checklist: a YAML path, a shipped name
            (``consortium_2023``), a mapping or a list (see :func:`load_requirements`).
        present_at: wording similarity that makes a keyword-less item present.
        partly_at: wording similarity that makes an item at least partly present.
        level: the clause level to check (``auto``: articles, else items).

    Returns:
        One :class:`RequirementResult` per item, in checklist order.

    Example:
        >>> results = check_requirements(charter, "consortium_2023")    # doctest: +SKIP
        >>> [(r.id, r.status, r.clause) for r in results][:2]          # doctest: +SKIP
        [('lead', 'present', '第三条'), ('park', 'present', '第二条')]
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    items = (
        load_requirements(requirements)
        if isinstance(requirements, (str, os.PathLike, dict))
        else load_requirements(list(requirements))
    )
    units: list[Unit] = units_of(document, level=level)
    texts = [u.text for u in units]
    sims = None
    if units:
        vec = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True)
        vec.fit(texts + [r.text for r in items])
        sims = (vec.transform([r.text for r in items]) @ vec.transform(texts).T).toarray()
    out: list[RequirementResult] = []
    for k, req in enumerate(items):
        groups = req.groups
        best, best_key = None, (-1.0, -1.0)
        for i, u in enumerate(units):
            cov = sum(_satisfied(g, u.text) for g in groups) / len(groups) if groups else 0.0
            sim = float(sims[k, i]) if sims is not None else 0.0
            key = (cov, sim)
            if key > best_key:
                best, best_key = i, key
        topic_found = bool(req.topic) and any(all(_satisfied(g, u.text) for g in req.topic) for u in units)
        cov, sim = best_key if best is not None else (0.0, 0.0)
        if groups:
            status = "present" if cov >= 1.0 else ("partly" if topic_found or sim >= partly_at else "missing")
        else:
            status = "present" if sim >= present_at else ("partly" if sim >= partly_at else "missing")
        if best is None or status == "missing":
            out.append(RequirementResult(doc=document.id, id=req.id, text=req.text, status="missing",
                                         lacking=[_group_name(g) for g in groups]))  # fmt: skip
            continue
        unit = units[best]
        out.append(
            RequirementResult(
                doc=document.id,
                id=req.id,
                text=req.text,
                status=status,
                clause=unit.label,
                clause_id=unit.clause_id,
                evidence=unit.text if len(unit.text) <= 200 else unit.text[:199] + "…",
                matched=[_group_name(g) for g in groups if _satisfied(g, unit.text)],
                lacking=[_group_name(g) for g in groups if not _satisfied(g, unit.text)],
                coverage=max(cov, 0.0),
                similarity=max(sim, 0.0),
                pages=list(unit.pages),
            )
        )
    return out
