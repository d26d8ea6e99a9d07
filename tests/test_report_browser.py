"""The report as a reader sees it: a headless Chromium screenshot shows Chinese text and charts.

The page checked is a copy of ``report.html`` (outside its workspace: it must
need nothing else) with two probe headings added under the title, in the same
style: another Chinese string of the same length, and as many private-use
characters, which no font draws. If Chinese glyphs were not rendered, all three
headings would be the same row of empty boxes.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import shared_path
from test_batch import read_csv, sample_workspace

import policytext

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Chromium for headless screenshots (Debian: apt-get install chromium)"
)
TITLE = "政策文本分析报告"
OTHER = "中华人民共和国法"
TOFU = "\ue000" * len(TITLE)


def screenshot(html: Path, png: Path, profile: Path, *, size: tuple[int, int] = (1280, 2400)) -> np.ndarray:
    """Render ``html`` in headless Chromium and return the screenshot as an RGB array."""
    from PIL import Image

    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={size[0]},{size[1]}",
        html.resolve().as_uri(),
    ]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert png.is_file(), f"chromium wrote no screenshot: {proc.stderr[-2000:]}"
    return np.asarray(Image.open(png).convert("RGB")).astype(int)


def text_bands(pixels: np.ndarray, *, top: int = 0, bottom: int = 260) -> list[tuple[int, int]]:
    """Rows (start, end) of the horizontal bands holding dark pixels, top to bottom."""
    dark = (pixels[top:bottom] < 110).all(axis=2).any(axis=1)
    bands, start = [], None
    for y, on in enumerate(dark):
        if on and start is None:
            start = y
        elif not on and start is not None:
            bands.append((top + start, top + y))
            start = None
    return bands


def check_report(report: Path, tmp_path: Path) -> None:
    page = report.read_text(encoding="utf-8")
    heading = f'<h1 id="report-title">{TITLE}</h1>'
    assert heading in page
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace(heading, heading + f"<h1>{OTHER}</h1><h1>{TOFU}</h1>", 1), encoding="utf-8")
    px = screenshot(probe, tmp_path / "shot.png", tmp_path / "profile")

    # not blank: a good part of the page is ink, charts or table rules
    ink = (px < 200).any(axis=2).mean()
    assert ink > 0.02, f"the page looks blank ({ink:.3%} ink)"
    # colour: the charts' bars and heat maps
    saturated = ((px.max(axis=2) - px.min(axis=2)) > 80).mean()
    assert saturated > 0.005, f"no charts in colour ({saturated:.3%} saturated pixels)"

    # Chinese glyphs: the three headings are the first three bands of dark pixels
    bands = text_bands(px)
    assert len(bands) >= 3, bands
    (a0, a1), (b0, b1), (c0, c1) = bands[:3]
    height = min(a1 - a0, b1 - b0, c1 - c0)
    assert height >= 15, "the headings are too small to be the 30 px title"
    title, other, tofu = (px[y : y + height, :700] for y in (a0, b0, c0))
    assert np.abs(title - tofu).mean() > 3, "the Chinese title renders as empty boxes (no CJK font)"
    assert np.abs(title - other).mean() > 3, "two different Chinese strings render the same (boxes)"


def test_sample_report_screenshot_shows_chinese_and_charts(tmp_path):
    check_report(sample_workspace() / "report.html", tmp_path)


def test_real_corpus_run_and_report(tmp_path):
    """The shared real documents: 政府工作报告 1954–2025, laws and directives, local regulations and web pages.

    About 40 s on two cores, so it runs in CI (skipped where ../shared is absent).
    """
    root = shared_path("corpora")
    inputs = [root / "series" / "gov-work-reports-txt", root / "directives", root / "local", root / "reference"]
    directives = sorted((root / "directives").iterdir())
    # roles: the directives are national, the provincial and city regulations local, the reports other
    meta = tmp_path / "metadata.csv"
    with open(meta, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "level", "role"])
        for path in directives:
            writer.writerow([path.name, "national", "national"])
        for path in sorted((root / "local").rglob("*")):
            if path.is_file():
                writer.writerow([path.name, "city" if "html" in path.parts else "provincial", "local"])
        for path in sorted((root / "series" / "gov-work-reports-txt").iterdir()):
            writer.writerow([path.name, "national", "other"])
    result = policytext.run_pipeline(inputs, tmp_path / "ws", metadata=meta, jobs=2)
    docs = read_csv(tmp_path / "ws" / "tables" / "documents.csv")
    assert len(docs) == result.documents >= 90
    assert result.ok, result.failures
    years = {int(d["year"]) for d in docs if d["label"].startswith("gwr_")}
    assert min(years) == 1954 and max(years) == 2025
    prevalence = read_csv(tmp_path / "ws" / "tables" / "topic_prevalence.csv")
    assert len({r["group"] for r in prevalence if r["field"] == "year"}) >= 50
    assert read_csv(tmp_path / "ws" / "tables" / "compare_reuse.csv")
    check_report(result.report, tmp_path)
