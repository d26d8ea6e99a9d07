"""The HTML redline renders in a real browser with Chinese glyphs visible (headless Chromium).

Three renders of the same layout: the redline itself, the redline with every CJK
character removed, and the redline with every CJK character replaced by another
one. The first must differ from the second in the text area (the Chinese is
drawn), and from the third (different characters give different pixels: missing
glyphs would all be the same tofu box).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from policytext import diff_documents, redline_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs headless Chromium (chromium not on PATH; CI installs it)"
)

Image = pytest.importorskip("PIL.Image", reason="needs Pillow to read the screenshots")
ImageChops = pytest.importorskip("PIL.ImageChops")

TEMPLATE = "示范章程\n第一章 总则\n第一条 成员单位应当提前三十日书面通知秘书处。\n第二条 理事会会议须有三分之二以上理事出席。\n第三条 本章程的解释权属于理事会。"
CHARTER = "联合体章程\n第一章 总则\n第一条 成员单位可以提前六十日书面通知秘书处。\n第二条 理事会会议须有二分之一以上理事出席。\n第三条 本章程的解释权属于秘书处。"
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _shift(text: str) -> str:
    # another common character of the same width, so that the layout does not move
    return _CJK.sub(lambda m: chr(0x4E00 + (ord(m.group(0)) - 0x4E00 + 977) % 0x5000), text)


def _render(html: str, tmp_path, name: str):
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    shot = tmp_path / f"{name}.png"
    profile = tmp_path / f"profile-{name}"
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--screenshot={shot}",
        "--window-size=1200,1600",
        page.as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if not shot.exists():
        pytest.fail(f"chromium wrote no screenshot (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return Image.open(shot).convert("L")


def _dark_pixels(img) -> int:
    return sum(img.histogram()[:128])


def _changed_pixels(a, b, box) -> int:
    return sum(ImageChops.difference(a, b).crop(box).histogram()[65:])


def test_redline_renders_chinese_glyphs(tmp_path):
    result = diff_documents(TEMPLATE, CHARTER)
    html = redline_html(result, title="Redline")
    assert _CJK.search(html)
    # CSS, tags and attribute values have no CJK, so only document text changes
    no_cjk = _CJK.sub("", html)
    shifted = _shift(html)
    full = _render(html, tmp_path, "full")
    bare = _render(no_cjk, tmp_path, "bare")
    other = _render(shifted, tmp_path, "shifted")

    width, height = full.size
    assert _dark_pixels(full) > 2000, "the page looks blank"
    text_area = (0, 0, width, min(height, 1600))
    changed = _changed_pixels(full, bare, text_area)
    assert changed > 3000, f"removing the Chinese changed only {changed} pixels: it was not drawn"
    changed_other = _changed_pixels(full, other, text_area)
    assert changed_other > 0.3 * changed, (
        f"other characters changed only {changed_other} pixels (vs {changed}): glyphs look alike (tofu?)"
    )
