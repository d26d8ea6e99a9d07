"""Topic models: units with citations, the vocabulary filter, NMF/LDA, coherence, K by sweep, prevalence, outputs."""

from __future__ import annotations

import csv
import json
import math
import random
import re

import numpy as np
import pytest

import policytext
from policytext import Document, Page
from policytext.topics import _vocab

FAMILIES = {
    "农业": ["粮食", "农民", "耕地", "种植", "农村", "灌溉", "化肥", "收成", "农机", "粮价"],
    "教育": ["学校", "教师", "学生", "课程", "教学", "高校", "招生", "学前", "教材", "校园"],
    "交通": ["铁路", "公路", "机场", "港口", "高铁", "运输", "航线", "隧道", "桥梁", "物流"],
    "环境": ["污染", "排放", "治理", "生态", "空气", "水质", "森林", "碳汇", "环保", "节能"],
}


def make_docs(years=(2019, 2020, 2021, 2022), paragraphs=24, seed=0):
    """Documents whose paragraphs each draw on one word family; 农业 grows with the year."""
    rng = random.Random(seed)
    names = list(FAMILIES)
    docs = []
    for y, year in enumerate(years):
        lines = [f"{year}年工作报告", "各位代表："]
        for _ in range(paragraphs):
            # the first family is favoured more each year: prevalence must show it
            fam = names[0] if rng.random() < 0.15 + 0.15 * y else names[rng.randrange(1, len(names))]
            words = rng.sample(FAMILIES[fam], 7)
            lines.append("，".join(words) + "。")
        lines.append("谢谢大家，各位代表辛苦了，祝愿大家身体健康，工作顺利！")
        text = "\n".join(lines) + "\n"
        docs.append(
            Document(
                id=f"d{year}",
                source=f"reports/report_{year}.txt",
                format="txt",
                text=text,
                pages=[Page(1, text, 0, len(text))],
                metadata={"title": f"{year}年工作报告", "level": "national" if y % 2 else "provincial"},
            )
        )
    return docs


def family_of(term):
    return next((f for f, words in FAMILIES.items() if term in words), None)


@pytest.fixture(scope="module")
def units():
    return policytext.topic_units(make_docs(), unit="paragraph", year_from_filename=True)


@pytest.fixture(scope="module")
def nmf(units):
    return policytext.TopicModel(k=4, model="nmf", seed=1, min_df=2).fit(units)


# --------------------------------------------------------------------------- units


def test_paragraph_spans_join_headings_to_the_next_line():
    text = "一、总体要求\n\n到2025年，建成一批产教融合型城市，培育一批产教融合型企业。\n（一）基本原则\n坚持需求导向，服务经济社会发展大局。\n附件"
    spans = policytext.paragraph_spans(text)
    parts = [text[s:e] for s, e in spans]
    assert parts[0].startswith("一、总体要求") and parts[0].endswith("培育一批产教融合型企业。")
    assert parts[1].startswith("（一）基本原则") and parts[1].endswith("服务经济社会发展大局。")
    assert parts[2] == "附件"  # a trailing short line stays a unit of its own
    assert len(parts) == 3


def test_paragraph_units_carry_citations(units):
    first = units[0]
    assert first.kind == "paragraph" and first.id == "d2019:p1"
    assert first.text.startswith("2019年工作报告\n各位代表：")  # headings joined to the next paragraph
    doc = make_docs()[0]
    assert all(doc.text[u.start : u.end] == u.text for u in units if u.doc == "d2019")
    assert first.page == 1 and first.citation == "2019年工作报告, ¶1"
    assert first.to_dict()["unit"] == "d2019:p1"
    assert first.metadata["year"] == 2019 and first.metadata["year_source"] == "filename"


@pytest.mark.parametrize(
    ("kind", "count"),
    [("document", 4), ("paragraph", 4 * 25), ("sentence", 4 * 27)],
)
def test_unit_kinds(kind, count):
    units = policytext.topic_units(make_docs(), unit=kind)
    assert len(units) == count
    assert {u.kind for u in units} == {kind}
    assert len({u.id for u in units}) == count


