"""Topic models on the 政府工作报告 series: our model against the usual recipe.

The usual recipe, as a careful user writes it: ``jieba.lcut`` tokens of two or
more characters without digits, gensim ``Dictionary.filter_extremes(no_below=5,
no_above=0.5)``, ``LdaModel(passes=10, random_state=seed)``. Ours:
``policytext.TopicModel`` with its defaults (the segmentation stage's tokens,
its vocabulary filter, NMF). Both are fitted on the same units (the
paragraphs ``policytext topics --unit paragraph`` fits on) with the same K.

Coherence, the same definition for both: the mean NPMI of each topic's top 10
terms, where a paragraph "contains" a term when the term string occurs in the
paragraph text (any tokenizer is judged alike), over every paragraph of the
corpus (:func:`policytext.paragraph_spans` of each document). A pair that never
co-occurs scores -1. As a check that the margin does not hinge on the paragraph
cut, the same score is also given over the files' raw non-empty lines.

Fit time is the model fitting alone (``TopicModel.fit_prepared`` against
``LdaModel(...)``), best of ``--repeat`` runs; the end-to-end time adds
tokenising and building the vocabulary.

Usage::

    python bench/bench_topics.py [FOLDER] [--k 10 20] [--seed 42] [--sweep]

Writes ``bench/results/topics.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

import policytext

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "series" / "gov-work-reports-txt"
RESULTS = ROOT / "bench" / "results" / "topics.json"
_DIGIT = re.compile(r"\d")


def load(folder: Path) -> tuple[list[policytext.TopicUnit], list[str], list[str]]:
    """The units our CLI fits on, every paragraph of the corpus, and the raw non-empty lines."""
    docs = [d for d in policytext.iter_documents([folder]) if isinstance(d, policytext.Document)]
    if not docs:
        raise SystemExit(f"no documents in {folder}")
    units = policytext.remove_boilerplate(policytext.topic_units(docs, unit="paragraph"))
    paragraphs = [d.text[s:e] for d in docs for s, e in policytext.paragraph_spans(d.text)]
    lines = [
        line.strip()
        for p in sorted(folder.glob("*.txt"))
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return units, paragraphs, lines


def recipe_tokens(texts: list[str]) -> tuple[list[list[str]], float]:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    start = time.perf_counter()
    tokens = [[w for w in jieba.lcut(t) if len(w) >= 2 and not _DIGIT.search(w)] for t in texts]
    return tokens, time.perf_counter() - start


def recipe(tokens: list[list[str]], k: int, seed: int) -> tuple[list[list[str]], float, float]:
    """The usual recipe: returns top-10 terms per topic, fit seconds, dictionary seconds."""
    from gensim.corpora import Dictionary
    from gensim.models import LdaModel

    start = time.perf_counter()
    dictionary = Dictionary(tokens)
    dictionary.filter_extremes(no_below=5, no_above=0.5)
    corpus = [dictionary.doc2bow(t) for t in tokens]
    prep = time.perf_counter() - start
    start = time.perf_counter()
    lda = LdaModel(corpus, id2word=dictionary, num_topics=k, passes=10, random_state=seed)
    fit = time.perf_counter() - start
    return [[w for w, _ in lda.show_topic(t, 10)] for t in range(k)], fit, prep


def ours(units: list[Any], k: int, seed: int, repeat: int, **options: Any) -> dict[str, Any]:
    model = policytext.TopicModel(k=k, seed=seed, **options)
    start = time.perf_counter()
    prepared = model.prepare(units)
    prep = time.perf_counter() - start
    fits = []
    for _ in range(repeat):
        fresh = model.clone()
        start = time.perf_counter()
        fresh.fit_prepared(prepared)
        fits.append(time.perf_counter() - start)
    return {
        "model": fresh,
        "fit_seconds": min(fits),
        "prepare_seconds": prep,
        "vocabulary": len(prepared.vocabulary),
    }


def npmi(topics: list[list[str]], ref: policytext.CoherenceReference) -> float:
    return float(np.mean(ref.npmi(topics, top_n=10)))


def compare(
    folder: Path, *, k: int = 10, seed: int = 42, repeat: int = 1, data: Any = None
) -> dict[str, Any]:
    """NPMI and fit time of our default model and of the usual recipe at one K."""
    units, paragraphs, lines = data or load(folder)
    ref = policytext.CoherenceReference(paragraphs)
    ref_lines = policytext.CoherenceReference(lines)
    texts = [u.text for u in units]
    tokens, tok_seconds = recipe_tokens(texts)
    r_terms, r_fit, r_prep = recipe(tokens, k, seed)
    mine = ours(units, k, seed, repeat)
    o_terms = mine["model"].top_terms(10)
    result = {
        "k": k,
        "units": len(units),
        "reference_paragraphs": len(paragraphs),
        "ours": {
            "model": mine["model"].model,
            "npmi": npmi(o_terms, ref),
            "npmi_raw_lines": npmi(o_terms, ref_lines),
            "c_v": float(np.mean(ref.cv(o_terms))),
            "fit_seconds": mine["fit_seconds"],
            "end_to_end_seconds": mine["fit_seconds"] + mine["prepare_seconds"],
            "vocabulary": mine["vocabulary"],
            "topics": [" ".join(t) for t in o_terms],
        },
        "recipe": {
            "model": "gensim LdaModel(passes=10)",
            "npmi": npmi(r_terms, ref),
            "npmi_raw_lines": npmi(r_terms, ref_lines),
            "c_v": float(np.mean(ref.cv(r_terms))),
            "fit_seconds": r_fit,
            "end_to_end_seconds": r_fit + r_prep + tok_seconds,
            "topics": [" ".join(t) for t in r_terms],
        },
    }
    result["npmi_margin"] = result["ours"]["npmi"] - result["recipe"]["npmi"]
    result["npmi_margin_raw_lines"] = result["ours"]["npmi_raw_lines"] - result["recipe"]["npmi_raw_lines"]
    result["fit_speedup"] = r_fit / mine["fit_seconds"]
    result["end_to_end_speedup"] = (
        result["recipe"]["end_to_end_seconds"] / result["ours"]["end_to_end_seconds"]
    )
    return result


def our_lda(units: list[Any], k: int, seed: int, ref: policytext.CoherenceReference) -> dict[str, Any]:
    """Our pipeline with LDA instead of NMF (for the record: LDA stays available)."""
    mine = ours(units, k, seed, 1, model="lda")
    return {"k": k, "npmi": npmi(mine["model"].top_terms(10), ref), "fit_seconds": mine["fit_seconds"]}


def sweep_memory(units: list[Any], paragraphs: list[str], seed: int) -> dict[str, Any]:
    """A K sweep 5:30:5: wall time and peak resident memory of the process."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    sweep = policytext.sweep_topics(units, "5:30:5", seed=seed, reference=paragraphs)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "ks": [r["k"] for r in sweep.rows],
        "c_npmi": [round(r["c_npmi"], 4) for r in sweep.rows],
        "chosen": sweep.k,
        "reason": sweep.reason,
        "seconds": seconds,
        "peak_rss_mb": after / 1024,
        "peak_rss_growth_mb": (after - before) / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--k", type=int, nargs="+", default=[10, 20])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeat", type=int, default=3, help="best-of runs for our fit time")
    parser.add_argument("--sweep", action="store_true", help="also time a 5:30:5 sweep and its peak memory")
    parser.add_argument("--lda", action="store_true", help="also fit our pipeline with LDA")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(
            f"bench_topics: {args.folder}: no such folder (the real series lives in ../shared)",
            file=sys.stderr,
        )
        return 2
    data = load(args.folder)
    units, paragraphs, _ = data
    print(f"{len(units)} paragraph units, {len(paragraphs)} reference paragraphs, from {args.folder}")
    report: dict[str, Any] = {
        "corpus": str(args.folder),
        "seed": args.seed,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "results": [],
    }
    for k in args.k:
        res = compare(args.folder, k=k, seed=args.seed, repeat=args.repeat, data=data)
        report["results"].append(res)
        o, r = res["ours"], res["recipe"]
        print(
            f"K={k:>2}  NPMI ours {o['npmi']:.4f} ({o['model']})  recipe {r['npmi']:.4f}  "
            f"margin {res['npmi_margin']:+.4f}  (raw lines: {res['npmi_margin_raw_lines']:+.4f})"
        )
        print(
            f"      fit ours {o['fit_seconds']:.2f}s  recipe {r['fit_seconds']:.2f}s  speedup {res['fit_speedup']:.1f}x;"
            f"  end to end {o['end_to_end_seconds']:.2f}s vs {r['end_to_end_seconds']:.2f}s "
            f"({res['end_to_end_speedup']:.1f}x)"
        )
    if args.lda:
        ref = policytext.CoherenceReference(paragraphs)
        report["our_lda"] = [our_lda(units, k, args.seed, ref) for k in args.k]
        for row in report["our_lda"]:
            print(
                f"K={row['k']:>2}  our pipeline with LDA: NPMI {row['npmi']:.4f}, fit {row['fit_seconds']:.2f}s"
            )
    if args.sweep:
        report["sweep"] = sweep_memory(units, paragraphs, args.seed)
        s = report["sweep"]
        print(f"sweep 5:30:5: {s['seconds']:.1f}s, peak RSS {s['peak_rss_mb']:.0f} MB; {s['reason']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
