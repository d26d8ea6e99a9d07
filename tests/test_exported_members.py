"""The public surface: every name in __all__ resolves, is documented, and nothing drifts."""

from __future__ import annotations

import inspect

import pytest

import policytext


@pytest.mark.parametrize("name", [n for n in policytext.__all__ if n != "__version__"])
def test_public_name_resolves_and_has_docstring(name):
    obj = getattr(policytext, name)
    if inspect.isclass(obj) or inspect.isfunction(obj):
        assert inspect.getdoc(obj), f"policytext.{name} has no docstring"


def test_all_is_sorted_and_unique():
    names = [n for n in policytext.__all__ if n != "__version__"]
    assert names == sorted(set(names))


def test_unknown_name_raises_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        policytext.nope  # noqa: B018
