"""policytext: read, structure and compare policy documents, Chinese first.

The supported names are listed in ``__all__``; everything else is internal.
Names are imported on first use, so that ``import policytext`` stays cheap and a
command such as ``policytext tokenize`` does not pay for spaCy or gensim.

Example:
    >>> import policytext
    >>> doc = policytext.read("corpora/sample/sources/national/moe_2023_city-consortium-notice.txt")  # doctest: +SKIP
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
    "clause_citations": "structure",
    "CLAUSE_LEVELS": "structure",
    # segment (sentences, words, spaCy)
    "split_sentences": "segment",
    "sentences": "segment",
    "Segmenter": "segment",
    "tokenize": "segment",
    "segment_document": "segment",
    "nlp": "segment",
    "to_spacy": "segment",
    # explore
    "GroupSelector": "explore",
    "group_value": "explore",
    "parse_group": "explore",
    "Token": "explore",
    "TokenStream": "explore",
    "TERM_SORTS": "explore",
    "TermRow": "explore",
    "TermCounts": "explore",
    "count_terms": "explore",
    "term_frequencies": "explore",
    "KEYNESS_MEASURES": "explore",
    "KeynessRow": "explore",
    "keyness": "explore",
    "keyness_from_counts": "explore",
    "COLLOCATION_SORTS": "explore",
    "CollocationRow": "explore",
    "collocations": "explore",
    "KwicRow": "explore",
    "kwic": "explore",
    "COWORD_UNITS": "explore",
    "CowordNode": "explore",
    "CowordEdge": "explore",
    "CowordNetwork": "explore",
    "coword_network": "explore",
    "SHIPPED_DICTIONARIES": "explore",
    "Dictionary": "explore",
    "load_dictionary": "explore",
    "CodingRow": "explore",
    "DictionaryCoding": "explore",
    "code_documents": "explore",
    # topics
    "TopicModel": "topics",
    "TopicSweep": "topics",
    "TopicUnit": "topics",
    "TOPIC_MODELS": "topics",
    "UNIT_KINDS": "topics",
    "MISSING_GROUP": "topics",
    "CoherenceReference": "topics",
    "coherence_npmi": "topics",
    "coherence_cv": "topics",
    "filename_year": "topics",
    "frex_scores": "topics",
    "load_topics": "topics",
    "paragraph_spans": "topics",
    "parse_k": "topics",
    "remove_boilerplate": "topics",
    "representative_units": "topics",
    "sweep_topics": "topics",
    "topic_prevalence": "topics",
    "topic_units": "topics",
    "unit_groups": "topics",
    "write_topics": "topics",
    # compare (targets, alignment, coverage)
    "extract_targets": "compare",
    "TargetLexicon": "compare",
    "parse_number": "compare",
    "find_quantities": "compare",
    "Quantity": "compare",
    "Aligner": "compare",
    "compare_documents": "compare",
    "ComparisonResult": "compare",
    "compare_targets": "compare",
    "check_requirements": "compare",
    "load_requirements": "compare",
    "Requirement": "compare",
    "RequirementResult": "compare",
    # obligations
    "Deontic": "obligations",
    "DeonticTagger": "obligations",
    "DutyCluster": "obligations",
    "deontic": "obligations",
    "deontic_sequence": "obligations",
    "classify_actor": "obligations",
    "extract_obligations": "obligations",
    "obligations_from_lines": "obligations",
    "recurring_obligations": "obligations",
    "actor_modality_matrix": "obligations",
    "plot_actor_modality": "obligations",
    "load_deontic_lexicon": "obligations",
    "load_actor_lexicon": "obligations",
    "MODALITIES": "obligations",
    "ACTOR_TYPES": "obligations",
    "detect_register": "obligations",
    # diff
    "diff_documents": "diff",
    "DiffResult": "diff",
    "redline_html": "diff",
    "redline_markdown": "diff",
    "redline_docx": "diff",
    # batch and report
    "run_pipeline": "batch",
    "RunOptions": "batch",
    "RunResult": "batch",
    "RunEvents": "batch",
    "build_report": "report",
    "write_table": "report",
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
