"""The editable knowledge of the obligations stage: deontic cues and actor heads.

Both live as YAML under ``models/`` (``deontic/zh.yaml``, ``deontic/en.yaml``,
``actors.yaml``) and are compiled here into regular expressions once per file.
A bad file raises :class:`~policytext.errors.ConfigError` naming the file and the
key that is wrong.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._resources import model_path
from ..errors import ConfigError, choices_hint

__all__ = [
    "MODALITIES",
    "REGISTERS",
    "ACTOR_TYPES",
    "Cue",
    "DeonticLexicon",
    "ActorLexicon",
    "load_deontic_lexicon",
    "load_actor_lexicon",
]

#: The five classes, in the order tables list them.
MODALITIES: tuple[str, ...] = ("obligation", "prohibition", "permission", "encouragement", "none")

#: The registers a text is read in: ``normative`` (laws, charters, contracts,
#: notices: "will" states a duty as "shall" does) or ``programme`` (work reports,
#: plans, speeches: "We will…" announces what the government intends to do).
REGISTERS: tuple[str, ...] = ("normative", "programme")

#: The actor types of ``models/actors.yaml``, in the order tables list them.
ACTOR_TYPES: tuple[str, ...] = (
    "government",
    "education authority",
    "other department",
    "school",
    "enterprise",
    "industry body",
    "consortium body",
    "teacher",
    "student",
    "other",
)

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class Cue:
    """One cue of the lexicon: a word, its modality, and the neighbours that cancel it."""

    text: str
    modality: str
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    relative_gap: int | None = None
    requires_agent: bool = False
    not_before_re: re.Pattern[str] | None = None
    not_after_re: re.Pattern[str] | None = None
    predicate_only: bool = False


@dataclass(frozen=True)
class DeonticLexicon:
    """A compiled deontic cue lexicon for one language (see ``models/deontic/zh.yaml``)."""

    lang: str
    source: str
    cues: tuple[Cue, ...]
    cue_pattern: re.Pattern[str]
    by_text: Mapping[str, Cue]
    possibility: tuple[str, ...]
    possibility_pattern: re.Pattern[str] | None
    negated_obligation_pattern: re.Pattern[str] | None
    chain_joiners: tuple[str, ...]
    relative_gap: int
    relative_except: tuple[str, ...]
    scope: Mapping[str, tuple[str, ...]]
    lead_in: Mapping[str, tuple[str, ...]]
    deadline_patterns: tuple[re.Pattern[str], ...]
    embedding_pattern: re.Pattern[str] | None = None
    patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()
    encouragement_adverbs: tuple[str, ...] = ()
    relative_embedding: tuple[str, ...] = ()
    # register -> cues that state no duty in it (English ``will`` in a work report)
    register_skip: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)

    def cancelled(self, cue: Cue, text: str, start: int, end: int) -> bool:
        """Return True when the neighbours of a match say it is not this cue."""
        after = text[end : end + 12]
        before = text[max(0, start - 12) : start]
        if cue.not_before_re is not None and cue.not_before_re.match(text, end):
            return True
        if cue.not_after_re is not None and cue.not_after_re.search(before):
            return True
        if self.lang == "en":
            after = after.lstrip().lower()
            before = before.rstrip().lower()
            return any(_word_prefix(after, w) for w in cue.not_before) or any(
                _word_suffix(before, w) for w in cue.not_after
            )
        return any(after.startswith(w) for w in cue.not_before) or any(
            before.endswith(w) for w in cue.not_after
        )


def _word_prefix(text: str, words: str) -> bool:
    if not text.startswith(words):
        return False
    rest = text[len(words) :]
    return not rest or not rest[0].isalnum()


def _word_suffix(text: str, words: str) -> bool:
    if not text.endswith(words):
        return False
    head = text[: len(text) - len(words)]
    return not head or not head[-1].isalnum()


@dataclass(frozen=True)
class ActorLexicon:
    """A compiled actor lexicon: heads, the type each gives, and a head-finding pattern."""

    source: str
    types: Mapping[str, str]  # head (lower-cased for English) -> actor type
    zh_pattern: re.Pattern[str]
    en_pattern: re.Pattern[str]
    # English nouns that name things, never parties, although contracts capitalise
    # them (This Agreement, the Term, Rent): a capitalised name ending in one is no bearer
    en_things: frozenset[str] = frozenset()

    def type_of_head(self, head: str) -> str:
        """The actor type of a head word (``other`` when it is unknown)."""
        t = self.types.get(head) or self.types.get(head.lower())
        if t is None and head.lower().endswith("s"):
            low = head.lower()
            t = self.types.get(low[:-1]) or self.types.get(low[:-2])
        return t or "other"


def _as_tuple(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read lexicon ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a lexicon must be a YAML mapping")
    return data


def _regex_entries(entries: list[str], where: str, *, suffix: bool) -> re.Pattern[str] | None:
    """Compile the ``re:`` entries of not_before (matched right after) / not_after (right before)."""
    if not entries:
        return None
    body = "|".join(f"(?:{e[3:]})" for e in entries)
    try:
        return re.compile(f"(?:{body})$" if suffix else body)
    except re.error as exc:
        raise ConfigError(f"{where}: bad regular expression in {entries} ({exc})") from exc


def _cue_regex(text: str, lang: str) -> str:
    if lang == "en":
        words = [re.escape(w) for w in text.split()]
        return r"\b" + r"\s+".join(words) + r"\b"
    return re.escape(text)


@functools.lru_cache(maxsize=16)
def _load_deontic(path_str: str) -> DeonticLexicon:
    path = Path(path_str)
    data = _read_yaml(path)
    lang = str(data.get("lang") or "zh")
    if lang not in ("zh", "en"):
        raise ConfigError(f"{path}: 'lang' must be zh or en, not {lang!r}")
    raw = data.get("cues")
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: needs a 'cues' mapping of modality -> list of cues")
    cues: list[Cue] = []
    for modality, entries in raw.items():
        if modality not in MODALITIES or modality == "none":
            raise ConfigError(
                f"{path}: unknown modality {modality!r} under 'cues'; "
                f"choose from {', '.join(m for m in MODALITIES if m != 'none')}"
            )
        for entry in entries or ():
            if isinstance(entry, str):
                cues.append(Cue(entry if lang == "zh" else entry.lower(), modality))
            elif isinstance(entry, dict) and isinstance(entry.get("cue"), str):
                where = f"{path}: cue {entry['cue']!r}"
                text = entry["cue"] if lang == "zh" else entry["cue"].lower()
                nb = _as_tuple(entry.get("not_before"), where, "not_before")
                na = _as_tuple(entry.get("not_after"), where, "not_after")
                if lang == "en":
                    nb = tuple(w.lower() for w in nb)
                    na = tuple(w.lower() for w in na)
                nb_re = _regex_entries([w for w in nb if w.startswith("re:")], where, suffix=False)
                na_re = _regex_entries([w for w in na if w.startswith("re:")], where, suffix=True)
                gap = entry.get("relative_gap")
                if gap is not None and not isinstance(gap, int):
                    raise ConfigError(f"{where}: 'relative_gap' must be an integer")
                cues.append(
                    Cue(
                        text,
                        modality,
                        tuple(w for w in nb if not w.startswith("re:")),
                        tuple(w for w in na if not w.startswith("re:")),
                        gap,
                        bool(entry.get("requires_agent", False)),
                        nb_re,
                        na_re,
                        bool(entry.get("predicate_only", False)),
                    )
                )
            else:
                raise ConfigError(f"{path}: each cue under {modality!r} is a word or a mapping with 'cue'")
    if not cues:
        raise ConfigError(f"{path}: the lexicon has no cues")
    by_text: dict[str, Cue] = {}
    for cue in cues:
        if cue.text in by_text:
            raise ConfigError(f"{path}: cue {cue.text!r} is listed twice")
        by_text[cue.text] = cue
    # Longest first, so that the alternation prefers 不应当 to 应当 at the same place.
    ordered = sorted(by_text, key=len, reverse=True)
    flags = re.IGNORECASE if lang == "en" else 0
    cue_pattern = re.compile("|".join(_cue_regex(t, lang) for t in ordered), flags)
    possibility = _as_tuple(data.get("possibility"), str(path), "possibility")
    poss_pattern = (
        re.compile("|".join(_cue_regex(t, lang) for t in sorted(possibility, key=len, reverse=True)), flags)
        if possibility
        else None
    )
    negated = _as_tuple(data.get("negated_obligation"), str(path), "negated_obligation")
    neg_pattern = (
        re.compile("|".join(_cue_regex(t, lang) for t in sorted(negated, key=len, reverse=True)), flags)
        if negated
        else None
    )
    scope_raw = data.get("scope") or {}
    if not isinstance(scope_raw, dict):
        raise ConfigError(f"{path}: 'scope' must be a mapping")
    scope = {k: _as_tuple(v, str(path), f"scope.{k}") for k, v in scope_raw.items()}
    lead_raw = data.get("lead_in") or {}
    if not isinstance(lead_raw, dict):
        raise ConfigError(f"{path}: 'lead_in' must be a mapping")
    for key in lead_raw:
        if key not in MODALITIES:
            raise ConfigError(f"{path}: unknown modality {key!r} under 'lead_in'")
    lead_in = {k: _as_tuple(v, str(path), f"lead_in.{k}") for k, v in lead_raw.items()}
    deadlines = []
    for i, pat in enumerate(_as_tuple(data.get("deadline"), str(path), "deadline")):
        try:
            deadlines.append(re.compile(pat, flags))
        except re.error as exc:
            raise ConfigError(
                f"{path}: deadline pattern {i + 1} is not a valid regular expression ({exc})"
            ) from exc
    pattern_cues: list[tuple[str, re.Pattern[str]]] = []
    raw_patterns = data.get("patterns") or {}
    if not isinstance(raw_patterns, dict):
        raise ConfigError(f"{path}: 'patterns' must map a modality to a list of regular expressions")
    for modality, pats in raw_patterns.items():
        if modality not in MODALITIES or modality == "none":
            raise ConfigError(f"{path}: unknown modality {modality!r} under 'patterns'")
        for pat in _as_tuple(pats, str(path), f"patterns.{modality}"):
            try:
                pattern_cues.append((str(modality), re.compile(pat, flags)))
            except re.error as exc:
                raise ConfigError(f"{path}: bad regular expression {pat!r} under 'patterns' ({exc})") from exc
    embedding = _as_tuple(data.get("embedding"), str(path), "embedding")
    try:
        embedding_pattern = re.compile("|".join(f"(?:{e})" for e in embedding), flags) if embedding else None
    except re.error as exc:
        raise ConfigError(f"{path}: bad regular expression under 'embedding' ({exc})") from exc
    registers_raw = data.get("registers") or {}
    if not isinstance(registers_raw, dict):
        raise ConfigError(f"{path}: 'registers' must map a register to {{not_deontic: [cues]}}")
    register_skip: dict[str, tuple[str, ...]] = {}
    for name, spec in registers_raw.items():
        if name not in REGISTERS:
            raise ConfigError(
                f"{path}: unknown register {name!r} under 'registers'; {choices_hint(name, REGISTERS)}"
            )
        if not isinstance(spec, dict):
            raise ConfigError(f"{path}: register {name!r} must map 'not_deontic' to a list of cues")
        skip = _as_tuple(spec.get("not_deontic"), str(path), f"registers.{name}.not_deontic")
        register_skip[str(name)] = tuple(w.lower() if lang == "en" else w for w in skip)
    try:
        gap = int(data.get("relative_gap", 3))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: 'relative_gap' must be an integer") from exc
    return DeonticLexicon(
        lang=lang,
        source=str(path),
        cues=tuple(cues),
        cue_pattern=cue_pattern,
        by_text=by_text,
        possibility=possibility,
        possibility_pattern=poss_pattern,
        negated_obligation_pattern=neg_pattern,
        chain_joiners=_as_tuple(data.get("chain_joiners"), str(path), "chain_joiners"),
        relative_gap=gap,
        relative_except=_as_tuple(data.get("relative_except"), str(path), "relative_except"),
        scope=scope,
        lead_in=lead_in,
        deadline_patterns=tuple(deadlines),
        embedding_pattern=embedding_pattern,
        patterns=tuple(pattern_cues),
        encouragement_adverbs=_as_tuple(
            data.get("encouragement_adverbs"), str(path), "encouragement_adverbs"
        ),
        relative_embedding=_as_tuple(data.get("relative_embedding"), str(path), "relative_embedding"),
        register_skip=register_skip,
    )


def load_deontic_lexicon(path: PathLike | None = None, *, lang: str = "zh") -> DeonticLexicon:
    """Load a deontic cue lexicon (YAML), the shipped one for ``lang`` by default.

    Args:
        path: a YAML file in the format of ``models/deontic/zh.yaml``; None for
            the shipped lexicon of ``lang``.
        lang: ``zh`` or ``en``, used when ``path`` is None.

    Returns:
        The compiled lexicon (cached per file).

    Raises:
        ConfigError: the file is missing, not YAML, or has a bad entry.
    """
    if path is None:
        if lang not in ("zh", "en"):
            raise ConfigError(f"no deontic lexicon for language {lang!r}; choose one of: zh, en")
        resolved = model_path(f"deontic/{lang}.yaml")
    else:
        resolved = Path(path)
        if not resolved.is_file():
            raise ConfigError(f"{resolved}: no such lexicon file")
    return _load_deontic(str(resolved.resolve()))


@functools.lru_cache(maxsize=8)
def _load_actors(path_str: str) -> ActorLexicon:
    path = Path(path_str)
    data = _read_yaml(path)
    raw = data.get("types")
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: needs a 'types' mapping of actor type -> {{zh: [...], en: [...]}}")
    types: dict[str, str] = {}
    zh_heads: list[str] = []
    en_heads: list[str] = []
    for actor_type, langs in raw.items():
        if not isinstance(langs, dict):
            raise ConfigError(f"{path}: type {actor_type!r} must map zh/en to lists of heads")
        for lang_key, heads in langs.items():
            for head in _as_tuple(heads, f"{path}: type {actor_type!r}", lang_key):
                key = head if lang_key == "zh" else head.lower()
                types.setdefault(key, str(actor_type))
                (zh_heads if lang_key == "zh" else en_heads).append(key)
    if not types:
        raise ConfigError(f"{path}: the actor lexicon has no heads")
    # a head ending in 部 (财政部) must not swallow the 部 of 部门
    alternatives = [
        re.escape(h) + ("(?![门署分])" if h.endswith("部") else "")
        for h in sorted(set(zh_heads), key=len, reverse=True)
    ]
    alternatives += _suffix_heads(data.get("suffix_heads"), path, types)
    zh = "|".join(alternatives) or "(?!)"
    en = (
        # English heads match their plural too (schools, departments)
        "|".join(r"\b" + re.escape(h) + r"(?:s|es)?\b" for h in sorted(set(en_heads), key=len, reverse=True))
        or "(?!)"
    )
    things = frozenset(w.lower() for w in _as_tuple(data.get("en_things"), str(path), "en_things"))
    return ActorLexicon(
        source=str(path),
        types=types,
        zh_pattern=re.compile(zh),
        en_pattern=re.compile(en, re.IGNORECASE),
        en_things=things,
    )


def _suffix_heads(raw: Any, path: Path, types: dict[str, str]) -> list[str]:
    """Compile ``suffix_heads``: one-character heads (局, 厅, 者) that end a bearer
    only after another character and not after the words listed (布局, 或者); a
    head with ``only_after`` ends a bearer only after one of those words (检察长,
    董事长, but not 增长, 延长)."""
    if raw is None:
        return []
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{path}: 'suffix_heads' must map a head to {{type, not_after, not_before, only_after}}"
        )
    out = []
    for head, spec in raw.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("type"), str):
            raise ConfigError(f"{path}: suffix head {head!r} needs a 'type'")
        where = f"{path}: suffix head {head!r}"
        not_after = _as_tuple(spec.get("not_after"), where, "not_after")
        not_before = _as_tuple(spec.get("not_before"), where, "not_before")
        only_after = _as_tuple(spec.get("only_after"), where, "only_after")
        types.setdefault(str(head), spec["type"])
        guard = "".join(f"(?<!{re.escape(w)})" for w in not_after)
        if only_after:
            guard += "(?:" + "|".join(f"(?<={re.escape(w)})" for w in only_after) + ")"
        ahead = f"(?!{'|'.join(re.escape(w) for w in not_before)})" if not_before else ""
        out.append(f"(?<=[\u4e00-\u9fff]){guard}{re.escape(str(head))}{ahead}")
    return out


def load_actor_lexicon(path: PathLike | None = None) -> ActorLexicon:
    """Load the actor lexicon (YAML): heads and the actor type each gives.

    Args:
        path: a YAML file in the format of ``models/actors.yaml``; None for the
            shipped one.

    Returns:
        The compiled lexicon (cached per file).

    Raises:
        ConfigError: the file is missing, not YAML, or malformed.
    """
    resolved = model_path("actors.yaml") if path is None else Path(path)
    if not resolved.is_file():
        raise ConfigError(f"{resolved}: no such actor lexicon file")
    return _load_actors(str(resolved.resolve()))
