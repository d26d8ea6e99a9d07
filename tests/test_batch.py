"""The batch pipeline: ``policytext run`` / ``run_pipeline`` from files to a workspace.

The sample corpus is run once per session (:func:`sample_workspace`, shared with
the report, Dask and notebook tests); small made-up corpora of TXT files check
failures, roles, re-runs and options quickly.
"""

from __future__ import annotations

import atexit
import csv
import functools
import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import SAMPLE

import policytext
from policytext import ConfigError, RunOptions, Store

#: Tables every run of the sample corpus writes (with role metadata: all stages apply).
SAMPLE_TABLES = (
    "documents", "clauses", "warnings", "obligations", "targets", "terms", "terms_by_level", "keyness",
    "cowords_nodes", "cowords_edges", "topics", "topic_terms", "topic_prevalence", "compare_alignments",
    "compare_coverage", "compare_coverage_matrix", "compare_reuse", "targets_side_by_side", "compare_gaps",
    "recurring_obligations", "recurring_obligation_citations", "actor_modality", "diff_summary", "diff_changes",
    "errors",
)  # fmt: skip


@functools.lru_cache(maxsize=1)
def sample_workspace() -> Path:
    """The sample corpus run once (in this process) into a temporary workspace, report included."""
    folder = Path(tempfile.mkdtemp(prefix="policytext-sample-"))
    atexit.register(shutil.rmtree, folder, True)
    result = policytext.run_pipeline([SAMPLE / "documents"], folder / "ws", metadata=SAMPLE / "metadata.csv")
    assert result.ok, result.failures
    return folder / "ws"


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def table_bytes(workspace: Path) -> dict[str, bytes]:
    """Every exported table file (CSV, Parquet, GEXF) by name, as bytes."""
    return {p.name: p.read_bytes() for p in sorted((workspace / "tables").iterdir())}


# ---------------------------------------------------------------------- a tiny corpus of TXT files

NATIONAL = """关于推进产教融合发展的通知
一、总体目标
（一）到2025年，全国建设产教联合体50个以上，合作企业不少于1000家。
（二）各地教育行政部门应当建立产教融合工作机制，每年12月31日前报送进展情况。
二、重点任务
（一）职业学校应当对接区域产业开设专业，专业与产业匹配度达到70%以上。
（二）企业可以参与人才培养方案制定，接收学生实习。
（三）任何单位不得向学生收取实习费用。
"""
LOCAL_A = """甲市推进产教融合发展实施方案
一、工作目标
（一）到2025年，全市建设产教联合体3个，合作企业不少于80家，专业与产业匹配度达到80%以上。
二、主要任务
（一）市教育局应当建立产教融合工作机制，每年11月30日前报送进展情况。
（二）职业学校应当对接区域产业开设专业。
（三）企业可以参与人才培养方案制定。
（四）鼓励园区建设共享实训基地。
"""
LOCAL_B = """乙市产教融合实施意见
一、工作目标
（一）到2027年，全市建设产教联合体1个，专业与产业匹配度达到60%以上。
二、主要任务
（一）职业学校应当对接区域产业开设专业，接收学生实习。
（二）任何单位不得向学生收取实习费用。
（三）支持乡村振兴人才培养。
"""


