"""The notebooks in notebooks/: committed without outputs, public names only, and they run."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

import policytext

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
TIMEOUT = 300


def _code(path: Path) -> list[str]:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code"]


def test_the_two_notebooks_are_there():
    assert [p.name for p in NOTEBOOKS] == ["drafter_charter_review.ipynb", "scholar_analysis.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "clear the outputs before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_uses_only_public_names(path):
    public = set(policytext.__all__)
    for source in _code(path):
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("policytext"):
                pytest.fail(f"{path.name}: 'from {node.module} import ...': use policytext.NAME instead")
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name == "policytext" or not alias.name.startswith("policytext"), alias.name
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "policytext":
                assert node.attr in public, f"{path.name}: policytext.{node.attr} is not in policytext.__all__"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_from_top_to_bottom(path, tmp_path):
    nbclient = pytest.importorskip("nbclient", reason="executing notebooks needs nbclient (the 'dev' extra)")
    pytest.importorskip("ipykernel", reason="executing notebooks needs ipykernel (the 'dev' extra)")
    import nbformat

    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})  # fmt: skip
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    text = "\n".join(
        str(o.get("text", "")) + str((o.get("data") or {}).get("text/plain", ""))
        for c in nb.cells if c.cell_type == "code" for o in c.outputs
    )  # fmt: skip
    if path.stem == "scholar_analysis":
        assert "教职成厅函〔2023〕15号" in text and "stronger" in text and "documents (" in text
    else:
        assert "weakened" in text and "redline.docx" in text and "present" in text