def test_clause_units_are_leaf_clauses_with_citable_labels():
    text = (
        "某市职业教育条例\n第一章 总则\n第一条 为了规范职业学校的办学行为，制定本条例。\n"
        "第二条 本条例适用于下列各类学校：\n（一）中等职业学校；\n（二）高等职业学校。\n本条例所称学校包括民办学校。\n"
        "第二章 附则\n第三条 本条例自公布之日起施行。\n"
    )
    doc = Document(id="law", source="law.txt", format="txt", text=text, pages=[Page(1, text, 0, len(text))])
    units = policytext.topic_units([doc], unit="clause")
    assert [u.clause_label for u in units] == [
        "preamble",
        "第一条",
        "第二条第1款",  # the lead-in 本条例适用于下列各类学校：
        "第二条第1款（一）",
        "第二条第1款（二）",
        "第二条第2款",
        "第三条",
    ]
    assert units[3].text == "（一）中等职业学校；" and units[3].citation == "law.txt, 第二条第1款（一）"
    assert units[2].text == "本条例适用于下列各类学校："
    assert all(text[u.start : u.end] == u.text for u in units)
    assert all(u.kind == "clause" and u.id == f"law:{u.clause}" for u in units)


def test_unknown_unit_names_the_choices():
    with pytest.raises(policytext.UnknownStrategyError, match="paragraph"):
        policytext.topic_units(make_docs(), unit="paragrahp")


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("gwr_2019.txt", 2019),
        ("reports/2021-政府工作报告.pdf", 2021),
        ("2018-2020规划.pdf", None),
        ("doc_20190305.txt", None),  # part of a longer number, not a year on its own
        ("notice.txt", None),
    ],
)
def test_filename_year(name, year):
    assert policytext.filename_year(name) == year


def test_year_from_date_and_no_filename_fallback_unless_asked():
    doc = make_docs(years=(2020,))[0]
    assert "year" not in policytext.topic_units([doc])[0].metadata
    doc.metadata["date"] = "2018-03-05"
    unit = policytext.topic_units([doc], year_from_filename=True)[0]
    assert unit.metadata["year"] == 2018 and unit.metadata["year_source"] == "date"


def test_remove_boilerplate_drops_text_repeated_across_documents(units):
    kept = policytext.remove_boilerplate(units)
    assert len(kept) == len(units) - 4  # the closing line of each of the 4 documents
    assert not any("谢谢大家" in u.text for u in kept)
    docs = []
    for year, field in ((2019, "财税"), (2020, "金融"), (2021, "国企")):
        text = f"{year}年国务院政府工作报告（全文）。\n本年度重点推进{field}体制改革，事关发展全局。\n"
        docs.append(Document(id=str(year), source=f"{year}.txt", format="txt", text=text))
    few = policytext.topic_units(docs)
    # the title lines differ only by their digits: one text, in 3 documents
    assert [u.text[:9] for u in policytext.remove_boilerplate(few)] == [
        "本年度重点推进财税",
        "本年度重点推进金融",
        "本年度重点推进国企",
    ]
    assert len(policytext.remove_boilerplate(few, min_docs=4)) == 6


# --------------------------------------------------------------------------- vocabulary


@pytest.mark.parametrize(
    ("token", "kept"),
    [
        ("改革", True),
        ("产教融合", True),
        ("十四五", True),
        ("5G", True),
        ("2018年", False),
        ("6.6%", False),
        ("90万亿元", False),
        ("三年", False),
        ("第二", False),
        ("一九五七年", False),
        ("十三五", True),
        ("，", False),
        ("的", False),
        ("——", False),
    ],
)
def test_keep_token(token, kept):
    assert _vocab.keep_token(token) is kept


def test_single_characters_kept_on_request():
    assert _vocab.keep_token("税", min_chars=1) and not _vocab.keep_token("税")


