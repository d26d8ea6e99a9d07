"""The shortcuts of the fast PDF engine give what the general code gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policytext.ingest.clean import Line, PageLines, _prepare, clean_pages, recover_gbk
from policytext.ingest.pdf import _box_transform, _merge_lines

ROOT = Path(__file__).resolve().parent.parent
coord = st.floats(min_value=-2000, max_value=2000, allow_nan=False)


@given(coord, coord, coord, coord, coord, coord, coord, coord)
def test_upright_shift_matches_transform(cx0, cy0, cx1, cy1, left, bottom, right, top):
    # the page loop maps boxes of unrotated pages inline with ``shift``
    transform, _, _ = _box_transform((cx0, cy0, cx1, cy1), 0)
    sx, sy = transform.shift
    assert transform(left, bottom, right, top) == (left - sx, right - sx, sy - top, sy - bottom)
    for rotation in (1, 2, 3):
        assert not hasattr(_box_transform((cx0, cy0, cx1, cy1), rotation)[0], "shift")


def test_merge_lines_keeps_separate_lines_and_joins_pieces_of_one():
    separate = [(72.0, 300.0, 130.0, 146.0, 16.0, "第二行"), (72.0, 500.0, 100.0, 116.0, 16.0, "第一行")]
    assert [ln.text for ln in _merge_lines(separate)] == ["第一行", "第二行"]
    pieces = [(300.0, 400.0, 100.0, 116.0, 16.0, "附件"), (72.0, 120.0, 101.0, 116.0, 16.0, "上海市")]
    merged = _merge_lines(pieces)
    assert len(merged) == 1 and merged[0].text == "上海市 附件" and merged[0].segments is not None


def test_prepare_decodes_gbk_lines_only():
    # "Ä¿Â¼" is 目录 in GBK; typographic quotes and dashes alone are left as they are
    assert _prepare(["Ä¿Â¼", "“通知”——全文", "café"]) == [recover_gbk("Ä¿Â¼"), "“通知”——全文", "café"]
    assert _prepare(["“通知”——全文"]) == ["“通知”——全文"]


def test_assemble_joins_wrapped_lines_and_keeps_headings_across_pages():
    def page(rows):
        return PageLines([Line(t, x0, x1, top, top + 16, 16.0) for t, x0, x1, top in rows], 595, 842)

    pages = [
        page([("第一条 为了保障教师的合法权益，提高教师素", 106, 522, 100),
              ("质，制定本法。", 74, 186, 129),
              ("第二条 本法适用于在各级各类学校中专门从事", 106, 522, 158),
              ("教育教学工作的教师。", 74, 234, 187),
              ("第三条 教师是履行教育教学职责的专业人员，", 106, 522, 216),
              ("承担教书育人的使命。", 74, 522, 245)]),
        page([("继续说明。", 74, 154, 100),
              ("第四条 各级人民政府应当采取措施。", 106, 400, 129)]),
    ]
    cleaned = clean_pages(pages)
    assert cleaned.pages[0].splitlines() == [
        "第一条 为了保障教师的合法权益，提高教师素质，制定本法。",
        "第二条 本法适用于在各级各类学校中专门从事教育教学工作的教师。",
        "第三条 教师是履行教育教学职责的专业人员，承担教书育人的使命。",
    ]
    assert cleaned.joins == [""]
    assert cleaned.pages[1].splitlines() == ["继续说明。", "第四条 各级人民政府应当采取措施。"]


def test_pdfium_reads_a_page_whose_text_indexes_are_not_character_indexes(tmp_path):
    # characters outside the BMP take two UTF-16 units: pdfium's text and
    # character indexes part ways, and the page takes the general path
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import officialpdf
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    if not Path(officialpdf.NOTO_CJK[0]).exists():
        pytest.skip("fonts-noto-cjk is not installed")
    import policytext

    lines = ["第一条 𠮷野家的规定适用于本市 ABC 公司和 123 单位。", "第二条 普通的一行文字。"] * 3
    out = officialpdf.build_pdf(tmp_path / "a.pdf", title="测试文件", body_lines=lines, doc_number="沪府发〔2018〕1号",
                                issuer="上海市人民政府", header="上海市人民政府文件", font="noto")
    doc = policytext.read(out.path, engine="pdfium")
    assert doc.text.count("第二条 普通的一行文字。") == 3
    assert doc.text.count("本市 ABC 公司和 123 单位。") == 3
    assert doc.text.index("上海市人民政府文件") < doc.text.index("第一条")
