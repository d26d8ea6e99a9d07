"""The corpus-level analyses of a run, recomputed from the store at the end of every run.

Each stage reads documents (or their stored rows) from the store one at a
time, in catalogue order, and writes its tables into ``WORKSPACE/tables/`` (CSV
and Parquet) and into the store. Terms, keyness, the co-word network and the
topic units share one pass over the documents. A stage that fails is recorded
(stage name, reason) and the others go on.
"""

from __future__ import annotations

import csv
import math
import re
import shutil
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import PolicytextError
from ..model import Failure, Obligation
from ..report._tables import stream_table
from ..store import Store
from ._catalog import Catalog
from ._options import RunOptions

__all__ = ["CorpusRun", "CORPUS_SOURCE"]

#: The ``source`` of failures that belong to the corpus, not to one file.
CORPUS_SOURCE = "(corpus)"

_DOC_TYPES = {"year": "int", "pages": "int", "chars": "int", "clauses": "int", "sentences": "int", "warnings": "int"}
_OBLIGATION_COLUMNS = ["doc", "label", "source", "clause", "clause_label", "page", "start", "end", "modality", "cue",
                       "actor", "actor_type", "action", "deadline", "sentence"]  # fmt: skip
_OBLIGATION_TYPES = {c: "str" for c in _OBLIGATION_COLUMNS} | {"page": "int", "start": "int", "end": "int"}
_TARGET_COLUMNS = ["doc", "label", "source", "clause", "clause_label", "page", "start", "end", "indicator", "value",
                   "unit", "year", "direction", "qualifier", "raw", "sentence"]  # fmt: skip
_TARGET_TYPES = {c: "str" for c in _TARGET_COLUMNS} | {
    "page": "int", "start": "int", "end": "int", "value": "float", "year": "int"}  # fmt: skip
_CLAUSE_COLUMNS = ["doc", "label", "seq", "clause", "clause_label", "level", "number", "title", "start", "end", "pages"]
_CLAUSE_TYPES = {c: "str" for c in _CLAUSE_COLUMNS} | {"seq": "int", "number": "int", "start": "int", "end": "int"}
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


