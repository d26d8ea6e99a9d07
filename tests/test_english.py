"""English support across the stages: read, parse, sentences, words, explore, topics, diff.

Real English comes from ../shared: the English side of the Chinese–English
government work reports (TMX, 2008–2022), LexDeMod contract sentences and CUAD
contract clauses; plus the bundled English notice and charter, a US-style
bylaws text and a short regulation written here.
"""

from __future__ import annotations

import csv
import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SAMPLE, shared_path

import policytext
from policytext import Document, Segmenter, split_sentences

EN_SAMPLE = SAMPLE / "documents" / "en"
CHARTER = EN_SAMPLE / "yungang_2024_port-logistics-consortium-charter_en.txt"
NOTICE = EN_SAMPLE / "moe_2023_city-consortium-notice_en.txt"

REGULATION = """\
Regulation on the Administration of Vocational Training Funds
No. 7 [2024]

Part I General Provisions

Article 1 Purpose
1.1 This Regulation is made to ensure that training funds are used lawfully and efficiently.
1.2 This Regulation applies to all funds allocated under the Vocational Training Programme.

Article 2 Definitions
In this Regulation:
(a) "training provider" means a school or enterprise approved under Article 5;
(b) "trainee" means a person enrolled in an approved course; and
(c) "competent authority" means the provincial department of human resources.

Part II Use of Funds

Article 3 Eligible Costs
3.1 Funds shall be used only for:
(a) tuition and examination fees;
(b) training materials, where:
(i) the materials are listed in the approved course plan; and
(ii) the cost does not exceed 10% of the grant;
(c) travel of trainees within the province.
3.2 Funds must not be used to pay the salaries of permanent staff.

Article 4 Reporting
A training provider shall report the use of funds to the competent authority within 30 days after the end of each quarter.

Provincial Department of Human Resources and Social Security
18 April 2024
"""

