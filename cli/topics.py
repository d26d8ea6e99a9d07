"""``policytext topics``: topic models with K chosen by coherence, prevalence by metadata."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import click

import policytext

from ._common import (
    Run,
    command,
    documents,
    format_option,
    group_option,
    input_paths,
    metadata_option,
    quiet_option,
    read_options,
    resolve_format,
    seed_option,
    segmentation_options,
    write_records,
)

TABLE_COLUMNS = ["topic", "label", "share", "c_npmi", "terms"]


def _df(value: str, name: str) -> float | str:
    """``5`` is a number of units, ``0.5`` a share of units; ``auto`` as is."""
    if value.strip().lower() == "auto":
        return "auto"
    try:
        return int(value) if value.strip().isdigit() else float(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is neither a number of units (5) nor a share (0.5)", param_hint=name
        ) from None


@click.command()
@input_paths
@click.option(
    "-k",
    "--k",
    "k_spec",
    default="10",
    show_default=True,
    help="Number of topics: 10, or a sweep START:STOP:STEP (5:30:5) or list (5,10,20); a sweep picks K by c_npmi.",
)
@click.option(
    "--model",
    type=click.Choice(list(policytext.TOPIC_MODELS)),
    default="nmf",
    show_default=True,
    help="nmf: scikit-learn NMF on TF-IDF (fast, coherent); lda: gensim LdaModel.",
)
@click.option(
    "--unit",
    type=click.Choice(list(policytext.UNIT_KINDS)),
    default="paragraph",
    show_default=True,
    help="Unit of analysis: whole documents, paragraphs (headings joined to the next line), sentences or leaf clauses.",
)
@click.option(
    "--by",
    "by",
    multiple=True,
    help="Metadata field to report prevalence by (year, level, region, doc ...); repeatable.",
)
@click.option(
    "--year-from-filename/--no-year-from-filename",
    default=True,
    show_default=True,
    help="A document with no year in its metadata takes the year standing alone in its file name (gwr_2019.txt).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="Write tables, charts, model and HTML here.",
)
@click.option(
    "--min-df",
    default="auto",
    show_default=True,
    help="Drop terms in fewer units than this: a number, a share (0.001), or auto (2 for small corpora, 5 from 1,000 units).",
)
@click.option(
    "--max-df",
    default="0.5",
    show_default=True,
    help="Drop terms in more units than this share (0.5) or number.",
)
@click.option(
    "--max-terms",
    type=click.IntRange(min=1),
    default=None,
    help="Keep at most this many terms, the most frequent.",
)
@click.option("--single-char", is_flag=True, help="Keep single-character words (dropped by default).")
@click.option(
    "--keep-boilerplate",
    is_flag=True,
    help="Keep units whose text recurs in many documents (salutations, licence notices); dropped by default.",
)
@click.option(
    "--top-terms",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Terms per topic in topics.csv.",
)
@click.option(
    "--passages",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Representative passages per topic.",
)
@click.option(
    "--bootstrap",
    type=click.IntRange(min=0),
    default=1000,
    show_default=True,
    help="Bootstrap resamples for prevalence intervals.",
)
@click.option(
    "--passes", type=click.IntRange(min=1), default=10, show_default=True, help="LDA passes over the corpus."
)
@click.option(
    "--max-iter", type=click.IntRange(min=1), default=400, show_default=True, help="NMF iterations at most."
)
@group_option
@format_option(["csv", "json", "jsonl", "md", "table"], default_pipe="csv")
@segmentation_options
@seed_option
@metadata_option
@read_options
@quiet_option
@command
def topics(
    paths: tuple[str, ...],
    k_spec: str,
    model: str,
    unit: str,
    by: tuple[str, ...],
    year_from_filename: bool,
    out: str | None,
    min_df: str,
    max_df: str,
    max_terms: int | None,
    single_char: bool,
    keep_boilerplate: bool,
    top_terms: int,
    passages: int,
    bootstrap: int,
    passes: int,
    max_iter: int,
    groups: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    user_dicts: tuple[str, ...],
    no_domain_dict: bool,
    stopwords: str,
    seed: int,
    metadata: str | None,
    engine: str,
    password: str | None,
    ocr: str,
    quiet: bool,
) -> None:
    """Fit topic models (NMF or LDA) with K chosen by coherence.

    Documents are cut into units (paragraphs by default), segmented with the
    domain dictionary and stopwords, and a model is fitted for each K. Each
    K's coherence (c_npmi and c_v of the top 10 terms, counted as paragraph
    co-occurrence over the corpus itself) is reported; the chosen K has the
    highest c_npmi, ties (within 0.005) going to the smaller K, and the reason
    is printed. The same inputs and --seed give byte-identical tables.

    With --out DIR: topics.csv (terms by weight and by FREX), topic_labels.csv,
    doc_topics.csv (shares of every unit, with citations), coherence.csv and
    .svg, choice.txt/json, prevalence.csv (share by --by group with bootstrap
    95% intervals) and charts, representatives.csv (top passages with doc,
    clause, page and span), model/ (read back with policytext.load_topics) and
    topics.html (a self-contained view). Without --out, the topics are printed.

    \b
    Examples:
      policytext topics reports/ -k 10 --by year --out out/
      policytext topics reports/ -k 5:30:5 --unit paragraph --seed 1 --out sweep/
      policytext topics notices/ --metadata meta.csv --by level --model lda -k 8 --out lda/
      policytext topics notices/ --metadata meta.csv --group level=city -k 6 --format csv -o topics.csv
    """
    run = Run()
    fmt = resolve_format(fmt, output, "csv")
    ks = policytext.parse_k(k_spec)
    tests = [policytext.parse_group(spec) for spec in groups]
    docs = (
        doc
        for doc in documents(
            paths, run, metadata=metadata, quiet=quiet, engine=engine, password=password, ocr=ocr
        )
        if all(test(doc) for test in tests)
    )
    # coherence is counted over every paragraph of the corpus, whatever the unit
    reference: list[str] = []
    units = policytext.topic_units(
        _paragraphs_into(docs, reference), unit=unit, year_from_filename=year_from_filename
    )
    if not units:
        run.exit()
        raise policytext.ConfigError(
            "no text to model: every input failed, was empty or was left out by --group"
        )
    n_all = len(units)
    if not keep_boilerplate:
        units = policytext.remove_boilerplate(units)
    _notes(run, units, n_all, by, quiet)
    sweep = policytext.sweep_topics(
        units,
        ks,
        reference=reference,
        model=model,
        seed=seed,
        min_df=_df(min_df, "--min-df"),
        max_df=_df(max_df, "--max-df"),
        max_terms=max_terms,
        min_chars=1 if single_char else 2,
        user_dicts=user_dicts,
        domain_dict=not no_domain_dict,
        stopwords=stopwords,
        passes=passes,
        max_iter=max_iter,
    )
    click.echo(f"policytext: {sweep.reason}", err=True)
    if out:
        settings = {
            "inputs": list(paths),
            "k": k_spec,
            "unit": unit,
            "by": list(by),
            "groups": list(groups),
            "min_df": min_df,
            "max_df": max_df,
            "single_char": single_char,
            "keep_boilerplate": keep_boilerplate,
            "boilerplate_units_dropped": n_all - len(units),
            "year_from_filename": year_from_filename,
        }
        written = policytext.write_topics(
            out,
            sweep,
            units,
            by=list(by),
            n_terms=top_terms,
            n_passages=passages,
            n_boot=bootstrap,
            seed=seed,
            reference=reference,
            settings=settings,
        )
        if not quiet:
            click.echo(f"policytext: wrote {len(written)} files to {out} (open {written['html']})", err=True)
    write_records(_summary(sweep), fmt, output, columns=TABLE_COLUMNS)
    run.exit()


def _paragraphs_into(
    docs: Iterator[policytext.Document], reference: list[str]
) -> Iterator[policytext.Document]:
    """Pass documents through, keeping the text of their paragraphs in ``reference``."""
    for doc in docs:
        reference.extend(doc.text[start:end] for start, end in policytext.paragraph_spans(doc.text))
        yield doc


def _notes(run: Run, units: list[Any], n_all: int, by: tuple[str, ...], quiet: bool) -> None:
    if quiet:
        return
    dropped = n_all - len(units)
    if dropped:
        click.echo(
            f"policytext: dropped {dropped} boilerplate units (text repeated across documents); --keep-boilerplate keeps them",
            err=True,
        )
    if "year" in by:
        from_name = {u.doc for u in units if u.metadata.get("year_source") == "filename"}
        if from_name:
            click.echo(
                f"policytext: year taken from the file name for {len(from_name)} documents with no year in their "
                "metadata; give --metadata FILE.csv with a year column, or --no-year-from-filename",
                err=True,
            )
    for field in dict.fromkeys(by):
        values = policytext.unit_groups(units, field)
        missing = {u.doc for u, value in zip(units, values) if value == policytext.MISSING_GROUP}
        if missing:
            hint = "" if field != "year" else " (see --metadata and --year-from-filename)"
            run.warn(
                f"--by {field}",
                f"{len(missing)} documents have no {field}; their units are grouped as {policytext.MISSING_GROUP}{hint}",
            )


def _summary(sweep: Any) -> list[dict[str, Any]]:
    model = sweep.model
    row = next(r for r in sweep.rows if r["chosen"])
    used = model.doc_topics_[model.doc_topics_.sum(axis=1) > 0]
    shares = used.mean(axis=0) if used.shape[0] else [0.0] * int(model.k)
    terms = model.top_terms(10)
    return [
        {
            "topic": t + 1,
            "label": model.labels_[t],
            "share": round(float(shares[t]), 4),
            "c_npmi": round(float(row["npmi_topics"][t]), 4),
            "terms": " ".join(terms[t]),
        }
        for t in range(int(model.k))
    ]
