"""The register of an English text: normative (a rule book) or programme (a plan).

English puts duties and intentions in the same modal. In a charter, a contract
or a regulation "Members will pay the fee" is a duty, as "shall" would be; in a
government work report "We will vigorously develop vocational education"
announces what the government intends to do — the translation of 我们将 or of a
bare imperative (大力发展职业教育), which the Chinese rules do not read as a duty
either. "Must", "should" and "need to" stay duties in both registers (必须, 要,
需要 in the report's Chinese).

The register is read from the whole text: a text in which the speaker commits
itself ("we will / must / should / need to") more often than it speaks as a rule
book ("shall", "this Agreement", "hereby", "hereunder" …) is a programme. One
sentence on its own is read the same way, so that a lone "We will …" line is a
programme sentence while "Members will …" stays normative; pass the register
explicitly when you know it better.
"""

from __future__ import annotations

import re

from ..errors import ConfigError, choices_hint
from ._lexicon import REGISTERS

__all__ = ["detect_register", "check_register"]

_COMMITMENT = re.compile(
    r"\bwe\s+(?:(?:also|further|still|must|should)\s+)?(?:will|must|should|need\s+to|shall)\b", re.IGNORECASE
)
_RULE_BOOK = re.compile(
    r"\b(?i:shall)\b|\bhere(?:by|under|in|of|to|inafter)\b|"
    r"\b(?:this|the)\s+(?:Agreement|Contract|Lease|Charter|Constitution|Articles|Bylaws|By-laws|Regulations?|Rules|"
    r"Law|Act|Measures|Statute|License|Licence|Deed)\b",
)


def detect_register(text: str) -> str:
    """Guess whether an English text is ``normative`` or a ``programme``.

    Args:
        text: a whole document (or as much of it as you have); one sentence works too.

    Returns:
        ``programme`` when first-person commitments (we will, we must, we should,
        we need to) outnumber the marks of a rule book (shall, hereby, this
        Agreement …) more than twice over, else ``normative``.

    Example:
        >>> detect_register("We will cut taxes. We will also build 3 million homes.")
        'programme'
        >>> detect_register("Members will pay the fee. The Council shall meet twice a year.")
        'normative'
    """
    commitments = len(_COMMITMENT.findall(text))
    if commitments == 0:
        return "normative"
    rules = len(_RULE_BOOK.findall(text))
    return "programme" if commitments > 2 * rules else "normative"


def check_register(register: str | None) -> str | None:
    """Validate a register name (None passes through)."""
    if register is not None and register not in REGISTERS:
        raise ConfigError(f"unknown register {register!r}; {choices_hint(register, REGISTERS)}")
    return register
