"""Parallel runs give the tables of a run in one process: a local process pool, and Dask distributed."""

from __future__ import annotations

import pytest
from conftest import SAMPLE
from test_batch import QUICK, sample_workspace, table_bytes, tiny_corpus

import policytext


def test_dask_local_cluster_gives_the_same_tables(tmp_path):
    pytest.importorskip("distributed", reason="the 'dask' extra is not installed")
    from distributed import LocalCluster

    expected = table_bytes(sample_workspace())
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        result = policytext.run_pipeline(
            [SAMPLE / "documents"], tmp_path / "ws", metadata=SAMPLE / "metadata.csv",
            scheduler=cluster.scheduler_address, skip=["report"],
        )  # fmt: skip
    assert result.ok, result.failures
    assert (result.processed, result.documents) == (11, 11)
    got = table_bytes(tmp_path / "ws")
    assert sorted(got) == sorted(expected)
    for name in expected:
        assert got[name] == expected[name], name
    assert "dask" in (tmp_path / "ws" / "runs.log").read_text(encoding="utf-8")


def test_worker_processes_give_the_same_tables(tmp_path):
    corpus = tiny_corpus(tmp_path / "docs")
    serial = policytext.run_pipeline([corpus], tmp_path / "serial", national=[corpus / "national.txt"], **QUICK)
    pooled = policytext.run_pipeline([corpus], tmp_path / "pooled", national=[corpus / "national.txt"], jobs=2,
                                     in_flight=1, **QUICK)  # fmt: skip
    assert serial.ok and pooled.ok and pooled.processed == 3
    assert table_bytes(tmp_path / "pooled") == table_bytes(tmp_path / "serial")
    assert "2 worker processes" in (tmp_path / "pooled" / "runs.log").read_text(encoding="utf-8")


def test_a_task_that_kills_its_worker_is_recorded_and_the_run_goes_on(tmp_path):
    from policytext.batch import execute

    tasks = [{"source": f"f{k}", "crash": k == 1} for k in range(4)]
    results = list(execute(iter(tasks), jobs=2, worker=_crash_on_flag, in_flight=2))
    by_source = {r["source"]: r for r in results}
    assert sorted(by_source) == ["f0", "f1", "f2", "f3"]
    assert by_source["f1"]["failures"] and "worker process died" in by_source["f1"]["failures"][0]["error"]
    assert all(by_source[s]["failures"] == [] for s in ("f0", "f2", "f3"))


def _crash_on_flag(task):
    import os

    if task.get("crash"):
        os._exit(1)  # what an out-of-memory kill or a crash in a C library looks like to the pool
    return {"source": task["source"], "failures": []}
