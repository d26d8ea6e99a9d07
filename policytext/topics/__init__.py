"""Topic models that a scholar can defend: K chosen by coherence, prevalence over time, reproducible.

The stage reads documents, cuts them into units (paragraphs by default), fits
NMF (scikit-learn) or LDA (gensim) on the segmentation stage's tokens, chooses
K by coherence measured on the corpus itself, and reports topic prevalence by
metadata with bootstrap intervals and representative passages with citations::

    units = topic_units(documents, unit="paragraph")     # TopicUnit, with citations
    sweep = sweep_topics(units, "5:30:5", seed=42)        # one model per K, c_npmi/c_v, the choice
    write_topics("out", sweep, units, by=["year"])         # CSVs, SVG charts, model, HTML

Modules: ``units`` (what a unit is), ``estimator`` (:class:`TopicModel`,
:func:`load_topics`), ``coherence`` (NPMI and C_V over paragraphs), ``sweep``
(K by coherence), ``prevalence`` (shares by group, representative passages),
``report`` (the output folder).
"""

from __future__ import annotations

from .coherence import CoherenceReference, coherence_cv, coherence_npmi
from .estimator import TOPIC_MODELS, TopicModel, frex_scores, load_topics
from .prevalence import MISSING_GROUP, representative_units, topic_prevalence, unit_groups
from .report import write_topics
from .sweep import TopicSweep, parse_k, sweep_topics
from .units import UNIT_KINDS, TopicUnit, filename_year, paragraph_spans, remove_boilerplate, topic_units

__all__ = [
    "CoherenceReference",
    "MISSING_GROUP",
    "TOPIC_MODELS",
    "TopicModel",
    "TopicSweep",
    "TopicUnit",
    "UNIT_KINDS",
    "coherence_cv",
    "coherence_npmi",
    "filename_year",
    "frex_scores",
    "load_topics",
    "paragraph_spans",
    "parse_k",
    "remove_boilerplate",
    "representative_units",
    "sweep_topics",
    "topic_prevalence",
    "topic_units",
    "unit_groups",
    "write_topics",
]