class CorpusRun:
    """State of the corpus-level part of a run.

    Args:
        store: the workspace store.
        catalog: the run's documents.
        options: the run options.
        workspace: the workspace folder.
        on_stage: called with each stage's name as it starts.
    """

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        options: RunOptions,
        workspace: Path,
        *,
        on_stage: Callable[[str], None] | None = None,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.options = options
        self.workspace = workspace
        self.tables_dir = workspace / "tables"
        self.on_stage = on_stage or (lambda name: None)
        self.written: dict[str, int] = {}
        #: (stage, traceback) of each internal error, for ``run --debug``.
        self.traces: list[tuple[str, str]] = []
        self.failures: list[Failure] = []
        self.notes: list[str] = []

    # ------------------------------------------------------------------ helpers

    def write(self, name: str, rows: Iterable[dict[str, Any]], *, columns: list[str] | None = None,
              types: dict[str, str] | None = None) -> int:  # fmt: skip
        """Write a table to ``tables/`` (CSV, Parquet) and to the store, in one pass."""
        n = self.store.put_table(name, stream_table(self.tables_dir, name, rows, columns=columns, types=types))
        self.written[name] = n
        return n

    def note(self, message: str) -> None:
        """Record why a stage did less than it could (shown in the report and the log)."""
        self.notes.append(message)

    def _stage(self, name: str, func: Callable[[], None]) -> None:
        if not self.options.runs(name):
            return
        self.on_stage(name)
        try:
            func()
        except PolicytextError as exc:
            self.failures.append(Failure(source=CORPUS_SOURCE, error=str(exc), stage=name))
        except Exception as exc:  # noqa: BLE001 - one broken analysis must not cost the others
            self.traces.append((name, "".join(traceback.format_exception(exc))))
            self.failures.append(Failure(source=CORPUS_SOURCE, error=f"internal error: {type(exc).__name__}: {exc}", stage=name))

    # ------------------------------------------------------------------ the run

    def run(self) -> None:
        """Run every corpus-level stage and write its tables."""
        self._reset()
        self._stage("documents", self.documents)
        self._stage("obligations", self.obligations)
        self._stage("targets", self.targets)
        self._shared_pass()
        self._stage("compare", self.compare)
        self._stage("recurrence", self.recurrence)
        self._stage("diff", self.diff)
        self.store.put_table("run_notes", [{"note": n} for n in self.notes])

    def _reset(self) -> None:
        # Tables are recomputed from the store on every run: nothing of an earlier run's
        # analyses (made with other inputs or options) may survive into this one.
        for name in self.store.tables():
            self.store.put_table(name, [])
        for folder in (self.tables_dir, self.workspace / "topics", self.workspace / "redlines"):
            if folder.is_dir():
                shutil.rmtree(folder)
        self.tables_dir.mkdir(parents=True, exist_ok=True)

    # ------------------------------------------------------------------ per-document tables

    def documents(self) -> None:
        """``documents``, ``warnings`` and ``clauses``: the corpus as read."""
        rows = [e.row() for e in self.catalog.entries]
        counts = {e.doc: (0, 0) for e in self.catalog.entries}
        for e in self.catalog.entries:
            counts[e.doc] = (len(self.store.doc_rows("obligations", e.doc)), len(self.store.doc_rows("targets", e.doc)))
        for row in rows:
            row["obligations"], row["targets"] = counts[row["doc"]]
        columns = list(rows[0]) if rows else ["doc", "label", "source", "title"]
        self.write("documents", rows, columns=columns,
                   types={c: _DOC_TYPES.get(c, "str") for c in columns} | {"obligations": "int", "targets": "int"})  # fmt: skip
        self.write(
            "warnings",
            ({"doc": e.doc, "label": e.label, "source": e.source, "warning": w} for e in self.catalog.entries for w in e.info["warnings"]),
            columns=["doc", "label", "source", "warning"],
            types={"doc": "str", "label": "str", "source": "str", "warning": "str"},
        )
        self.write("clauses", self._clause_rows(), columns=_CLAUSE_COLUMNS, types=_CLAUSE_TYPES)

    def _clause_rows(self) -> Iterator[dict[str, Any]]:
        from ..explore._tokens import clause_labels

        for doc in self.catalog.documents():
            labels = clause_labels(doc)
            for seq, c in enumerate(doc.clauses or []):
                yield {"doc": doc.id, "label": doc.metadata.get("label", ""), "seq": seq, "clause": c.id,
                       "clause_label": labels.get(c.id, ""), "level": c.level, "number": c.number, "title": c.title,
                       "start": c.start, "end": c.end, "pages": ",".join(str(p) for p in c.pages)}  # fmt: skip

    def _doc_rows(self, name: str) -> Iterator[dict[str, Any]]:
        for e in self.catalog.entries:
            for row in self.store.doc_rows(name, e.doc):
                yield {"label": e.label, "source": e.source, **row}

    def obligations(self) -> None:
        """``obligations``: every deontic sentence, cited."""
        self.write("obligations", self._doc_rows("obligations"), columns=_OBLIGATION_COLUMNS, types=_OBLIGATION_TYPES)

    def targets(self) -> None:
        """``targets``: every goal and quantitative target, cited."""
        self.write("targets", self._doc_rows("targets"), columns=_TARGET_COLUMNS, types=_TARGET_TYPES)

    # ------------------------------------------------------------------ one pass: terms, keyness, co-words, topic units

    def _shared_pass(self) -> None:
        from ..explore import TermCounts, coword_network
        from ..topics import topic_units

        opts = self.options
        want_terms = opts.runs("terms")
        levels = self.catalog.values("level")
        want_keyness = opts.runs("keyness") and len(levels) >= 2
        if opts.runs("keyness") and len(levels) < 2:
            self.note("keyness by level: skipped, the documents have fewer than two values of 'level'")
        want_cowords = opts.runs("cowords")
        want_topics = opts.runs("topics")
        if not (want_terms or want_keyness or want_cowords or want_topics):
            return
        overall = TermCounts() if want_terms else None
        by_level = TermCounts(by="level") if (want_terms or want_keyness) and len(levels) >= 2 else None
        units: list[Any] = []
        broken: dict[str, BaseException] = {}

        def feed() -> Iterator[Any]:
            for doc in self.catalog.documents():
                for name, step in (
                    ("terms", overall.add if overall is not None else None),
                    ("keyness", by_level.add if by_level is not None else None),
                    ("topics", (lambda d: units.extend(topic_units([d], unit=opts.topics_unit, year_from_filename=True)))
                     if want_topics else None),
                ):  # fmt: skip
                    if step is not None and name not in broken:
                        try:
                            step(doc)
                        except Exception as exc:  # noqa: BLE001 - recorded below, the pass goes on
                            broken[name] = exc
                yield doc

        self.on_stage("reading the corpus (terms, co-words, topic units)")
        network = None
        try:
            if want_cowords:
                network = coword_network(feed(), top=opts.cowords_top, unit=opts.cowords_unit)
            else:
                for _ in feed():
                    pass
        except Exception as exc:  # noqa: BLE001
            broken["cowords"] = exc
        for name, exc in broken.items():
            reason = str(exc) if isinstance(exc, PolicytextError) else f"internal error: {type(exc).__name__}: {exc}"
            if not isinstance(exc, PolicytextError):
                self.traces.append((name, "".join(traceback.format_exception(exc))))
            self.failures.append(Failure(source=CORPUS_SOURCE, error=reason, stage=name))
        if overall is not None and "terms" not in broken:
            self._stage("terms", lambda: self._terms(overall, by_level))
        if want_keyness and by_level is not None and "keyness" not in broken:
            self._stage("keyness", lambda: self._keyness(by_level))
        if network is not None:
            self._stage("cowords", lambda: self._cowords(network))
        if want_topics and "topics" not in broken:
            self._stage("topics", lambda: self._topics(units))

    def _terms(self, overall: Any, by_level: Any) -> None:
        top = self.options.terms_top
        cols = ["group", "rank", "term", "count", "per_10k", "doc_freq", "doc_share", "tfidf", "tfidf_max"]
        types = {"group": "str", "rank": "int", "term": "str", "count": "int", "per_10k": "float", "doc_freq": "int",
                 "doc_share": "float", "tfidf": "float", "tfidf_max": "float"}  # fmt: skip
        self.write("terms", (r.to_dict() for r in overall.rows(top=top)), columns=cols, types=types)
        if by_level is not None:
            self.write("terms_by_level", (r.to_dict() for r in by_level.rows(top=top)), columns=cols, types=types)

    def _keyness(self, by_level: Any) -> None:
        from ..explore import keyness_from_counts
        from ..explore._groups import MISSING

        rows: list[dict[str, Any]] = []
        for group in by_level.groups:
            if group == MISSING:
                continue
            others = [g for g in by_level.groups if g != group]
            reference = by_level.total(others)
            for r in keyness_from_counts(
                by_level.counts[group],
                reference,
                target_total=by_level.tokens.get(group, 0),
                reference_total=sum(by_level.tokens.get(g, 0) for g in others),
                top=self.options.keyness_top,
                min_count=3,
            ):
                rows.append({"field": "level", "target": group, "reference": "other levels", **r.to_dict()})
        cols = ["field", "target", "reference", "rank", "term", "direction", "keyness", "p_value", "log_ratio",
                "target_count", "reference_count", "target_per_10k", "reference_per_10k"]  # fmt: skip
        self.write("keyness", rows, columns=cols)

    def _cowords(self, network: Any) -> None:
        self.write("cowords_nodes", [n.to_dict() for n in network.nodes],
                   columns=["id", "term", "frequency", "units", "degree", "strength"])  # fmt: skip
        self.write("cowords_edges", [e.to_dict() for e in network.edges],
                   columns=["source", "target", "weight", "jaccard", "pmi"])  # fmt: skip
        (self.tables_dir / "cowords.gexf").write_text(network.to_gexf(), encoding="utf-8")

    def _topics(self, units: list[Any]) -> None:
        from ..topics import sweep_topics, write_topics

        opts = self.options
        if len(units) < opts.topics_min_units:
            self.note(f"topics: skipped, {len(units)} {opts.topics_unit} units are fewer than {opts.topics_min_units}")
            return
        ks = opts.topics_k
        if ks == "auto":
            top = int(round(math.sqrt(len(units) / 10)))
            top = max(4, min(16, top - top % 2))
            ks = f"4:{top}:2" if top > 4 else "4"
        from ..segment._segmenter import default_segmenter

        # the segmenter the other analyses loaded: same dictionary and stopwords as the topic model's default
        sweep = sweep_topics(units, ks, seed=opts.seed, model=opts.topics_model, segmenter=default_segmenter())
        fields = [f for f in opts.topics_by if len({_group(u.metadata.get(f)) for u in units} - {None}) >= 2]
        folder = self.workspace / "topics"
        write_topics(folder, sweep, units, by=fields, seed=opts.seed,
                     settings={"k": ks, "model": opts.topics_model, "unit": opts.topics_unit})  # fmt: skip
        for table, name in (("topics", "topic_labels"), ("topic_terms", "topics"), ("topic_prevalence", "prevalence"),
                            ("topic_coherence", "coherence"), ("topic_passages", "representatives")):  # fmt: skip
            path = folder / f"{name}.csv"
            if path.is_file():
                self.write(table, _read_csv(path))

    # ------------------------------------------------------------------ compare

    def compare(self) -> None:
        """National against local: alignments, coverage, reuse, targets side by side, gaps, additions."""
        from ..compare import compare_documents

        nationals = self.catalog.with_role("national")
        locals_ = self.catalog.with_role("local")
        if not nationals or not locals_:
            self.note("compare: skipped, the run needs documents with role 'national' and 'local' "
                      "(metadata 'role' column, or --national)")  # fmt: skip
            return
        groups: dict[tuple[str, ...], list[str]] = {}
        for e in locals_:
            parents = tuple(p.doc for p in self.catalog.parent_of(e, "national"))
            groups.setdefault(parents, []).append(e.doc)
        labels = self.catalog.labels()
        tables: dict[str, list[dict[str, Any]]] = {}
        for parents, local_ids in sorted(groups.items(), key=lambda kv: [labels[d] for d in kv[0]]):
            national_docs = list(self.catalog.documents(parents))
            result = compare_documents(national_docs, self.catalog.documents(local_ids), year=None)
            for name, rows in result.tables().items():
                tables.setdefault(name, []).extend(rows)
            matrix = result.coverage_matrix()
            for row in matrix:
                row["national"] = ";".join(labels[d] for d in parents)
            tables.setdefault("coverage_matrix", []).extend(_long_matrix(matrix, labels))
        names = {"alignments": "compare_alignments", "coverage": "compare_coverage", "reuse": "compare_reuse",
                 "targets": "targets_side_by_side", "gaps": "compare_gaps", "additions": "compare_additions",
                 "coverage_matrix": "compare_coverage_matrix"}  # fmt: skip
        for rows in tables.values():
            for row in rows:
                _add_labels(row, labels)
        self._cite_targets(tables.get("targets", []))
        for name, rows in tables.items():
            self.write(names.get(name, f"compare_{name}"), rows)

    def _cite_targets(self, rows: list[dict[str, Any]]) -> None:
        """Add the clause label and page of each side of the side-by-side targets (from the stored targets)."""
        cache: dict[str, dict[str, tuple[str, Any]]] = {}

        def where(doc: Any, clause: Any) -> tuple[str, Any]:
            if not doc or not clause:
                return "", None
            if doc not in cache:
                cache[doc] = {r.get("clause") or "": (r.get("clause_label") or "", r.get("page"))
                              for r in self.store.doc_rows("targets", doc)}  # fmt: skip
            return cache[doc].get(clause, ("", None))

        for row in rows:
            for side in ("national", "local"):
                label, page = where(row.get(f"{side}_doc"), row.get(f"{side}_clause"))
                row[f"{side}_clause_label"] = label
                row[f"{side}_page"] = page

    # ------------------------------------------------------------------ recurrence

    def _obligation_rows(self) -> Iterator[Obligation]:
        fields = set(Obligation.__dataclass_fields__)
        for e in self.catalog.entries:
            for row in self.store.doc_rows("obligations", e.doc):
                yield Obligation(**{k: v for k, v in row.items() if k in fields})

    def recurrence(self) -> None:
        """Recurring duties across documents, and the actor-type x modality matrix."""
        if not self.options.runs("obligations"):
            self.note("recurrence: skipped with the obligations stage")
            return
        from ..obligations import actor_modality_matrix, recurring_obligations

        labels = self.catalog.labels()
        clusters = recurring_obligations(
            self._obligation_rows(), min_docs=self.options.recurrence_min_docs, sources=labels, seed=self.options.seed
        )
        self.write(
            "recurring_obligations",
            [{k: v for k, v in c.to_dict().items() if k != "citations"} for c in clusters],
            columns=["id", "modality", "actor_type", "representative", "actor", "sentence", "documents", "occurrences"],
        )
        cite_cols = ["cluster", "doc", "label", "clause", "clause_label", "page", "start", "end", "actor", "action", "sentence"]
        self.write(
            "recurring_obligation_citations",
            [
                {"cluster": c.id, "label": labels.get(cit.get("doc", ""), ""), **{k: cit.get(k) for k in cite_cols if k not in ("cluster", "label")}}
                for c in clusters
                for cit in c.citations
            ],
            columns=cite_cols,
            types={c: "str" for c in cite_cols} | {"cluster": "int", "page": "int", "start": "int", "end": "int"},
        )
        matrix = actor_modality_matrix(self._obligation_rows())
        cols = ["actor_type", "obligation", "prohibition", "permission", "encouragement", "total"]
        self.write("actor_modality", [{c: r[c] for c in cols} for r in matrix], columns=cols)
        per_doc = actor_modality_matrix(self._obligation_rows(), by_document=True)
        for r in per_doc:
            r["label"] = labels.get(r["doc"], "")
        self.write("actor_modality_by_document", sorted(per_doc, key=lambda r: (_order(labels, r["doc"]))),
                   columns=["doc", "label"] + cols)  # fmt: skip

    # ------------------------------------------------------------------ diff

    def diff(self) -> None:
        """Each charter against its template: changes, flags, redlines (HTML and DOCX)."""
        from ..diff import diff_documents, redline_docx, redline_html

        charters = self.catalog.with_role("charter")
        templates = self.catalog.with_role("template")
        if not charters or not templates:
            self.note("diff: skipped, the run needs documents with role 'template' and 'charter' "
                      "(metadata 'role' column, or --template)")  # fmt: skip
            return
        folder = self.workspace / "redlines"
        folder.mkdir(parents=True, exist_ok=True)
        summary: list[dict[str, Any]] = []
        changes: list[dict[str, Any]] = []
        checks: list[dict[str, Any]] = []
        for charter in charters:
            for template in self.catalog.parent_of(charter, "template"):
                tdoc, cdoc = self.catalog.documents([template.doc, charter.doc])
                result = diff_documents(tdoc, cdoc)
                stem = _safe(f"{charter.label}--{template.label}" if len(templates) > 1 else charter.label)
                html_name = f"redlines/{stem}.html"
                (self.workspace / html_name).write_text(
                    redline_html(result, title=f"{charter.title} ← {template.title}"), encoding="utf-8"
                )
                redline_docx(result, self.workspace / f"redlines/{stem}.docx")
                row: dict[str, Any] = {"charter_doc": charter.doc, "charter": charter.label, "template_doc": template.doc,
                                       "template": template.label, "level": result.level}  # fmt: skip
                row.update(result.counts())
                row["flags"] = ";".join(f"{k}:{v}" for k, v in result.flag_counts().items())
                row["flagged"] = len(result.flagged())
                row["redline"] = html_name
                summary.append(row)
                for k, ch in enumerate(result.changes):
                    changes.append({
                        "charter": charter.label, "template": template.label, "seq": k + 1, "status": ch.status,
                        "template_clause": ch.template_clause or "", "charter_clause": ch.charter_clause or "",
                        "similarity": round(ch.similarity, 4), "flags": ",".join(ch.flags),
                        "details": "; ".join(ch.details), "template_clause_id": ch.template_clause_id or "",
                        "charter_clause_id": ch.charter_clause_id or "",
                    })  # fmt: skip
            if self.options.requirements:
                from ..compare import check_requirements

                (cdoc,) = self.catalog.documents([charter.doc])
                for r in check_requirements(cdoc, self.options.requirements):
                    checks.append({"charter": charter.label, **r.to_dict()})
        self.write("diff_summary", summary)
        self.write("diff_changes", changes, columns=[
            "charter", "template", "seq", "status", "template_clause", "charter_clause", "similarity", "flags",
            "details", "template_clause_id", "charter_clause_id"])  # fmt: skip
        if checks:
            self.write("checklist", checks)


