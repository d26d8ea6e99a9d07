"""policytext: read, structure and compare policy documents, Chinese first.

The supported names are listed in ``__all__``; everything else is internal.
Names are imported on first use, so that ``import policytext`` stays cheap and a
command such as ``policytext tokenize`` does not pay for spaCy or gensim.

Example:
    >>> import policytext
    >>> doc = policytext.read("corpora/sample/national/directive.txt")  # doctest: +SKIP
    >>> clauses = policytext.parse(doc)                                   # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# name -> module that defines it. One section per stage, in the order data flows.
_EXPORTS: dict[str, str] = {
    # errors
    "PolicytextError": "errors",
    "InputError": "errors",
    "UnsupportedFormatError": "errors",
    "UnreadableDocumentError": "errors",
    "PasswordError": "errors",
    "EmptyDocumentError": "errors",
    "ConfigError": "errors",
    "UnknownStrategyError": "errors",
    "NotFittedError": "errors",
    # data model
    "Page": "model",
    "Clause": "model",
    "Document": "model",
    "Sentence": "model",
    "Target": "model",
    "Obligation": "model",
    "Alignment": "model",
    "Change": "model",
    "Failure": "model",
    # inputs: files, folders, JSONL, stores; metadata CSV
    "iter_documents": "corpus",
    "expand_paths": "corpus",
    "load_metadata": "corpus",
    "SUPPORTED_SUFFIXES": "corpus",
    # ingest
    "read": "ingest",
    "read_bytes": "ingest",
    "file_id": "ingest",
    "read_metadata": "ingest.metadata",
    # store
    "Store": "store",
    # structure (clause tree)
    "parse": "structure",
    "parse_warnings": "structure",
    "clause_at": "structure",
    "clause_locator": "structure",
    "CLAUSE_LEVELS": "structure",
    # segment (sentences, words, spaCy)
    # explore
    # topics
    # compare (targets, alignment, coverage)
    # obligations
    # diff
    # batch and report
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'policytext' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
