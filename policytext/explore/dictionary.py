"""Dictionary coding: count the words of each category of a dictionary, per document and per group.

A dictionary is a tree of categories (quanteda's dictionaries, KH Coder's
coding rules), written in YAML: a category holds either a list of entries or
further categories. Either the tree is the whole file (quanteda's YAML form),
or it sits under ``categories:`` next to ``name``, ``description`` and
``reference``::

    name: policy_instruments
    reference: Rothwell & Zegveld (1981)
    categories:
      supply:
        人才培养: [人才培养, 职业培训, 培训*]
        资金投入: [专项资金, 资金投入]

An entry is a word or phrase, or a glob pattern: ``*`` stands for any run of
word characters, ``?`` for one. Matching is on token boundaries, as in
:func:`policytext.kwic`: ``资金投入`` matches where the text holds 资金投入 from
the start of a token to the end of a token, however the segmenter cut it
inside; ``补贴*`` matches the tokens that begin with 补贴 (a trailing ``*``
reaches to the end of the token), ``*补贴`` the tokens that end with it.
Latin letters match without regard to case (when the stream lower-cases);
words of a phrase separated by spaces match across any whitespace.

Counting: each match counts once for its category and once for every
ancestor; overlapping matches inside one category (``补贴*`` and 价格补贴 on
the same text) count once, the longest kept. ``share`` is a category's count
over the document's content tokens (those a term table counts).
"""

from __future__ import annotations

import bisect
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._typing import PathLike
from ..errors import ConfigError
from ..model import Document, Failure, _Row
from ._groups import GrouperLike, as_grouper, group_sort_key
from ._tokens import TokenStream, as_documents

if TYPE_CHECKING:
    from ..segment import Segmenter

__all__ = [
    "Dictionary",
    "load_dictionary",
    "CodingRow",
    "DictionaryCoding",
    "code_documents",
    "SHIPPED_DICTIONARIES",
]

#: Dictionaries shipped in ``models/dictionaries/``, by name.
SHIPPED_DICTIONARIES = ("policy_instruments",)
#: The separator of category paths: ``supply.人才培养``.
SEP = "."


@dataclass
class Dictionary:
    """A coding dictionary: categories (nested), each with entries.

    Attributes:
        categories: every category path (``supply``, ``supply.人才培养`` ...),
            parents before children, in file order, with the entries of that
            category itself (a parent's own list is empty).
        name: the dictionary's name.
        description: what it codes.
        reference: where its scheme comes from.
        source: the file it was read from (empty when built in code).
    """

    categories: dict[str, list[str]]
    name: str = ""
    description: str = ""
    reference: str = ""
    source: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "") -> Dictionary:
        """Build a dictionary from a parsed YAML mapping (either form; see the module docstring).

        Raises:
            ConfigError: the mapping is not a tree of categories and lists of entries.
        """
        where = f"{source}: " if source else ""
        if not isinstance(data, Mapping):
            raise ConfigError(
                f"{where}a dictionary is a YAML mapping of categories, not {type(data).__name__}"
            )
        meta: dict[str, str] = {}
        tree: Any = data
        if isinstance(data.get("categories"), Mapping):
            tree = data["categories"]
            meta = {k: str(data.get(k) or "") for k in ("name", "description", "reference")}
        categories: dict[str, list[str]] = {}
        _walk(tree, (), categories, where)
        if not categories:
            raise ConfigError(f"{where}the dictionary has no categories")
        if not any(categories.values()):
            raise ConfigError(f"{where}the dictionary has no entries")
        return cls(categories=categories, source=source, **meta)

    @property
    def leaves(self) -> list[str]:
        """The categories without subcategories."""
        return [c for c in self.categories if not any(o.startswith(c + SEP) for o in self.categories)]

    def ancestors(self, category: str) -> list[str]:
        """A category and every category above it: ``supply.人才培养`` -> [``supply.人才培养``, ``supply``]."""
        parts = category.split(SEP)
        return [SEP.join(parts[:k]) for k in range(len(parts), 0, -1)]

    def entries(self) -> list[tuple[str, str]]:
        """Every ``(category, entry)`` pair, in file order."""
        return [(c, e) for c, items in self.categories.items() for e in items]


