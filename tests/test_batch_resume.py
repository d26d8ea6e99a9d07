"""A run killed with SIGKILL midway and started again: every document once, the same tables.

The run goes through the command line in a subprocess over PDFs typeset from
the sample corpus' texts (slow enough to read that the kill lands midway); the
store is watched read-only and the process killed once it holds some, but
not all, documents.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE
from test_batch import read_csv, table_bytes

import policytext
from policytext import Store

N_DOCS = 20
CONFIG = "skip: [topics, report]\n"


def pdf_corpus(folder: Path, n: int = N_DOCS) -> Path:
    """``n`` distinct multi-page PDFs in official-document layout, from the sample texts."""
    pytest.importorskip("reportlab", reason="typesetting the test PDFs needs reportlab (the 'dev' extra)")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from officialpdf import build_pdf, load_text
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    texts = sorted(p for p in (SAMPLE / "sources").rglob("*.txt") if "/en/" not in p.as_posix())
    folder.mkdir(parents=True)
    for k in range(n):
        title, lines = load_text(texts[k % len(texts)])
        lines = list(lines) + [f"（本件为测试副本第{k + 1}号）"]
        build_pdf(folder / f"doc_{k + 1:03d}.pdf", title=title or f"文件{k + 1}", body_lines=lines,
                  header=title, font="stsong")  # fmt: skip
    return folder


def command(corpus: Path, ws: Path, config: Path) -> list[str]:
    return [sys.executable, "-c", "from policytext.cli.main import main; main()", "run", str(corpus),
            "--out", str(ws), "--config", str(config), "--quiet"]  # fmt: skip


def stored(db: Path) -> int:
    """Documents committed in the store (0 while it does not exist yet)."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_killed_run_resumes_to_the_same_tables(tmp_path):
    corpus = pdf_corpus(tmp_path / "pdfs")
    config = tmp_path / "run.yaml"
    config.write_text(CONFIG, encoding="utf-8")

    reference = tmp_path / "reference"
    done = policytext.run_pipeline([corpus], reference, options=policytext.RunOptions.from_yaml(config))
    assert done.ok and done.documents == N_DOCS

    ws = tmp_path / "ws"
    db = ws / "workspace.db"
    proc = subprocess.Popen(command(corpus, ws, config), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp_path)
    killed_at = 0
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        n = stored(db)
        if n >= 3:
            os.kill(proc.pid, signal.SIGKILL)
            killed_at = n
            break
        time.sleep(0.02)
    proc.wait(timeout=60)
    assert killed_at, f"the run ended before it could be killed midway: {proc.stderr.read().decode()[-2000:]}"
    with Store(db, create=False) as store:
        have = len(store)
        assert 3 <= have < N_DOCS, "the kill must land midway"
        # a document is committed with all its rows, or not at all
        for doc_id in store.ids():
            assert store.doc_rows("summary", doc_id), doc_id
    assert not (ws / "manifest.json").exists()

    resumed = subprocess.run(command(corpus, ws, config), capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    log = (ws / "runs.log").read_text(encoding="utf-8").splitlines()
    assert len(log) == 1  # the killed run never got to write its line
    assert f"processed={N_DOCS - have}" in log[0] and f"reused={have}" in log[0]

    with Store(db, create=False) as store:
        assert len(store) == N_DOCS == len(set(store.ids()))
        sources = store.sources()
        assert sorted(Path(s).name for s in sources) == [f"doc_{k + 1:03d}.pdf" for k in range(N_DOCS)]
    assert table_bytes(ws) == table_bytes(reference)
    assert len(read_csv(ws / "tables" / "documents.csv")) == N_DOCS
    assert read_csv(ws / "errors.csv") == []
