"""English through the obligations and targets stages: registers, bearers, deadlines, targets.

The labelled sets ``tests/data/obligations/english_eval.tsv`` and
``tests/data/targets/english_eval.tsv`` (see the README next to each) hold real
English sentences of government work reports, CUAD contract clauses and the
sample charter and notice, labelled by reading before the rules were run on them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import SAMPLE, macro_f1, shared_path

import policytext
from policytext import ConfigError

OBL = Path(__file__).parent / "data" / "obligations" / "english_eval.tsv"
TGT = Path(__file__).parent / "data" / "targets" / "english_eval.tsv"
TGT_ROUND2 = Path(__file__).parent / "data" / "targets" / "english_round2.tsv"
TGT_ROUND3 = Path(__file__).parent / "data" / "targets" / "english_round3.tsv"
TGT_ROUND4 = Path(__file__).parent / "data" / "targets" / "english_round4.tsv"
TGT_ROUND5 = Path(__file__).parent / "data" / "targets" / "english_round5.tsv"
TGT_ROUND6 = Path(__file__).parent / "data" / "targets" / "english_round6.tsv"
TGT_ROUND7 = Path(__file__).parent / "data" / "targets" / "english_round7.tsv"
TGT_ROUND8 = Path(__file__).parent / "data" / "targets" / "english_round8.tsv"
EN_DOCS = SAMPLE / "documents" / "en"


@pytest.fixture(scope="module")
def tagger():
    return policytext.DeonticTagger()


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line]


# --------------------------------------------------------------------------- the audit's cases


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # one leading determiner is left out of every English bearer, so that these agree
        ("(1) A consortium shall be based on a national or provincial industrial park.", "consortium"),
        ("Each consortium shall be based on a park.", "consortium"),
        ("Each consortium shall operate under a council.", "consortium"),
        ("The Council shall meet twice a year.", "Council"),
        ("All localities and departments must implement the decisions.", "localities and departments"),
        ("Neither party shall have the right to assign this Agreement.", "party"),
        # what is kept: possessives, postmodifiers, coordination, relative clauses
        ("Its members should include the park authority.", "Its members"),
        ("Governments at all levels should care about national defense.", "Governments at all levels"),
        ("A member that wishes to withdraw shall notify the Secretariat.", "member that wishes to withdraw"),
    ],
)
def test_english_bearer_convention(tagger, text, actor):
    assert tagger.classify(text).actor == actor


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Members will pay the fee by 31 December 2024.", "by 31 December 2024"),
        ("The Secretariat shall notify the members within 30 days.", "within 30 days"),
        ("Member schools shall submit reports no later than 30 June.", "no later than 30 June"),
        ("The Council shall report by the end of each year.", "by the end of each year"),
        ("Members shall pay the fee annually.", "annually"),
        ("Members shall report every year.", "every year"),
        ("Members shall report each quarter.", "each quarter"),
        ("The school shall register before 1 January 2025.", "before 1 January 2025"),
        ("The Secretariat shall respond in a timely manner.", "in a timely manner"),
        ("The Secretariat shall promptly notify the members.", "promptly"),
        ("The Secretariat shall forthwith notify the members.", "forthwith"),
        (
            "Consortia shall submit an annual report before 31 December each year.",
            "before 31 December each year",
        ),
        (
            "Members shall pay within thirty (30) days after receipt of the invoice.",
            "within thirty (30) days after receipt of the invoice",
        ),
        # a notice period ends at its event, not at the next duty
        (
            "A member shall notify the Secretariat at least 60 days in advance and shall settle its debts.",
            "at least 60 days in advance",
        ),
        # a quantity of hours is no deadline
        ("Member enterprises shall assign staff for no less than 40 teaching hours a year.", ""),
    ],
)
def test_english_deadlines(tagger, text, deadline):
    assert tagger.classify(text).deadline == deadline


def test_english_action_leaves_out_an_aside_after_the_modal(tagger):
    r = tagger.classify("The Secretariat shall, within 30 days, notify the members.")
    assert (r.actor, r.action, r.deadline) == ("Secretariat", "notify the members", "within 30 days")
    r = tagger.classify(
        "Enterprise representatives should, as a rule, make up no less than one third of the council."
    )
    assert r.action == "make up no less than one third of the council"


# --------------------------------------------------------------------------- registers


def test_register_is_read_from_the_text():
    assert (
        policytext.detect_register("We will cut taxes. We will build 3 million homes. We must act.")
        == "programme"
    )
    assert policytext.detect_register("Members will pay the fee by 31 December 2024.") == "normative"
    for path in sorted(EN_DOCS.glob("*.txt")):
        assert policytext.detect_register(path.read_text(encoding="utf-8")) == "normative", path.name
    with pytest.raises(ConfigError, match="programme"):
        policytext.deontic("We will act.", register="report")


@pytest.mark.parametrize(
    ("text", "modality", "actor"),
    [
        # a work report announces what the government will do: no duty ...
        ("We will vigorously develop vocational education.", "none", ""),
        ("This year, we will launch a campaign to standardize order in the market.", "none", ""),
        (
            "We will show the world that China will never seek growth at the expense of the environment.",
            "none",
            "",
        ),
        # ... while must / should / need to are duties in every register
        ("First, we must continue to liberate our thinking.", "obligation", "we"),
        ("We need to make innovations in financing guarantees for export enterprises.", "obligation", "We"),
        ("so we must achieve even better results in this work.", "obligation", "we"),
        (
            "We at every level of government should practice fiscal frugality.",
            "obligation",
            "We at every level of government",
        ),
        (
            "All of us involved must adopt detailed and effective measures.",
            "obligation",
            "All of us involved",
        ),
        # encourage / support as the predicate: an encouragement of the party named after it
        (
            "We will encourage qualified private investors to establish small banks.",
            "encouragement",
            "qualified private investors",
        ),
        (
            "We will deepen reform, keep housing consumption stable, and encourage people to spend more on culture.",
            "encouragement",
            "people",
        ),
        (
            "We will deepen the reform of public hospitals and encourage the development of private hospitals.",
            "encouragement",
            "",
        ),
        (
            "We will adopt preferential policies to encourage more workers to become entrepreneurs.",
            "none",
            "",
        ),
        ("We will increase support for R&D on key technologies.", "none", ""),
        ("We will limit or ban foreign investment in projects that are highly polluting.", "prohibition", ""),
        # cannot: a rule with a party, a fact otherwise
        ("We cannot allow price rises to affect the lives of low-income people.", "prohibition", "We"),
        ("China cannot develop without interacting with the rest of the world.", "none", ""),
        ("Potential financial risks cannot be overlooked.", "none", ""),
        ("The key is to adjust the distribution of the national income.", "none", ""),
        (
            "All government activities must have a legal basis, and no government body may assume any power.",
            "obligation",
            "",
        ),
    ],
)
def test_programme_register(tagger, text, modality, actor):
    r = tagger.classify(text, register="programme")
    assert (r.modality, r.actor) == (modality, actor)


def test_no_party_may_is_a_prohibition(tagger):
    readings = tagger.tag(
        "All activities must have a legal basis, and no government body may assume any power."
    )
    assert [(r.modality, r.actor) for r in readings][-1] == ("prohibition", "government body")


def test_will_is_a_duty_in_a_charter(tagger):
    r = tagger.classify("Members will pay the fee by 31 December 2024.")
    assert (r.modality, r.actor, r.deadline) == ("obligation", "Members", "by 31 December 2024")
    # passives of will state what is to happen; targets are no duties
    assert tagger.classify("By 2025, around 150 consortia will be built nationwide.").modality == "none"


# --------------------------------------------------------------------------- contract English


@pytest.mark.parametrize(
    ("text", "modality", "actor"),
    [
        ("SpinCo hereby covenants not to sue RemainCo under any Licensed Know-How.", "prohibition", "SpinCo"),
        ("Moelis Holdings agrees not to open an office in Japan.", "prohibition", "Moelis Holdings"),
        (
            "Licensee agrees and covenants that it shall not challenge the Licensed Mark.",
            "prohibition",
            "Licensee",
        ),
        ("Nuance agrees that it will not oppose any application by SpinCo.", "prohibition", "Nuance"),
        ("Corio agrees to hold the Source Code in confidence.", "obligation", "Corio"),
        (
            "IBM grants Customer a nonexclusive, revocable license to use the Base Components.",
            "permission",
            "Customer",
        ),
        (
            "Developer hereby grants to Distributor an exclusive right and license to market the Products.",
            "permission",
            "Distributor",
        ),
        (
            "Neither Franchisee nor any of its Owners shall divert any business.",
            "prohibition",
            "Franchisee nor any of its Owners",
        ),
        (
            "For clarity, ENERGOUS shall not intentionally supply Products to customers.",
            "prohibition",
            "ENERGOUS",
        ),
        (
            "Upon the termination of this Agreement, the Sub-Advisor shall co-operate with Oaktree US.",
            "obligation",
            "Sub-Advisor",
        ),
        ("Medica shall at its cost obtain and maintain insurance policies.", "obligation", "Medica"),
        (
            "During the Term and for twelve months thereafter Network Affiliate will not solicit any client.",
            "prohibition",
            "Network Affiliate",
        ),
        (
            "This Agreement may be terminated by ArTara upon thirty (30) days prior written notice.",
            "permission",
            "ArTara",
        ),
        (
            "If LKPL does not respond within thirty days, or cannot provide competitive terms, Axiometric will be free to award the contract.",
            "permission",
            "Axiometric",
        ),
        (
            "The Operating Company then shall have exclusive rights to exploit such opportunity.",
            "permission",
            "Operating Company",
        ),
        ("This Agreement shall not be assignable by either party without consent.", "prohibition", "party"),
        # things are no parties, however contracts capitalise them
        ("This Lease shall terminate on the expiry date.", "none", ""),
        ("Interest shall accrue on any late payment.", "none", ""),
        ("Royalty payments shall be determined by multiplying the revenue and the rate.", "none", ""),
        (
            'The term "Term" shall mean an initial term of five years; provided, however, T&B shall have the right '
            "to terminate the license after the first year.",
            "permission",
            "T&B",
        ),
    ],
)
def test_contract_english(tagger, text, modality, actor):
    r = tagger.classify(text, register="normative")
    assert (r.modality, r.actor) == (modality, actor)


def test_chinese_ignores_the_register(tagger):
    text = "各地要于每年年底前报送实施情况。"
    assert tagger.classify(text, register="programme") == tagger.classify(text)


# --------------------------------------------------------------------------- documents and the CLI


def test_english_notice_rows_cite_and_read_deadlines():
    doc = policytext.read(EN_DOCS / "moe_2023_city-consortium-notice_en.txt")
    rows = policytext.extract_obligations(doc)
    r = next(r for r in rows if r.sentence.startswith("(1) A consortium shall be based on"))
    assert (r.modality, r.actor, r.actor_type, r.clause_label) == (
        "obligation",
        "consortium",
        "consortium body",
        "II.(1)",
    )
    deadlines = {r.deadline for r in rows if r.deadline}
    assert {"by 31 July 2023", "before 31 December each year", "each year"} <= deadlines


def test_cli_reads_a_work_report_as_a_programme(runner, cli, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(
        "We will vigorously develop vocational education.\n"
        "We will cut taxes and fees by about 500 billion yuan.\n"
        "Governments at all levels must fully perform their functions.\n"
        "We will encourage small and midsized banks to replenish capital.\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["obligations", "--lines", str(report), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [(r["modality"], r["actor"]) for r in rows] == [
        ("none", ""),
        ("none", ""),
        ("obligation", "Governments at all levels"),
        ("encouragement", "small and midsized banks"),
    ]


# --------------------------------------------------------------------------- targets


def _targets(text: str, year: int | None = 2023) -> list[tuple]:
    return [
        (t.indicator, t.value, t.unit, t.direction, t.qualifier)
        for t in policytext.extract_targets(text, year=year)
    ]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # the end of "from X to over Y" is named as X would be; a comma between digits ends no piece
        ("Our goal is that by 2020 per capita labor productivity will have risen from 87,000 yuan to over 120,000 yuan.",
         2016, [("per capita labor productivity", 120000.0)]),
        # what money is invested to do
        ("This year the central government plans to invest 42.3 billion yuan to assist and promote employment.",
         2011, [("assist and promote employment", 42.3e9)]),
        # the people whose pay rises, a past "approached", a change against last year's budget
        ("We will raise salaries for the 12 million primary and secondary school teachers.", 2009, []),
        ("The service sector's contribution to growth approached 60 percent.", 2019, []),
        ("This deficit is 150 billion yuan less than budgeted last year, and the deficit will decrease to around 2% of GDP.",
         2011, [("deficit", 2.0)]),
        # "cut" in a list of what will be done; a policy in force; a permission
        ("We will overhaul surcharges on electricity prices, and cut the average electricity price for general "
         "industrial and commercial businesses by another 10 percent.", 2019,
         [("average electricity price for general industrial and commercial businesses", 10.0)]),
        ("We will continue to implement the policy of granting an extra tax deduction of 75 percent on R&D costs, and "
         "we will raise this to 100 percent for manufacturing enterprises.", 2021, [("manufacturing enterprises", 100.0)]),
        ("We will lower the share borne by employers, and localities may cut contributions down to 16 percent.", 2019, []),
        # a list of names, a verb and as many values, respectively; an order in a list; a fund in place; past deeds
        ("Over the next five years, we should aim to ensure that water consumption, energy consumption, and carbon "
         "dioxide emissions per unit of GDP are cut by 23%, 15%, and 18%, respectively.", 2016,
         [("water consumption per unit of GDP", 23.0), ("energy consumption per unit of GDP", 15.0),
          ("carbon dioxide emissions per unit of GDP", 18.0)]),
        ("--cut energy intensity by 3.1%, and continue to reduce the emissions of major pollutants.", 2015,
         [("energy intensity", 3.1)]),
        ("We will make good use of the 180 billion yuan in seed funds.", 2016, []),
        ("We devolved tenure in 100 million hectares of forest land to rural households.", 2010, []),
        # including N yuan from X
        ("Governments at all levels will allocate an additional 850 billion yuan in the next three years, including "
         "331.8 billion yuan from the central government.", 2009,
         [("Governments at all levels", 850e9), ("central government", 331.8e9)]),
        # round 8: "continued reductions" is no past verb; "would, over the year," looks ahead; a tax rescinded
        ("- A drop of at least 3 percent in energy consumption per unit of GDP, and continued reductions in the release "
         "of major pollutants", 2018, [("energy consumption per unit of GDP", 3.0)]),
        ("These measures would, over the year, reduce taxes on businesses and individuals by more than 800 billion yuan.",
         2018, [("taxes on businesses and individuals", 800e9)]),
        ("We completely rescinded the agricultural tax throughout China, reducing the burden on farmers by an average of "
         "133.5 billion yuan per year.", 2008, []),
    ],
)  # fmt: skip
def test_english_kinds_of_rounds_5_to_8(text, year, expected):
    assert [(t.indicator, t.value) for t in policytext.extract_targets(text, year=year)] == [
        (i, pytest.approx(v)) for i, v in expected
    ]


def test_english_targets_of_the_audit():
    assert _targets(
        "Provincial education departments shall complete the first round of recommendations by 31 July 2023, "
        "recommending in principle no more than 5 consortia each."
    ) == [("consortia", 5.0, "", "level", "no more than")]
    assert _targets(
        "Enterprise representatives should, as a rule, make up no less than one third of the council."
    ) == [("Enterprise representatives", pytest.approx(33.3333), "%", "increase", "no less than")]
    rows = _targets(
        "Its members should include the park authority, at least one higher vocational college and two secondary "
        "vocational schools, at least one university or research institute."
    )
    assert [(r[0], r[1]) for r in rows] == [
        ("higher vocational college", 1.0),
        ("secondary vocational schools", 2.0),
        ("university or research institute", 1.0),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the planned value, not the change against last year
        (
            "The deficit for the central government budget this year is set at 180 billion yuan, 65 billion yuan less "
            "than last year.",
            [("deficit for the central government budget this year", 180e9, "yuan")],
        ),
        (
            "This year, 2.15 trillion yuan of special local government bonds will be issued, an 800 billion yuan "
            "increase on last year.",
            [("special local government bonds", 2.15e12, "yuan")],
        ),
        # the level reached, not the starting value; the lower end of a range
        (
            "The monthly basic pension benefits will be raised from 55 yuan to 70 yuan per person.",
            [("monthly basic pension benefits", 70.0, "yuan")],
        ),
        ("GDP growth of 6–6.5 percent", [("GDP growth", 6.0, "%")]),
        # the thing after the verb, the thing counted, what money is spent on
        (
            "We will increase the area of high-standard cropland by 6.67 million hectares.",
            [("area of high-standard cropland", 6.67e6, "hectare")],
        ),
        (
            "This year, we will reduce outdated production capacity of 27 million metric tons of steel and "
            "42 million metric tons of cement.",
            [("steel", 27e6, "ton"), ("cement", 42e6, "ton")],
        ),
        (
            "800 billion yuan will be invested in railway construction.",
            [("railway construction", 800e9, "yuan")],
        ),
        # what the money is for, or is worth, after the amount; the thing named after "of"
        (
            "This year, the central government will allocate 49.3 billion yuan for the construction of low-income "
            "housing, and we need to see 732 billion yuan invested in railway construction.",
            [("construction of low-income housing", 49.3e9, "yuan"), ("railway construction", 732e9, "yuan")],
        ),
        (
            "Local governments will issue 200 billion yuan worth of government bonds, and 200,000 kilometers of "
            "rural roads will be upgraded.",
            [("government bonds", 200e9, "yuan"), ("rural roads", 200e3, "kilometer")],
        ),
        ("We will launch a four trillion yuan two-year investment plan.", [("two-year investment plan", 4e12, "yuan")]),
        # the thing raised, not what the rise is counted in; what is kept above a line
        (
            "We will increase our energy-saving capacity by an equivalent of 80 million tons of standard coal.",
            [("energy-saving capacity", 80e6, "ton")],
        ),
        (
            "We will keep the total amount of arable land above the red line of 120 million hectares.",
            [("total amount of arable land", 120e6, "hectare")],
        ),
        ("Daily sewage treatment capacity will increase by 15 million cubic meters.",
         [("Daily sewage treatment capacity", 15e6, "cubic meter")]),
        ("Total imports and exports are projected to grow at around 7.5% this year.",
         [("Total imports and exports", 7.5, "%")]),
        ("We will cut spending, with a more than 50 percent cut to outlays on non-essential items.",
         [("outlays on non-essential items", 50.0, "%")]),
        ("The poor rural population should be reduced by 10 million, including 2.8 million people to be relocated.",
         [("poor rural population", 10e6, ""), ("people to be relocated", 2.8e6, "")]),
        # round 3's kinds: a deadline is no value; the goal of N% what; that X is not less than;
        # a change noun after an article; of which; carried by whom; from the fund
        ("We will reach the goal of 100% collection and treatment of sewage in 36 large cities within two years.",
         [("collection and treatment of sewage", 100.0, "%")]),
        ("We will ensure that the per capita public health service expenditure is not less than 15 yuan.",
         [("per capita public health service expenditure", 15.0, "yuan")]),
        ("A drop of around 3 percent in energy consumption per unit of GDP",
         [("energy consumption per unit of GDP", 3.0, "%")]),
        ("This year we plan to build 7.4 million housing units, of which 5.8 million are to be located in rundown urban "
         "areas.", [("housing units", 7.4e6, ""), ("rundown urban areas", 5.8e6, "")]),
        ("Of the deficit, 1.4 trillion yuan will be carried by the central government.",
         [("central government", 1.4e12, "yuan")]),
        ("A total of 100 billion yuan from the unemployment insurance fund will be used to support enterprises.",
         [("unemployment insurance fund", 100e9, "yuan")]),
        ("Forest stock should be increased by 600 million m3.", [("Forest stock", 600e6, "cubic meter")]),
        ("The policy of cutting electricity prices by 5 percent will be extended to the end of the year.", []),
        ("This year we are projecting a deficit of 1.2 trillion yuan, 400 billion more than the budgeted figure last year.",
         [("deficit", 1.2e12, "yuan")]),
        # round 4's kinds: from last year's total of X to Y; invest N yuan in X, and M yuan in Y;
        # the target for expanding X; cutting N% of X; N% of the people to be registered as Y
        ("Central government allocation for education will increase from last year's total of 107.6 billion yuan to "
         "156.2 billion yuan.", [("Central government allocation for education", 156.2e9, "yuan")]),
        ("This year, we will invest 800 billion yuan in railway construction and 1.8 trillion yuan in highway and "
         "waterway projects.", [("railway construction", 800e9, "yuan"), ("highway and waterway projects", 1.8e12, "yuan")]),
        ("This year's target for expanding the broad money supply (M2) is around 17%.",
         [("broad money supply (M2)", 17.0, "%")]),
        ("Central government departments should take the lead by cutting no less than 5 percent of their general "
         "expenditures.", [("general expenditures", 5.0, "%")]),
        ("By 2020, 45% of the Chinese people should be registered as permanent urban residents.",
         [("registered as permanent urban residents", 45.0, "%")]),
        ("This year, the number of college graduates will reach 7.49 million, a record high.", []),
        ("CPI increase of around 3.5 percent", [("CPI", 3.5, "%")]),  # a list item: "increase of" is a noun
        ("We will allow doctors to work in more than one medical institution.", []),
        # a cohort, and a state of things now, are no goals
        ("This year, 7.95 million students will graduate from college.", []),
        ("A total of 814 million people, accounting for 91.5% of the rural population, now benefit from the scheme.", []),
        ("A consortium shall be led by a firm whose output is no less than RMB 50 billion.", []),
        # no targets: the past, notice periods, quorums, the population served, counts of context
        ("Energy intensity was cut by 3.7% last year.", []),
        ("Notice of a meeting shall be given to all members at least 10 days in advance.", []),
        (
            "A meeting of the General Assembly requires the presence of at least two thirds of the members.",
            [],
        ),
        ("We will ensure a secure food supply for more than 1.4 billion Chinese people.", []),
        ("We will make progress on two fronts and complete eight tasks.", []),
        ("We will step up Covid-19 prevention and control.", []),
    ],
)
def test_english_target_rules(text, expected):
    assert [(r[0], r[1], r[2]) for r in _targets(text, year=2019)] == [
        (i, pytest.approx(v), u) for i, v, u in expected
    ]


# --------------------------------------------------------------------------- the labelled sets


def test_english_obligation_set_is_well_formed():
    rows = _read_tsv(OBL)
    assert len(rows) >= 120
    assert {r["genre"] for r in rows} == {"report", "contract", "charter"}
    assert set(Counter(r["modality"] for r in rows)) == set(policytext.MODALITIES)
    by_split: dict[str, set[str]] = {}
    for r in rows:
        by_split.setdefault(r["split"], set()).add(r["source"])
        assert r["register"] == ("programme" if r["genre"] == "report" else "normative")
        assert r["actor"] in ("", "?") or r["actor"] in r["sentence"], r["id"]
        assert not r["deadline"] or r["deadline"] in r["sentence"], r["id"]
    assert set(by_split) == {"en_dev", "en_test", "en_fresh"}
    assert not by_split["en_dev"] & by_split["en_test"]
    earlier = {r["sentence"] for r in rows if r["split"] != "en_fresh"}
    assert not any(r["sentence"] in earlier for r in rows if r["split"] == "en_fresh")


@pytest.mark.parametrize(
    ("split", "least_f1", "least_actor"),
    [
        ("en_dev", 0.95, 0.95),  # the rules were changed after reading these errors
        ("en_test", 0.85, 0.85),  # 0.895 / 0.900 when first scored; later seen (README)
        ("en_fresh", 0.90, 0.90),  # drawn and labelled after the rules were written (README)
    ],
)
def test_english_obligations_on_labelled_sentences(tagger, split, least_f1, least_actor):
    pairs, actors, deadlines = [], [], []
    for r in _read_tsv(OBL):
        if r["split"] != split:
            continue
        if r["context"]:
            got = tagger.classify_sequence(
                [r["context"], r["sentence"]], strict=False, register=r["register"]
            )[1]
        else:
            got = tagger.classify(r["sentence"], lang="en", register=r["register"])
        pairs.append((r["modality"], got.modality))
        if r["modality"] != "none" and r["actor"] not in ("", "?"):
            actors.append(got.actor == r["actor"])
        if r["deadline"]:
            deadlines.append(got.deadline == r["deadline"])
    assert macro_f1(pairs, list(policytext.MODALITIES)) >= least_f1
    assert sum(actors) / len(actors) >= least_actor
    assert all(deadlines)


def _indicator_matches(gold: list[str], predicted: str) -> bool:
    """Lenient as in test_targets (a gold wording inside ours or ours inside it), case aside."""
    norm = lambda s: re.sub(r"[\s\"'“”()]", "", s.lower())  # noqa: E731
    p = norm(predicted)
    return any((g := norm(x)) and (g in p or (len(p) >= 2 and p in g)) for x in gold)


def _score_targets(split: str, path: Path = TGT) -> dict[str, float]:
    tp = fp = fn = 0
    for r in _read_tsv(path):
        if r["split"] != split:
            continue
        gold = []
        for item in filter(None, (x.strip() for x in r["targets"].split(" ; "))):
            ind, _, val = item.rpartition("=")
            gold.append((ind.split("|"), float(val.split(" ")[0])))
        used: set[int] = set()
        for t in policytext.extract_targets(r["sentence"], year=int(r["year"])):
            hit = next(
                (
                    k
                    for k, (gi, gv) in enumerate(gold)
                    if k not in used
                    and t.value is not None
                    and abs(t.value - gv) <= 1e-3 * max(1.0, gv)
                    and _indicator_matches(gi, t.indicator)
                ),
                None,
            )
            if hit is None:
                fp += 1
            else:
                used.add(hit)
                tp += 1
        fn += len(gold) - len(used)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


def test_english_target_set_is_well_formed():
    rows = _read_tsv(TGT)
    assert len(rows) >= 120
    positives = [r for r in rows if r["targets"]]
    assert len(positives) >= 60
    by_split: dict[str, set[str]] = {}
    for r in rows:
        by_split.setdefault(r["split"], set()).add(r["source"])
        for item in filter(None, r["targets"].split(" ; ")):
            assert re.fullmatch(r"[^=]+=[\d.e+-]+(?: \S+)?", item.strip()), (r["id"], item)
    assert not by_split["en_dev"] & by_split["en_test"]


@pytest.mark.parametrize(
    ("path", "least_rows"),
    [(TGT_ROUND2, 100), (TGT_ROUND3, 100), (TGT_ROUND4, 100),
     (TGT_ROUND5, 80), (TGT_ROUND6, 60), (TGT_ROUND7, 50), (TGT_ROUND8, 45)],  # fewer cue sentences were left to draw
)  # fmt: skip
def test_english_later_sets_are_well_formed(path, least_rows):
    rows = _read_tsv(path)
    assert len(rows) >= least_rows and len({r["id"] for r in rows}) == len(rows)
    later = [TGT_ROUND2, TGT_ROUND3, TGT_ROUND4, TGT_ROUND5, TGT_ROUND6, TGT_ROUND7, TGT_ROUND8]
    earlier = [TGT, *later][: later.index(path) + 1]
    assert not {r["sentence"] for r in rows} & {r["sentence"] for e in earlier for r in _read_tsv(e)}  # drawn anew
    assert 0.1 < sum(bool(r["targets"]) for r in rows) / len(rows) < 0.7  # rounds 7, 8: 10 of 54, 7 of 47 (forward cues used up)
    for r in rows:
        for item in filter(None, r["targets"].split(" ; ")):
            assert re.fullmatch(r"[^=]+=[\d.e+-]+(?: \S+)?", item.strip()), (r["id"], item)


@pytest.mark.parametrize(
    ("split", "path", "least"),
    [("en_dev", TGT, 0.95), ("en_test", TGT, 0.85), ("en_fresh", TGT, 0.85),
     ("en_round2", TGT_ROUND2, 0.80),  # round 2: 0.738 on its first, held-out score; 0.877 after its fixes
     ("en_round3", TGT_ROUND3, 0.85),  # round 3: 0.707 on its first, held-out score; 0.913 after its fixes
     ("en_round4", TGT_ROUND4, 0.85),  # round 4: 0.750 on its first, held-out score; 0.934 after its fixes
     ("en_round5", TGT_ROUND5, 0.9),  # round 5: 0.840 on its first, held-out score; 0.970 after its fixes
     ("en_round6", TGT_ROUND6, 0.9),  # round 6: 0.857 on its first, held-out score; 0.979 after its fixes
     ("en_round7", TGT_ROUND7, 0.9),  # round 7: 0.778 on its first, held-out score (16 rows); 1.000 after its fixes
     ("en_round8", TGT_ROUND8, 0.9)],  # round 8: 0.778 on its first, held-out score (10 rows); 1.000 after its fixes
)  # fmt: skip
def test_english_targets_on_labelled_sentences(split, path, least):
    assert _score_targets(split, path)["f1"] >= least


# --------------------------------------------------------------------------- real documents (../shared)


@pytest.mark.shared
def test_work_reports_are_programmes():
    from lxml import etree

    for path in sorted(shared_path("corpora", "series", "gov-work-reports-tmx").glob("GR*.tmx")):
        english = [
            "".join(tuv.find("seg").itertext())
            for tuv in etree.parse(str(path)).iter("tuv")
            if (tuv.get("{http://www.w3.org/XML/1998/namespace}lang") or "").startswith("en")
        ]
        assert policytext.detect_register("\n".join(english)) == "programme", path.name


@pytest.mark.shared
def test_cuad_clauses_carry_the_modality_of_their_category(tagger):
    """CUAD categories by proxy: no-solicit and non-compete clauses forbid, insurance ones oblige."""
    expect = {"no_solicit_of_employees": "prohibition", "no_solicit_of_customers": "prohibition",
              "non_compete": "prohibition", "insurance": "obligation"}  # fmt: skip
    folder = shared_path("gold", "contract_clauses_cuad_legalbench")
    for category, modality in expect.items():
        hits = total = 0
        for line in (folder / f"cuad_{category}_test.tsv").read_text(encoding="utf-8").splitlines()[1:]:
            text, label = line.rsplit("\t", 1)
            if label != "Yes":
                continue
            found = set()
            for a, b in policytext.split_sentences(text, lang="en", semicolon=False):
                found |= {r.modality for r in tagger.tag(text[a:b], lang="en", register="normative")}
            hits += modality in found
            total += 1
        assert hits / total >= 0.6, (category, hits, total)


def test_english_report_parts_decide_sentences_without_a_cue():
    from policytext.compare.targets_en import english_sections

    text = (
        "REPORT ON THE WORK OF THE GOVERNMENT\n"
        "I. Review of Our Work in 2012\n"
        "The deficit consists of a central government deficit of 550 billion yuan.\n"
        "II. Major Tasks for 2013\n"
        "This consists of a central government deficit of 850 billion yuan.\n"
        "Grain output rose to 590 million tons last year.\n"
    )
    assert [mode for _, mode in english_sections(text, 2013)] == ["past", "plan"]
    doc = policytext.read_bytes(text.encode(), source="report.txt")
    rows = [(t.indicator, t.value) for t in policytext.extract_targets(doc, year=2013)]
    # the figure of the review is no target, the same words in the year's tasks are; a past
    # verb still reports inside the tasks
    assert rows == [("central government deficit", 850e9)]


@pytest.mark.shared
def test_english_targets_in_the_reports_as_documents():
    # the labelled sentences found again in the English side of each report, read as one document
    # (its parts decide the sentences that say nothing of their time): as scored sentence by sentence
    from lxml import etree

    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    tp = fp = fn = 0
    rows = [r for path in (TGT, TGT_ROUND2, TGT_ROUND3, TGT_ROUND4, TGT_ROUND5, TGT_ROUND6, TGT_ROUND7, TGT_ROUND8)
            for r in _read_tsv(path)
            if r["source"].endswith(".tmx")]  # fmt: skip
    for source in sorted({r["source"] for r in rows}):
        segments = [
            re.sub(r"\s+", " ", "".join(tuv.find("seg").itertext())).strip()
            for tuv in etree.parse(str(shared_path(*source.split("/")))).iter("tuv")
            if (tuv.get(lang) or "").startswith("en")
        ]
        doc = policytext.read_bytes("\n".join(segments).encode(), source=f"{source}.txt")
        mine = policytext.extract_targets(doc, year=int(source[-8:-4]))
        for r in (r for r in rows if r["source"] == source):
            i = doc.text.find(r["sentence"])
            assert i >= 0, r["id"]
            found = [t for t in mine if t.start < i + len(r["sentence"]) and t.end > i]
            gold = [(item.rpartition("=")[0].split("|"), float(item.rpartition("=")[2].split(" ")[0]))
                    for item in filter(None, (x.strip() for x in r["targets"].split(" ; ")))]  # fmt: skip
            used: set[int] = set()
            for t in found:
                hit = next((k for k, (gi, gv) in enumerate(gold) if k not in used and t.value is not None
                            and abs(t.value - gv) <= 1e-3 * max(1.0, gv) and _indicator_matches(gi, t.indicator)), None)  # fmt: skip
                if hit is None:
                    fp += 1
                else:
                    used.add(hit)
                    tp += 1
            fn += len(gold) - len(used)
    f1 = 2 * tp / (2 * tp + fp + fn)
    print(f"as documents: F1 {f1:.3f} ({tp} right, {fp} false, {fn} missed)")
    assert f1 >= 0.9, (tp, fp, fn)  # 0.934 (330 right, 21 false, 26 missed) when written