BYLAWS = """\
AMENDED AND RESTATED BYLAWS OF NORTHWIND TRADING CORPORATION

ARTICLE I
OFFICES

Section 1.01 Registered Office. The registered office of the Corporation shall be in the City of Wilmington, State of Delaware.

Section 1.02 Other Offices. The Corporation may also have offices at such other places as the Board of Directors may determine.

ARTICLE II
MEETINGS OF STOCKHOLDERS

Section 2.01 Annual Meetings. An annual meeting of stockholders shall be held each year for the purpose of electing directors.

Section 2.02 Special Meetings. Special meetings of the stockholders may be called by:
(a) the Chairman of the Board;
(b) the President; or
(c) the holders of not less than 25% of the outstanding shares, provided that:
(i) the request is made in writing; and
(ii) the request states the purpose of the meeting.

ARTICLE III
DIRECTORS

Section 3.01 Number and Term. The number of directors shall be seven.

Section 3.02 Vacancies. Vacancies must be filled by a majority of the directors then in office.

Adopted: March 3, 2021
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- real English


def _tmx_english(path: Path) -> list[str]:
    """The English segments of a TMX file, in order."""
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"
    out = []
    for tu in ET.parse(path).getroot().iter("tu"):
        for tuv in tu.iter("tuv"):
            if (tuv.get(lang_attr) or tuv.get("lang") or "").lower().startswith("en"):
                seg = tuv.find("seg")
                text = "".join(seg.itertext()).strip() if seg is not None else ""
                if text:
                    out.append(text)
    return out


@pytest.fixture(scope="session")
def reports() -> list[Document]:
    """The English government work reports, one document per year (segments one per line)."""
    folder = shared_path("corpora", "series", "gov-work-reports-tmx")
    docs = []
    for path in sorted(folder.glob("*.tmx")):
        year = int(re.search(r"(19|20)\d\d", path.name).group(0))
        text = "\n".join(_tmx_english(path))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        docs.append(
            Document(id=digest, source=str(path), format="txt", text=text, metadata={"year": year}, lang="en")
        )
    assert len(docs) >= 10
    return docs


# --------------------------------------------------------------------------- read: metadata


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "order.txt",
            "Ministry of Commerce\nOrder No. 3 [2019]\n"
            "Measures for the Administration of Foreign Trade Operators\n"
            "The Measures are hereby promulgated and shall take effect on the date of promulgation.\n\n"
            "Minister: Zhong Shan\nApril 18, 2019\n",
            {
                "title": "Measures for the Administration of Foreign Trade Operators",
                "doc_number": "Order No. 3 [2019]",
                "issuer": "Ministry of Commerce",
                "date": "2019-04-18",
                "kind": "Measures",
            },
        ),
        (
            "opinions.txt",
            "State Council Document No. 15 [2023]\nOpinions of the State Council on Deepening Reform\n\n"
            "To the people's governments of all provinces:\n"
            "The following opinions are issued to deepen reform of vocational education.\n\n"
            "State Council\n18 April 2023\n",
            {
                "title": "Opinions of the State Council on Deepening Reform",
                "doc_number": "Document No. 15 [2023]",
                "issuer": "State Council",
                "date": "2023-04-18",
                "year": 2023,
            },
        ),
        (
            "regulation.txt",
            REGULATION,
            {
                "title": "Regulation on the Administration of Vocational Training Funds",
                "doc_number": "No. 7 [2024]",
                "issuer": "Provincial Department of Human Resources and Social Security",
                "date": "2024-04-18",
            },
        ),
        (
            "eu.txt",
            "REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL\nof 27 April 2016\n"
            "on the protection of natural persons\nArticle 1 Subject-matter\n1. This Regulation lays down rules.\n",
            {"doc_number": "REGULATION (EU) 2016/679", "date": "2016-04-27"},
        ),
        ("bylaws.txt", BYLAWS, {"title": BYLAWS.splitlines()[0], "date": "2021-03-03", "kind": "Bylaws"}),
    ],
)
def test_english_metadata_from_txt(tmp_path, name, text, expected):
    meta = policytext.read(_write(tmp_path, name, text)).metadata
    assert {k: meta.get(k) for k in expected} == expected


def test_no_title_taken_from_the_body(tmp_path):
    text = (
        "Chapter 1 General Provisions\nArticle 1 This Charter governs the Consortium.\n"
        "Article 2 Members shall comply with this Charter.\n"
    )
    meta = policytext.read(_write(tmp_path, "body.txt", text)).metadata
    assert "title" not in meta and "kind" not in meta
    # a body line ending in a sentence is not the issuer signing a date
    meta = policytext.read(_write(tmp_path, "bylaws.txt", BYLAWS)).metadata
    assert "issuer" not in meta


def test_english_metadata_from_html_and_docx(tmp_path):
    html = (
        "<html><head><title>Skills | Ministry of Education</title></head><body>"
        "<h1>Notice of the Ministry of Education on Skills Training</h1>"
        "<p>Jiao Zhi Cheng [2023] No. 15</p><p>To all provinces:</p>"
        "<p>Skills training shall be expanded in every province.</p>"
        "<p>Ministry of Education</p><p>April 18, 2023</p></body></html>"
    )
    meta = policytext.read(_write(tmp_path, "notice.html", html)).metadata
    assert meta["title"] == "Notice of the Ministry of Education on Skills Training"
    assert meta["doc_number"] == "Jiao Zhi Cheng [2023] No. 15"
    assert meta["issuer"] == "Ministry of Education"
    assert meta["date"] == "2023-04-18"

    docx = pytest.importorskip("docx")
    d = docx.Document()
    for para in (
        "Charter of the Riverside Skills Consortium",
        "Adopted on 18 April 2023",
        "Chapter 1 General Provisions",
        "Article 1 Purpose. This Charter regulates the Consortium.",
    ):
        d.add_paragraph(para)
    d.save(tmp_path / "charter.docx")
    doc = policytext.read(tmp_path / "charter.docx")
    assert doc.lang == "en"
    assert doc.metadata["title"] == "Charter of the Riverside Skills Consortium"
    assert doc.metadata["date"] == "2023-04-18"
    assert doc.metadata["kind"] == "Charter"


def test_sample_english_notice_metadata():
    meta = policytext.read(NOTICE).metadata
    assert meta["doc_number"] == "Jiao Zhi Cheng Ting Han [2023] No. 15"
    assert meta["issuer"] == "General Office of the Ministry of Education"
    assert meta["date"] == "2023-05-16"
    assert meta["title"].startswith("Notice of the General Office")


# --------------------------------------------------------------------------- parse


def _tree(clauses) -> dict[str, tuple[str, str, int | None]]:
    return {c.id: (c.level, c.label, c.number) for c in clauses}


def test_parse_sample_english_charter():
    doc = policytext.read(CHARTER)
    tree = _tree(policytext.parse(doc))
    assert tree["ch1"] == ("chapter", "Chapter 1", 1)
    assert tree["ch1.art1"] == ("article", "Article 1", 1)
    assert tree["ch1.art1.p2"] == ("paragraph", "1.2", 2)
    assert tree["ch2.art4.p1.i3"] == ("item", "(c)", 3)
    assert tree["ch4.art11.i4"] == ("item", "(d)", 4)
    assert tree["ch7.art20.p2"] == ("paragraph", "20.2", 2)
    assert sum(level == "article" for level, _, _ in tree.values()) == 20
    assert sum(level == "chapter" for level, _, _ in tree.values()) == 7
    titles = {c.id: c.title for c in doc.clauses}
    assert titles["ch1"] == "General Provisions" and titles["ch2.art6"] == "Withdrawal and Expulsion"
    for c in doc.clauses:
        assert doc.text[c.start : c.end] == c.text
    assert not doc.warnings


def test_parse_us_bylaws_article_section_items(tmp_path):
    doc = policytext.read(_write(tmp_path, "bylaws.txt", BYLAWS))
    clauses = policytext.parse(doc)
    tree = _tree(clauses)
    assert tree["art1"] == ("article", "ARTICLE I", 1)
    assert tree["art1.sec1"] == ("section", "Section 1.01", 1)
    assert tree["art1.sec2"] == ("section", "Section 1.02", 2)
    assert tree["art2.sec2"] == ("section", "Section 2.02", 2)
    assert tree["art2.sec2.i3"] == ("item", "(c)", 3)
    assert tree["art2.sec2.i3.s2"] == ("subitem", "(ii)", 2)
    assert tree["art3.sec2"] == ("section", "Section 3.02", 2)
    titles = {c.id: c.title for c in clauses}
    assert titles["art2"] == "MEETINGS OF STOCKHOLDERS"
    assert titles["art2.sec1"] == "Annual Meetings"
    closing = next(c for c in clauses if c.level == "closing")
    assert closing.text == "Adopted: March 3, 2021"


def test_parse_english_regulation_fixture(tmp_path):
    doc = policytext.read(_write(tmp_path, "regulation.txt", REGULATION))
    tree = _tree(policytext.parse(doc))
    assert tree["pt1"] == ("part", "Part I", 1)
    assert tree["pt1.art1.p2"] == ("paragraph", "1.2", 2)
    assert tree["pt1.art2.i3"] == ("item", "(c)", 3)
    assert tree["pt2.art3.p1.i2.s1"] == ("subitem", "(i)", 1)
    assert tree["pt2.art3.p1.i3"] == ("item", "(c)", 3)  # (c) after (ii): back up a level
    assert tree["pt2.art3.p2"] == ("paragraph", "3.2", 2)
    assert tree["pt2.art4"] == ("article", "Article 4", 4)
    assert "closing" in tree


def test_schedule_and_annex_labels(tmp_path):
    text = (
        "Article 1 Scope\nThis Regulation applies to training funds.\n"
        "Article 2 Forms\nThe forms are set out in Schedule 2.\n"
        "Schedule 2 Forms\nArticle 1 Form A\nForm A is the application.\nArticle 2 Form B\nForm B is the report.\n"
    )
    tree = _tree(policytext.parse(Document(id="s", source="s", format="txt", text=text, lang="en")))
    assert tree["annex2"] == ("part", "Schedule 2", 2)
    assert tree["annex2.art2"] == ("article", "Article 2", 2)


# --------------------------------------------------------------------------- sentences


def _split(text: str, **kw) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Decree No. 15 [2023] applies. See Arts. 5 and 6.",
            ["Decree No. 15 [2023] applies.", "See Arts. 5 and 6."],
        ),
        ("GDP grew by 6.1 percent. Prices rose 2.5%.", ["GDP grew by 6.1 percent.", "Prices rose 2.5%."]),
        (
            "Exports to the U.S. Government fell. Mr. Li spoke.",
            ["Exports to the U.S. Government fell.", "Mr. Li spoke."],
        ),
        ("Use funds, e.g. grants, i.e. cash. Next.", ["Use funds, e.g. grants, i.e. cash.", "Next."]),
        ("Is it done? Yes! It is.", ["Is it done?", "Yes!", "It is."]),
        ('He said, "It is done." Then he left.', ['He said, "It is done."', "Then he left."]),
        ("He said, “Is it done?” Then he left.", ["He said, “Is it done?”", "Then he left."]),
        # abbreviations that end a sentence: a reference word before no number, etc. before a capital
        ("The answer is no. We move on.", ["The answer is no.", "We move on."]),
        (
            "We support culture and the arts. We will go on.",
            ["We support culture and the arts.", "We will go on."],
        ),
        ("Water, gas, power, etc. We will pay.", ["Water, gas, power, etc.", "We will pay."]),
        (
            "We will increase investment in R&D. We will act.",
            ["We will increase investment in R&D.", "We will act."],
        ),
        # a period run into the next sentence (a typo of real reports), not a web address
        ("to ensure stability.These efforts paid off.", ["to ensure stability.", "These efforts paid off."]),
        ("Visit www.Example.gov.cn today.", ["Visit www.Example.gov.cn today."]),
    ],
)
def test_english_sentence_cases(text, expected):
    assert _split(text, lang="en", semicolon=False) == expected


@pytest.mark.shared
def test_english_sentences_of_the_work_reports(reports):
    """Segments of the TMX are aligned sentences: their ends must be found, and no abbreviation split."""
    found = missed = 0
    for doc in reports:
        segments = doc.text.split("\n")
        joined = " ".join(segments)
        ends = {b for _, b in split_sentences(joined, lang="en", semicolon=False)}
        pos = 0
        for seg in segments[:-1]:
            pos += len(seg)
            if re.search(r"[.?!][\"”’)]*$", seg):
                found += pos in ends
                missed += pos not in ends
            pos += 1
        for a, b in split_sentences(joined, lang="en", semicolon=False):
            sentence = joined[a:b]
            assert not re.search(r"\b(?:No|Art|Mr|Dr|e\.g|i\.e|U\.S)\.$", sentence), sentence
            assert not re.match(r"\d", joined[b:].lstrip()[:1]) or not re.search(r"\d\.$", sentence), sentence
    assert found > 8000
    assert missed / (found + missed) < 0.001, missed


# --------------------------------------------------------------------------- words


def test_segmenter_english_words():
    seg = Segmenter()
    text = (
        "The Council's well-being rules apply to U.S. firms, e.g. COVID-19 relief in 2011-2020; "
        "GDP grew 6.1 percent to 1,000,000 yuan (30%)."
    )
    tokens = seg.cut(text)
    assert "".join(tokens) == text
    for word in ("Council", "'s", "well-being", "U.S.", "COVID-19", "2011-2020", "6.1", "1,000,000", "30%"):
        assert word in tokens, word
    assert seg.tokens(text) == [
        "council", "well-being", "rules", "apply", "u.s.", "firms", "covid-19", "relief", "2011-2020",
        "gdp", "grew", "6.1", "percent", "1,000,000", "yuan", "30%",
    ]  # fmt: skip
    # stopwords and punctuation dropped, deontic cues kept
    assert seg.tokens("Members shall not, and must not, charge any fee.") == [
        "members", "shall", "must", "charge", "fee",
    ]  # fmt: skip
    assert Segmenter(lowercase=False).tokens("The Council shall meet.") == ["Council", "shall", "meet"]
    assert Segmenter(stopwords=None).tokens("It is the Council's.") == ["it", "is", "the", "council", "'s"]


def test_chinese_text_is_cut_as_before():
    seg = Segmenter()
    ref = Segmenter(lang="zh")
    for text in ("深化产教融合，推进1+X证书制度。", "推进5G和AI技术 2011-2020年", "发展e-commerce产业"):
        assert seg.cut(text) == ref.cut(text)
    assert seg.tokens("推进5G和AI技术") == ref.tokens("推进5G和AI技术") == ["5G", "AI", "技术"]


def test_english_text_with_a_chinese_name():
    seg = Segmenter(stopwords=None)
    text = "The Notice of the Ministry of Education (教职成厅函) on the well-being of students"
    tokens = seg.cut(text)
    assert "well-being" in tokens and "Notice" in tokens and "教职" in tokens
    assert "".join(tokens) == text
    assert [w for w, t in seg.tag("Members shall pay 30 yuan.") if not w.isspace()] == [
        "Members", "shall", "pay", "30", "yuan", ".",
    ]  # fmt: skip
    assert dict(seg.tag("Members shall pay 30 yuan."))["30"] == "m"
    with pytest.raises(policytext.ConfigError, match="auto, zh, en"):
        Segmenter(lang="fr")


@pytest.mark.shared
def test_english_words_match_lexdemod_tokens():
    """LexDeMod's contract sentences are tokenized by hand: our cut keeps nearly every token whole."""
    path = shared_path("gold", "deontic_lexdemod_en", "test_annotated_data.csv")
    with open(path, encoding="utf-8") as fh:
        texts = sorted({re.sub(r"^\[\w+\] ", "", row["text"]) for row in csv.DictReader(fh)})
    seg = Segmenter(stopwords=None)
    total = whole = 0
    for text in texts:
        ours = set()
        pos = 0
        for tok in seg.cut(text):
            ours.add((pos, pos + len(tok)))
            pos += len(tok)
        for m in re.finditer(r"\S+", text):
            total += 1
            whole += m.span() in ours
    assert total > 50_000
    assert whole / total > 0.995, whole / total


