"""Obligations at scale, and the evaluation numbers of the obligations stage.

``speed`` (default): classify one million sentences and cluster the duties
across documents, streaming, on this machine's cores.

- The sentences are real policy sentences from ``../shared`` (355 laws and
  regulations of ``gold/laws_lawrefbook``, the directives, local regulations,
  the 221 smart-technology policies and the government work reports), drawn
  with a fixed seed. Half of the draws get one character replaced, as OCR noise
  or a local rewording would, so that most duties are distinct texts and the
  near-duplicate path (MinHash/LSH + rapidfuzz) does real work; identical
  texts are collapsed before MinHash, which is what the library does too.
- The sentences are grouped into documents of 200, and the stream runs
  through worker processes (``--workers``, default the number of cores) that
  return the deontic readings; the main process feeds them straight into
  :func:`policytext.recurring_obligations` without keeping the sentences.
- Recorded: wall time of each phase, sentences per second, rows, distinct
  duties, clusters, and peak RSS of the main process and of the workers.

Target: 1,000,000 sentences classified and clustered in under 10 minutes on
2 cores with bounded memory.

``eval``: the numbers of the issue, recomputed from the labelled sets in
``tests/data/obligations``: modality macro-F1, per-class P/R/F1 and the
confusion matrix on dev and test of the first set (``deontic_zh.tsv``) and of
the independent one (``fresh_zh.tsv``, read as ``policytext obligations --lines``
reads a line), bearer exact match (also per genre on the bearer-focused set
``bearer_zh.tsv``: laws, local vocational-education regulations, ministry
notices), the English LexDeMod sentences, and pairwise /
B-cubed precision and recall of the recurrence clusters on the two recurrence
golds (``recurrence_gold.tsv``: teachers-law and vocational-education families,
used to tune the thresholds; ``recurrence_heldout.tsv``: compulsory-education
and private-education families).

Usage::

    python bench/bench_obligations.py [speed] [--sentences 1000000] [--workers 2]
    python bench/bench_obligations.py eval

Writes ``bench/results/obligations.json`` or ``bench/results/obligations_eval.json``.
"""

from __future__ import annotations

import argparse
import csv
import glob
import itertools
import json
import multiprocessing as mp
import os
import platform
import random
import re
import resource
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import policytext  # noqa: E402

SHARED = Path(os.environ.get("POLICYTEXT_SHARED", ROOT.parent / "shared"))
DATA = ROOT / "tests" / "data" / "obligations"
RESULTS = ROOT / "bench" / "results"
DOC_SIZE = 200
NOISE = "的了和与及在对为把将从向于以其之并或等各有关"


# --------------------------------------------------------------------------- speed


