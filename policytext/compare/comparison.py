"""The comparison of local documents with national directives, end to end.

:func:`compare_documents` fits an :class:`~policytext.compare.align.Aligner` on the
national documents once, then streams the local documents past it: for each
one it aligns every clause, measures text reuse, extracts targets and puts them
beside the national ones, and adds a row to the coverage matrix. Only the
resulting rows are kept, never the local texts, so memory grows with the
output and not with the corpus.

The :class:`ComparisonResult` holds the tables:

- ``alignments``: one row per local clause (local doc and clause label, the
  national doc and clause it takes up or None, score, relation);
- ``coverage``: one row per national clause: how many local documents take it
  up, and how (restates / specifies / procedural), and which;
- ``reuse``: one row per local document: share of its text copied from the
  national text, and relation counts;
- ``targets``: national and local targets side by side (stronger / weaker /
  same / missing / added);
- ``gaps``: national clauses a local document does not take up;
- ``additions``: local clauses with no national counterpart.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import Alignment, Document, Target
from .align import Aligner, _aliases
from .coverage import RELATION_CODES, CoverageMatrix, heatmap
from .reuse import DocumentReuse, document_reuse
from .sidebyside import compare_targets
from .targets import TargetLexicon, extract_targets
from .units import Unit, units_of

__all__ = ["compare_documents", "ComparisonResult", "TABLES"]

#: The tables a result writes, in order.
TABLES = ("alignments", "coverage", "reuse", "targets", "gaps", "additions")

_EXCERPT = 60


def _excerpt(text: str, n: int = _EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@dataclass
class ComparisonResult:
    """What :func:`compare_documents` found; see the module docstring for the tables.

    Attributes:
        national: one dict per national document (``doc``, ``title``, ``source``).
        local: one dict per local document (``doc``, ``title``, ``source``).
        national_units: the national clauses aligned to (in index order).
        alignments: one :class:`~policytext.Alignment` per local clause.
        reuse_rows: one :class:`DocumentReuse` per local document.
        target_rows: side-by-side target rows (dicts).
        matrix: the coverage matrix (local documents x national clauses).
        national_targets: the national targets.
    """

    national: list[dict[str, Any]]
    local: list[dict[str, Any]] = field(default_factory=list)
    national_units: list[Unit] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)
    reuse_rows: list[DocumentReuse] = field(default_factory=list)
    target_rows: list[dict[str, Any]] = field(default_factory=list)
    matrix: CoverageMatrix | None = None
    national_targets: list[Target] = field(default_factory=list)
    addition_rows: list[dict[str, Any]] = field(default_factory=list)

    # ---------------------------------------------------------------- tables

    def coverage(self) -> list[dict[str, Any]]:
        """One row per national clause: who takes it up, and how."""
        rows: list[dict[str, Any]] = []
        if self.matrix is None:
            return rows
        n_local = self.matrix.shape[0]
        counts = self.matrix.column_counts()
        for j, u in enumerate(self.national_units):
            docs = [self.local[i]["doc"] for i in range(n_local) if self.matrix.codes[i, j] > 0]
            covered = len(docs)
            rows.append(
                {
                    "national_doc": u.doc,
                    "national_clause": u.label,
                    "national_clause_id": u.clause_id,
                    "text": _excerpt(u.text),
                    "procedural": u.procedural,
                    "local_docs": covered,
                    "share": round(covered / n_local, 4) if n_local else 0.0,
                    "restates": int(counts["restates"][j]),
                    "specifies": int(counts["specifies"][j]),
                    "procedural_matches": int(counts["procedural"][j]),
                    "covered_by": docs,
                }
            )
        return rows

    def coverage_matrix(self) -> list[dict[str, Any]]:
        """The documents x national-clauses matrix as rows (cells: relation or ``""``)."""
        rows: list[dict[str, Any]] = []
        if self.matrix is None:
            return rows
        names = {v: k for k, v in RELATION_CODES.items()}
        labels = self._column_labels()
        for i, loc in enumerate(self.local):
            row: dict[str, Any] = {"local_doc": loc["doc"], "title": loc["title"]}
            for j, label in enumerate(labels):
                row[label] = names.get(int(self.matrix.codes[i, j]), "")
            rows.append(row)
        return rows

    def _column_labels(self) -> list[str]:
        multi = len(self.national) > 1
        titles = {n["doc"]: n["title"] for n in self.national}
        out = []
        for u in self.national_units:
            out.append(f"{_excerpt(titles.get(u.doc, u.doc), 12)}:{u.label}" if multi else u.label)
        # labels must be unique to be column names
        seen: dict[str, int] = {}
        for k, label in enumerate(out):
            if label in seen:
                seen[label] += 1
                out[k] = f"{label}#{seen[label]}"
            else:
                seen[label] = 1
        return out

    def reuse(self) -> list[dict[str, Any]]:
        """One row per local document: reuse score and relation counts."""
        return [r.to_dict() for r in self.reuse_rows]

    def targets(self) -> list[dict[str, Any]]:
        """National and local targets side by side."""
        return list(self.target_rows)

    def gaps(self) -> list[dict[str, Any]]:
        """National clauses each local document leaves out (procedural clauses excepted)."""
        rows: list[dict[str, Any]] = []
        if self.matrix is None:
            return rows
        for i, loc in enumerate(self.local):
            covered = self.matrix.covered(i)
            for j, u in enumerate(self.national_units):
                if not covered[j] and not u.procedural:
                    rows.append(
                        {
                            "local_doc": loc["doc"],
                            "local_title": loc["title"],
                            "national_doc": u.doc,
                            "national_clause": u.label,
                            "national_clause_id": u.clause_id,
                            "text": _excerpt(u.text),
                        }
                    )
        return rows

    def additions(self) -> list[dict[str, Any]]:
        """Local clauses with no national counterpart (relation ``adds``), to be read as candidates.

        Besides the alignment columns, each row has ``addition_probability``
        (the additions model's), the ``nearest_national_clause`` (the best
        national clause the clause was not aligned to, for the reader to
        check) and an excerpt of the local ``text``.
        """
        return list(self.addition_rows)

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """Every table by name (see :data:`TABLES`)."""
        return {
            "alignments": [a.to_dict() for a in self.alignments],
            "coverage": self.coverage(),
            "reuse": self.reuse(),
            "targets": self.targets(),
            "gaps": self.gaps(),
            "additions": self.additions(),
        }

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the documents and every table."""
        out: dict[str, Any] = {"national": self.national, "local": self.local}
        out.update(self.tables())
        return out

    # ---------------------------------------------------------------- output

    def write_csv(self, folder: str | os.PathLike[str], *, heatmap_format: str = "svg") -> list[Path]:
        """Write every table as CSV into ``folder``, with the coverage matrix and a heatmap.

        Files: alignments.csv, coverage.csv, coverage_matrix.csv, reuse.csv,
        targets.csv, gaps.csv, additions.csv and heatmap.svg (or .png).

        Returns:
            The paths written.
        """
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        tables = self.tables()
        tables["coverage_matrix"] = self.coverage_matrix()
        for name, rows in tables.items():
            path = out / f"{name}.csv"
            path.write_text(_csv(rows, _COLUMNS.get(name)), encoding="utf-8")
            written.append(path)
        written.append(self.heatmap(out / f"heatmap.{heatmap_format}"))
        return written

    def heatmap(self, path: str | os.PathLike[str]) -> Path:
        """Draw the coverage matrix (local documents x national clauses)."""
        matrix = self.matrix or CoverageMatrix(len(self.national_units))
        rows = [_excerpt(loc["title"], 24) for loc in self.local]
        return heatmap(matrix, path, rows=rows, columns=self._column_labels(), title="coverage of national clauses")

    def to_html(self) -> str:
        """One self-contained HTML page: summary, tables and the heatmap (inline SVG)."""
        from .report import render_html

        return render_html(self)


