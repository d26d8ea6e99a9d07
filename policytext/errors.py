"""The exceptions policytext raises, and helpers that keep their wording uniform.

Every error the library raises on purpose derives from :class:`PolicytextError`,
so a caller (the command line among them) can catch one class::

    PolicytextError
     ├── InputError                 a file that cannot be used; names the file
     │    ├── UnsupportedFormatError    not a PDF, DOCX, HTML, TXT/MD, JSONL or store
     │    ├── UnreadableDocumentError   corrupt, truncated, looping, undecodable
     │    ├── PasswordError             encrypted: no password given, or a wrong one
     │    └── EmptyDocumentError        opens, but holds no text at all
     ├── ConfigError                a bad option, dictionary, lexicon or metadata file
     │    └── UnknownStrategyError      a named strategy that is not registered
     └── NotFittedError             an estimator used before ``fit``

Third-party exceptions are converted where they cross into policytext, with
``raise ... from`` so that ``--debug`` still shows the original.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable

__all__ = [
    "PolicytextError",
    "InputError",
    "UnsupportedFormatError",
    "UnreadableDocumentError",
    "PasswordError",
    "EmptyDocumentError",
    "ConfigError",
    "UnknownStrategyError",
    "NotFittedError",
    "choices_hint",
]


class PolicytextError(Exception):
    """Base class of every error policytext raises on purpose."""

    #: A short stable code, for scripts that branch on the kind of failure.
    code = "E000"


class InputError(PolicytextError):
    """An input file cannot be used; the message names the file and the reason."""

    code = "E100"

    def __init__(self, path: str | os.PathLike[str] | None, reason: str) -> None:
        self.path = os.fspath(path) if path is not None else None
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class UnsupportedFormatError(InputError):
    """The file is not in a format policytext reads."""

    code = "E101"


class UnreadableDocumentError(InputError):
    """The file claims a format it does not follow: corrupt, truncated or looping."""

    code = "E102"


class PasswordError(InputError):
    """The document is encrypted and no password, or a wrong one, was given."""

    code = "E103"


class EmptyDocumentError(InputError):
    """The document opens but holds no text at all."""

    code = "E104"


class ConfigError(PolicytextError):
    """An option, dictionary, lexicon or metadata file has a bad value."""

    code = "E200"


class UnknownStrategyError(ConfigError):
    """A strategy was asked for by a name that is not registered."""

    code = "E201"

    def __init__(self, kind: str, name: str, known: Iterable[str]) -> None:
        self.kind = kind
        self.name = name
        self.known = sorted(known)
        super().__init__(f"unknown {kind} {name!r}; {choices_hint(name, self.known)}")


class NotFittedError(PolicytextError):
    """An estimator was asked to transform or describe before it was fitted."""

    code = "E300"

    def __init__(self, obj: object, method: str = "transform") -> None:
        name = type(obj).__name__
        super().__init__(
            f"this {name} is not fitted yet; call {name}.fit(...) before .{method}(...)"
        )


def choices_hint(value: str, choices: Iterable[str]) -> str:
    """Say which values are accepted, and which one the caller probably meant.

    >>> choices_hint("lad", ["lda", "nmf"])
    "choose one of: lda, nmf (did you mean 'lda'?)"
    """
    choices = list(choices)
    hint = "choose one of: " + ", ".join(choices)
    close = difflib.get_close_matches(value, choices, n=1)
    if close:
        hint += f" (did you mean {close[0]!r}?)"
    return hint
