"""Corpus exploration: the tables a scholar makes first (quanteda, KH Coder), Chinese first.

- :func:`term_frequencies` (:class:`TermCounts`): counts, rates per 10,000
  tokens, document frequencies and TF-IDF, by any metadata field.
- :func:`keyness`: log-likelihood (G²) or χ² keywords of a target group of
  documents against a reference group, with p-values and log ratios.
- :func:`collocations`: word pairs (or collocates of a node word) by PMI,
  NPMI, log-likelihood and t-score.
- :func:`kwic`: keyword in context, on token boundaries, each hit cited by
  document, clause, page and character span.
- :func:`coword_network`: terms co-occurring in sentences or clauses, as
  nodes and weighted edges, written as CSV, JSON or GEXF (Gephi).
- :func:`code_documents`: dictionary coding (categories with subcategories,
  glob entries) per document and per group; the shipped
  ``policy_instruments`` dictionary codes supply, environment and demand
  policy instruments (Rothwell & Zegveld 1981).

Every function reads documents one at a time (from
:func:`policytext.iter_documents`, or plain texts) and keeps counters, never the
texts. Tokens come from a :class:`~policytext.Segmenter` through a
:class:`TokenStream`, which sets what counts as a content token (stopwords,
punctuation and bare numbers dropped; an optional part-of-speech filter).
Groups and selections use metadata fields: ``by="level"``, ``"level=city"``,
``"year>=2020"`` (see :func:`parse_group`).

Example:
    >>> import policytext
    >>> docs = policytext.iter_documents(["corpora/sample/documents"],            # doctest: +SKIP
    ...                                  metadata="corpora/sample/metadata.csv")
    >>> policytext.keyness(docs, target="level=city", reference="level=national", top=10)  # doctest: +SKIP
"""

from __future__ import annotations

from ._groups import MISSING, GroupSelector, group_value, parse_group
from ._tokens import Token, TokenStream
from .collocations import COLLOCATION_SORTS, CollocationRow, collocations
from .cowords import COWORD_UNITS, CowordEdge, CowordNetwork, CowordNode, coword_network
from .dictionary import (
    SHIPPED_DICTIONARIES,
    CodingRow,
    Dictionary,
    DictionaryCoding,
    code_documents,
    load_dictionary,
)
from .keyness import KEYNESS_MEASURES, KeynessRow, keyness, keyness_from_counts
from .kwic import KwicRow, kwic
from .terms import TERM_SORTS, TermCounts, TermRow, count_terms, term_frequencies

__all__ = [
    "MISSING",
    "GroupSelector",
    "group_value",
    "parse_group",
    "Token",
    "TokenStream",
    "TERM_SORTS",
    "TermRow",
    "TermCounts",
    "count_terms",
    "term_frequencies",
    "KEYNESS_MEASURES",
    "KeynessRow",
    "keyness",
    "keyness_from_counts",
    "COLLOCATION_SORTS",
    "CollocationRow",
    "collocations",
    "KwicRow",
    "kwic",
    "COWORD_UNITS",
    "CowordNode",
    "CowordEdge",
    "CowordNetwork",
    "coword_network",
    "SHIPPED_DICTIONARIES",
    "Dictionary",
    "load_dictionary",
    "CodingRow",
    "DictionaryCoding",
    "code_documents",
]
