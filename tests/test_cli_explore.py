"""The exploratory commands: terms, keyness, collocations, kwic, cowords, code (run through CliRunner)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
import xml.etree.ElementTree as ET

import pytest
from test_explore import check_gexf

import policytext

COMMANDS = ["terms", "keyness", "collocations", "kwic", "cowords", "code"]


@pytest.fixture(scope="module")
def corpus(sample, tmp_path_factory):
    """The sample corpus as JSONL (as 'policytext extract' writes it), read once, with its metadata CSV."""
    path = tmp_path_factory.mktemp("explore") / "sample.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for doc in policytext.iter_documents([sample / "documents"]):
            fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    return [str(path), "--metadata", str(sample / "metadata.csv")]


def rows_of(output: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output)))


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@pytest.mark.parametrize("name", COMMANDS)
def test_explore_commands_have_help(runner, cli, name):
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Examples:" in result.output and "--format" in result.output


def test_terms_by_group_as_csv(runner, cli, corpus):
    result = runner.invoke(cli, ["terms", *corpus, "--by", "level", "--top", "3", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = rows_of(result.stdout)
    assert list(rows[0]) == [
        "group",
        "rank",
        "term",
        "count",
        "per_10k",
        "doc_freq",
        "doc_share",
        "tfidf",
        "tfidf_max",
    ]
    assert {r["group"] for r in rows} == {"city", "consortium", "national", "provincial"}
    assert all(1 <= int(r["rank"]) <= 3 for r in rows)
    city = [r for r in rows if r["group"] == "city"]
    assert [int(r["count"]) for r in city] == sorted((int(r["count"]) for r in city), reverse=True)


def test_terms_with_pos_filter_and_group_filter(runner, cli, corpus):
    result = runner.invoke(
        cli, ["terms", *corpus, "--group", "lang=zh", "--pos", "n,vn", "--top", "20", "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 20
    assert all(r["tag"] in ("n", "vn") for r in rows)
    assert not any(r["term"].isascii() for r in rows)  # the English documents were left out


def test_terms_table_on_a_terminal(runner, cli, corpus):
    result = runner.invoke(cli, ["terms", *corpus, "--top", "5", "--format", "table"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["rank", "term", "count"]  # no group column without --by
    assert len(lines) == 2 + 5


def test_keyness_target_against_reference(runner, cli, corpus):
    args = [
        "keyness",
        *corpus,
        "--group",
        "lang=zh",
        "--target",
        "level=city",
        "--reference",
        "level=national",
    ]
    result = runner.invoke(cli, [*args, "--top", "5", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = rows_of(result.stdout)
    assert [r["direction"] for r in rows] == ["target"] * 5 + ["reference"] * 5
    values = [float(r["keyness"]) for r in rows]
    assert values == sorted(values, reverse=True)
    assert "云港" in {r["term"] for r in rows[:5]}
    chi2 = runner.invoke(cli, [*args, "--measure", "chi2", "--format", "json"])
    assert chi2.exit_code == 0, chi2.stderr
    assert len(json.loads(chi2.stdout)) > 100  # all terms in a file or pipe


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--target", "level=town"], "no document is in the target"),
        (["--target", "levelcity"], "cannot read the group"),
        (["--target", "level=city", "--measure", "chi2", "--correction", "williams"], "does not apply"),
    ],
)
def test_keyness_usage_errors(runner, cli, corpus, extra, message):
    result = runner.invoke(cli, ["keyness", *corpus, *extra])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_collocations_and_node_collocates(runner, cli, corpus):
    result = runner.invoke(cli, ["collocations", *corpus, "--min-count", "3", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = rows_of(result.stdout)
    assert rows and all(int(r["count"]) >= 3 for r in rows)
    g2 = [float(r["g2"]) for r in rows]
    assert g2 == sorted(g2, reverse=True)
    node = runner.invoke(
        cli, ["collocations", *corpus, "--node", "联合体", "--window", "3", "--format", "csv"]
    )
    assert node.exit_code == 0, node.stderr
    rows = rows_of(node.stdout)
    assert rows and all(r["first"] == "联合体" for r in rows)
    assert all(int(r["left"]) + int(r["right"]) == int(r["count"]) for r in rows)


def test_kwic_rows_cite_the_text(runner, cli, sample):
    path = sample / "documents" / "local"
    result = runner.invoke(cli, ["kwic", "联合体", str(path), "--window", "4", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    docs = {d.id: d for d in policytext.iter_documents([path])}
    assert len(rows) > 20
    for row in rows:
        doc = docs[row["doc"]]
        assert doc.text[row["start"] : row["end"]] == row["keyword"] == "联合体"
        assert row["clause"] in {c.id for c in policytext.parse(doc)}
    sub = runner.invoke(cli, ["kwic", "联合体", str(path), "--substring", "--format", "jsonl"])
    assert len(sub.stdout.splitlines()) > len(rows)  # 市域产教联合体 too


def test_kwic_table_aligns_the_keyword(runner, cli, sample):
    path = sample / "documents" / "local"
    result = runner.invoke(cli, ["kwic", "联合体", str(path), "--format", "table"])
    assert result.exit_code == 0, result.stderr
    header, _rule, *lines = result.stdout.splitlines()
    column = width(header[: header.index("keyword")])
    assert len(lines) > 20
    for line in lines:
        at, used = 0, 0
        while used < column:
            used += width(line[at])
            at += 1
        assert used == column and line[at : at + 3] == "联合体", line


def test_cowords_gexf_edges_and_nodes(runner, cli, corpus, tmp_path):
    gexf = tmp_path / "net.gexf"
    nodes = tmp_path / "nodes.csv"
    result = runner.invoke(
        cli, ["cowords", *corpus, "--group", "lang=zh", "--top", "25", "-o", str(gexf), "--nodes", str(nodes)]
    )
    assert result.exit_code == 0, result.stderr
    root = ET.parse(gexf).getroot()
    check_gexf(root)
    assert len(list(root.iter("{http://gexf.net/1.3}node"))) == 25
    node_rows = rows_of(nodes.read_text(encoding="utf-8"))
    assert len(node_rows) == 25 and list(node_rows[0])[:3] == ["id", "term", "frequency"]
    edges = runner.invoke(cli, ["cowords", *corpus, "--top", "10", "--unit", "clause", "--format", "csv"])
    assert edges.exit_code == 0, edges.stderr
    assert edges.stdout.splitlines()[0] == "source,target,weight,jaccard,pmi"
    data = json.loads(runner.invoke(cli, ["cowords", *corpus, "--top", "5", "--format", "json"]).stdout)
    assert len(data["nodes"]) == 5 and data["unit"] == "sentence" and data["edges"]


def test_code_with_the_shipped_dictionary(runner, cli, corpus):
    result = runner.invoke(cli, ["code", *corpus, "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = rows_of(result.stdout)
    categories = {r["category"] for r in rows}
    assert {"supply", "environment", "demand", "supply.人才培养", "demand.政府采购"} <= categories
    assert len({r["doc"] for r in rows}) == 11
    assert json.loads(rows[0]["terms"]) is not None
    by = rows_of(
        runner.invoke(cli, ["code", *corpus, "--by", "level", "--depth", "1", "--format", "csv"]).stdout
    )
    assert {r["group"] for r in by} == {"city", "consortium", "national", "provincial"}
    assert {r["category"] for r in by} == {"supply", "environment", "demand"}
    assert all(int(r["count"]) > 0 for r in by)
    wide = runner.invoke(
        cli, ["code", *corpus, "--wide", "--depth", "1", "--value", "share", "--format", "csv"]
    )
    header = rows_of(wide.stdout)[0]
    assert list(header)[-3:] == ["supply", "environment", "demand"]
    table = runner.invoke(cli, ["code", *corpus, "--by", "level", "--format", "table"])
    assert table.exit_code == 0 and "人才培养" in table.stdout


def test_code_with_a_user_dictionary(runner, cli, sample, tmp_path):
    codes = tmp_path / "codes.yaml"
    codes.write_text("governance:\n  council: [理事会, 理事长]\n  charter: [章程]\n", encoding="utf-8")
    path = str(sample / "documents" / "charters")
    result = runner.invoke(cli, ["code", path, "--dictionary", str(codes), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    council = [r for r in rows if r["category"] == "governance.council"]
    assert len(council) == 4 and all(r["count"] > 0 for r in council)
    words = tmp_path / "words.txt"
    words.write_text("理事会 100 n\n", encoding="utf-8")
    bad = runner.invoke(cli, ["code", path, "--dictionary", str(words)])
    assert bad.exit_code == 2 and "--user-dict" in bad.stderr


def test_missing_input_is_reported_and_the_rest_done(runner, cli, sample, tmp_path):
    good = str(sample / "documents" / "local" / "linhe_2025_consortium-implementing-plan.txt")
    result = runner.invoke(cli, ["terms", good, str(tmp_path / "nope.pdf"), "--format", "csv"])
    assert result.exit_code == 1
    assert "nope.pdf" in result.stderr
    assert rows_of(result.stdout)