def tiny_corpus(folder: Path) -> Path:
    """Three small Chinese documents: one national notice, two local plans."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "national.txt").write_text(NATIONAL, encoding="utf-8")
    (folder / "local_a.txt").write_text(LOCAL_A, encoding="utf-8")
    (folder / "local_b.txt").write_text(LOCAL_B, encoding="utf-8")
    return folder


#: Options that keep runs of the tiny corpus quick (no topic model, no report).
QUICK = {"skip": ["topics", "report"]}


# ---------------------------------------------------------------------- the sample corpus


def test_sample_workspace_layout():
    ws = sample_workspace()
    for name in ("workspace.db", "report.html", "manifest.json", "errors.csv", "runs.log"):
        assert (ws / name).is_file(), name
    for name in SAMPLE_TABLES:
        assert (ws / "tables" / f"{name}.csv").is_file(), name
        assert (ws / "tables" / f"{name}.parquet").is_file(), name
    assert (ws / "tables" / "cowords.gexf").is_file()
    assert (ws / "topics" / "topics.html").is_file()
    redlines = sorted(p.name for p in (ws / "redlines").glob("*.html"))
    assert redlines == ["chenghu-2025-charter.html", "ningchuan-2024-charter.html", "yungang-2024-charter.html"]
    assert len(list((ws / "redlines").glob("*.docx"))) == 3
    assert read_csv(ws / "errors.csv") == []


def test_documents_table_follows_the_metadata():
    ws = sample_workspace()
    docs = read_csv(ws / "tables" / "documents.csv")
    meta = {r["id"]: r for r in read_csv(SAMPLE / "metadata.csv")}
    assert len(docs) == len(meta) == 11
    assert [d["source"] for d in docs] == sorted(d["source"] for d in docs)
    for d in docs:
        row = meta[d["label"]]
        assert d["role"] == row["role"] and d["level"] == row["level"] and d["year"] == row["year"]
        assert d["doc"] == policytext.file_id(d["source"])
        assert int(d["obligations"]) > 0
    pdfs = [d for d in docs if d["format"] == "pdf"]
    assert pdfs and all(int(d["pages"]) > 1 for d in pdfs)


def test_exported_tables_agree_with_the_store_and_parquet():
    ws = sample_workspace()
    with Store(ws / "workspace.db", create=False) as store:
        for name in ("documents", "targets", "terms", "diff_summary"):
            stored = store.table(name)
            parquet = pq.read_table(ws / "tables" / f"{name}.parquet").to_pylist()
            csv_rows = read_csv(ws / "tables" / f"{name}.csv")
            assert len(stored) == len(parquet) == len(csv_rows) > 0, name
            for a, b in zip(stored, parquet):
                assert a["doc" if "doc" in a else next(iter(a))] == b["doc" if "doc" in b else next(iter(b))]
        types = pq.read_table(ws / "tables" / "targets.parquet").schema
        assert str(types.field("value").type) == "double" and str(types.field("page").type) == "int64"


def test_terms_and_keyness_match_the_explore_functions():
    ws = sample_workspace()
    docs = list(policytext.iter_documents([SAMPLE / "documents"], metadata=SAMPLE / "metadata.csv"))
    expected = policytext.term_frequencies(docs, top=50)
    got = read_csv(ws / "tables" / "terms.csv")
    assert [(r["term"], int(r["count"]), int(r["doc_freq"])) for r in got] == [
        (r.term, r.count, r.doc_freq) for r in expected
    ]
    keyness = read_csv(ws / "tables" / "keyness.csv")
    assert {r["target"] for r in keyness} == {"city", "consortium", "national", "provincial"}
    city = [r for r in keyness if r["target"] == "city" and r["direction"] == "target"]
    # the city plans name their cities; no other level does
    assert {"滨江", "云港"} <= {r["term"] for r in city[:10]}


def test_charter_diffs_find_the_documented_edits():
    ws = sample_workspace()
    summary = {r["charter"]: r for r in read_csv(ws / "tables" / "diff_summary.csv")}
    assert set(summary) == {"chenghu-2025-charter", "ningchuan-2024-charter", "yungang-2024-charter"}
    assert all(r["template"] == "donghai-2023-charter-template" for r in summary.values())
    # corpora/sample/charters/EDITS.yaml: 澄湖 weakens three duties, 宁川 one, 云港 strengthens one
    assert "weakened:3" in summary["chenghu-2025-charter"]["flags"]
    assert "weakened:1" in summary["ningchuan-2024-charter"]["flags"]
    assert "strengthened" in summary["yungang-2024-charter"]["flags"]
    changes = read_csv(ws / "tables" / "diff_changes.csv")
    weakened = {(c["charter"], c["charter_clause"]) for c in changes if "weakened" in c["flags"].split(",")}
    assert ("ningchuan-2024-charter", "第三十三条") in weakened


def test_compare_puts_targets_side_by_side_with_citations():
    ws = sample_workspace()
    reuse = read_csv(ws / "tables" / "compare_reuse.csv")
    assert {r["local_label"] for r in reuse} == {"binjiang-2023-plan", "donghai-2023-plan", "linhe-2025-plan", "yungang-2024-plan"}
    rows = read_csv(ws / "tables" / "targets_side_by_side.csv")
    # sample README: 云港 raises the programme-industry match from 70% to 80%
    match = [r for r in rows if r["local_label"] == "yungang-2024-plan" and r["local_value"] == "80"
             and r["national_value"] == "70"]  # fmt: skip
    assert match and match[0]["status"] == "stronger"
    assert match[0]["national_clause_label"] and match[0]["local_clause_label"]
    coverage = read_csv(ws / "tables" / "compare_coverage.csv")
    assert coverage and all(r["national_label"] == "moe-2023-consortium-notice" for r in coverage)


def test_obligation_tables_cite_clause_and_page():
    ws = sample_workspace()
    rows = read_csv(ws / "tables" / "obligations.csv")
    assert {r["modality"] for r in rows} >= {"obligation", "prohibition", "permission"}
    cited = [r for r in rows if r["clause_label"] and r["page"]]
    assert len(cited) > 0.8 * len(rows)
    clusters = read_csv(ws / "tables" / "recurring_obligations.csv")
    assert clusters and all(int(c["documents"]) >= 2 for c in clusters)
    citations = read_csv(ws / "tables" / "recurring_obligation_citations.csv")
    first = [c for c in citations if c["cluster"] == clusters[0]["id"]]
    assert len({c["doc"] for c in first}) == int(clusters[0]["documents"])
    matrix = read_csv(ws / "tables" / "actor_modality.csv")
    assert sum(int(r["total"]) for r in matrix) >= len([r for r in rows if r["modality"] != "none"])


def test_manifest_records_inputs_versions_lexicons_and_seeds():
    ws = sample_workspace()
    manifest = json.loads((ws / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tool"]["version"] == policytext.__version__
    assert len(manifest["inputs"]) == 11
    for item in manifest["inputs"]:
        assert item["sha256"] == hashlib.sha256(Path(item["path"]).read_bytes()).hexdigest()
        assert item["id"] == item["sha256"][:16]
    from policytext._resources import file_sha256, model_path

    assert manifest["resources"]["deontic/zh.yaml"] == file_sha256(model_path("deontic/zh.yaml"))
    assert manifest["resources"]["dict/policy.txt"] == file_sha256(model_path("dict/policy.txt"))
    assert manifest["seeds"]["topics"] == 42 and manifest["options"]["seed"] == 42
    assert manifest["metadata_csv"]["sha256"] == file_sha256(SAMPLE / "metadata.csv")
    assert {"scikit-learn", "jieba", "pdfplumber"} <= set(manifest["dependencies"])
    # times go to runs.log, never into the manifest
    assert "2026-" not in (ws / "manifest.json").read_text(encoding="utf-8").split('"inputs"')[0]
    assert (ws / "runs.log").read_text(encoding="utf-8").count("\n") >= 1


# ---------------------------------------------------------------------- small corpora, the command line


def test_cli_run_records_failures_and_exits_1(runner, cli, tmp_path):
    corpus = tiny_corpus(tmp_path / "docs")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4\n not really a pdf")
    (corpus / "empty.txt").write_bytes(b"")
    config = tmp_path / "run.yaml"
    config.write_text("skip: [topics, report]\n", encoding="utf-8")
    ws = tmp_path / "ws"
    result = runner.invoke(cli, ["run", str(corpus), "--out", str(ws), "--config", str(config), "--quiet"])
    assert result.exit_code == 1, result.output
    assert "broken.pdf" in result.stderr and "empty.txt" in result.stderr
    assert "Traceback" not in result.stderr
    errors = read_csv(ws / "errors.csv")
    assert [(Path(e["file"]).name, e["stage"]) for e in errors] == [("broken.pdf", "extract"), ("empty.txt", "extract")]
    assert all(e["reason"] for e in errors)
    docs = read_csv(ws / "tables" / "documents.csv")
    assert sorted(Path(d["source"]).name for d in docs) == ["local_a.txt", "local_b.txt", "national.txt"]
    assert read_csv(ws / "tables" / "errors.csv") == errors


def test_cli_run_debug_shows_the_traceback_of_an_internal_error(runner, cli, tmp_path, monkeypatch):
    import policytext.obligations

    def broken(doc, **kwargs):
        raise RuntimeError("a bug in the obligations stage")

    monkeypatch.setattr(policytext.obligations, "extract_obligations", broken)
    corpus = tiny_corpus(tmp_path / "docs")
    config = tmp_path / "run.yaml"
    config.write_text("skip: [topics, report, recurrence]\n", encoding="utf-8")
    args = ["run", str(corpus), "--config", str(config), "-q"]
    plain = runner.invoke(cli, [*args, "--out", str(tmp_path / "ws")])
    assert plain.exit_code == 1
    assert "national.txt: obligations: internal error: RuntimeError: a bug in the obligations stage" in plain.stderr
    assert "Traceback" not in plain.stderr
    debug = runner.invoke(cli, [*args, "--out", str(tmp_path / "ws-debug"), "--debug"])
    assert debug.exit_code == 1
    assert "Traceback (most recent call last)" in debug.stderr and 'raise RuntimeError("a bug' in debug.stderr


def test_a_rerun_tries_a_failed_stage_again_on_unchanged_files(tmp_path, monkeypatch):
    import policytext.obligations

    real = policytext.obligations.extract_obligations
    corpus = tiny_corpus(tmp_path / "docs")
    ws = tmp_path / "ws"
    opts = policytext.RunOptions(skip=("topics", "report", "recurrence"))

    def broken(doc, **kwargs):
        if doc.source.endswith("local_a.txt"):
            raise RuntimeError("the worker ran out of memory")
        return real(doc, **kwargs)

    monkeypatch.setattr(policytext.obligations, "extract_obligations", broken)
    first = policytext.run_pipeline([corpus], ws, options=opts)
    assert [(Path(f.source).name, f.stage) for f in first.failures] == [("local_a.txt", "obligations")]
    assert first.processed == 3

    monkeypatch.setattr(policytext.obligations, "extract_obligations", real)
    second = policytext.run_pipeline([corpus], ws, options=opts)
    assert second.ok and second.failures == []
    assert (second.processed, second.reused) == (1, 2)  # only the document that failed is read again
    assert read_csv(ws / "errors.csv") == []
    with policytext.Store(ws / "workspace.db", create=False) as store:
        doc_id = store.doc_for_source(str(corpus / "local_a.txt"))
        assert store.doc_rows("obligations", doc_id)  # the stage's rows are there now
    assert policytext.run_pipeline([corpus], ws, options=opts).processed == 0


def test_cli_national_option_makes_the_others_local(runner, cli, tmp_path):
    corpus = tiny_corpus(tmp_path / "docs")
    national = corpus / "national.txt"
    ws = tmp_path / "ws"
    config = tmp_path / "run.yaml"
    config.write_text("skip: [topics, report]\n", encoding="utf-8")
    result = runner.invoke(cli, ["run", str(corpus), "--national", str(national), "--out", str(ws), "--config", str(config), "-q"])
    assert result.exit_code == 0, result.stderr
    roles = {Path(d["source"]).name: d["role"] for d in read_csv(ws / "tables" / "documents.csv")}
    assert roles == {"national.txt": "national", "local_a.txt": "local", "local_b.txt": "local"}
    reuse = read_csv(ws / "tables" / "compare_reuse.csv")
    assert sorted(r["local_label"] for r in reuse) == ["local_a", "local_b"]
    sbs = read_csv(ws / "tables" / "targets_side_by_side.csv")
    statuses = {(r["local_label"], r["national_value"], r["local_value"]): r["status"] for r in sbs}
    assert statuses[("local_a", "70", "80")] == "stronger"
    assert statuses[("local_b", "70", "60")] == "weaker"


def test_rerun_reuses_stored_documents_and_redoes_changed_metadata(tmp_path):
    corpus = tiny_corpus(tmp_path / "docs")
    meta = tmp_path / "meta.csv"
    meta.write_text("file,id,level,year,role\nnational.txt,nat,national,2023,national\n"
                    "local_a.txt,a,city,2024,local\nlocal_b.txt,b,city,2025,local\n", encoding="utf-8")  # fmt: skip
    ws = tmp_path / "ws"
    first = policytext.run_pipeline([corpus], ws, metadata=meta, **QUICK)
    assert (first.processed, first.reused, first.ok) == (3, 0, True)
    before = table_bytes(ws)
    again = policytext.run_pipeline([corpus], ws, metadata=meta, **QUICK)
    assert (again.processed, again.reused) == (0, 3)
    assert table_bytes(ws) == before
    meta.write_text(meta.read_text(encoding="utf-8").replace("local_b.txt,b,city,2025", "local_b.txt,b,county,2026"),
                    encoding="utf-8")  # fmt: skip
    changed = policytext.run_pipeline([corpus], ws, metadata=meta, **QUICK)
    assert (changed.processed, changed.reused) == (1, 2)
    docs = {d["label"]: d for d in read_csv(ws / "tables" / "documents.csv")}
    assert (docs["b"]["level"], docs["b"]["year"]) == ("county", "2026")
    log = (ws / "runs.log").read_text(encoding="utf-8").splitlines()
    assert len(log) == 3 and "processed=1" in log[-1]


def test_identical_files_are_one_document(tmp_path):
    corpus = tiny_corpus(tmp_path / "docs")
    shutil.copy(corpus / "local_a.txt", corpus / "local_a_copy.txt")
    result = policytext.run_pipeline([corpus], tmp_path / "ws", **QUICK)
    assert result.documents == 3 and result.ok
    docs = read_csv(tmp_path / "ws" / "tables" / "documents.csv")
    (a,) = [d for d in docs if d["label"] == "local_a"]
    assert a["also_at"].endswith("local_a_copy.txt")
    with Store(tmp_path / "ws" / "workspace.db", create=False) as store:
        assert store.sources()[str(corpus / "local_a_copy.txt")] == a["doc"]


def test_options_from_yaml_and_their_errors(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("topics_k: '4:6:2'\ncowords-top: 25\nskip: topics,report\nseed: 7\n", encoding="utf-8")
    opts = RunOptions.from_yaml(good, seed=11, jobs=None)
    assert (opts.topics_k, opts.cowords_top, opts.skip, opts.seed, opts.jobs) == ("4:6:2", 25, ("report", "topics"), 11, 1)
    bad = tmp_path / "bad.yaml"
    bad.write_text("topic_k: 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown run option 'topic_k'.*did you mean 'topics_k'"):
        RunOptions.from_yaml(bad)
    with pytest.raises(ConfigError, match="cannot skip the stage 'extract'"):
        RunOptions(skip=["extract"])
    with pytest.raises(ConfigError, match="not valid YAML|must be a mapping"):
        (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
        RunOptions.from_yaml(tmp_path / "list.yaml")


def test_cli_bad_config_is_a_usage_error(runner, cli, tmp_path):
    corpus = tiny_corpus(tmp_path / "docs")
    bad = tmp_path / "bad.yaml"
    bad.write_text("jobz: 3\n", encoding="utf-8")
    result = runner.invoke(cli, ["run", str(corpus), "--out", str(tmp_path / "ws"), "--config", str(bad)])
    assert result.exit_code == 2
    assert "unknown run option 'jobz'" in result.output + result.stderr


def test_scheduler_without_a_cluster_is_a_clear_error(tmp_path):
    # import distributed first: its defaults must be in Dask's config before the context below changes it
    pytest.importorskip("distributed", reason="the 'dask' extra is not installed")
    import dask

    corpus = tiny_corpus(tmp_path / "docs")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        with pytest.raises(ConfigError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
            policytext.run_pipeline([corpus], tmp_path / "ws", scheduler="tcp://127.0.0.1:9", **QUICK)


# ---------------------------------------------------------------------- the store's per-document rows


def test_store_keeps_per_document_rows_with_their_document(tmp_path):
    doc = policytext.read(tiny_corpus(tmp_path / "docs") / "national.txt")
    policytext.parse(doc)
    with Store(tmp_path / "w.db") as store:
        store.put(doc, rows={"targets": [{"v": 1}, {"v": 2}], "summary": [{"n": 3}]},
                  failures=[policytext.Failure(doc.source, "boom", "obligations")])  # fmt: skip
        assert store.doc_rows("targets", doc.id) == [{"v": 1}, {"v": 2}]
        assert store.doc_row_names() == ["summary", "targets"]
        assert [(f.stage, f.error) for f in store.failures()] == [("obligations", "boom")]
        store.put(doc, rows={"targets": [{"v": 9}]})
        assert store.doc_rows("targets", doc.id) == [{"v": 9}]
        assert store.doc_rows("summary", doc.id) == [{"n": 3}]  # tables not named are kept
        assert store.failures() == []  # a successful put clears the source's failures
        assert list(store.iter_doc_rows("targets")) == [{"v": 9}]
        info = store.info(doc.id)
        assert (info["chars"], info["clauses"], info["pages"]) == (len(doc.text), len(doc.clauses), len(doc.pages))


def test_write_table_streams_typed_deterministic_files(tmp_path):
    from policytext.report import stream_table, write_table

    rows = [{"term": "产教融合", "n": 3, "share": 0.123456789, "tags": ["a", "b"]},
            {"term": "联合体", "n": None, "share": 2.0, "tags": []}]  # fmt: skip
    types = {"term": "str", "n": "int", "share": "float", "tags": "str"}
    out = list(stream_table(tmp_path / "a", "t", iter(rows), columns=["term", "n", "share", "tags"], types=types))
    assert out == rows
    text = (tmp_path / "a" / "t.csv").read_text(encoding="utf-8")
    assert text == 'term,n,share,tags\n产教融合,3,0.123457,"[""a"", ""b""]"\n联合体,,2,[]\n'
    table = pq.read_table(tmp_path / "a" / "t.parquet")
    assert table.column("n").to_pylist() == [3, None]
    assert write_table(tmp_path / "b", "t", rows, columns=["term", "n", "share", "tags"], types=types) == len(rows)
    assert (tmp_path / "a" / "t.parquet").read_bytes() == (tmp_path / "b" / "t.parquet").read_bytes()
    write_table(tmp_path / "c", "t", rows)  # types inferred
    assert str(pq.read_table(tmp_path / "c" / "t.parquet").schema.field("share").type) == "double"
    with pytest.raises(ConfigError, match="unknown column type"):
        write_table(tmp_path / "d", "t", rows, types={"n": "integer"})


def test_a_jsonl_corpus_is_run_row_by_row_and_resumed(tmp_path):
    # a corpus saved by another tool: a document a row, roles in the rows, one row of extract output
    rows = [{"title": "关于推进产教融合发展的通知", "role": "national", "release_time": "2023-06-01", "content": NATIONAL},
            {"title": "甲市实施方案", "role": "local", "release_time": "2024-03-01", "content": LOCAL_A},
            {"title": "乙市实施方案", "role": "local", "release_time": "2025-03-01", "content": LOCAL_B}]  # fmt: skip
    extracted = policytext.read_bytes(LOCAL_A.encode(), source="a.txt").to_dict()
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    corpus.write_text("\n".join(lines + ["", json.dumps(extracted, ensure_ascii=False)]) + "\n", encoding="utf-8")
    ws = tmp_path / "ws"
    first = policytext.run_pipeline([corpus], ws, **QUICK)
    assert (first.processed, first.reused, first.documents) == (3, 0, 3)
    errors = read_csv(ws / "tables" / "errors.csv")
    assert [e["file"] for e in errors] == [f"{corpus}:5"] and "policytext extract" in errors[0]["reason"]
    docs = {d["source"]: d for d in read_csv(ws / "tables" / "documents.csv")}
    assert docs[f"{corpus}:2"]["role"] == "local" and docs[f"{corpus}:2"]["year"] == "2024"
    assert read_csv(ws / "tables" / "compare_alignments.csv")  # the roles in the rows made the comparison run
    # one row edited: only it is read again
    rows[2]["content"] = LOCAL_B.replace("。", "。\n", 1)
    lines[2] = json.dumps(rows[2], ensure_ascii=False)
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = policytext.run_pipeline([corpus], ws, **QUICK)
    assert (again.processed, again.reused) == (1, 2)


def test_a_spreadsheet_corpus_is_run_row_by_row(tmp_path):
    sheet = tmp_path / "corpus.csv"
    with open(sheet, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Policy Title", "role", "Release Time", "Policy Content"])
        writer.writerow(["关于推进产教融合发展的通知", "national", "2023-06-01", NATIONAL])
        writer.writerow(["甲市实施方案", "local", "2024-03-01", LOCAL_A])
        writer.writerow(["乙市实施方案", "local", "2025-03-01", LOCAL_B])
        writer.writerow(["缺正文", "local", "2025-03-01", ""])
    ws = tmp_path / "ws"
    first = policytext.run_pipeline([sheet], ws, **QUICK)
    assert (first.processed, first.documents) == (4, 3)  # the row without text is read, and fails
    errors = read_csv(ws / "tables" / "errors.csv")
    assert [e["file"] for e in errors] == [f"{sheet}:5"] and "no text in this row" in errors[0]["reason"]
    docs = {d["source"]: d for d in read_csv(ws / "tables" / "documents.csv")}
    assert docs[f"{sheet}:3"]["title"] == "甲市实施方案" and docs[f"{sheet}:3"]["year"] == "2024"
    assert read_csv(ws / "tables" / "compare_alignments.csv")
    again = policytext.run_pipeline([sheet], ws, **QUICK)
    assert (again.processed, again.reused) == (1, 3)  # only the failed row is tried again