def _pool_sentences() -> list[str]:
    texts: list[str] = []
    for path in sorted(glob.glob(str(SHARED / "gold" / "laws_lawrefbook" / "**" / "*.md"), recursive=True)):
        texts.append(Path(path).read_text(encoding="utf-8").split("<!-- INFO END -->")[-1])
    for sub in ("directives", "local", "reference"):
        for path in sorted((SHARED / "corpora" / sub).glob("*.*")):
            if path.suffix in (".md", ".txt"):
                texts.append(path.read_text(encoding="utf-8").split("<!-- INFO END -->")[-1])
    for path in sorted((SHARED / "corpora" / "series" / "gov-work-reports-txt").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    smart = SHARED / "corpora" / "series" / "smart-tech-policies_central166_shandong55.jsonl"
    if smart.exists():
        with open(smart, encoding="utf-8") as fh:
            for line in fh:
                texts.append(json.loads(line).get("content_zh", ""))
    out: list[str] = []
    for text in texts:
        for line in text.splitlines():
            line = line.strip().lstrip("#").strip()
            if not line:
                continue
            for start, end in policytext.split_sentences(line):
                sent = line[start:end]
                if 4 <= len(sent) <= 400:
                    out.append(sent)
    return out


def _stream(pool: list[str], n: int, seed: int) -> Iterator[list[tuple[str, int, str]]]:
    """Chunks of (doc, index, sentence), drawn with a fixed seed."""
    rng = random.Random(seed)
    chunk: list[tuple[str, int, str]] = []
    for i in range(n):
        s = pool[rng.randrange(len(pool))]
        if rng.random() < 0.5 and len(s) > 8:
            k = rng.randrange(len(s) // 3, len(s) - 1)
            s = s[:k] + NOISE[rng.randrange(len(NOISE))] + s[k + 1 :]
        chunk.append((f"doc{i // DOC_SIZE:06d}", i, s))
        if len(chunk) == 5000:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_TAGGER: policytext.DeonticTagger | None = None


def _init_worker() -> None:
    global _TAGGER
    _TAGGER = policytext.DeonticTagger()


def _classify(texts: list[str]) -> list[tuple[Any, ...]]:
    assert _TAGGER is not None
    out = []
    for k, text in enumerate(texts):
        for r in _TAGGER.tag(text):
            out.append((k, r.modality, r.actor, r.actor_type, r.action, r.deadline, r.cue))
    return out


def run_speed(n: int, workers: int, seed: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    pool = _pool_sentences()
    t_pool = time.perf_counter() - t0
    counts: Counter[str] = Counter()
    seen = {"sentences": 0}
    timing: dict[str, float] = {}
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    t_start = time.perf_counter()

    def rows() -> Iterator[policytext.Obligation]:
        chunks = _stream(pool, n, seed)
        with mp.get_context("fork").Pool(workers, initializer=_init_worker) as procs:
            while True:
                # a bounded window keeps the input from queueing up in memory
                window = list(itertools.islice(chunks, 4 * workers))
                if not window:
                    break
                for chunk, readings in zip(
                    window, procs.imap(_classify, [[t for _, _, t in c] for c in window])
                ):
                    seen["sentences"] += len(chunk)
                    for k, modality, actor, actor_type, action, deadline, cue in readings:
                        doc, i, text = chunk[k]
                        counts[modality] += 1
                        yield policytext.Obligation(
                            doc,
                            None,
                            text,
                            i,
                            i + len(text),
                            modality,
                            actor,
                            actor_type,
                            action,
                            deadline,
                            cue,
                        )
        timing["classify_s"] = time.perf_counter() - t_start

    clusters = policytext.recurring_obligations(rows(), min_docs=2, max_citations=20)
    t_total = time.perf_counter() - t_start
    self_use = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_main = (self_use.ru_utime - cpu0.ru_utime) + (self_use.ru_stime - cpu0.ru_stime)
    cpu_workers = children.ru_utime + children.ru_stime
    return {
        "benchmark": "obligations",
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        },
        "settings": {
            "sentences": n,
            "workers": workers,
            "seed": seed,
            "doc_size": DOC_SIZE,
            "noise_rate": 0.5,
        },
        "pool_sentences": len(pool),
        "pool_build_s": round(t_pool, 2),
        "sentences": seen["sentences"],
        "deontic_rows": sum(counts.values()),
        "rows_by_modality": dict(sorted(counts.items())),
        "clusters_min_docs_2": len(clusters),
        "largest_cluster_documents": max((c.documents for c in clusters), default=0),
        "classify_stream_s": round(timing.get("classify_s", 0.0), 2),
        "cluster_after_stream_s": round(t_total - timing.get("classify_s", 0.0), 2),
        "total_s": round(t_total, 2),
        "cpu_s": {"main": round(cpu_main, 1), "workers": round(cpu_workers, 1)},
        "sentences_per_s": round(seen["sentences"] / t_total),
        "peak_rss_mb": {
            "main": round(self_use.ru_maxrss / 1024),
            "largest_worker": round(children.ru_maxrss / 1024),
        },
        "target": {"seconds": 600, "met": t_total < 600},
    }


# --------------------------------------------------------------------------- eval


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line]


def _scores(pairs: list[tuple[str, str]], classes: list[str]) -> dict[str, Any]:
    per = {}
    for c in classes:
        tp = sum(1 for g, p in pairs if g == c and p == c)
        fp = sum(1 for g, p in pairs if g != c and p == c)
        fn = sum(1 for g, p in pairs if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[c] = {
            "precision": round(prec, 3),
            "recall": round(rec, 3),
            "f1": round(f1, 3),
            "support": tp + fn,
        }
    confusion = {g: {p: sum(1 for a, b in pairs if a == g and b == p) for p in classes} for g in classes}
    return {
        "n": len(pairs),
        "macro_f1": round(sum(v["f1"] for v in per.values()) / len(classes), 4),
        "accuracy": round(sum(1 for g, p in pairs if g == p) / len(pairs), 4),
        "per_class": per,
        "confusion_gold_rows_pred_columns": confusion,
    }


def _eval_zh(tagger: policytext.DeonticTagger) -> dict[str, Any]:
    rows = _read_tsv(DATA / "deontic_zh.tsv")
    out = {}
    for split in ("dev", "test"):
        pairs, actor_hits, actor_total, spurious, empty_gold = [], 0, 0, 0, 0
        errors = []
        for r in rows:
            if r["split"] != split:
                continue
            if r["context"]:
                pred = tagger.classify_sequence([r["context"], r["sentence"]], strict=False)[1]
            else:
                pred = tagger.classify(r["sentence"])
            pairs.append((r["modality"], pred.modality))
            if r["modality"] != "none":
                if r["actor"]:
                    actor_total += 1
                    actor_hits += pred.actor == r["actor"]
                else:
                    empty_gold += 1
                    spurious += bool(pred.actor)
            if pred.modality != r["modality"]:
                errors.append({"id": r["id"], "gold": r["modality"], "pred": pred.modality, "cue": pred.cue})
        out[split] = _scores(pairs, list(policytext.MODALITIES))
        out[split]["actor_exact_match"] = round(actor_hits / actor_total, 4)
        out[split]["actor_stated"] = actor_total
        out[split]["actor_given_where_none_stated"] = f"{spurious}/{empty_gold}"
        out[split]["errors"] = errors
    return out


def _eval_fresh(tagger: policytext.DeonticTagger, errors_to: Path | None = None) -> dict[str, Any]:
    """The independent set ``fresh_zh.tsv`` (other documents, labelled apart from the rules).

    A row without a lead-in is read exactly as ``policytext obligations --lines``
    reads a line (:func:`policytext.obligations_from_lines`); a list item is read
    after its lead-in line. Actor exact match counts the rows whose gold modality
    is not ``none`` and whose bearer is stated (``?`` marks an unclear bearer and
    is left out).
    """
    rows = _read_tsv(DATA / "fresh_zh.tsv")
    out: dict[str, Any] = {}
    dump = []
    for split in ("fresh_dev", "fresh_test"):
        pairs, actor_hits, actor_total, spurious, empty_gold = [], 0, 0, 0, 0
        for r in rows:
            if r["split"] != split:
                continue
            if r["context"]:
                pred = tagger.classify_sequence([r["context"], r["sentence"]], strict=False)[1]
                got = (pred.modality, pred.actor)
            else:
                line = policytext.obligations_from_lines([r["sentence"]], tagger=tagger)[0]
                got = (line.modality, line.actor)
            pairs.append((r["modality"], got[0]))
            if r["modality"] != "none" and r["actor"] != "?":
                if r["actor"]:
                    actor_total += 1
                    actor_hits += got[1] == r["actor"]
                else:
                    empty_gold += 1
                    spurious += bool(got[1])
            wrong_actor = r["modality"] != "none" and r["actor"] not in ("?", got[1]) and bool(r["actor"])
            if split == "fresh_dev" and (got[0] != r["modality"] or wrong_actor):
                dump.append("\t".join([r["id"], r["modality"], got[0], r["actor"], got[1], r["sentence"]]))
        out[split] = _scores(pairs, list(policytext.MODALITIES))
        out[split]["actor_exact_match"] = round(actor_hits / actor_total, 4) if actor_total else None
        out[split]["actor_stated"] = actor_total
        out[split]["actor_given_where_none_stated"] = f"{spurious}/{empty_gold}"
    if errors_to is not None:
        errors_to.write_text("id\tgold\tpred\tgold_actor\tpred_actor\tsentence\n" + "\n".join(dump) + "\n")
    return out


def _eval_bearer(tagger: policytext.DeonticTagger, errors_to: Path | None = None) -> dict[str, Any]:
    """The bearer-focused set ``bearer_zh.tsv`` (laws, local vocational-education
    regulations, ministry notices), read as :func:`_eval_fresh` reads its rows.

    Actor exact match counts the rows whose gold modality is not ``none`` and whose
    bearer is stated (``?`` is left out), per split and per genre.
    """
    rows = _read_tsv(DATA / "bearer_zh.tsv")
    out: dict[str, Any] = {}
    dump = []
    for split in ("bearer_dev", "bearer_test"):
        pairs = []
        by_genre: dict[str, list[int]] = {}
        spurious = empty_gold = 0
        for r in rows:
            if r["split"] != split:
                continue
            if r["context"]:
                pred = tagger.classify_sequence([r["context"], r["sentence"]], strict=False)[1]
                got = (pred.modality, pred.actor)
            else:
                line = policytext.obligations_from_lines([r["sentence"]], tagger=tagger)[0]
                got = (line.modality, line.actor)
            pairs.append((r["modality"], got[0]))
            if r["modality"] != "none" and r["actor"] != "?":
                if r["actor"]:
                    for key in (r["genre"], "all"):
                        hit_total = by_genre.setdefault(key, [0, 0])
                        hit_total[0] += got[1] == r["actor"]
                        hit_total[1] += 1
                else:
                    empty_gold += 1
                    spurious += bool(got[1])
            wrong_actor = r["modality"] != "none" and r["actor"] not in ("?", got[1]) and bool(r["actor"])
            if split == "bearer_dev" and (got[0] != r["modality"] or wrong_actor):
                dump.append("\t".join([r["id"], r["modality"], got[0], r["actor"], got[1], r["sentence"]]))
        out[split] = _scores(pairs, list(policytext.MODALITIES))
        out[split]["actor_exact_match"] = round(by_genre["all"][0] / by_genre["all"][1], 4)
        out[split]["actor_stated"] = by_genre["all"][1]
        out[split]["actor_exact_match_by_genre"] = {
            g: {"exact_match": round(h / t, 4), "stated": t}
            for g, (h, t) in sorted(by_genre.items())
            if g != "all"
        }
        out[split]["actor_given_where_none_stated"] = f"{spurious}/{empty_gold}"
    if errors_to is not None:
        errors_to.write_text("id\tgold\tpred\tgold_actor\tpred_actor\tsentence\n" + "\n".join(dump) + "\n")
    return out


#: The four classes LexDeMod's labels map to (it has no encouragement).
LEXDEMOD_CLASSES = ["obligation", "prohibition", "permission", "none"]


def lexdemod_pairs(path: Path, tagger: policytext.DeonticTagger) -> list[tuple[str, str]]:
    """(gold, predicted) modality of each LexDeMod sentence.

    Its labels are per agent; a sentence takes the union over its agents,
    mapped to one class (obligation, then prohibition, then permission or
    entitlement). Encouragement, which LexDeMod lacks, counts as none.
    """
    merged: dict[tuple[str, str], list[int]] = {}
    with open(path, encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            text = re.sub(r"^\[\w+\]\s*", "", rec["text"])
            label = json.loads(rec["label"])
            key = (rec["cid"], text)
            merged[key] = [max(a, b) for a, b in zip(merged.get(key, [0] * 7), label)]
    pairs = []
    for (_cid, text), (obl, ent, pro, per, *_rest) in merged.items():
        gold = "obligation" if obl else "prohibition" if pro else "permission" if per or ent else "none"
        pred = tagger.classify(text, lang="en").modality
        pairs.append((gold, "none" if pred == "encouragement" else pred))
    return pairs


def _eval_en(tagger: policytext.DeonticTagger) -> dict[str, Any]:
    pairs = lexdemod_pairs(SHARED / "gold" / "deontic_lexdemod_en" / "test_annotated_data.csv", tagger)
    result = _scores(pairs, LEXDEMOD_CLASSES)
    result["mapping"] = (
        "one class per sentence from the union of both parties' labels: obligation if any party has one, "
        "else prohibition, else permission (permission or entitlement), else none (no-obligation, "
        "no-entitlement, none); encouragement predicted counts as none"
    )
    return result


def _family_tuning(cluster: str) -> str:
    if cluster[0] != "S":
        return cluster[0]
    return "T" if int(cluster[1:]) < 20 else "V"


def _family_heldout(cluster: str) -> str:
    return "C" if cluster[0] in "CN" else "P"


def _eval_recurrence(
    gold_name: str = "recurrence_gold.tsv",
    families: dict[str, str] | None = None,
    family_of: Any = _family_tuning,
) -> dict[str, Any]:
    """Pairwise and B-cubed precision / recall of the recurrence clusters on a gold file."""
    from policytext.obligations._actors import strip_label

    families = families or {"teachers_family_tuning": "T", "vocational_family": "V"}

    def norm(text: str) -> str:
        text = unicodedata.normalize("NFKC", text)
        text = text[strip_label(text) :]
        return re.sub(r"\s+", "", text)

    gold = _read_tsv(DATA / gold_name)
    rows: list[policytext.Obligation] = []
    path_of: dict[str, str] = {}
    for rel in sorted({g["doc"] for g in gold}):
        doc = policytext.read(SHARED / "corpora" / rel)
        path_of[doc.id] = rel
        rows.extend(policytext.extract_obligations(doc))
    index: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(rows):
        index.setdefault((path_of[r.doc], norm(r.sentence)), []).append(i)
    t0 = time.perf_counter()
    clusters = policytext.recurring_obligations(rows, min_docs=1)
    seconds = time.perf_counter() - t0
    label = {}
    for k, c in enumerate(clusters):
        for cit in c.citations:
            label[(cit["doc"], cit["start"], cit["action"])] = k
    items = []
    for g in gold:
        hits = [
            i for i in index.get((g["doc"], norm(g["sentence"])), []) if rows[i].modality == g["modality"]
        ]
        found = label.get((rows[hits[0]].doc, rows[hits[0]].start, rows[hits[0]].action)) if hits else None
        items.append((g["cluster"], found, family_of(g["cluster"])))

    def score(subset: list[tuple[str, Any, str]]) -> dict[str, Any]:
        tp = fp = fn = 0
        for (g1, s1, _), (g2, s2, _) in itertools.combinations(subset, 2):
            same = s1 is not None and s1 == s2
            tp += g1 == g2 and same
            fp += g1 != g2 and same
            fn += g1 == g2 and not same
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        bp = br = 0.0
        for g, s, _ in subset:
            same_gold = [x for x in subset if x[0] == g]
            same_sys = [x for x in subset if s is not None and x[1] == s] or [(g, s, "")]
            bp += sum(1 for x in same_sys if x[0] == g) / len(same_sys)
            br += max(1, sum(1 for x in same_gold if s is not None and x[1] == s)) / len(same_gold)
        bp, br = bp / len(subset), br / len(subset)
        return {
            "gold_rows": len(subset),
            "gold_clusters": len({x[0] for x in subset}),
            "pairwise_precision": round(p, 3),
            "pairwise_recall": round(r, 3),
            "pairwise_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "bcubed_precision": round(bp, 3),
            "bcubed_recall": round(br, 3),
            "bcubed_f1": round(2 * bp * br / (bp + br), 3) if bp + br else 0.0,
        }

    out: dict[str, Any] = {
        "gold": gold_name,
        "documents": len(path_of),
        "rows": len(rows),
        "matched_gold_rows": sum(1 for _, f, _ in items if f is not None),
        "cluster_seconds": round(seconds, 3),
        "all": score(items),
    }
    for name, fam in families.items():
        out[name] = score([x for x in items if x[2] == fam])
    return out


def run_eval() -> dict[str, Any]:
    tagger = policytext.DeonticTagger()
    return {
        "benchmark": "obligations_eval",
        "zh_deontic": _eval_zh(tagger),
        "zh_fresh": _eval_fresh(tagger),
        "zh_bearer": _eval_bearer(tagger),
        "en_lexdemod": _eval_en(tagger),
        "recurrence": _eval_recurrence(),
        "recurrence_heldout": _eval_recurrence(
            "recurrence_heldout.tsv",
            {"compulsory_education_family": "C", "private_education_family": "P"},
            _family_heldout,
        ),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", nargs="?", choices=["speed", "eval"], default="speed")
    parser.add_argument("--sentences", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--seed", type=int, default=20240611)
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        sys.exit(f"needs the shared data at {SHARED}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.mode == "eval":
        result = run_eval()
        target = RESULTS / "obligations_eval.json"
    else:
        result = run_speed(args.sentences, args.workers, args.seed)
        target = RESULTS / "obligations.json"
    target.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    summary = {
        k: v for k, v in result.items() if not isinstance(v, dict) or k in ("peak_rss_mb", "target", "cpu_s")
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
