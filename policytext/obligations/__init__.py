"""Obligations: who must (not) or may do what, by when, and how often it recurs.

The stage reads sentences for deontic modality with a transparent rule system
whose knowledge lives in editable files (``models/deontic/zh.yaml``,
``models/deontic/en.yaml``, ``models/actors.yaml``):

- :class:`DeonticTagger` classifies a sentence or list item as ``obligation``
  (应当, 必须, 须, 应, 负责, 要 in notices; shall, must), ``prohibition`` (不得,
  禁止, 严禁; shall not), ``permission`` (可以, 有权, 享有; may, is entitled to),
  ``encouragement`` (鼓励, 支持, 倡导, 引导; is encouraged to) or ``none``, and
  finds the bearer, the action and the deadline. Every decision names its cue.
- :func:`extract_obligations` does it for a whole document, with citations
  (doc id, clause id and printed label, character span, page), letting the
  items of a list inherit the duty of their lead-in.
- :func:`obligations_from_lines` classifies each line of a text as a sentence.
- :func:`recurring_obligations` clusters near-duplicate duties across documents.
- :func:`actor_modality_matrix` counts duties by actor type and modality.

English is read in a register (:func:`detect_register`, from the whole document):
in a ``programme`` such as a government work report "We will…" announces an
intention and states no duty (as 我们将 does not), while must / should / need to
do; in a ``normative`` text (charter, contract, law) "Members will pay" is a duty.

Two bearers in one sentence: ``县级以上人民政府和有关部门应当…`` keeps the joined
bearer as written (one row; its type is that of the first bearer, and the
matrix counts every bearer); ``学校应当…，企业应当…`` gives two rows, one per
bearer, both citing the same sentence.

Example:
    >>> import policytext
    >>> r = policytext.deontic("各地要于每年年底前报送实施情况。")
    >>> (r.modality, r.cue, r.actor, r.actor_type, r.deadline)
    ('obligation', '要', '各地', 'government', '每年')
"""

from __future__ import annotations

from collections.abc import Sequence

from ._extract import default_tagger, extract_obligations, obligations_from_lines
from ._lexicon import (
    ACTOR_TYPES,
    MODALITIES,
    REGISTERS,
    ActorLexicon,
    DeonticLexicon,
    load_actor_lexicon,
    load_deontic_lexicon,
)
from ._recurrence import DutyCluster, recurring_obligations
from ._register import detect_register
from ._rules import Deontic, DeonticTagger, detect_lang
from ._tables import actor_modality_matrix, actor_types_of, plot_actor_modality

__all__ = [
    "MODALITIES",
    "REGISTERS",
    "ACTOR_TYPES",
    "Deontic",
    "DeonticTagger",
    "DeonticLexicon",
    "ActorLexicon",
    "DutyCluster",
    "deontic",
    "deontic_sequence",
    "classify_actor",
    "extract_obligations",
    "obligations_from_lines",
    "recurring_obligations",
    "actor_modality_matrix",
    "actor_types_of",
    "plot_actor_modality",
    "load_deontic_lexicon",
    "load_actor_lexicon",
    "detect_lang",
    "detect_register",
]


def deontic(
    text: str, *, lang: str | None = None, tagger: DeonticTagger | None = None, register: str | None = None
) -> Deontic:
    """Classify one sentence: the reading that decides it (``none`` when it has no duty).

    Args:
        text: a sentence or list item (Chinese or English).
        lang: ``zh`` or ``en``; guessed from the text when None.
        tagger: a :class:`DeonticTagger` with your own lexicons; the shared
            default otherwise.
        register: English only: ``normative`` (charters, contracts: "will" is a
            duty) or ``programme`` (work reports: "We will…" is an intention);
            guessed from the sentence when None (:func:`detect_register`).

    Returns:
        A :class:`Deontic` with modality, cue, actor, actor type, action, deadline.

    Example:
        >>> deontic("任何组织和个人不得挪用、克扣职业教育的经费。").modality
        'prohibition'
    """
    return (tagger or default_tagger()).classify(text, lang=lang, register=register)


def deontic_sequence(
    items: Sequence[str],
    *,
    lang: str | None = None,
    strict: bool = True,
    tagger: DeonticTagger | None = None,
    register: str | None = None,
) -> list[Deontic]:
    """Classify the sentences and items of one clause in order, with list inheritance.

    ``["企业应当履行下列职责：", "（一）制定培训计划；", "（二）接纳学生实习。"]``
    gives three obligations borne by 企业, the items' actions being their own text.

    Args:
        items: the sentences / list items of one clause, in order.
        lang: ``zh`` or ``en``; guessed per item when None.
        strict: items must be numbered 1, 2, 3 … after the lead-in to inherit.
        tagger: as for :func:`deontic`.
        register: as for :func:`deontic`; guessed from all the items when None.

    Returns:
        One :class:`Deontic` per item.
    """
    return (tagger or default_tagger()).classify_sequence(items, lang=lang, strict=strict, register=register)


def classify_actor(actor: str, *, lexicon: ActorLexicon | str | None = None) -> str:
    """The actor type of a bearer phrase from the actor lexicon.

    Args:
        actor: the bearer as written (县级以上地方人民政府教育行政部门).
        lexicon: an actor lexicon (loaded or a YAML path); the shipped one by default.

    Returns:
        The type of its first bearer (``education authority`` here), ``other``
        when no head is known, ``""`` for an empty string.
    """
    from ._actors import actor_type

    lex = lexicon if isinstance(lexicon, ActorLexicon) else load_actor_lexicon(lexicon)
    return actor_type(actor, lex)