def _walk(node: Any, path: tuple[str, ...], out: dict[str, list[str]], where: str) -> None:
    if isinstance(node, Mapping):
        for key, child in node.items():
            name = str(key).strip()
            if not name or SEP in name:
                raise ConfigError(
                    f"{where}bad category name {key!r}: names must be non-empty and hold no {SEP!r}"
                )
            sub = (*path, name)
            out[SEP.join(sub)] = []
            _walk(child, sub, out, where)
        return
    label = SEP.join(path) or "(top)"
    if not path:
        raise ConfigError(f"{where}a dictionary is a mapping of categories")
    if isinstance(node, str):
        node = [node]
    if not isinstance(node, (list, tuple)):
        raise ConfigError(f"{where}category {label!r}: expected a list of entries or subcategories")
    entries = []
    for item in node:
        if not isinstance(item, (str, int, float)) or not str(item).strip():
            raise ConfigError(f"{where}category {label!r}: entry {item!r} is not a word or pattern")
        entries.append(" ".join(str(item).split()))
    out[label] = entries


def load_dictionary(path: PathLike | str) -> Dictionary:
    """Read a coding dictionary from a YAML file, or a shipped one by name.

    Args:
        path: a YAML file, or a name in :data:`SHIPPED_DICTIONARIES`
            (``policy_instruments``: supply, environment and demand policy
            instruments after Rothwell & Zegveld 1981).

    Returns:
        The :class:`Dictionary`.

    Raises:
        ConfigError: the file is missing, is not YAML, or is not a dictionary.

    Example:
        >>> d = load_dictionary("policy_instruments")
        >>> [c for c in d.categories if SEP not in c]
        ['supply', 'environment', 'demand']
    """
    import yaml

    from .._resources import model_path

    name = os.fspath(path)
    if name in SHIPPED_DICTIONARIES:
        name = os.fspath(model_path(f"dictionaries/{name}.yaml"))
    elif not os.path.exists(name):
        raise ConfigError(
            f"{name}: no such dictionary file; give a YAML file or one of: {', '.join(SHIPPED_DICTIONARIES)}"
        )
    if not name.lower().endswith((".yaml", ".yml")):
        raise ConfigError(
            f"{name}: a coding dictionary is a YAML file (.yaml/.yml); a jieba word list goes to --user-dict"
        )
    try:
        with open(name, encoding="utf-8-sig") as fh:
            data = yaml.safe_load(fh)
    except OSError as exc:
        raise ConfigError(f"{name}: cannot read the dictionary ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{name}: the dictionary is not UTF-8; save it as UTF-8") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name}: not valid YAML ({exc})") from exc
    return Dictionary.from_dict(data, source=name)


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class _Pattern:
    category: str
    entry: str
    regex: re.Pattern[str]
    grow_left: bool  # a leading *: the match reaches back to the start of its token
    grow_right: bool  # a trailing *: the match reaches on to the end of its token
    anchor: str  # a literal piece that must be in the text for a match (quick test)


def _compile(category: str, entry: str, *, ignore_case: bool) -> _Pattern:
    grow_left = entry.startswith("*")
    grow_right = entry.endswith("*")
    core = entry.strip("*")
    if not core:
        raise ConfigError(f"category {category!r}: the entry {entry!r} matches everything")
    pieces = []
    for ch in core:
        if ch == "*":
            pieces.append(r"\w*?")
        elif ch == "?":
            pieces.append(r"\w")
        elif ch == " ":
            pieces.append(r"\s+")
        else:
            pieces.append(re.escape(ch))
    literal = max(re.split(r"[*? ]", core), key=len)
    flags = re.IGNORECASE if ignore_case else 0
    anchor = literal.lower() if ignore_case else literal
    return _Pattern(category, entry, re.compile("".join(pieces), flags), grow_left, grow_right, anchor)


