"""``policytext topics``: options, outputs, exit statuses, and the real 政府工作报告 series (slow)."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, shared_path
from test_topics import FAMILIES, make_docs

GWR = ("corpora", "series", "gov-work-reports-txt")


@pytest.fixture()
def corpus(tmp_path):
    """Four small reports as TXT files named with their year, and a metadata CSV."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for doc in make_docs():
        (folder / Path(doc.source).name).write_text(doc.text, encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text(
        "file,level,region\nreport_2019.txt,national,\nreport_2020.txt,provincial,广东\n"
        "report_2021.txt,national,\nreport_2022.txt,provincial,浙江\n",
        encoding="utf-8",
    )
    return folder, meta


def rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_sweep_writes_every_output(runner, cli, corpus, tmp_path):
    folder, meta = corpus
    out = tmp_path / "out"
    result = runner.invoke(
        cli,
        [
            "topics",
            str(folder),
            "-k",
            "3:5",
            "--by",
            "year",
            "--by",
            "level",
            "--metadata",
            str(meta),
            "--min-df",
            "2",
            "--bootstrap",
            "100",
            "--out",
            str(out),
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.stderr
    choice = json.loads((out / "choice.json").read_text(encoding="utf-8"))
    k = choice["k"]
    assert k in (3, 4, 5) and re.search(rf"policytext: K={k} ", result.stderr)
    assert "year taken from the file name for 4 documents" in result.stderr
    assert "dropped 4 boilerplate units" in result.stderr
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [int(r["topic"]) for r in table] == list(range(1, k + 1))
    prevalence = rows(out / "prevalence.csv")
    assert {r["group"] for r in prevalence if r["field"] == "year"} == {"2019", "2020", "2021", "2022"}
    assert {r["group"] for r in prevalence if r["field"] == "level"} == {"national", "provincial"}
    assert [int(r["k"]) for r in rows(out / "coherence.csv")] == [3, 4, 5]
    reps = rows(out / "representatives.csv")
    assert all(r["source"].endswith(".txt") and int(r["end"]) > int(r["start"]) for r in reps)
    for name in (
        "topics.csv",
        "doc_topics.csv",
        "topics.html",
        "coherence.svg",
        "prevalence_year.svg",
        "model/model.json",
    ):
        assert (out / name).is_file(), name
    import policytext

    model = policytext.load_topics(out / "model")
    assert model.k == k


def test_same_seed_same_tables(runner, cli, corpus, tmp_path):
    folder, _ = corpus
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        result = runner.invoke(
            cli,
            [
                "topics",
                str(folder),
                "-k",
                "4",
                "--seed",
                "7",
                "--min-df",
                "2",
                "--by",
                "year",
                "--bootstrap",
                "50",
                "--out",
                str(out),
                "-q",
            ],
        )
        assert result.exit_code == 0, result.stderr
        outs.append(out)
    for name in ("topics.csv", "doc_topics.csv", "prevalence.csv", "representatives.csv", "coherence.csv"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_lda_sentences_without_out_prints_topics(runner, cli, corpus):
    folder, _ = corpus
    result = runner.invoke(
        cli,
        [
            "topics",
            str(folder),
            "-k",
            "4",
            "--model",
            "lda",
            "--passes",
            "5",
            "--unit",
            "sentence",
            "--min-df",
            "2",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    topics = json.loads(result.stdout)
    assert len(topics) == 4 and all(t["terms"] and t["label"] for t in topics)
    words = {w for ws in FAMILIES.values() for w in ws}
    assert sum(term in words for t in topics for term in t["terms"].split()) >= 20


def test_jsonl_input_and_no_year_from_filename(runner, cli, corpus, tmp_path):
    folder, _ = corpus
    jsonl = tmp_path / "docs.jsonl"
    with open(jsonl, "w", encoding="utf-8") as fh:
        for doc in make_docs():
            fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    out = tmp_path / "o"
    result = runner.invoke(
        cli,
        [
            "topics",
            str(jsonl),
            "-k",
            "4",
            "--min-df",
            "2",
            "--by",
            "year",
            "--no-year-from-filename",
            "--out",
            str(out),
            "--bootstrap",
            "0",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert "have no year" in result.stderr
    assert {r["group"] for r in rows(out / "prevalence.csv") if r["field"] == "year"} == {"(missing)"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-k", "ten"], "bad K"),
        (["--model", "lad"], "lad"),
        (["--unit", "chapter"], "chapter"),
        (["--min-df", "many"], "neither a number"),
        (["--min-df", "50"], "lower --min-df"),
    ],
)
def test_usage_errors_exit_2(runner, cli, corpus, args, message):
    folder, _ = corpus
    result = runner.invoke(cli, ["topics", str(folder), *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.stderr


def test_bad_inputs_are_reported_and_the_rest_is_done(runner, cli, corpus, tmp_path):
    folder, _ = corpus
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    result = runner.invoke(cli, ["topics", str(folder), "-k", "3", "--min-df", "2", "--format", "csv"])
    assert result.exit_code == 1
    assert "broken.pdf" in result.stderr and "Traceback" not in result.stderr
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 3


# --------------------------------------------------------------------------- the real series


@pytest.mark.slow
def test_gwr_same_seed_identical_and_every_year_present(runner, cli, tmp_path):
    folder = shared_path(*GWR)
    years = sorted(int(m.group(1)) for p in folder.glob("gwr_*.txt") if (m := re.search(r"(\d{4})", p.name)))
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        result = runner.invoke(
            cli,
            [
                "topics",
                str(folder),
                "--unit",
                "paragraph",
                "-k",
                "10",
                "--seed",
                "42",
                "--by",
                "year",
                "--out",
                str(out),
                "-q",
            ],
        )
        assert result.exit_code == 0, result.stderr
        outs.append(out)
    assert (outs[0] / "topics.csv").read_bytes() == (outs[1] / "topics.csv").read_bytes()
    assert (outs[0] / "prevalence.csv").read_bytes() == (outs[1] / "prevalence.csv").read_bytes()
    prevalence = rows(outs[0] / "prevalence.csv")
    assert sorted({int(r["group"]) for r in prevalence if r["field"] == "year"}) == years
    assert all(
        len([r for r in prevalence if r["field"] == "year" and int(r["group"]) == y]) == 10 for y in years
    )


@pytest.mark.slow
def test_gwr_coherence_beats_the_usual_recipe():
    folder = shared_path(*GWR)
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import bench_topics
    finally:
        sys.path.remove(str(ROOT / "bench"))
    result = bench_topics.compare(folder, k=10, seed=42)
    assert result["ours"]["npmi"] - result["recipe"]["npmi"] >= 0.03, result