@pytest.mark.shared
def test_cuad_clauses_sentences_and_words():
    folder = shared_path("gold", "contract_clauses_cuad_legalbench")
    seg = Segmenter()
    n = letters = words_seen = 0
    for path in sorted(folder.glob("*.tsv")):
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                text = row["text"]
                assert "".join(seg.cut(text)) == text
                words = seg.tokens(text)
                assert all(w == w.lower() for w in words)
                # single letters come only from list references such as "(a)-(b)"
                letters += sum(len(w) == 1 and w.isalpha() for w in words)
                words_seen += len(words)
                for a, b in split_sentences(text, lang="en"):
                    # "Section 4.12", "No. 5" are never cut after the period
                    assert not (
                        re.search(r"\b(?:Section|No|Art)\.$", text[a:b]) and text[b:].lstrip()[:1].isdigit()
                    )
                n += 1
    assert n > 700
    assert letters / words_seen < 0.005


def test_tokenize_command_on_english(runner, cli):
    result = runner.invoke(
        cli, ["tokenize"], input="The Council's well-being rules apply to U.S. firms.\n深化产教融合。\n"
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "The  Council  's  well-being  rules  apply  to  U.S.  firms  ."
    assert lines[1] == "深化  产教融合  。"


def test_spacy_english_tokens_are_ours():
    pytest.importorskip("spacy")
    doc = policytext.nlp("en")("The well-being of U.S. firms.")
    assert [t.text for t in doc] == ["The", "well-being", "of", "U.S.", "firms", "."]
    assert doc.text == "The well-being of U.S. firms."


# --------------------------------------------------------------------------- explore

_WORD = re.compile(r"^[a-z0-9][a-z0-9.'’/-]*[a-z0-9.%]$")


@pytest.mark.shared
def test_keyness_of_2020s_against_2000s_reports(reports):
    seg = Segmenter()
    recent = policytext.keyness(reports, target="year>=2020", reference="year<=2009", top=20)
    early = policytext.keyness(reports, target="year<=2009", reference="year>=2020", top=20)
    for rows in (recent, early):
        terms = [r.term for r in rows]
        assert all(_WORD.match(t) for t in terms), terms
        assert not [t for t in terms if seg.is_stopword(t)], terms
    assert "covid-19" in [r.term for r in recent[:10]]
    assert {"billion", "farmers"} & {r.term for r in early}


@pytest.mark.shared
def test_terms_and_collocations_are_words(reports):
    rows = policytext.term_frequencies(reports[-3:], top=50)
    terms = [r.term for r in rows]
    assert all(_WORD.match(t) and len(t) > 1 for t in terms), terms
    assert {"development", "china"} <= set(terms)
    pairs = policytext.collocations(reports[-3:], top=20, min_count=5)
    assert all(" " in r.collocation and _WORD.match(r.first) and _WORD.match(r.second) for r in pairs)


def test_english_clause_labels_are_not_terms():
    """``Article 5`` is a clause number, as 第五条 is: not counted; "this article" in prose is."""
    terms = [r.term for r in policytext.term_frequencies([policytext.read(CHARTER)], top=40)]
    assert "council" in terms and "members" in terms
    assert not {"article", "chapter", "1.1", "a", "b"} & set(terms)
    stream = policytext.TokenStream()
    assert stream.content("Part II of this article applies under Section 2.01.") == ["article", "applies"]
    assert stream.content("第五条规定") == ["规定"]


def test_kwic_matches_whole_words_case_insensitively():
    text = (
        "The State Council issued a statement. The state sector shrank.\n"
        "We will grow e-commerce and commerce services."
    )
    hits = list(policytext.kwic([text], "state", window=2))
    assert [h.keyword for h in hits] == ["State", "state"]
    assert [h.keyword for h in policytext.kwic([text], "state", case_sensitive=True)] == ["state"]
    assert [h.keyword for h in policytext.kwic([text], "commerce")] == ["commerce"]
    assert [h.keyword for h in policytext.kwic([text], "e-commerce")] == ["e-commerce"]
    assert [h.keyword for h in policytext.kwic([text], "State Council")] == ["State Council"]
    assert len(list(policytext.kwic([text], "commerce", substring=True))) == 2


def test_dictionary_coding_on_english():
    coding = policytext.code_documents(
        ["The government shall provide subsidies and tax incentives for talent training."]
    )
    counts = {r.category: r.count for r in coding.documents}
    assert counts["supply"] >= 1 and counts["environment"] >= 1


# --------------------------------------------------------------------------- topics


@pytest.mark.shared
def test_topics_on_english_report_paragraphs(reports):
    from policytext.topics import CoherenceReference

    docs = reports[::3]
    units = policytext.topic_units(docs, unit="paragraph")
    model = policytext.TopicModel(k=6, seed=7).fit(units)
    seg = Segmenter()
    for terms in model.top_terms(10):
        assert all(_WORD.match(t) and len(t) > 1 for t in terms), terms
        assert not [t for t in terms if seg.is_stopword(t)], terms
    assert len(model.vocabulary_) > 1000
    ref = CoherenceReference(u.text for u in units)
    scores = ref.npmi(model.top_terms(10))
    assert sum(scores) / len(scores) > 0.05


def test_english_coherence_counts_whole_words():
    from policytext.topics import CoherenceReference

    ref = CoherenceReference(
        ["The State Council.", "A statement on taxation.", "Tax on e-commerce.", "推进5G技术"]
    )
    assert ref.occurrences("state").tolist() == [0]
    assert ref.occurrences("tax").tolist() == [2]
    assert ref.occurrences("commerce").tolist() == [2]  # a hyphen is a word boundary in the text
    assert ref.occurrences("5g").tolist() == [3]


def test_english_paragraphs_for_topics():
    text = "II. Main Tasks\n(1) Governance. Each consortium shall operate.\nIt applies.\nA longer paragraph follows here."
    spans = [text[a:b] for a, b in policytext.paragraph_spans(text)]
    assert spans == [
        "II. Main Tasks\n(1) Governance. Each consortium shall operate.",
        "It applies.",
        "A longer paragraph follows here.",
    ]
    zh = "一、总体要求\n到2025年，建成一批产教融合型城市。"
    assert [zh[a:b] for a, b in policytext.paragraph_spans(zh)] == [zh]


# --------------------------------------------------------------------------- diff


def test_diff_english_charter_against_edited_copy(tmp_path):
    template = CHARTER.read_text(encoding="utf-8").replace(
        "14.2 Members shall not place students", "14.2 Members must not place students"
    )
    edits = [
        (
            "withdraw shall notify the Secretariat in writing",
            "withdraw may notify the Secretariat in writing",
        ),
        ("14.2 Members must not place students", "14.2 Members should not place students"),
        (
            "at least 30 days before the General Assembly meets",
            "at least 60 days before the General Assembly meets",
        ),
        ("no fewer than 5 full-time staff", "no fewer than five full-time staff"),
        (
            "9.1 The Council shall meet at least twice a year.",
            "9.1 The Council shall meet at least three times a year.",
        ),
    ]
    charter = template
    for old, new in edits:
        assert old in charter
        charter = charter.replace(old, new)
    charter = charter.replace(
        "Council members serve a term of three years", "Council members serve a term of five years"
    )
    result = policytext.diff_documents(
        policytext.read(_write(tmp_path, "template.txt", template)),
        policytext.read(_write(tmp_path, "charter.txt", charter)),
    )
    flags = {c.template_clause: (c.flags, c.details) for c in result.changes if c.status == "modified"}
    assert "weakened" in flags["Article 6"][0] and "weakened: shall→may" in flags["Article 6"][1]
    assert "weakened: must not→should not" in flags["Article 14"][1]
    assert "number_changed: 30→60" in flags["Article 18"][1]
    assert "number_changed" in flags["Article 8"][0]  # three years -> five years
    assert "number_changed: twice→three" in flags["Article 9"][1]
    # 5 -> five is the same number
    assert "number_changed" not in flags["Article 10"][0]
    md = policytext.redline_markdown(result)
    assert "~~shall~~**may**" in md
    assert "~~must~~**should**" in md


@pytest.mark.parametrize(
    ("old", "new", "flag"),
    [
        ("shall", "may", "weakened"),
        ("must", "should", "weakened"),
        ("should", "may", "weakened"),
        ("must not", "should not", "weakened"),
        ("shall not", "should not", "weakened"),
        ("may", "shall", "strengthened"),
        ("should not", "must not", "strengthened"),
    ],
)
def test_english_modal_strength(tmp_path, old, new, flag):
    body = "Article 1 Members {} report to the Council within thirty days.\nArticle 2 The Council meets yearly.\n"
    result = policytext.diff_documents(
        policytext.read(_write(tmp_path, "a.txt", body.format(old))),
        policytext.read(_write(tmp_path, "b.txt", body.format(new))),
    )
    change = next(c for c in result.changes if c.status == "modified")
    assert flag in change.flags, change.details


def test_english_number_words_changed(tmp_path):
    body = (
        "Article 1 Members shall report to the Council within {} days.\nArticle 2 The Council meets yearly.\n"
    )
    for old, new, changed in [
        ("thirty", "sixty", True),
        ("30", "60", True),
        ("thirty (30)", "sixty (60)", True),
        ("twenty-one", "21", False),
        ("thirty", "30", False),
    ]:
        result = policytext.diff_documents(
            policytext.read(_write(tmp_path, "a.txt", body.format(old))),
            policytext.read(_write(tmp_path, "b.txt", body.format(new))),
        )
        change = next(c for c in result.changes if c.status == "modified")
        assert ("number_changed" in change.flags) is changed, (old, new, change.details)
