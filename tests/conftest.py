"""Shared fixtures: the real data in ../shared, the sample corpus, a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so that CI is reproducible;
# HYPOTHESIS_PROFILE=explore draws new ones (and keeps the failures it finds).
settings.register_profile("default", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample"
#: Real documents and gold standards; absent from a user's clone of the project.
SHARED = Path(os.environ.get("POLICYTEXT_SHARED", ROOT.parent / "shared")).resolve()


def macro_f1(pairs: list[tuple[str, str]], classes: list[str]) -> float:
    """Macro-averaged F1 of (gold, predicted) pairs over ``classes`` (0 for a class never right)."""
    from sklearn.metrics import f1_score

    gold, pred = zip(*pairs) if pairs else ((), ())
    return float(f1_score(gold, pred, labels=classes, average="macro", zero_division=0))


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs the shared data at {path} (not part of a user's clone)")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; tests that use it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"needs the shared data folder {SHARED} (not part of a user's clone)")
    return SHARED


@pytest.fixture(scope="session")
def sample() -> Path:
    """The bundled sample corpus."""
    return SAMPLE


@pytest.fixture()
def runner():
    """A click CliRunner that keeps stderr apart from stdout."""
    from click.testing import CliRunner

    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 always keeps them apart
        return CliRunner()


@pytest.fixture(scope="session")
def cli():
    """The ``policytext`` click group."""
    try:
        from policytext.cli.main import cli as group
    except ImportError:
        from cli.main import cli as group
    return group