def test_prepare_prunes_by_document_frequency():
    tokens = [["改革", "就业"], ["改革", "税费"], ["改革", "就业"], ["改革", "教育"]]
    prep = _vocab.prepare(tokens, min_df=2, max_df=0.9)
    assert prep.vocabulary == ["就业"]  # 改革 is in every unit; 税费 and 教育 in one
    assert prep.counts.toarray().ravel().tolist() == [1, 0, 1, 0]
    with pytest.raises(policytext.ConfigError, match="min-df"):
        _vocab.prepare(tokens, min_df=5, max_df=1.0)


# --------------------------------------------------------------------------- the estimator


def test_settings_are_stored_unchanged_and_cloned():
    model = policytext.TopicModel(k=7, model="lda", seed=3, min_df=0.01, stopwords="none")
    assert model.get_params()["min_df"] == 0.01 and model.k == 7 and model.stopwords == "none"
    twin = model.clone(k=9)
    assert twin.k == 9 and twin.model == "lda" and not hasattr(twin, "topic_terms_")


def test_transform_before_fit_names_the_class():
    with pytest.raises(policytext.NotFittedError, match=r"TopicModel\.fit"):
        policytext.TopicModel(k=3).transform(["粮食 农民"])


@pytest.mark.parametrize(
    ("kwargs", "match"), [({"model": "lad"}, "did you mean 'lda'"), ({"k": 1}, "at least 2")]
)
def test_bad_settings(units, kwargs, match):
    with pytest.raises(policytext.ConfigError, match=match):
        policytext.TopicModel(**kwargs).fit(units)


# NMF finds all four families from any seed; LDA on 100 seven-word paragraphs
# sometimes merges two families and splits another (a local optimum), so it is
# held to topics that each belong to one family and to three families found.
@pytest.mark.parametrize(("kind", "found"), [("nmf", 4), ("lda", 3)])
def test_topics_recover_the_word_families(units, kind, found):
    model = policytext.TopicModel(k=4, model=kind, seed=1, min_df=2, passes=20)
    model.fit(units)
    families = []
    for terms in model.top_terms(6):
        fams = [family_of(t) for t in terms]
        top = max(set(fams), key=fams.count)
        assert fams.count(top) >= 5, terms
        families.append(top)
    assert len(set(families)) >= found
    assert model.topic_terms_.shape == (4, len(model.vocabulary_))
    assert np.allclose(model.topic_terms_.sum(axis=1), 1.0)
    shares = model.doc_topics_
    assert shares.shape == (len(units), 4)
    used = shares.sum(axis=1) > 0
    assert np.allclose(shares[used].sum(axis=1), 1.0)
    # topic 1 is the largest
    means = shares[used].mean(axis=0)
    assert list(means) == sorted(means, reverse=True)
    assert len(model.labels_) == 4 and all("_" in label for label in model.labels_)


def test_transform_places_new_text_in_its_family(nmf):
    shares = nmf.transform(["铁路，公路，机场，港口，高铁建设。", "学校，教师，学生，课程改革。"])
    top = [nmf.top_terms(5)[int(np.argmax(row))] for row in shares]
    assert family_of(top[0][0]) == "交通" and family_of(top[1][0]) == "教育"
    assert np.allclose(shares.sum(axis=1), 1.0)
    # a text without any vocabulary term has no topic at all
    assert nmf.transform(["某某某"]).sum() == 0.0


def test_same_seed_same_model_and_token_lists_are_accepted(units):
    tokens = [[w for w in u.text.replace("。", "").split("，")] for u in units]
    a = policytext.TopicModel(k=4, seed=5, min_df=2, segmenter=lambda t: t.split("，")).fit(units)
    b = policytext.TopicModel(k=4, seed=5, min_df=2).fit(tokens)
    c = policytext.TopicModel(k=4, seed=5, min_df=2).fit(tokens)
    assert np.array_equal(b.topic_terms_, c.topic_terms_) and np.array_equal(b.doc_topics_, c.doc_topics_)
    assert a.top_terms(3) == b.top_terms(3) or {family_of(t[0]) for t in a.top_terms(1)} == set(FAMILIES)


