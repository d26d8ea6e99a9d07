"""The HTML report: self-contained, every figure linked to its table, findings cited, text escaped."""

from __future__ import annotations

import re

import pytest
from test_batch import QUICK, sample_workspace, tiny_corpus

import policytext
from policytext.report import _charts

SECTIONS = ("overview", "terms", "cowords", "topics", "compare", "obligations", "diffs", "reproducibility")


@pytest.fixture(scope="module")
def page() -> str:
    return (sample_workspace() / "report.html").read_text(encoding="utf-8")


def test_report_has_every_section_and_chinese_text(page):
    for anchor in SECTIONS:
        assert f'<section id="{anchor}">' in page, anchor
    assert '<h1 id="report-title">政策文本分析报告</h1>' in page
    assert '<html lang="zh-CN">' in page and '<meta charset="utf-8">' in page
    assert "滨江市人民政府办公室关于印发滨江市推进市域产教联合体建设实施方案的通知" in page
    assert page.count("<svg ") >= 9


def test_report_is_self_contained(page):
    assert "<script" not in page.lower()
    assert "<link" not in page.lower() and "@import" not in page
    assert "@font-face" not in page
    refs = re.findall(r'(?:href|src)="([^"]+)"', page)
    remote = [r for r in refs if re.match(r"[a-z]+:", r) and not r.startswith("data:")]  # data: URIs are inline
    assert remote == []
    assert not re.search(r"url\((?!#)", page)  # only references to ids inside the page


def test_every_link_resolves_inside_the_workspace(page):
    ws = sample_workspace()
    links = {r for r in re.findall(r'href="([^"#][^"]*)"', page) if not r.startswith("data:")}
    assert {"tables/documents.csv", "manifest.json", "errors.csv", "topics/topics.html"} <= links
    for link in links:
        assert (ws / link).is_file(), link
    assert {link for link in links if link.startswith("redlines/")} == {
        "redlines/chenghu-2025-charter.html", "redlines/ningchuan-2024-charter.html", "redlines/yungang-2024-charter.html",
    }  # fmt: skip


def test_every_figure_links_to_its_table(page):
    figures = re.findall(r"<figure>(.*?)</figure>", page, flags=re.S)
    assert len(figures) >= 9
    for fig in figures:
        assert "<svg " in fig
        caption = re.search(r"<figcaption>(.*?)</figcaption>", fig, flags=re.S).group(1)
        assert re.search(r'href="tables/[a-z_]+\.csv"', caption), caption[:200]


def test_findings_cite_document_clause_and_page(page):
    cites = re.findall(r'<span class="cite">([^<]*)</span>', page)
    assert len(cites) > 50
    # recurring duties: label · clause label · page
    assert any(re.fullmatch(r"[a-z0-9-]+ · 第[一二三四五六七八九十百]+条 · p\. \d+", c) for c in cites)
    assert any(re.fullmatch(r"[a-z0-9-]+ · [一二三四五六七八九十]+、（[一二三四五六七八九十]+） · p\. \d+", c) for c in cites)
    # targets side by side and coverage cite the national notice
    assert any(c.startswith("moe-2023-consortium-notice · ") for c in cites)


def test_report_command_rebuilds_the_same_page(runner, cli, page, tmp_path):
    ws = sample_workspace()
    out = tmp_path / "again.html"
    result = runner.invoke(cli, ["report", str(ws), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    assert out.read_text(encoding="utf-8") == page


def test_report_of_a_folder_that_is_no_workspace(runner, cli, tmp_path):
    result = runner.invoke(cli, ["report", str(tmp_path)])
    assert result.exit_code == 1
    assert "not a policytext workspace" in result.stderr


def test_document_text_is_escaped(tmp_path):
    corpus = tiny_corpus(tmp_path / "docs")
    meta = tmp_path / "meta.csv"
    meta.write_text(
        'file,id,title,level,role\nnational.txt,nat,"<script>alert(\'x\')</script>通知",national,national\n'
        "local_a.txt,a,<b>甲市</b> & 方案,city,local\nlocal_b.txt,b,乙市,city,local\n",
        encoding="utf-8",
    )
    result = policytext.run_pipeline([corpus], tmp_path / "ws", metadata=meta, skip=["topics"])
    assert result.ok and result.report is not None
    text = result.report.read_text(encoding="utf-8")
    assert "<script" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;通知" in text
    assert "<b>甲市</b>" not in text and "&lt;b&gt;甲市&lt;/b&gt; &amp; 方案" in text


def test_workspace_without_optional_stages_still_reports(tmp_path):
    corpus = tiny_corpus(tmp_path / "docs")
    result = policytext.run_pipeline([corpus], tmp_path / "ws", **QUICK)
    assert result.report is None
    path = policytext.build_report(tmp_path / "ws", examples=False)
    text = path.read_text(encoding="utf-8")
    assert '<section id="overview">' in text and '<section id="compare">' in text
    assert "compare: skipped" in text  # no national document: the note says why


def test_charts_embed_glyphs_with_a_cjk_font_and_fall_back_without(monkeypatch):
    if _charts.cjk_font_family() is None:
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    with_font = _charts.bar_chart(["产教融合", "联合体"], [3, 2], title="词频")
    assert "<text" not in with_font and "<path" in with_font  # glyphs drawn as paths
    monkeypatch.setattr(_charts, "cjk_font_family", lambda: None)
    without = _charts.bar_chart(["产教融合", "联合体"], [3, 2], title="词频")
    assert "产教融合" in without and "<text" in without  # left to the viewer's fonts
    _charts.reset_ids()
    first = _charts.bar_chart(["甲"], [1], title="t")
    _charts.reset_ids()
    assert _charts.bar_chart(["甲"], [1], title="t") == first


def test_network_layout_is_seeded():
    edges = [(0, 1, 5.0), (1, 2, 3.0), (2, 3, 1.0), (0, 2, 2.0)]
    a = _charts.network_layout(5, edges, seed=3)
    b = _charts.network_layout(5, edges, seed=3)
    assert a.shape == (5, 2) and (a == b).all()
    # the heaviest edge joins the closest pair among the connected ones
    dist = {(i, j): float(((a[i] - a[j]) ** 2).sum()) for i, j, _ in edges}
    assert dist[(0, 1)] == min(dist.values())



def test_table_floats_keep_small_p_values_and_are_byte_stable(tmp_path):
    from policytext.report import write_table

    rows = [{"term": "产教融合", "p_value": 3.2e-12, "keyness": 51.234567891, "zero": 0.0, "neg": -1.5e-9}]
    write_table(tmp_path, "keyness", rows)
    text = (tmp_path / "keyness.csv").read_text(encoding="utf-8").splitlines()
    assert text[0] == "term,p_value,keyness,zero,neg"
    assert text[1] == "产教融合,3.2e-12,51.234568,0,-1.5e-09"
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(tmp_path / "keyness.parquet").to_pylist()
    assert table[0]["p_value"] == pytest.approx(3.2e-12, rel=1e-9)
    assert table[0]["keyness"] == 51.234568