# ---------------------------------------------------------------------- helpers


def _group(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value


def _order(labels: dict[str, str], doc: str) -> tuple[int, str]:
    keys = list(labels)
    return (keys.index(doc) if doc in labels else len(keys), doc)


def _safe(name: str) -> str:
    return re.sub(r"[^\w.\-]+", "_", name).strip("_") or "document"


def _typed(value: str) -> Any:
    if _NUMBER.fullmatch(value):
        return float(value) if "." in value else int(value)
    return value


def _read_csv(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [{k: _typed(v) for k, v in row.items()} for row in csv.DictReader(fh)]


def _add_labels(row: dict[str, Any], labels: dict[str, str]) -> None:
    for key in ("local_doc", "national_doc", "doc"):
        value = row.get(key)
        if isinstance(value, str) and value in labels:
            row[key.replace("_doc", "") + "_label" if key != "doc" else "label"] = labels[value]
    covered = row.get("covered_by")
    if isinstance(covered, list):
        row["covered_by"] = ";".join(labels.get(d, d) for d in covered)


def _long_matrix(rows: list[dict[str, Any]], labels: dict[str, str]) -> list[dict[str, Any]]:
    """The wide coverage matrix (one column per national clause) as long rows: local, clause, relation."""
    out = []
    for row in rows:
        for key, value in row.items():
            if key in ("local_doc", "title", "national"):
                continue
            out.append({"national": row["national"], "local_doc": row["local_doc"], "national_clause": key,
                        "relation": value or ""})  # fmt: skip
    return out