class _Matcher:
    """Finds the entries of a dictionary in a document, on token boundaries."""

    def __init__(self, dictionary: Dictionary, *, ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        self.patterns = [_compile(c, e, ignore_case=ignore_case) for c, e in dictionary.entries()]

    def spans(self, text: str, starts: list[int], ends: list[int]) -> list[tuple[str, int, int]]:
        """Every ``(category, start, end)`` match in ``text``, given its token boundaries (sorted)."""
        start_set, end_set = set(starts), set(ends)
        folded = text.lower() if self.ignore_case else text
        out = []
        for pat in self.patterns:
            if pat.anchor not in folded:
                continue
            seen: set[tuple[int, int]] = set()
            pos = 0
            while True:
                m = pat.regex.search(text, pos)
                if m is None:
                    break
                pos = m.start() + 1
                a, b = m.span()
                if b <= a:
                    continue
                if pat.grow_left:
                    k = bisect.bisect_right(ends, a)  # the token that holds character a
                    if k >= len(starts) or starts[k] > a:
                        continue
                    a = starts[k]
                if pat.grow_right:
                    k = bisect.bisect_left(ends, b)  # the token that holds character b - 1
                    if k >= len(ends) or starts[k] >= b:
                        continue
                    b = ends[k]
                if a in start_set and b in end_set and (a, b) not in seen:
                    seen.add((a, b))
                    out.append((pat.category, a, b))
        return out


# --------------------------------------------------------------------------- coding


@dataclass
class CodingRow(_Row):
    """The count of one category in one document (or one group of documents).

    Attributes:
        group: the group's value (``all`` without grouping).
        doc: the document id; None in a group row.
        source: the document's path; empty in a group row.
        title: the document's title; empty in a group row.
        documents: 1 in a document row; the group's documents in a group row.
        category: the category path (``supply.人才培养``).
        depth: 1 for a top-level category, 2 below it, ...
        count: matches of the category and its subcategories.
        tokens: content tokens of the document (or group).
        share: ``count / tokens``.
        per_10k: ``count`` per 10,000 content tokens.
        terms: the matched words with their counts, most frequent first.
    """

    group: Any
    doc: str | None
    source: str
    title: str
    documents: int
    category: str
    depth: int
    count: int
    tokens: int
    share: float
    per_10k: float
    terms: dict[str, int] = field(default_factory=dict)


@dataclass
class DictionaryCoding:
    """The result of :func:`code_documents`.

    Attributes:
        dictionary: the dictionary used.
        documents: one row per document and category, in document order
            (empty when coded with ``per_document=False``).
        groups: one row per group and category (summed over the group's documents).
    """

    dictionary: Dictionary
    documents: list[CodingRow]
    groups: list[CodingRow]

    @property
    def categories(self) -> list[str]:
        """The category paths, parents before children."""
        return list(self.dictionary.categories)

    def wide(self, *, level: str = "document", value: str = "count") -> list[dict[str, Any]]:
        """One row per document (or group), one column per category (a document-feature matrix).

        Args:
            level: ``document`` or ``group``.
            value: ``count``, ``share`` or ``per_10k``.

        Raises:
            ConfigError: an unknown level or value.
        """
        if level not in ("document", "group"):
            raise ConfigError(f"unknown level {level!r}; choose one of: document, group")
        if value not in ("count", "share", "per_10k"):
            raise ConfigError(f"unknown value {value!r}; choose one of: count, share, per_10k")
        rows = self.documents if level == "document" else self.groups
        out: dict[Any, dict[str, Any]] = {}
        for row in rows:
            key = row.doc if level == "document" else row.group
            rec = out.get(key)
            if rec is None:
                rec = {"group": row.group}
                if level == "document":
                    rec.update(doc=row.doc, source=row.source, title=row.title)
                rec.update(documents=row.documents, tokens=row.tokens)
                out[key] = rec
            rec[row.category] = getattr(row, value)
        return list(out.values())


def code_documents(
    documents: Iterable[Document | Failure | str],
    dictionary: Dictionary | Mapping[str, Any] | PathLike | str = "policy_instruments",
    *,
    by: GrouperLike = None,
    per_document: bool = True,
    segmenter: Segmenter | None = None,
    lowercase: bool = True,
    numbers: bool = False,
    keep: Callable[[str], bool] | None = None,
) -> DictionaryCoding:
    """Code documents with a dictionary: matches per category, per document and per group.

    Args:
        documents: documents (e.g. from :func:`policytext.iter_documents`) or texts.
        dictionary: a :class:`Dictionary`, a mapping in the YAML layout, a YAML
            file, or the name of a shipped dictionary (default: ``policy_instruments``).
        by: a metadata field or function that groups documents (None: ``all``).
        per_document: keep the document rows; without them only the group
            rows are kept, so memory does not grow with the number of documents.
        segmenter: the :class:`~policytext.Segmenter` whose tokens set the
            boundaries and the content-token count; by default the shared one.
        lowercase: match Latin letters without regard to case.
        numbers, keep: what counts as a content token (see :class:`TokenStream`).

    Returns:
        The :class:`DictionaryCoding`: document rows and group rows, every
        category present in each (zeros included).

    Raises:
        ConfigError: the dictionary cannot be read.

    Example:
        >>> coding = code_documents(["加大资金投入，给予补贴。"], {"supply": ["资金投入"], "demand": ["补贴*"]})
        >>> [(r.category, r.count, r.terms) for r in coding.documents]
        [('supply', 1, {'资金投入': 1}), ('demand', 1, {'补贴': 1})]
    """
    if isinstance(dictionary, (str, os.PathLike)):
        dictionary = load_dictionary(dictionary)
    elif not isinstance(dictionary, Dictionary):
        dictionary = Dictionary.from_dict(dictionary)
    stream = TokenStream(segmenter, lowercase=lowercase, numbers=numbers, keep=keep)
    matcher = _Matcher(dictionary, ignore_case=lowercase)
    group_of = as_grouper(by)
    categories = list(dictionary.categories)
    doc_rows: list[CodingRow] = []
    group_terms: dict[Any, dict[str, Counter[str]]] = {}
    group_tokens: Counter[Any] = Counter()
    group_docs: Counter[Any] = Counter()
    for document in as_documents(documents):
        group = group_of(document)
        if group is None:
            continue
        terms, tokens = _code_one(document, stream, matcher, dictionary)
        for category in categories:
            found = terms.get(category, Counter())
            if per_document:
                doc_rows.append(_coding_row(group, document, 1, category, found, tokens))
            group_terms.setdefault(group, {}).setdefault(category, Counter()).update(found)
        group_tokens[group] += tokens
        group_docs[group] += 1
    group_rows = [
        _coding_row(g, None, group_docs[g], c, group_terms[g].get(c, Counter()), group_tokens[g])
        for g in sorted(group_terms, key=group_sort_key)
        for c in categories
    ]
    return DictionaryCoding(dictionary=dictionary, documents=doc_rows, groups=group_rows)


def _code_one(
    document: Document, stream: TokenStream, matcher: _Matcher, dictionary: Dictionary
) -> tuple[dict[str, Counter[str]], int]:
    text = document.text
    starts, ends, n_content = stream.boundaries(text)
    by_category: dict[str, list[tuple[int, int]]] = {}
    for category, a, b in matcher.spans(text, starts, ends):
        for name in dictionary.ancestors(category):
            by_category.setdefault(name, []).append((a, b))
    out: dict[str, Counter[str]] = {}
    for category, spans in by_category.items():
        kept = Counter()
        last_end = -1
        for a, b in sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0]))):
            if a < last_end:
                continue
            last_end = b
            word = " ".join(text[a:b].split())
            kept[word.lower() if matcher.ignore_case else word] += 1
        out[category] = kept
    return out, n_content


def _coding_row(
    group: Any, document: Document | None, n_docs: int, category: str, terms: Counter[str], tokens: int
) -> CodingRow:
    count = sum(terms.values())
    return CodingRow(
        group=group,
        doc=document.id if document is not None else None,
        source=document.source if document is not None else "",
        title=document.title if document is not None else "",
        documents=n_docs,
        category=category,
        depth=category.count(SEP) + 1,
        count=count,
        tokens=tokens,
        share=round(count / tokens, 6) if tokens else 0.0,
        per_10k=round(count / tokens * 10000, 4) if tokens else 0.0,
        terms=dict(sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