def test_frex_ranks_exclusive_terms():
    beta = np.array([[0.4, 0.4, 0.2], [0.6, 0.05, 0.35]])
    scores = policytext.frex_scores(beta)
    # terms 0 and 1 weigh the same in topic 1, but term 0 is heavier still in topic 2
    assert scores[0, 1] == pytest.approx(1.0) and scores[0, 0] == pytest.approx(0.8)
    with pytest.raises(policytext.ConfigError):
        policytext.frex_scores(beta, weight=2)


def test_save_and_load_round_trip_without_pickle(nmf, tmp_path):
    folder = nmf.save(tmp_path / "m")
    info = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    assert info["format"] == "policytext-topics" and info["params"]["k"] == 4
    for array in folder.glob("*.npy"):
        np.load(array, allow_pickle=False)  # raises if anything was pickled
    back = policytext.load_topics(folder)
    texts = ["粮食，农民，耕地，种植。", "污染，排放，治理。"]
    assert np.allclose(back.transform(texts), nmf.transform(texts))
    assert back.top_terms(5) == nmf.top_terms(5) and back.labels_ == nmf.labels_


def test_lda_save_and_load_round_trip(units, tmp_path):
    model = policytext.TopicModel(k=4, model="lda", seed=2, min_df=2, passes=5).fit(units)
    back = policytext.load_topics(model.save(tmp_path / "lda") / "model.json")
    texts = ["铁路，公路，机场。", "学校，教师，学生。"]
    assert np.allclose(back.transform(texts), model.transform(texts))
    # inference starts from a fresh random state each time: repeatable
    assert np.array_equal(model.transform(texts), model.transform(texts))


def test_load_topics_rejects_other_folders(tmp_path):
    with pytest.raises(policytext.InputError, match="no model.json"):
        policytext.load_topics(tmp_path)
    (tmp_path / "model.json").write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(policytext.InputError, match="not a topic model"):
        policytext.load_topics(tmp_path)


# --------------------------------------------------------------------------- coherence


def test_npmi_by_hand():
    paras = ["发展经济，扩大就业", "扩大就业，稳定物价", "加强国防", "稳定物价"]
    # 就业 & 扩大: both in paragraphs 0 and 1 -> p=1/2 each and together: NPMI 1
    # 就业 & 物价: together in 1 of 4, each in 2 -> log((1/4)/(1/4)) = 0
    # 就业 & 国防: never together -> -1
    assert policytext.coherence_npmi([["就业", "扩大"]], paras) == [pytest.approx(1.0)]
    assert policytext.coherence_npmi([["就业", "物价"]], paras) == [pytest.approx(0.0)]
    assert policytext.coherence_npmi([["就业", "国防"]], paras) == [pytest.approx(-1.0)]
    mean3 = policytext.coherence_npmi([["就业", "扩大", "国防"]], paras)[0]
    assert mean3 == pytest.approx((1.0 - 1.0 - 1.0) / 3)


def test_npmi_counts_strings_not_tokens_and_latin_words_whole():
    ref = policytext.CoherenceReference(["产教融合型企业", "Article 5 applies", "particle physics"])
    assert ref.occurrences("融合").tolist() == [0]  # a substring of a longer word counts
    assert ref.occurrences("article").tolist() == [1]  # not inside "particle"; case ignored


def test_cv_prefers_terms_that_go_together():
    paras = ["粮食 农民"] * 5 + ["铁路 公路"] * 5 + ["粮食 公路"]
    good, bad = policytext.coherence_cv([["粮食", "农民"], ["粮食", "铁路"]], paras)
    assert 0 <= bad < good <= 1


# --------------------------------------------------------------------------- choosing K


