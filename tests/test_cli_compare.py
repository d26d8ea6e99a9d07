"""The ``policytext targets`` and ``policytext compare`` commands."""

from __future__ import annotations

import csv
import io
import json

from conftest import SAMPLE

NATIONAL = str(SAMPLE / "sources" / "national" / "moe_2023_city-consortium-notice.txt")
LOCAL = SAMPLE / "sources" / "local"
BINJIANG = str(next(LOCAL.glob("binjiang_*.txt")))
LINHE = str(next(LOCAL.glob("linhe_*.txt")))
CHARTER = str(SAMPLE / "sources" / "charters" / "donghai_2023_consortium-charter-template.txt")


def test_targets_jsonl(runner, cli):
    res = runner.invoke(cli, ["targets", NATIONAL, "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    hit = next(r for r in rows if r["indicator"] == "市域产教联合体")
    assert (hit["value"], hit["unit"], hit["year"], hit["qualifier"]) == (150.0, "个", 2025, "左右")
    assert hit["source"] == NATIONAL and hit["clause_label"] and hit["page"] == 1
    assert {"doc", "clause", "sentence", "start", "end", "raw", "direction"} <= set(hit)


def test_targets_csv_to_file_and_no_qualitative(runner, cli, tmp_path):
    out = tmp_path / "t.csv"
    res = runner.invoke(cli, ["targets", NATIONAL, BINJIANG, "--no-qualitative", "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and all(r["value"] for r in rows)
    assert {r["source"] for r in rows} == {NATIONAL, BINJIANG}


def test_targets_bad_input_is_reported(runner, cli, tmp_path):
    res = runner.invoke(cli, ["targets", NATIONAL, str(tmp_path / "missing.txt"), "--format", "jsonl"])
    assert res.exit_code == 1
    assert "missing.txt" in res.stderr
    assert json.loads(res.stdout.splitlines()[0])["source"] == NATIONAL


def test_compare_json(runner, cli):
    res = runner.invoke(cli, ["compare", "--national", NATIONAL, "--local", BINJIANG, "--local", LINHE, "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert {"alignments", "coverage", "reuse", "targets"} <= set(data)
    first = data["alignments"][0]
    assert set(first) >= {"local_doc", "local_clause", "national_doc", "national_clause", "score", "relation"}
    assert len(data["reuse"]) == 2


def test_compare_csv_folder_and_html(runner, cli, tmp_path):
    out = tmp_path / "tables"
    res = runner.invoke(cli, ["compare", "--national", NATIONAL, "--local", str(LOCAL), "--format", "csv", "-o", str(out)])
    assert res.exit_code == 0, res.output
    for name in ("alignments", "coverage", "reuse", "targets", "gaps", "additions"):
        assert (out / f"{name}.csv").exists()
    assert (out / "heatmap.svg").exists()
    page = tmp_path / "report.html"
    res = runner.invoke(cli, ["compare", "--national", NATIONAL, BINJIANG, "--format", "html", "-o", str(page)])
    assert res.exit_code == 0, res.output
    assert "<svg" in page.read_text(encoding="utf-8")


def test_compare_single_table_and_threshold(runner, cli):
    res = runner.invoke(cli, ["compare", "--national", NATIONAL, "--local", LINHE, "--table", "reuse", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["source"] == LINHE
    loose = runner.invoke(cli, ["compare", "--national", NATIONAL, "--local", LINHE, "--table", "additions",
                                "--threshold", "0.001", "--format", "jsonl"])  # fmt: skip
    strict = runner.invoke(cli, ["compare", "--national", NATIONAL, "--local", LINHE, "--table", "additions",
                                 "--threshold", "0.999", "--format", "jsonl"])  # fmt: skip
    assert loose.exit_code == 0 and strict.exit_code == 0
    # a low probability threshold takes nearly every clause for an addition, a high one almost none
    assert len(loose.stdout.splitlines()) >= 5 > len(strict.stdout.splitlines())


def test_compare_requirements_mode(runner, cli):
    res = runner.invoke(cli, ["compare", "--requirements", "consortium_2023", "--local", CHARTER, "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = {r["id"]: r for r in map(json.loads, res.stdout.splitlines())}
    assert rows["council"]["status"] == "present" and rows["council"]["clause"].startswith("第")
    assert {r["status"] for r in rows.values()} <= {"present", "partly", "missing"}


def test_compare_usage_errors(runner, cli, tmp_path):
    res = runner.invoke(cli, ["compare", "--local", LINHE])
    assert res.exit_code == 2 and "--national" in res.stderr
    res = runner.invoke(cli, ["compare", "--national", NATIONAL])
    assert res.exit_code == 2 and "--local" in res.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("items: 3\n", encoding="utf-8")
    res = runner.invoke(cli, ["compare", "--requirements", str(bad), "--local", LINHE])
    assert res.exit_code == 2 and "bad.yaml" in res.stderr


def test_compare_reports_unreadable_local(runner, cli, tmp_path):
    res = runner.invoke(cli, ["compare", "--national", NATIONAL, "--local", LINHE, "--local", str(tmp_path / "x.txt"),
                              "--table", "reuse", "--format", "jsonl"])  # fmt: skip
    assert res.exit_code == 1
    assert "x.txt" in res.stderr
    assert len(res.stdout.splitlines()) == 1


def test_help_texts(runner, cli):
    for name in ("targets", "compare"):
        res = runner.invoke(cli, [name, "--help"])
        assert res.exit_code == 0 and "Examples" in res.output