_COLUMNS = {
    "alignments": [
        "local_doc", "local_clause", "national_doc", "national_clause", "score", "relation",
        "local_clause_id", "national_clause_id",
    ],
    "coverage": [
        "national_doc", "national_clause", "national_clause_id", "text", "procedural", "local_docs", "share",
        "restates", "specifies", "procedural_matches", "covered_by",
    ],
}  # fmt: skip


def _csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    import json

    cols = list(columns) if columns else []
    for row in rows:
        for key in row:
            if key not in cols:
                cols.append(key)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(cols)
    for row in rows:
        cells = []
        for c in cols:
            v = row.get(c)
            if v is None:
                cells.append("")
            elif isinstance(v, (list, dict)):
                cells.append(json.dumps(v, ensure_ascii=False))
            elif isinstance(v, float):
                cells.append(f"{v:.6g}")
            else:
                cells.append(str(v))
        writer.writerow(cells)
    return buf.getvalue()


def _doc_info(doc: Document) -> dict[str, Any]:
    return {"doc": doc.id, "title": doc.title, "source": doc.source}


@dataclass
class _DocResult:
    """What one local document contributes to a :class:`ComparisonResult`."""

    info: dict[str, Any]
    alignments: list[Alignment]
    reuse: DocumentReuse
    cells: list[tuple[int, str, float]]
    targets: list[dict[str, Any]]
    additions: list[dict[str, Any]]