@pytest.mark.parametrize(
    ("spec", "ks"),
    [
        ("10", [10]),
        ("5:30:5", [5, 10, 15, 20, 25, 30]),
        ("3:5", [3, 4, 5]),
        ("20, 5,10", [5, 10, 20]),
        (8, [8]),
    ],
)
def test_parse_k(spec, ks):
    assert policytext.parse_k(spec) == ks


@pytest.mark.parametrize("spec", ["ten", "30:5", "1", "5:10:0", ""])
def test_parse_k_rejects(spec):
    with pytest.raises(policytext.ConfigError):
        policytext.parse_k(spec)


def test_sweep_finds_the_number_of_families(units):
    sweep = policytext.sweep_topics(units, "2:6:2", seed=1, min_df=2)
    assert [r["k"] for r in sweep.rows] == [2, 4, 6]
    best = max(sweep.rows, key=lambda r: r["c_npmi"])
    assert sweep.k == 4 == best["k"]
    assert sweep.model.k == 4 and "K=4" in sweep.reason and "highest" in sweep.reason
    assert [r["chosen"] for r in sweep.rows] == [False, True, False]
    assert all(len(r["npmi_topics"]) == r["k"] for r in sweep.rows)


def test_sweep_ties_go_to_the_smaller_k(units):
    sweep = policytext.sweep_topics(units, [3, 4], seed=1, min_df=2, tie=1.0)
    assert sweep.k == 3 and "smallest K within the tie margin" in sweep.reason


# --------------------------------------------------------------------------- prevalence


def test_prevalence_means_and_intervals():
    shares = np.array([[1.0, 0.0], [0.5, 0.5], [0.0, 1.0], [0.0, 0.0], [0.2, 0.8]])
    groups = [2020, 2020, 2021, 2021, "(missing)"]
    rows = policytext.topic_prevalence(shares, groups, n_boot=200, seed=3, field="year")
    assert [(r["group"], r["topic"]) for r in rows] == [
        (2020, 1),
        (2020, 2),
        (2021, 1),
        (2021, 2),
        ("(missing)", 1),
        ("(missing)", 2),
    ]
    first = rows[0]
    assert first["share"] == pytest.approx(0.75) and first["units"] == 2
    assert first["low"] <= first["share"] <= first["high"] and first["low"] >= 0.5 and first["high"] <= 1.0
    # a unit without any topic (all zeros) is left out of its group
    assert rows[2]["units"] == 1 and rows[2]["share"] == 0.0 and rows[2]["low"] == rows[2]["high"] == 0.0
    again = policytext.topic_prevalence(shares, groups, n_boot=200, seed=3, field="year")
    assert again == rows


def test_prevalence_interval_of_a_group_does_not_depend_on_the_others():
    rng = np.random.default_rng(0)
    shares = rng.dirichlet([1, 1, 1], size=40)
    a = policytext.topic_prevalence(shares[:20], ["x"] * 20, seed=1, field="f")
    b = policytext.topic_prevalence(shares, ["x"] * 20 + ["y"] * 20, seed=1, field="f")
    assert a == b[:3]


def test_representatives_prefer_substantive_units(units, nmf):
    rows = policytext.representative_units(nmf.doc_topics_, units, n=3, lengths=nmf.unit_lengths_)
    assert [r["topic"] for r in rows] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    for topic in range(1, 5):
        mine = [r for r in rows if r["topic"] == topic]
        assert [r["rank"] for r in mine] == [1, 2, 3]
        assert mine[0]["share"] >= mine[1]["share"] >= mine[2]["share"]
        family = family_of(nmf.top_terms(1)[topic - 1][0])
        assert all(sum(w in r["text"] for w in FAMILIES[family]) >= 5 for r in mine)
        assert all(r["citation"] and r["doc"] and r["end"] > r["start"] for r in mine)


# --------------------------------------------------------------------------- the output folder


