"""A real wheel install gives a working command that finds everything under models/."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{proc.stderr[-3000:]}")
    (whl,) = out.glob("policytext-*.whl")
    return whl


def test_wheel_ships_cli_and_every_model_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "policytext/cli/main.py" in names
    shipped = {n.split("policytext/models/", 1)[1] for n in names if n.startswith("policytext/models/")}
    on_disk = {
        p.relative_to(ROOT / "models").as_posix()
        for p in (ROOT / "models").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert on_disk <= shipped, f"model files missing from the wheel: {sorted(on_disk - shipped)}"
    packages = {p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "policytext").rglob("__init__.py")}
    for pkg in packages:
        assert f"{pkg}/__init__.py" in names, f"package {pkg} is not listed in pyproject.toml"


def test_installed_wheel_command_finds_models(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    code = (
        "import policytext, policytext._resources as r; "
        "print(policytext.__file__); print(r.models_dir()); "
        "from policytext.cli.main import cli; cli(['--help'], standalone_mode=False)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(str(target)), "imported the checkout, not the wheel"
    assert lines[1] == str(target / "policytext" / "models")
    assert "extract" in proc.stdout
