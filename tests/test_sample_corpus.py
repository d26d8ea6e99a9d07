"""The bundled sample corpus: its files, its metadata and the ground truth of the charter edits."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from policytext.corpus import DOCUMENT_SUFFIXES, expand_paths, load_metadata
from policytext.model import Document

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample"
DOCUMENTS = SAMPLE / "documents"
EDITS = SAMPLE / "charters" / "EDITS.yaml"

ROLES = {"national", "local", "template", "charter", "other"}
LEVELS = {"national", "provincial", "city", "consortium"}
STATUSES = {"unchanged", "modified", "moved", "added", "removed"}
FLAGS = {
    "renumbered", "filled_in", "reworded", "weakened", "strengthened", "number_changed", "actor_changed",
    "reference_updated", "content_added", "content_removed", "chapter_changed", "split", "merged", "stale_reference",
}
ARTICLE = re.compile(r"^第([一二三四五六七八九十百零〇]+)条[\s\u3000]+(.*)$")
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def cn_number(text: str) -> int:
    """Chinese numeral (up to 九百九十九) -> int."""
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS[char]
    return total + current


def articles(path: Path) -> dict[str, str]:
    """Map each 第N条 label of a source text to the article's text after its label."""
    out: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        match = ARTICLE.match(line)
        if match:
            current = f"第{match.group(1)}条"
            assert current not in out, f"{path.name}: {current} appears twice"
            out[current] = [match.group(2)]
        elif re.match(r"^第[一二三四五六七八九十]+章", line):
            current = None
        elif current is not None:
            out[current].append(line)
    return {label: "\n".join(lines) for label, lines in out.items()}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with open(SAMPLE / "metadata.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def edits() -> dict:
    return yaml.safe_load(EDITS.read_text(encoding="utf-8"))


def test_metadata_names_files_that_exist(rows):
    assert rows, "metadata.csv is empty"
    for row in rows:
        assert (DOCUMENTS / row["file"]).is_file(), row["file"]


def test_every_document_is_listed_once(rows):
    on_disk = {p.relative_to(DOCUMENTS).as_posix() for p in expand_paths([DOCUMENTS], suffixes=DOCUMENT_SUFFIXES)}
    listed = [row["file"] for row in rows]
    assert len(listed) == len(set(listed))
    assert set(listed) == on_disk
    # The loader also finds a row by file name or stem: they must not collide.
    assert len({Path(f).name for f in listed}) == len(listed)
    assert len({Path(f).stem for f in listed}) == len(listed)
    assert len({row["id"] for row in rows}) == len(rows)


def test_metadata_values(rows):
    ids = {row["id"]: row for row in rows}
    for row in rows:
        assert row["role"] in ROLES, row
        assert row["level"] in LEVELS, row
        assert row["date"].startswith(row["year"]), row
        assert row["lang"] in ("zh", "en"), row
        if row["parent"]:
            assert row["parent"] in ids, row
    roles = [row["role"] for row in rows]
    assert roles.count("national") == 1 and roles.count("template") == 1
    assert roles.count("local") >= 3 and roles.count("charter") >= 3
    national = next(r["id"] for r in rows if r["role"] == "national")
    template = next(r["id"] for r in rows if r["role"] == "template")
    assert all(r["parent"] == national for r in rows if r["role"] == "local")
    assert all(r["parent"] == template for r in rows if r["role"] == "charter")
    formats = {Path(row["file"]).suffix for row in rows}
    assert {".pdf", ".docx", ".html", ".txt"} <= formats
    assert any(row["lang"] == "en" for row in rows)


def test_metadata_applies_through_the_loader(rows):
    table = load_metadata(SAMPLE / "metadata.csv")
    for row in rows:
        doc = Document(id="0" * 16, source=(DOCUMENTS / row["file"]).as_posix(), format="txt", text="x")
        table.apply(doc)
        assert doc.metadata["role"] == row["role"]
        assert doc.metadata["year"] == int(row["year"])


def test_edits_name_the_published_files(edits, rows):
    files = {row["file"]: row for row in rows}
    assert files[edits["template"]["file"]]["role"] == "template"
    charters = {row["id"] for row in rows if row["role"] == "charter"}
    assert set(edits["charters"]) == charters
    for doc_id, entry in edits["charters"].items():
        assert files[entry["file"]]["id"] == doc_id


def test_edits_cover_every_article(edits):
    template = articles(SAMPLE / edits["template"]["source"])
    assert len(template) == edits["template"]["articles"] >= 40
    for doc_id, entry in edits["charters"].items():
        charter = articles(SAMPLE / entry["source"])
        assert len(charter) == entry["articles"], doc_id
        named_t = {e["template_article"] for e in entry["edits"] if e["template_article"]}
        named_c = {e["charter_article"] for e in entry["edits"] if e["charter_article"]}
        assert named_t == set(template), f"{doc_id}: template articles missing {set(template) - named_t}"
        assert named_c == set(charter), f"{doc_id}: charter articles missing {set(charter) - named_c}"


def test_edits_agree_with_the_texts(edits):
    template = articles(SAMPLE / edits["template"]["source"])
    seen_flags: set[str] = set()
    seen_status: set[str] = set()
    for doc_id, entry in edits["charters"].items():
        charter = articles(SAMPLE / entry["source"])
        last = 0
        for e in entry["edits"]:
            where = f"{doc_id}: {e}"
            t, c, status, flags = e["template_article"], e["charter_article"], e["status"], set(e["flags"])
            assert status in STATUSES and flags <= FLAGS, where
            seen_flags |= flags
            seen_status.add(status)
            assert (t is None) == (status == "added"), where
            assert (c is None) == (status == "removed"), where
            if c is not None:  # entries come in charter order
                assert cn_number(c[1:-1]) >= last, where
                last = cn_number(c[1:-1])
            if t is None or c is None:
                continue
            assert ("renumbered" in flags) == (t != c), where
            same = template[t] == charter[c]
            if status == "unchanged":
                assert same, where
            elif flags & {"split", "merged"}:
                assert not same, where
            elif status == "modified":
                assert not same, where
    # The sample exercises every kind of edit at least once.
    assert seen_status == STATUSES
    assert seen_flags == FLAGS


def _force(text: str) -> tuple[int, int]:
    """(strength of the duties, number of permissive cues) in an article."""
    strong = 3 * text.count("必须") + 3 * text.count("不得") + 2 * text.count("应当")
    return strong, text.count("可以") + text.count("不宜")


def test_edit_flags_match_the_wording(edits):
    template = articles(SAMPLE / edits["template"]["source"])
    numbers = re.compile(r"\d+|[一二三四五]分之[一二三四五]|半数")
    for entry in edits["charters"].values():
        charter = articles(SAMPLE / entry["source"])
        for e in entry["edits"]:
            flags = set(e["flags"])
            if not e["template_article"] or not e["charter_article"] or flags & {"split", "merged"}:
                continue
            old, new = template[e["template_article"]], charter[e["charter_article"]]
            (old_strong, old_weak), (new_strong, new_weak) = _force(old), _force(new)
            if "weakened" in flags:
                assert new_strong < old_strong or new_weak > old_weak, e
            if "strengthened" in flags:
                assert new_strong > old_strong or new_weak < old_weak, e
            if "number_changed" in flags:
                assert numbers.findall(old) != numbers.findall(new), e
            if "filled_in" in flags:
                assert ("××" in old or "______" in old) and "××" not in new and "______" not in new, e
            if not flags & {"weakened", "strengthened"}:
                assert (old_strong, old_weak) == (new_strong, new_weak), f"duty strength changed but not flagged: {e}"


def test_gb18030_document_is_really_gb18030(rows):
    path = DOCUMENTS / "local" / "linhe_2025_consortium-implementing-plan.txt"
    assert any(row["file"] == "local/linhe_2025_consortium-implementing-plan.txt" for row in rows)
    data = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    source = (SAMPLE / "sources" / "local" / "linhe_2025_consortium-implementing-plan.txt").read_text(encoding="utf-8")
    assert data.decode("gb18030").replace("\r\n", "\n") == source


def test_docx_documents_have_one_paragraph_per_line(edits):
    docx = pytest.importorskip("docx")
    for entry in edits["charters"].values():
        if not entry["file"].endswith(".docx"):
            continue
        paragraphs = [p.text for p in docx.Document(str(DOCUMENTS / entry["file"])).paragraphs]
        lines = [x.strip() for x in (SAMPLE / entry["source"]).read_text(encoding="utf-8").splitlines() if x.strip()]
        assert paragraphs == lines, entry["file"]


def test_html_page_holds_the_text_with_numbers_split_across_spans():
    from lxml import html as lxml_html

    page = (DOCUMENTS / "local" / "yungang_2024_consortium-implementing-plan.html").read_text(encoding="utf-8")
    assert re.search(r">20</span><span[^>]*>24<", page), "numbers are split across <span>s"
    tree = lxml_html.fromstring(page)
    paragraphs = ["".join(p.itertext()) for p in tree.get_element_by_id("zoom").iter("p")]
    source = (SAMPLE / "sources" / "local" / "yungang_2024_consortium-implementing-plan.txt").read_text(encoding="utf-8")
    lines = [x.strip() for x in source.splitlines() if x.strip()]
    assert paragraphs == lines[2:]  # title and 文号 sit above the content block
    assert tree.xpath("//ul[@class='nav']"), "navigation chrome surrounds the content"


def test_pdfs_are_text_pdfs_in_official_layout():
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(DOCUMENTS / "national" / "moe_2023_city-consortium-notice.pdf") as pdf:
        assert len(pdf.pages) >= 3
        first = pdf.pages[0].extract_text()
        second = pdf.pages[1].extract_text()
    assert "教职成厅函〔2023〕15号" in first
    assert "— 1 —" in first and "— 2 —" in second
    assert second.splitlines()[0] == "教育部办公厅关于推进市域产教联合体建设的通知"  # running header


def test_readme_marks_the_corpus_illustrative():
    text = (SAMPLE / "README.md").read_text(encoding="utf-8")
    assert "ILLUSTRATIVE" in text
    for row_file in (SAMPLE / "metadata.csv").read_text(encoding="utf-8").splitlines()[1:]:
        assert Path(row_file.split(",", 1)[0]).name in text


def test_variants_are_listed():
    with open(SAMPLE / "variants" / "VARIANTS.csv", encoding="utf-8", newline="") as fh:
        listed = {row["file"] for row in csv.DictReader(fh)}
    on_disk = {p.name for p in (SAMPLE / "variants").iterdir() if p.name != "VARIANTS.csv"}
    assert listed == on_disk


def test_build_check_passes():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_sample.py"), "--check"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