def _read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_write_topics_folder(tmp_path):
    docs = make_docs()
    for doc in docs:  # titles show in every citation: they must come out escaped
        doc.metadata["title"] += "<script>alert(1)</script>"
    units = policytext.topic_units(docs, unit="paragraph", year_from_filename=True)
    sweep = policytext.sweep_topics(units, "3:5", seed=4, min_df=2)
    written = policytext.write_topics(
        tmp_path / "a", sweep, units, by=["year", "level"], n_terms=8, n_passages=2, n_boot=100
    )
    folder = tmp_path / "a"
    for name in (
        "topics.csv",
        "topic_labels.csv",
        "doc_topics.csv",
        "coherence.csv",
        "coherence.svg",
        "choice.txt",
        "choice.json",
        "prevalence.csv",
        "prevalence_year.svg",
        "prevalence_level.svg",
        "representatives.csv",
        "topics.html",
        "run.json",
        "model/model.json",
    ):
        assert (folder / name).exists(), name
    k = sweep.k
    topics = _read_csv(folder / "topics.csv")
    assert list(topics[0]) == ["topic", "rank", "term", "weight", "frex_term", "frex"]
    assert (
        len(topics) == 8 * k
        and topics[0]["weight"].count(".") == 1
        and len(topics[0]["weight"].split(".")[1]) == 6
    )
    doc_topics = _read_csv(folder / "doc_topics.csv")
    assert len(doc_topics) == len(units)
    assert {"unit", "doc", "clause", "citation", "year", "level", f"topic_{k}"} <= set(doc_topics[0])
    prevalence = _read_csv(folder / "prevalence.csv")
    years = {r["group"] for r in prevalence if r["field"] == "year"}
    assert years == {"2019", "2020", "2021", "2022"}
    assert len([r for r in prevalence if r["field"] == "all"]) == k
    coherence = _read_csv(folder / "coherence.csv")
    assert [int(r["k"]) for r in coherence] == [3, 4, 5] and sum(int(r["chosen"]) for r in coherence) == 1
    choice = json.loads((folder / "choice.json").read_text(encoding="utf-8"))
    assert choice["k"] == k and (folder / "choice.txt").read_text(encoding="utf-8").startswith(f"K={k}")
    reps = _read_csv(folder / "representatives.csv")
    assert len(reps) == 2 * k and all(r["citation"] for r in reps)
    page = (folder / "topics.html").read_text(encoding="utf-8")
    # self-contained: no scripts, no external style sheets, fonts or images; document text escaped
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<link" not in page and "@import" not in page and not re.search(r"url\((?!#)", page)
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", page)
    assert "<svg" in page and f"K={k}" in page
    back = policytext.load_topics(written["model"])
    assert back.top_terms(5) == sweep.model.top_terms(5)
    # the farming family grows year by year in make_docs: its topic's share must rise
    farm = next(t for t, terms in enumerate(sweep.model.top_terms(3), 1) if family_of(terms[0]) == "农业")
    by_year = [float(r["share"]) for r in prevalence if r["field"] == "year" and int(r["topic"]) == farm]
    assert by_year[-1] > by_year[0]


def test_write_topics_is_byte_identical_for_the_same_seed(tmp_path):
    outs = []
    for name in ("a", "b"):
        units = policytext.topic_units(make_docs(), unit="paragraph", year_from_filename=True)
        sweep = policytext.sweep_topics(units, "3:4", seed=9, min_df=2)
        policytext.write_topics(tmp_path / name, sweep, units, by=["year"], n_boot=50)
        outs.append(tmp_path / name)
    for name in (
        "topics.csv",
        "doc_topics.csv",
        "prevalence.csv",
        "representatives.csv",
        "coherence.csv",
        "topics.html",
    ):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_write_topics_for_a_bare_model(units, nmf, tmp_path):
    policytext.write_topics(tmp_path, nmf, units, n_boot=0)
    coherence = _read_csv(tmp_path / "coherence.csv")
    assert len(coherence) == 1 and coherence[0]["k"] == "4" and not math.isnan(float(coherence[0]["c_npmi"]))
    with pytest.raises(policytext.ConfigError, match="fitted on"):
        policytext.write_topics(tmp_path, nmf, units[:5])
