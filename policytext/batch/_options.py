"""The settings of a batch run, from keyword arguments, a YAML file or both."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import Any

from .._typing import PathLike
from ..errors import ConfigError, choices_hint

__all__ = ["RunOptions", "STAGES", "READ_OPTIONS", "PER_DOCUMENT_OPTIONS"]

#: The stages of a run, in the order they run. ``extract`` and ``structure``
#: always run; every other stage can be left out with ``skip``.
STAGES = (
    "extract",
    "structure",
    "segment",
    "obligations",
    "targets",
    "terms",
    "keyness",
    "cowords",
    "topics",
    "compare",
    "recurrence",
    "diff",
    "report",
)
_SKIPPABLE = frozenset(STAGES) - {"extract", "structure"}

#: Options that change what is read from a file.
READ_OPTIONS = ("engine", "password", "ocr")
#: Options that change a document's own results (so a stored document made
#: with other values is processed again).
PER_DOCUMENT_OPTIONS = READ_OPTIONS + ("skip",)


@dataclass
class RunOptions:
    """How :func:`policytext.run_pipeline` reads, analyses and reports a corpus.

    Every field can come from a YAML file (:meth:`from_yaml`), whose keys are
    the field names; keyword arguments override the file.

    Attributes:
        metadata: a metadata CSV (``file,id,title,level,year,role,parent ...``).
        national: files (or folders) of the national directives that local
            documents are compared with; they override the ``role`` column.
        template: the template charter that charters are diffed against.
        jobs: worker processes on this machine (1: work in this process).
        scheduler: address of a Dask scheduler (``tcp://host:8786``), or a
            ``distributed.Client``; the workers then do the per-document work
            and must see the input files at the same absolute paths.
        processes: use worker processes even when ``jobs`` is 1 (None: only
            when ``jobs`` > 1).
        in_flight: documents sent to workers and not yet written, at most
            (default 4 per worker); bounds the memory of a run.
        seed: the seed of every random choice (topic models, layouts,
            bootstrap, MinHash).
        engine, password, ocr: how files are read (see :func:`policytext.read`).
        skip: stages to leave out (see :data:`STAGES`).
        terms_top: terms per group in the frequency tables.
        keyness_top: keywords per direction in the keyness tables.
        cowords_top: terms in the co-word network.
        cowords_unit: the co-occurrence unit (``sentence``, ``clause``, ``document``).
        topics_k: the K values to sweep (``"4:12:2"``), or ``auto`` (a range
            from the corpus size).
        topics_model: ``nmf`` or ``lda``.
        topics_unit: ``paragraph``, ``sentence``, ``clause`` or ``document``.
        topics_by: metadata fields for topic prevalence (those with at least
            two values are used).
        topics_min_units: fewer units than this and no topic model is fitted.
        recurrence_min_docs: a recurring duty is found in at least this many documents.
        requirements: a requirements checklist (a shipped name such as
            ``consortium_2023``, or a YAML path) each charter is checked against.
    """

    metadata: str | None = None
    national: tuple[str, ...] = ()
    template: str | None = None
    jobs: int = 1
    scheduler: Any = None
    processes: bool | None = None
    in_flight: int | None = None
    seed: int = 42
    engine: str = "pdfplumber"
    password: str | None = None
    ocr: str = "auto"
    skip: tuple[str, ...] = ()
    terms_top: int = 50
    keyness_top: int = 30
    cowords_top: int = 40
    cowords_unit: str = "sentence"
    topics_k: str = "auto"
    topics_model: str = "nmf"
    topics_unit: str = "paragraph"
    topics_by: tuple[str, ...] = ("year", "level")
    topics_min_units: int = 40
    recurrence_min_docs: int = 2
    requirements: str | None = None

    def __post_init__(self) -> None:
        self.national = _paths(self.national)
        for name in ("metadata", "template", "requirements"):
            value = getattr(self, name)
            if isinstance(value, os.PathLike):
                setattr(self, name, os.fspath(value))
        self.skip = tuple(sorted(set(_names(self.skip))))
        self.topics_by = tuple(_names(self.topics_by))
        self.topics_k = str(self.topics_k)
        unknown = [s for s in self.skip if s not in _SKIPPABLE]
        if unknown:
            raise ConfigError(f"cannot skip the stage {unknown[0]!r}; {choices_hint(unknown[0], sorted(_SKIPPABLE))}")
        if int(self.jobs) < 1:
            raise ConfigError(f"--jobs must be at least 1, not {self.jobs}")
        if self.in_flight is not None and int(self.in_flight) < 1:
            raise ConfigError(f"in_flight must be at least 1, not {self.in_flight}")

    @classmethod
    def names(cls) -> list[str]:
        """The option names a YAML file may set."""
        return [f.name for f in dataclasses.fields(cls)]

    @classmethod
    def from_yaml(cls, path: PathLike, **overrides: Any) -> RunOptions:
        """Read options from a YAML mapping; ``overrides`` (not None) win over the file.

        Raises:
            ConfigError: the file is missing, is not a mapping, or names an unknown option.
        """
        import yaml

        try:
            with open(path, encoding="utf-8") as fh:
                data = yaml.safe_load(fh) or {}
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the run configuration ({exc.strerror})") from exc
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: not valid YAML ({exc})") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: the run configuration must be a mapping of option: value")
        data = {str(k).replace("-", "_"): v for k, v in data.items()}
        data.update({k: v for k, v in overrides.items() if v is not None})
        return cls.build(**data)

    @classmethod
    def build(cls, **settings: Any) -> RunOptions:
        """Make options from settings, unknown names reported rather than raised as TypeError."""
        known = cls.names()
        for name in settings:
            if name not in known:
                raise ConfigError(f"unknown run option {name!r}; {choices_hint(name, known)}")
        return cls(**settings)

    def replace(self, **settings: Any) -> RunOptions:
        """A copy with some settings changed (None values are ignored)."""
        data = {k: getattr(self, k) for k in self.names()}
        data.update({k: v for k, v in settings.items() if v is not None})
        return self.build(**data)

    def runs(self, stage: str) -> bool:
        """Whether ``stage`` runs."""
        return stage not in self.skip

    def to_dict(self) -> dict[str, Any]:
        """The options as JSON-ready data, for the manifest (no password; a client as its address)."""
        out: dict[str, Any] = {}
        for name in self.names():
            value = getattr(self, name)
            if name == "password":
                value = "(given)" if value else None
            elif name == "scheduler" and value is not None and not isinstance(value, str):
                value = str(getattr(value, "scheduler_address", None) or type(value).__name__)
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out

    def per_document(self) -> dict[str, Any]:
        """The settings that change a document's own results (part of its task key)."""
        out = {name: getattr(self, name) for name in READ_OPTIONS}
        out["skip"] = [s for s in self.skip if s in ("segment", "obligations", "targets")]
        return out


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _paths(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, os.PathLike)):
        return (os.fspath(value),)
    return tuple(os.fspath(v) for v in value)