@dataclass
class _Job:
    aligner: Aligner
    national_targets: list[Target]
    lexicon: TargetLexicon
    year: int | None
    min_copy: int
    targets: bool


def _compare_one(job: _Job, doc: Document | str | os.PathLike[str]) -> _DocResult:
    if not isinstance(doc, Document):
        from ..ingest import read

        doc = read(doc)
    al = job.aligner
    units = units_of(doc, level=al.level)
    aligned = al.align_units(units, aliases=_aliases(doc.text), title=str(doc.metadata.get("title") or ""))
    reuse = document_reuse(
        aligned, [u.text for u in al.units_], doc=doc.id, title=doc.title, source=doc.source, min_length=job.min_copy
    )
    rows: list[dict[str, Any]] = []
    if job.targets:
        local_targets = extract_targets(doc, year=job.year, lexicon=job.lexicon)
        sources = _taken_up(aligned, [u.doc for u in al.units_])
        national = [t for t in job.national_targets if sources is None or t.doc in sources]
        for row in compare_targets(national, local_targets, local_doc=doc.id, lexicon=job.lexicon):
            if row["status"] == "missing":
                row["local_doc"] = doc.id
            row["local_title"] = doc.title
            rows.append(row)
    alignments = [al.to_alignment(a) for a in aligned]
    return _DocResult(
        info=_doc_info(doc),
        alignments=alignments,
        reuse=reuse,
        cells=[(a.best, a.relation, a.score) for a in aligned if a.best is not None],
        targets=rows,
        additions=[_addition_row(al, a, row) for a, row in zip(aligned, alignments) if a.relation == "adds"],
    )


def _addition_row(al: Aligner, a: Any, alignment: Alignment) -> dict[str, Any]:
    """An additions row: the alignment, how sure the model is, and the nearest national clause to check."""
    row = alignment.to_dict()
    nearest = al.units_[a.candidates[0][0]] if a.candidates else None
    row["addition_probability"] = round(float(a.addition), 3)
    row["nearest_national_doc"] = nearest.doc if nearest else None
    row["nearest_national_clause"] = nearest.label if nearest else None
    row["text"] = _excerpt(a.unit.text)
    return row


#: A national document is one a local document takes up when it holds at least this share of
#: the local clauses that restate or specify a national clause.
TAKEN_UP_SHARE = 0.2


def _taken_up(aligned: Sequence[Any], unit_docs: Sequence[str]) -> set[str] | None:
    """The national documents whose targets a local document answers to (None: all of them).

    With one national document, all. With several, a national target is set
    beside a local document only when the local document takes up the
    national document that sets it: that document holds at least
    :data:`TAKEN_UP_SHARE` of the local clauses that restate or specify a
    national clause (or the most of them). Otherwise every local document of a
    corpus would be "missing" every target of every law in it. A local
    document that takes up no national clause answers to none.
    """
    if len(set(unit_docs)) <= 1:
        return None
    counts: dict[str, int] = {}
    for a in aligned:
        if a.best is not None and a.relation in ("restates", "specifies"):
            d = unit_docs[a.best]
            counts[d] = counts.get(d, 0) + 1
    if not counts:
        return set()
    total, top = sum(counts.values()), max(counts.values())
    return {d for d, n in counts.items() if n == top or n >= TAKEN_UP_SHARE * total}


