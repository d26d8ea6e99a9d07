"""Corpus exploration: term tables, keyness, collocations, KWIC, co-word networks, dictionary coding.

Small corpora with counts worked out by hand (English words where the arithmetic
matters, so that the tokens are beyond doubt; Chinese where segmentation is the
point), then the bundled sample corpus, then real documents from ../shared.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import shared_path
from scipy.stats import chi2 as chi2_dist
from scipy.stats import chi2_contingency

import policytext
from policytext import ConfigError, Document, Failure

GEXF = "{http://gexf.net/1.3}"


def make_doc(text: str, name: str = "doc", lang: str | None = None, **metadata) -> Document:
    """A document from text, as a reader would give it (id: hash of the text)."""
    if lang is None:
        lang = "en" if re.search(r"[A-Za-z]", text) and not re.search(r"[\u4e00-\u9fff]", text) else "zh"
    digest = hashlib.sha256(f"{name}:{text}".encode()).hexdigest()[:16]
    return Document(id=digest, source=f"{name}.txt", format="txt", text=text, metadata=metadata, lang=lang)


# --------------------------------------------------------------------------- groups


@pytest.mark.parametrize(
    "spec, field, op, values",
    [
        ("level=city", "level", "=", ("city",)),
        ("level = city", "level", "=", ("city",)),
        ("level==city", "level", "=", ("city",)),
        ("level=city,provincial", "level", "=", ("city", "provincial")),
        ("lang!=en", "lang", "!=", ("en",)),
        ("year>=2020", "year", ">=", ("2020",)),
        ("year<1979", "year", "<", ("1979",)),
    ],
)
def test_parse_group_reads_every_form(spec, field, op, values):
    sel = policytext.parse_group(spec)
    assert (sel.field, sel.op, sel.values) == (field, op, values)


@pytest.mark.parametrize("spec", ["levelcity", "level=", "=city", "year>=recent", ""])
def test_parse_group_rejects_bad_text(spec):
    with pytest.raises(ConfigError):
        policytext.parse_group(spec)


def test_group_selectors_test_metadata_and_attributes():
    doc = make_doc("alpha.", name="plan", level="city", year=2023)
    assert policytext.parse_group("level=City")(doc)  # values compare without case
    assert policytext.parse_group("level=national,city")(doc)
    assert policytext.parse_group("year>=2020")(doc) and not policytext.parse_group("year<2020")(doc)
    assert not policytext.parse_group("region=东海")(doc)  # a missing field never equals
    assert policytext.parse_group("region!=东海")(doc)
    assert policytext.parse_group("lang=en")(doc)  # document attributes are fields too
    assert policytext.group_value(doc, "region") == "(missing)"
    assert policytext.group_value(doc, "year") == 2023
    assert policytext.group_value(doc, "doc") == doc.id


# --------------------------------------------------------------------------- terms


def test_term_table_matches_counts_worked_by_hand():
    docs = [
        make_doc("alpha beta alpha.", name="a", grp="g1"),
        make_doc("beta gamma.", name="b", grp="g1"),
        make_doc("alpha alpha alpha delta.", name="c", grp="g2"),
    ]
    rows = policytext.term_frequencies(docs, by="grp")
    table = {(r.group, r.term): r for r in rows}
    assert [(r.group, r.term) for r in rows] == [
        ("g1", "alpha"),
        ("g1", "beta"),
        ("g1", "gamma"),
        ("g2", "alpha"),
        ("g2", "delta"),
    ]
    # N = 3 documents; alpha and beta are in 2 of them, gamma and delta in 1.
    idf2, idf1 = math.log10(3 / 2), math.log10(3)
    alpha = table[("g1", "alpha")]
    assert (alpha.count, alpha.doc_freq, alpha.doc_share) == (2, 1, 0.5)
    assert alpha.per_10k == pytest.approx(2 / 5 * 10000)
    assert alpha.tfidf == pytest.approx(2 * idf2, abs=1e-6)
    assert alpha.tfidf_max == pytest.approx(2 * idf2, abs=1e-6)
    beta = table[("g1", "beta")]
    assert (beta.count, beta.doc_freq) == (2, 2)
    assert beta.tfidf == pytest.approx(2 * idf2, abs=1e-6)  # the sum over documents
    assert beta.tfidf_max == pytest.approx(1 * idf2, abs=1e-6)  # the most in one document
    assert table[("g1", "gamma")].tfidf == pytest.approx(idf1, abs=1e-6)
    assert table[("g2", "alpha")].count == 3
    assert table[("g2", "alpha")].per_10k == pytest.approx(3 / 4 * 10000)
    assert [r.rank for r in rows if r.group == "g1"] == [1, 2, 3]


def test_term_table_top_min_count_and_sort():
    docs = [make_doc("alpha beta alpha.", name="a"), make_doc("beta gamma beta beta.", name="b")]
    counts = policytext.count_terms(docs)
    assert [r.term for r in counts.rows()] == ["beta", "alpha", "gamma"]
    assert [r.term for r in counts.rows(top=1)] == ["beta"]
    assert [r.term for r in counts.rows(min_count=2)] == ["beta", "alpha"]
    # beta is in both documents: idf 0; alpha and gamma have idf log10(2)
    assert [r.term for r in counts.rows(sort="tfidf")] == ["alpha", "gamma", "beta"]
    with pytest.raises(ConfigError, match="choose one of"):
        counts.rows(sort="zipf")


def test_terms_drop_stopwords_punctuation_and_numbers():
    doc = make_doc("The alpha, 2025 and 30% beta.")
    assert {r.term for r in policytext.term_frequencies([doc])} == {"alpha", "beta"}
    with_numbers = {r.term for r in policytext.term_frequencies([doc], numbers=True)}
    assert {"alpha", "beta", "2025", "30%"} <= with_numbers


def test_terms_keep_chinese_domain_terms_whole():
    rows = policytext.term_frequencies(["深化产教融合，推进市域产教联合体建设，深化产教融合。"])
    counts = {r.term: r.count for r in rows}
    assert counts["产教融合"] == 2
    assert counts["市域产教联合体"] == 1
    assert "联合体" not in counts and "推进" not in counts  # a domain term stays whole; 推进 is a stopword


def test_terms_part_of_speech_filter():
    text = "推动市域产教联合体实体化运作，加大资金投入。"
    nouns = policytext.term_frequencies([text], pos="n")
    assert {r.term for r in nouns} == {"资金投入"}
    assert all(r.tag == "n" for r in nouns)
    globbed = {r.term for r in policytext.term_frequencies([text], pos="n*")}
    assert {"资金投入", "市域产教联合体"} <= globbed  # nz is a noun tag too
    assert "加大" in {r.term for r in policytext.term_frequencies([text], pos=["v"])}


def test_terms_lower_case_english_unless_asked():
    doc = make_doc("Education education EDUCATION reform.")
    assert {r.term: r.count for r in policytext.term_frequencies([doc])}["education"] == 3
    cased = {r.term: r.count for r in policytext.term_frequencies([doc], lowercase=False)}
    assert cased["Education"] == 1 and cased["EDUCATION"] == 1


def test_terms_stream_once_and_skip_failures():
    texts = ["alpha beta.", "beta gamma."]

    def stream():
        yield Failure(source="broken.pdf", error="corrupt")
        for i, t in enumerate(texts):
            yield make_doc(t, name=f"d{i}")

    once = policytext.count_terms(stream())
    assert once.n_documents == 2
    assert (
        once.total()
        == policytext.count_terms([make_doc(t, name=f"d{i}") for i, t in enumerate(texts)]).total()
    )


def test_terms_keep_callable():
    rows = policytext.term_frequencies(["alpha beta gamma."], keep=lambda t: t != "beta")
    assert [r.term for r in rows] == ["alpha", "gamma"]


# --------------------------------------------------------------------------- keyness


def g2_by_hand(a: int, b: int, c: int, d: int) -> float:
    """G² of the 2x2 table [[a, c-a], [b, d-b]], cell by cell."""
    n = c + d
    cells = [
        (a, c * (a + b) / n),
        (c - a, c * (n - a - b) / n),
        (b, d * (a + b) / n),
        (d - b, d * (n - a - b) / n),
    ]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)


def test_keyness_g2_matches_hand_and_scipy():
    rows = policytext.keyness_from_counts({"甲": 10, "乙": 90}, {"甲": 1, "乙": 99})
    top = rows[0]
    expected = g2_by_hand(10, 1, 100, 100)
    assert expected == pytest.approx(8.975977, abs=1e-6)
    scipy_g2 = chi2_contingency([[10, 90], [1, 99]], correction=False, lambda_="log-likelihood")[0]
    assert top.term == "甲" and top.direction == "target"
    assert top.keyness == pytest.approx(expected, abs=1e-6) == pytest.approx(scipy_g2, abs=1e-6)
    assert top.p_value == pytest.approx(chi2_dist.sf(expected, 1))
    assert top.log_ratio == pytest.approx(math.log2(10), abs=1e-6)
    assert (top.target_count, top.reference_count) == (10, 1)
    assert (top.target_per_10k, top.reference_per_10k) == (1000.0, 100.0)
    last = rows[-1]
    assert last.term == "乙" and last.direction == "reference" and last.keyness < 0


def test_keyness_chi2_with_and_without_yates():
    table = [[10, 90], [1, 99]]
    yates = policytext.keyness_from_counts({"甲": 10, "乙": 90}, {"甲": 1, "乙": 99}, measure="chi2")[0]
    assert yates.keyness == pytest.approx(chi2_contingency(table, correction=True)[0], abs=1e-6)
    plain = policytext.keyness_from_counts(
        {"甲": 10, "乙": 90}, {"甲": 1, "乙": 99}, measure="chi2", correction="none"
    )[0]
    # (ad - bc)^2 n / (r1 r2 c1 c2) by hand
    assert plain.keyness == pytest.approx((10 * 99 - 90 * 1) ** 2 * 200 / (100 * 100 * 11 * 189), abs=1e-6)
    assert yates.keyness < plain.keyness


def test_keyness_williams_correction():
    a, b, c, d = 10, 1, 100, 100
    n = c + d
    q = 1 + (n / c + n / d - 1) * (n / (a + b) + n / (n - a - b) - 1) / (6 * n)
    row = policytext.keyness_from_counts({"甲": 10, "乙": 90}, {"甲": 1, "乙": 99}, correction="williams")[0]
    assert row.keyness == pytest.approx(g2_by_hand(a, b, c, d) / q, abs=1e-6)


def test_keyness_log_ratio_takes_half_for_zero():
    rows = policytext.keyness_from_counts({"甲": 4, "乙": 96}, {"乙": 200})
    jia = next(r for r in rows if r.term == "甲")
    assert jia.log_ratio == pytest.approx(math.log2((4 / 100) / (0.5 / 200)))  # = 4


@pytest.mark.parametrize("measure, correction", [("g2", "yates"), ("chi2", "williams"), ("lr", None)])
def test_keyness_rejects_bad_measure_or_correction(measure, correction):
    with pytest.raises(ConfigError):
        policytext.keyness_from_counts({"a": 1}, {"a": 2}, measure=measure, correction=correction)


def test_keyness_orders_both_directions_and_keeps_top_of_each():
    target = {"a": 30, "b": 20, "c": 10, "x": 40}
    reference = {"a": 2, "b": 3, "c": 10, "x": 40, "y": 25, "z": 15}
    rows = policytext.keyness_from_counts(target, reference)
    signs = [r.keyness for r in rows]
    assert signs == sorted(signs, reverse=True)
    assert [r.term for r in rows if r.direction == "target"][:2] == ["a", "b"]
    assert rows[-1].term == "y" and rows[-1].rank == 1
    top = policytext.keyness_from_counts(target, reference, top=1)
    assert [(r.term, r.direction) for r in top] == [("a", "target"), ("y", "reference")]
    assert [r.term for r in policytext.keyness_from_counts(target, reference, min_count=21)] == [
        r.term for r in rows if r.target_count + r.reference_count >= 21
    ]


def test_keyness_over_documents_by_group():
    docs = [
        make_doc("alpha alpha beta.", name="t1", level="city"),
        make_doc("alpha gamma.", name="t2", level="city"),
        make_doc("beta beta gamma.", name="r1", level="national"),
        make_doc("delta.", name="x", level="provincial"),
    ]
    rows = policytext.keyness(docs, target="level=city", reference={"level": "national"})
    expected = policytext.keyness_from_counts(
        {"alpha": 3, "beta": 1, "gamma": 1}, {"beta": 2, "gamma": 1}, target_total=5, reference_total=3
    )
    assert [r.to_dict() for r in rows] == [r.to_dict() for r in expected]
    assert "delta" not in {r.term for r in rows}  # the provincial document is in neither group
    # no reference: every document not in the target
    rest = policytext.keyness(docs, target=lambda d: d.metadata["level"] == "city")
    assert {r.term for r in rest} == {"alpha", "beta", "gamma", "delta"}
    with pytest.raises(ConfigError, match="no document is in the target"):
        policytext.keyness(docs, target="level=town")
    with pytest.raises(ConfigError, match="both the target and the reference"):
        policytext.keyness(docs, target="level=city", reference="level!=national")


# --------------------------------------------------------------------------- collocations


def test_collocation_scores_match_hand_computation():
    text = "alpha beta.\nalpha beta.\nalpha beta.\ngamma delta.\ngamma beta.\nalpha delta."
    rows = policytext.collocations([make_doc(text)], min_count=1)
    pair = next(r for r in rows if r.collocation == "alpha beta")
    # six adjacent pairs; alpha first in 4 of them, beta second in 4; together 3 times
    o11, r1, c1, n = 3, 4, 4, 6
    e11 = r1 * c1 / n
    assert (pair.count, pair.first_count, pair.second_count) == (o11, r1, c1)
    assert pair.expected == pytest.approx(e11, abs=1e-6)
    assert pair.pmi == pytest.approx(math.log2(o11 / e11), abs=1e-6)
    assert pair.npmi == pytest.approx(math.log2(o11 / e11) / -math.log2(o11 / n), abs=1e-6)
    assert pair.t_score == pytest.approx((o11 - e11) / math.sqrt(o11), abs=1e-6)
    table = [[o11, r1 - o11], [c1 - o11, n - r1 - c1 + o11]]
    assert pair.g2 == pytest.approx(
        chi2_contingency(table, correction=False, lambda_="log-likelihood")[0], abs=1e-6
    )
    gamma_beta = next(r for r in rows if r.collocation == "gamma beta")
    assert gamma_beta.pmi < 0 and gamma_beta.g2 < 0  # rarer than chance: negative


def test_collocation_window_counts_dropped_words_as_positions():
    doc = make_doc("alpha the beta.\nalpha the beta.")
    assert policytext.collocations([doc], window=1, min_count=1) == []
    rows = policytext.collocations([doc], window=2, min_count=1)
    assert [(r.collocation, r.count) for r in rows] == [("alpha beta", 2)]
    # pairs never span a sentence end
    assert policytext.collocations([make_doc("alpha.\nbeta.")], window=5, min_count=1) == []


def test_collocates_of_a_node_word():
    doc = make_doc("alpha beta gamma.\nbeta alpha.\ndelta alpha.")
    rows = policytext.collocations([doc], node="Alpha", window=1, min_count=1)
    beta = next(r for r in rows if r.second == "beta")
    assert (beta.first, beta.count, beta.left, beta.right) == ("alpha", 2, 1, 1)
    # 3 window tokens around the 3 alphas (beta, beta, delta; gamma is 2 away); 7 content tokens
    r1, n, c1 = 3, 7, 2
    assert (beta.first_count, beta.second_count) == (r1, c1)
    assert beta.pmi == pytest.approx(math.log2(2 / (r1 * c1 / n)), abs=1e-6)
    assert "gamma" not in {r.second for r in rows}
    assert "gamma" in {r.second for r in policytext.collocations([doc], node="alpha", window=2, min_count=1)}


def test_collocations_reject_bad_options():
    with pytest.raises(ConfigError, match="not one token"):
        policytext.collocations(["alpha beta."], node="alpha beta")
    with pytest.raises(ConfigError):
        policytext.collocations(["alpha beta."], window=0)
    with pytest.raises(ConfigError):
        policytext.collocations(["alpha beta."], sort="dice")


def test_chinese_collocations_on_domain_terms():
    text = "建设实训基地。建设实训基地，建设学校。共享知识产权。共享知识产权。"
    rows = policytext.collocations([text], min_count=2)
    assert [(r.first, r.second, r.count) for r in rows] == [("共享", "知识产权", 2), ("建设", "实训基地", 2)]


# --------------------------------------------------------------------------- kwic


TEXT = "推进市域产教联合体建设，联合体要制定章程。\n联合体成员单位应当履行义务。"


def test_kwic_matches_token_boundaries_by_default():
    doc = make_doc(TEXT)
    hits = list(policytext.kwic([doc], "联合体", window=2))
    assert [h.start for h in hits] == [12, 22]
    for h in hits:
        assert doc.text[h.start : h.end] == "联合体" == h.keyword
    assert hits[0].left == "建设，" and hits[0].right == "要制定"
    sub = list(policytext.kwic([doc], "联合体", substring=True))
    assert len(sub) == 3 and sub[0].start == 6  # inside 市域产教联合体
    assert [h.keyword for h in policytext.kwic([doc], "联合体", regex=True)] == [
        "市域产教联合体",
        "联合体",
        "联合体",
    ]
    assert [h.keyword for h in policytext.kwic([doc], "^联合体$", regex=True)] == ["联合体", "联合体"]
    # a phrase of several tokens matches when it starts and ends on token boundaries
    assert [h.start for h in policytext.kwic([doc], "联合体要")] == [12]
    assert list(policytext.kwic([doc], "合体")) == []


def test_kwic_context_is_window_tokens_and_stays_in_the_document():
    doc = make_doc("one two three four five six seven.", lang="en")
    hit = next(policytext.kwic([doc], "four", window=2))
    assert (hit.left, hit.right) == ("two three ", " five six")  # spaces are not tokens
    edge = next(policytext.kwic([doc], "one", window=3))
    assert edge.left == ""


def test_kwic_english_ignores_case_unless_asked():
    doc = make_doc("Consortia shall report. The consortia report yearly.", lang="en")
    assert [h.keyword for h in policytext.kwic([doc], "consortia")] == ["Consortia", "consortia"]
    assert [h.keyword for h in policytext.kwic([doc], "consortia", case_sensitive=True)] == ["consortia"]


def test_kwic_cites_clauses_in_a_parsed_document():
    doc = make_doc("第一条 联合体应当制定章程。\n第二条 联合体应当报告。")
    hits = list(policytext.kwic([doc], "联合体"))
    assert [(h.clause, h.clause_label) for h in hits] == [("art1.p1", "第一条"), ("art2.p1", "第二条")]


def test_kwic_rejects_bad_patterns():
    with pytest.raises(ConfigError):
        list(policytext.kwic(["文本"], ""))
    with pytest.raises(ConfigError, match="regular expression"):
        list(policytext.kwic(["文本"], "(", regex=True))


# --------------------------------------------------------------------------- co-word networks


def test_coword_network_counts_and_associations():
    text = "alpha beta gamma.\nalpha beta.\nalpha delta.\ngamma delta."
    net = policytext.coword_network([make_doc(text)], top=4)
    assert [(n.term, n.frequency, n.units) for n in net.nodes] == [
        ("alpha", 3, 3),
        ("beta", 2, 2),
        ("delta", 2, 2),
        ("gamma", 2, 2),
    ]
    assert net.n_units == 4
    edges = {(e.source, e.target): e for e in net.edges}
    assert set(edges) == {
        ("alpha", "beta"),
        ("alpha", "delta"),
        ("alpha", "gamma"),
        ("beta", "gamma"),
        ("delta", "gamma"),
    }
    ab = edges[("alpha", "beta")]
    assert ab.weight == 2
    assert ab.jaccard == pytest.approx(2 / (3 + 2 - 2), abs=1e-6)
    assert ab.pmi == pytest.approx(math.log2(2 * 4 / (3 * 2)), abs=1e-6)
    assert net.edges[0] is ab  # heaviest first
    alpha = net.nodes[0]
    assert (alpha.degree, alpha.strength) == (3, 4)
    small = policytext.coword_network([make_doc(text)], top=2)
    assert [(e.source, e.target) for e in small.edges] == [("alpha", "beta")]
    assert [
        (e.source, e.target) for e in policytext.coword_network([make_doc(text)], min_weight=2).edges
    ] == [("alpha", "beta")]


def test_coword_units_sentence_clause_document():
    doc = make_doc("第一条 产教融合。校企合作。\n第二条 实训基地。")
    by_sentence = policytext.coword_network([doc], unit="sentence")
    assert by_sentence.edges == []
    by_clause = policytext.coword_network([make_doc(doc.text)], unit="clause")
    assert [(e.source, e.target) for e in by_clause.edges] in (
        [("产教融合", "校企合作")],
        [("校企合作", "产教融合")],
    )
    by_doc = policytext.coword_network([make_doc(doc.text)], unit="document")
    assert len(by_doc.edges) == 3
    with pytest.raises(ConfigError):
        policytext.coword_network([doc], unit="paragraph")


def test_gexf_is_well_formed_and_escaped():
    net = policytext.CowordNetwork(
        nodes=[
            policytext.CowordNode(id=0, term='R&D <"core">', frequency=5, units=4, degree=1, strength=3),
            policytext.CowordNode(id=1, term="产教融合", frequency=4, units=3, degree=1, strength=3),
        ],
        edges=[
            policytext.CowordEdge(source='R&D <"core">', target="产教融合", weight=3, jaccard=0.75, pmi=1.5)
        ],
        unit="sentence",
        n_units=10,
    )
    text = net.to_gexf()
    assert text == net.to_gexf()  # deterministic
    root = ET.fromstring(text.encode("utf-8"))
    check_gexf(root)
    labels = [n.get("label") for n in root.iter(f"{GEXF}node")]
    assert labels == ['R&D <"core">', "产教融合"]
    edge = next(root.iter(f"{GEXF}edge"))
    assert (edge.get("source"), edge.get("target"), float(edge.get("weight"))) == ("0", "1", 3.0)


def check_gexf(root: ET.Element) -> None:
    """The structure GEXF 1.3 requires (gexf.net/1.3/gexf.rnc): what Gephi reads."""
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    children = [c.tag for c in root]
    assert children[-1] == f"{GEXF}graph" and children[:-1] in ([], [f"{GEXF}meta"])
    graph = root.find(f"{GEXF}graph")
    assert graph.get("defaultedgetype") in ("directed", "undirected", "mutual")
    order = [c.tag for c in graph]
    assert order[-2:] == [f"{GEXF}nodes", f"{GEXF}edges"]
    assert all(t == f"{GEXF}attributes" for t in order[:-2])
    declared = {}
    for block in graph.findall(f"{GEXF}attributes"):
        assert block.get("class") in ("node", "edge")
        for att in block.findall(f"{GEXF}attribute"):
            assert att.get("type") in ("integer", "long", "double", "float", "boolean", "string")
            declared[(block.get("class"), att.get("id"))] = att.get("title")
    ids = set()
    for node in graph.iter(f"{GEXF}node"):
        ids.add(node.get("id"))
        for value in node.iter(f"{GEXF}attvalue"):
            assert ("node", value.get("for")) in declared
    nodes = graph.find(f"{GEXF}nodes")
    assert int(nodes.get("count")) == len(ids)
    for edge in graph.iter(f"{GEXF}edge"):
        assert edge.get("source") in ids and edge.get("target") in ids
        float(edge.get("weight"))
        for value in edge.iter(f"{GEXF}attvalue"):
            assert ("edge", value.get("for")) in declared
    titles = {t for (cls, _), t in declared.items() if cls == "node"}
    assert "frequency" in titles


# --------------------------------------------------------------------------- dictionaries


def test_dictionary_from_both_yaml_forms():
    plain = policytext.Dictionary.from_dict({"supply": {"资金": ["资金投入"]}, "demand": ["采购"]})
    assert list(plain.categories) == ["supply", "supply.资金", "demand"]
    assert plain.leaves == ["supply.资金", "demand"]
    wrapped = policytext.Dictionary.from_dict(
        {"name": "x", "reference": "R&Z 1981", "categories": {"supply": ["资金投入"]}}
    )
    assert (wrapped.name, wrapped.reference, list(wrapped.categories)) == ("x", "R&Z 1981", ["supply"])
    assert plain.ancestors("supply.资金") == ["supply.资金", "supply"]


@pytest.mark.parametrize(
    "data, message",
    [
        (["资金"], "mapping"),
        ({"a.b": ["资金"]}, "bad category name"),
        ({"a": [{"b": 1}]}, "not a word"),
        ({"a": 3}, "list of entries"),
        ({"a": {}}, "no entries"),
        ({"a": ["*"]}, "matches everything"),
    ],
)
def test_dictionary_errors_name_the_problem(data, message):
    with pytest.raises(ConfigError, match=message):
        policytext.code_documents(["资金投入。"], data)


def test_load_dictionary_files(tmp_path):
    good = tmp_path / "codes.yaml"
    good.write_text("supply:\n  资金: [资金投入, 专项资金]\n", encoding="utf-8")
    assert policytext.load_dictionary(good).categories["supply.资金"] == ["资金投入", "专项资金"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("supply: [资金\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        policytext.load_dictionary(bad)
    words = tmp_path / "words.txt"
    words.write_text("资金投入 100 n\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="--user-dict"):
        policytext.load_dictionary(words)
    with pytest.raises(ConfigError, match="no such dictionary"):
        policytext.load_dictionary(tmp_path / "missing.yaml")


def test_dictionary_entries_match_on_token_boundaries_with_globs():
    text = "给予价格补贴和补贴资金，发放补贴款。实行政府采购制度。推进市域产教联合体建设。"
    seg = policytext.Segmenter()
    assert "政府采购" not in seg.cut(text)  # the phrase is two tokens; it must still match
    coding = policytext.code_documents(
        [text],
        {
            "glob": ["补贴*"],
            "lead": ["*补贴"],
            "phrase": ["政府采购"],
            "inside": ["联合体"],
            "whole": ["市域产教联合体"],
        },
    )
    got = {r.category: r.terms for r in coding.documents}
    assert got["glob"] == {"补贴": 2, "补贴款": 1}
    assert got["lead"] == {"补贴": 2}  # 价格/补贴 are two tokens: the token ending in 补贴 is 补贴
    assert got["phrase"] == {"政府采购": 1}
    assert got["inside"] == {}  # not inside the domain term
    assert got["whole"] == {"市域产教联合体": 1}


def test_dictionary_counts_nested_categories_once_per_match():
    text = "给予价格补贴和补贴资金。"
    coding = policytext.code_documents([text], {"x": {"a": ["补贴*"], "b": ["价格补贴"]}, "y": ["价格补贴"]})
    rows = {r.category: r for r in coding.documents}
    assert rows["x.a"].count == 2 and rows["x.b"].count == 1
    assert rows["x"].count == 2  # 价格补贴 and the 补贴 inside it overlap: counted once, the longest kept
    assert rows["x"].terms == {"价格补贴": 1, "补贴": 1}
    assert rows["y"].count == 1  # a word may code two categories
    tokens = rows["x"].tokens
    assert tokens == len(policytext.Segmenter().tokens(text))
    assert rows["x"].share == pytest.approx(2 / tokens, abs=1e-6)
    assert (rows["x"].depth, rows["x.a"].depth) == (1, 2)


def test_dictionary_coding_by_group_and_wide():
    docs = [
        make_doc("Training and funding.", name="a", level="city"),
        make_doc("More training.", name="b", level="city"),
        make_doc("Tax incentives.", name="c", level="national"),
    ]
    codes = {"supply": {"training": ["training"], "funds": ["fund*"]}, "environment": ["tax*", "incentive*"]}
    coding = policytext.code_documents(docs, codes, by="level")
    groups = {(r.group, r.category): r for r in coding.groups}
    assert groups[("city", "supply")].count == 3 and groups[("city", "supply")].documents == 2
    assert groups[("city", "supply.training")].terms == {"training": 2}
    assert groups[("national", "environment")].count == 2
    assert groups[("national", "supply")].count == 0
    wide = coding.wide()
    assert [w["source"] for w in wide] == ["a.txt", "b.txt", "c.txt"]
    assert [w["supply"] for w in wide] == [2, 1, 0]
    wide_groups = coding.wide(level="group", value="share")
    assert [w["group"] for w in wide_groups] == ["city", "national"]
    assert wide_groups[1]["environment"] == pytest.approx(1.0)  # tax, incentives: both content tokens
    with pytest.raises(ConfigError):
        coding.wide(level="clause")
    lean = policytext.code_documents(docs, codes, by="level", per_document=False)
    assert lean.documents == [] and [r.to_dict() for r in lean.groups] == [r.to_dict() for r in coding.groups]


def test_shipped_policy_instrument_dictionary():
    d = policytext.load_dictionary("policy_instruments")
    assert [c for c in d.categories if "." not in c] == ["supply", "environment", "demand"]
    subs = {c.split(".", 1)[1] for c in d.categories if "." in c}
    for name in [
        "人才培养",
        "资金投入",
        "基础设施",
        "技术支持",
        "信息服务",
        "目标规划",
        "财税优惠",
        "金融支持",
        "法规管制",
        "策略性措施",
        "政府采购",
        "服务外包",
        "示范工程",
        "海外交流",
        "价格补贴",
    ]:
        assert name in subs
    assert all(len(d.categories[leaf]) >= 5 for leaf in d.leaves)
    assert "Rothwell" in d.reference


# --------------------------------------------------------------------------- the sample corpus


@pytest.fixture(scope="module")
def sample_docs(sample):
    docs = list(policytext.iter_documents([sample / "documents"], metadata=sample / "metadata.csv"))
    assert all(isinstance(d, Document) for d in docs)
    return docs


def test_sample_keyness_city_against_national(sample_docs):
    rows = policytext.keyness(
        sample_docs, target=["level=city", "lang=zh"], reference=["level=national", "lang=zh"], top=10
    )
    city = [r for r in rows if r.direction == "target"]
    national = [r for r in rows if r.direction == "reference"]
    assert len(city) == 10 and len(national) == 10
    assert all(r.target_per_10k > r.reference_per_10k and r.log_ratio > 0 for r in city)
    assert all(r.target_per_10k < r.reference_per_10k and r.log_ratio < 0 for r in national)
    # city plans name their city and its offices; the national notice speaks of regions
    assert {"云港", "市"} <= {r.term for r in city}
    assert "区域" in {r.term for r in national}
    assert all(r.p_value < 0.05 for r in city[:5])


def test_sample_terms_by_level(sample_docs):
    rows = policytext.term_frequencies(sample_docs, by="level", top=5)
    assert {r.group for r in rows} == {d.metadata["level"] for d in sample_docs}
    assert all(r.rank <= 5 for r in rows)
    assert "联合体" in {r.term for r in rows if r.group == "city"}


def test_sample_dictionary_coding_fills_every_category(sample_docs):
    coding = policytext.code_documents(sample_docs)
    totals: dict[str, int] = {}
    for row in coding.documents:
        totals[row.category] = totals.get(row.category, 0) + row.count
    assert set(totals) == set(coding.categories)
    assert all(n > 0 for n in totals.values()), {c: n for c, n in totals.items() if n == 0}
    for doc in sample_docs:
        top = {r.category: r.count for r in coding.documents if r.doc == doc.id and r.depth == 1}
        assert all(top[c] > 0 for c in ("supply", "environment", "demand")), (doc.source, top)


def test_sample_kwic_citations_point_to_real_clauses(sample_docs):
    hits = list(policytext.kwic(sample_docs, "联合体", window=5))
    assert len(hits) > 50
    by_id = {d.id: d for d in sample_docs}
    for hit in hits:
        doc = by_id[hit.doc]
        assert doc.text[hit.start : hit.end] == hit.keyword == "联合体"
        clauses = {c.id: c for c in doc.clauses}
        assert hit.clause in clauses
        clause = clauses[hit.clause]
        assert clause.start <= hit.start and hit.end <= clause.end
        assert hit.page == doc.page_at(hit.start)
    assert any(h.clause_label.startswith(("一、", "二、", "三、", "第")) for h in hits)
    english = list(policytext.kwic(sample_docs, "consortium"))
    assert english and all(h.keyword.lower() == "consortium" for h in english)


def test_sample_coword_network_writes_gexf(sample_docs):
    zh = [d for d in sample_docs if d.lang == "zh"]
    net = policytext.coword_network(zh, top=30, unit="clause")
    assert len(net.nodes) == 30 and net.edges
    assert net.nodes[0].term in {"联合体", "成员"}
    check_gexf(ET.fromstring(net.to_gexf().encode("utf-8")))
    json.dumps(net.to_dict(), ensure_ascii=False)


# --------------------------------------------------------------------------- real documents (../shared)


def _reports(years: list[int]) -> list[Document]:
    folder = shared_path("corpora", "series", "gov-work-reports-txt")
    docs = []
    for year in years:
        doc = policytext.read(folder / f"gwr_{year}.txt")
        doc.metadata["year"] = year
        docs.append(doc)
    return docs


def test_real_government_work_reports_keyness():
    docs = _reports([1954, 1955, 1956, 1957, 2022, 2023, 2024, 2025])
    rows = policytext.keyness(docs, target="year>=2000", reference="year<2000", top=30)
    recent = {r.term for r in rows if r.direction == "target"}
    early = {r.term for r in rows if r.direction == "reference"}
    assert "创新" in recent
    assert {"社会主义", "工业"} & early


def test_real_law_kwic_cites_articles():
    path = shared_path("corpora", "directives", "law_vocational-education-law_2022.md")
    doc = policytext.read(path)
    hits = list(policytext.kwic([doc], "职业学校", window=5))
    assert len(hits) > 20
    for hit in hits:
        assert doc.text[hit.start : hit.end] == "职业学校"
    in_articles = [h for h in hits if "条" in h.clause_label]
    assert len(in_articles) >= 0.8 * len(hits)
    assert all(re.search(r"第[一二三四五六七八九十百零〇]+条", h.clause_label) for h in in_articles)


def test_real_directive_codes_every_instrument_type():
    path = shared_path("corpora", "directives", "cpc-sc_2025_education-power-plan-2024-2035.txt")
    coding = policytext.code_documents([policytext.read(path)])
    top = {r.category: r.count for r in coding.documents if r.depth == 1}
    assert all(top[c] >= 5 for c in ("supply", "environment", "demand")), top


@pytest.mark.slow
def test_real_all_government_work_reports():
    folder = shared_path("corpora", "series", "gov-work-reports-txt")
    years = sorted(int(p.stem.split("_")[1]) for p in Path(folder).glob("gwr_*.txt"))
    docs = _reports(years)
    for doc in docs:
        doc.metadata["decade"] = doc.metadata["year"] // 10 * 10
    rows = policytext.keyness(docs, target="year>=2013", reference="year<=1978", top=15)
    assert {"创新", "改革"} <= {r.term for r in rows if r.direction == "target"}
    assert "社会主义" in {r.term for r in rows if r.direction == "reference"}
    terms = policytext.term_frequencies(docs, by="decade", top=10)
    assert {r.group for r in terms} == {d.metadata["decade"] for d in docs}
    net = policytext.coword_network(docs, top=50)
    assert len(net.nodes) == 50
    check_gexf(ET.fromstring(net.to_gexf().encode("utf-8")))