_WORKER_JOB: _Job | None = None


def _init_worker(job: _Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job


def _work(doc: Document | str | os.PathLike[str]) -> _DocResult:
    assert _WORKER_JOB is not None
    return _compare_one(_WORKER_JOB, doc)


def _results(job: _Job, local: Iterable[Any], workers: int) -> Iterator[_DocResult]:
    """Each local document's result, in input order; with workers, in bounded batches."""
    if workers <= 1:
        for doc in local:
            yield _compare_one(job, doc)
        return
    import multiprocessing as mp

    batch_size = 16 * workers
    with mp.get_context().Pool(workers, initializer=_init_worker, initargs=(job,)) as pool:
        batch: list[Any] = []
        for doc in local:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from pool.map(_work, batch, chunksize=4)
                batch = []
        if batch:
            yield from pool.map(_work, batch, chunksize=4)


def compare_documents(
    national: Document | Sequence[Document],
    local: Iterable[Document | str | os.PathLike[str]],
    *,
    aligner: Aligner | None = None,
    targets: bool = True,
    min_copy: int = 8,
    year: int | None = None,
    lexicon: TargetLexicon | None = None,
    workers: int = 1,
    **aligner_options: Any,
) -> ComparisonResult:
    """Compare local documents with national directives.

    Args:
        national: the national document(s): laws, notices, plans.
        local: the local documents (any iterable; consumed once, a batch at a
            time). An item may also be a file path, read with
            :func:`policytext.read` where it is compared (in a worker when
            ``workers`` > 1); an unreadable file then raises its :class:`InputError`.
        aligner: a fitted or unfitted :class:`Aligner`; default ``Aligner(**aligner_options)``.
        targets: also extract targets and put them side by side.
        min_copy: shortest block of copied characters that counts as reuse.
        year: the year the documents speak from, for targets (default: each
            document's own metadata or title).
        lexicon: target cue words (default: shipped).
        workers: worker processes for the local documents (1: in this process).
            The fitted aligner is sent to each worker once; documents go in
            batches, so memory stays bounded.
        **aligner_options: settings for the default :class:`Aligner`
            (``add_threshold``, ``semantic``, ``level`` ...).

    Returns:
        A :class:`ComparisonResult`; rows are in input order whatever ``workers``.

    Raises:
        ConfigError: no national document, or the national documents hold no clauses.

    Example:
        >>> result = compare_documents([notice], [plan_a, plan_b])            # doctest: +SKIP
        >>> result.to_dict()["alignments"][0]["relation"]           # doctest: +SKIP
        'restates'
    """
    nationals = [national] if isinstance(national, Document) else list(national)
    if not nationals:
        raise ConfigError("compare needs at least one national document")
    if aligner is not None and aligner_options:
        raise ConfigError("give either a ready Aligner or aligner options, not both")
    al = aligner or Aligner(**aligner_options)
    if not hasattr(al, "units_"):
        al.fit(nationals)
    lex = lexicon or TargetLexicon.load()
    result = ComparisonResult(
        national=[_doc_info(d) for d in nationals],
        national_units=list(al.units_),
        matrix=CoverageMatrix(len(al.units_)),
    )
    if targets:
        for d in nationals:
            result.national_targets.extend(extract_targets(d, year=year, lexicon=lex))
    job = _Job(al, result.national_targets, lex, year, min_copy, targets)
    assert result.matrix is not None
    for part in _results(job, local, workers):
        result.local.append(part.info)
        result.alignments.extend(part.alignments)
        result.reuse_rows.append(part.reuse)
        result.matrix.add(part.cells)
        result.target_rows.extend(part.targets)
        result.addition_rows.extend(part.additions)
    return result
