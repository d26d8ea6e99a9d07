"""``policytext terms|keyness|collocations|kwic|cowords|code``: the exploratory tables.

Each command reads documents one at a time, keeps counters, and writes a table
(CSV, JSON, JSONL, Markdown, Parquet; GEXF for ``cowords``) or prints a
readable one on a terminal. ``--group FIELD=VALUE`` keeps only the documents
that match (repeatable: all must hold); ``--by FIELD`` splits a table by a
metadata field (from ``--metadata FILE.csv`` or the documents' 红头).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import click

import policytext

from ._common import (
    Run,
    _width,
    command,
    documents,
    format_option,
    group_option,
    input_paths,
    json_dumps,
    metadata_option,
    quiet_option,
    read_options,
    resolve_format,
    segmentation_options,
    stopword_spec,
    write_records,
)

F = Callable[..., Any]
TABLE_TOP = 50  # rows per group on a terminal when --top is not given
KWIC_LEFT = 36  # display columns of left context in the terminal table


# --------------------------------------------------------------------------- shared options


def _corpus_options(func: F) -> F:
    """``--group``, ``--keep-numbers``, ``--case-sensitive``: which documents and tokens count."""
    func = click.option(
        "--case-sensitive",
        is_flag=True,
        help="Keep Latin letters in their case (by default English words are lower-cased).",
    )(func)
    func = click.option(
        "--keep-numbers", is_flag=True, help="Count bare numbers (2025, 30%) as terms; dropped by default."
    )(func)
    return group_option(func)


def _pos_option(func: F) -> F:
    return click.option(
        "--pos",
        default=None,
        metavar="TAGS",
        help="Keep only these parts of speech (jieba tags), e.g. n,v,vn or n* for every noun tag.",
    )(func)


def _top_option(default_help: str) -> Callable[[F], F]:
    def deco(func: F) -> F:
        return click.option(
            "--top",
            type=click.IntRange(min=0),
            default=None,
            help=f"How many rows to keep; 0 keeps all ({default_help}).",
        )(func)

    return deco


def _segmenter(opts: dict[str, Any], *, pos: bool = False) -> policytext.Segmenter:
    return policytext.Segmenter(
        domain_dict=not opts.pop("no_domain_dict"),
        user_dicts=opts.pop("user_dicts"),
        stopwords=stopword_spec(opts.pop("stopwords")),
        pos=pos,
    )


def _token_options(opts: dict[str, Any], pos: str | None) -> dict[str, Any]:
    """How the counting commands turn documents into terms: ``segmenter``, ``pos``, ``lowercase``, ``numbers``."""
    return {
        "segmenter": _segmenter(opts, pos=bool(pos)),
        "pos": pos,
        "lowercase": not opts.pop("case_sensitive"),
        "numbers": opts.pop("keep_numbers"),
    }


def _output(opts: dict[str, Any], default_pipe: str) -> tuple[str, str | None]:
    """The format to write (see :func:`resolve_format`) and the ``-o`` file."""
    fmt = resolve_format(opts.pop("fmt"), opts.get("output"), default_pipe)
    return fmt, opts.pop("output")


def _documents(run: Run, paths: tuple[str, ...], opts: dict[str, Any]) -> Iterator[policytext.Document]:
    """The readable documents that pass every ``--group`` test."""
    tests = [policytext.parse_group(spec) for spec in opts.pop("groups")]
    docs = documents(
        paths,
        run,
        metadata=opts.pop("metadata"),
        quiet=opts.pop("quiet"),
        engine=opts.pop("engine"),
        password=opts.pop("password"),
        ocr=opts.pop("ocr"),
    )
    for doc in docs:
        if all(test(doc) for test in tests):
            yield doc


def _top(top: int | None, fmt: str, default: int | None) -> int | None:
    if top is None:
        return default if fmt == "table" else None
    return None if top == 0 else top


def _name(source: str) -> str:
    return os.path.basename(source) or source


# --------------------------------------------------------------------------- terms


@click.command()
@input_paths
@click.option(
    "--by", default=None, metavar="FIELD", help="Split the table by this metadata field (level, year ...)."
)
@_top_option(f"default: {TABLE_TOP} per group on a terminal, all in a file or pipe")
@click.option(
    "--min-count", type=click.IntRange(min=1), default=1, show_default=True, help="Drop rarer terms."
)
@click.option(
    "--sort",
    type=click.Choice(list(policytext.TERM_SORTS)),
    default="count",
    show_default=True,
    help="Order within each group.",
)
@_pos_option
@_corpus_options
@format_option(["csv", "json", "jsonl", "md", "parquet", "table"], default_pipe="csv")
@segmentation_options
@read_options
@metadata_option
@quiet_option
@command
def terms(
    paths: tuple[str, ...],
    by: str | None,
    top: int | None,
    min_count: int,
    sort: str,
    pos: str | None,
    **opts: Any,
) -> None:
    """Term frequencies: count, per 10,000 tokens, document frequency and TF-IDF.

    Terms are the content tokens of the segmenter (domain dictionary on;
    stopwords, punctuation and bare numbers dropped). per_10k is the count per
    10,000 content tokens of the group; doc_freq counts the group's documents
    that hold the term. TF-IDF uses idf = log10(N/df) over all documents read
    (quanteda's default): tfidf is the SUM over the group's documents of
    count x idf, tfidf_max the MAXIMUM over them.

    \b
    Examples:
      policytext terms corpus/ --metadata meta.csv --by level --top 20
      policytext terms reports/ --pos n,vn --sort tfidf --format csv -o terms.csv
      policytext terms corpus/ --metadata meta.csv --group year>=2020 --min-count 5
    """
    run = Run()
    fmt, output = _output(opts, "csv")
    tokens = _token_options(opts, pos)
    docs = _documents(run, paths, opts)
    rows = policytext.term_frequencies(
        docs,
        by=by,
        top=_top(top, fmt, TABLE_TOP),
        min_count=min_count,
        sort=sort,
        **tokens,
    )
    columns = ["group", "rank", "term", "count", "per_10k", "doc_freq", "doc_share", "tfidf", "tfidf_max"]
    if pos:
        columns.append("tag")
    table = [c for c in columns if c != "group" or by] if fmt == "table" else None
    write_records((r.to_dict() for r in rows), fmt, output, columns=columns, table_columns=table)
    run.exit()


# --------------------------------------------------------------------------- keyness


@click.command()
@input_paths
@click.option(
    "--target",
    "targets",
    multiple=True,
    required=True,
    metavar="FIELD=VALUE",
    help="The target documents, e.g. level=city (repeatable: all must hold).",
)
@click.option(
    "--reference",
    "references",
    multiple=True,
    metavar="FIELD=VALUE",
    help="The reference documents, e.g. level=national (default: every document not in the target).",
)
@click.option(
    "--measure",
    type=click.Choice(list(policytext.KEYNESS_MEASURES)),
    default="g2",
    show_default=True,
    help="g2: log-likelihood G² (Dunning); chi2: Pearson χ².",
)
@click.option(
    "--correction",
    type=click.Choice(["default", "none", "yates", "williams"]),
    default="default",
    show_default=True,
    help="default: none for g2, Yates for chi2; williams applies to g2 only, yates to chi2 only.",
)
@_top_option("default: 20 per direction on a terminal, all in a file or pipe")
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Drop terms with fewer occurrences in both groups together.",
)
@_pos_option
@_corpus_options
@format_option(["csv", "json", "jsonl", "md", "parquet", "table"], default_pipe="csv")
@segmentation_options
@read_options
@metadata_option
@quiet_option
@command
def keyness(
    paths: tuple[str, ...],
    targets: tuple[str, ...],
    references: tuple[str, ...],
    measure: str,
    correction: str,
    top: int | None,
    min_count: int,
    pos: str | None,
    **opts: Any,
) -> None:
    """Keywords of a target group against a reference group (G² or χ²).

    For each term, the 2x2 table of its count and the other tokens in the
    target and in the reference gives the statistic, signed positive when the
    term is relatively more frequent in the target (its keywords come first)
    and negative when more frequent in the reference (last). p_value is the
    χ²(1) tail, not corrected for the number of terms; log_ratio is log2 of
    the ratio of relative frequencies (Hardie 2014; a zero count counts 0.5).

    \b
    Examples:
      policytext keyness corpus/ --metadata meta.csv --target level=city --reference level=national
      policytext keyness reports/ --metadata meta.csv --target year>=2013 --measure chi2 --top 30
    """
    run = Run()
    fmt, output = _output(opts, "csv")
    target = [policytext.parse_group(t) for t in targets]
    reference = [policytext.parse_group(r) for r in references] or None
    tokens = _token_options(opts, pos)
    rows = policytext.keyness(
        _documents(run, paths, opts),
        target=target,
        reference=reference,
        measure=measure,
        correction=None if correction == "default" else correction,
        min_count=min_count,
        top=_top(top, fmt, 20),
        **tokens,
    )
    columns = [
        "term",
        "direction",
        "rank",
        "keyness",
        "p_value",
        "log_ratio",
        "target_count",
        "reference_count",
        "target_per_10k",
        "reference_per_10k",
    ]
    write_records((r.to_dict() for r in rows), fmt, output, columns=columns)
    run.exit()


# --------------------------------------------------------------------------- collocations


@click.command()
@input_paths
@click.option(
    "--window",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Positions apart (1: adjacent bigrams); with --node, positions on each side.",
)
@click.option(
    "--node", default=None, metavar="TERM", help="List the collocates of this word instead of all pairs."
)
@click.option(
    "--min-count", type=click.IntRange(min=1), default=2, show_default=True, help="Drop rarer pairs."
)
@click.option(
    "--sort",
    type=click.Choice(list(policytext.COLLOCATION_SORTS)),
    default="g2",
    show_default=True,
    help="Order: log-likelihood, PMI, NPMI, t-score or count.",
)
@_top_option(f"default: {TABLE_TOP} on a terminal, all in a file or pipe")
@_pos_option
@_corpus_options
@format_option(["csv", "json", "jsonl", "md", "parquet", "table"], default_pipe="csv")
@segmentation_options
@read_options
@metadata_option
@quiet_option
@command
def collocations(
    paths: tuple[str, ...],
    window: int,
    node: str | None,
    min_count: int,
    sort: str,
    top: int | None,
    pos: str | None,
    **opts: Any,
) -> None:
    """Collocations by log-likelihood, PMI, NPMI and t-score, within sentences.

    Pairs: ordered pairs of terms at most --window positions apart (stopwords
    and punctuation keep their positions, so they separate words). With --node
    TERM: the terms within --window positions on either side of TERM, with
    their left and right counts. Scores come from the 2x2 table of the pair's
    count, its words' counts and the total (see the docs of
    policytext.collocations); g2 is negative when a pair is rarer than chance.

    \b
    Examples:
      policytext collocations corpus/ --min-count 3 --sort pmi --top 30
      policytext collocations corpus/ --node 联合体 --window 5 --format csv -o collocates.csv
    """
    run = Run()
    fmt, output = _output(opts, "csv")
    tokens = _token_options(opts, pos)
    rows = policytext.collocations(
        _documents(run, paths, opts),
        window=window,
        node=node,
        min_count=min_count,
        sort=sort,
        top=_top(top, fmt, TABLE_TOP),
        **tokens,
    )
    columns = [
        "collocation",
        "first",
        "second",
        "count",
        "first_count",
        "second_count",
        "expected",
        "g2",
        "pmi",
        "npmi",
        "t_score",
    ]
    if node:
        columns += ["left", "right"]
    records = (r.to_dict() if node else {k: v for k, v in r.to_dict().items() if k in columns} for r in rows)
    write_records(records, fmt, output, columns=columns)
    run.exit()


# --------------------------------------------------------------------------- kwic


@click.command()
@click.argument("term")
@input_paths
@click.option(
    "--window",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="Tokens of context on each side.",
)
@click.option("--substring", is_flag=True, help="Match anywhere in the text, also inside longer words.")
@click.option(
    "--regex",
    is_flag=True,
    help="TERM is a regular expression (searched in each token, or in the text with --substring).",
)
@click.option("--case-sensitive", is_flag=True, help="Match Latin letters in their case.")
@group_option
@format_option(["csv", "json", "jsonl", "md", "parquet", "table"], default_pipe="jsonl")
@segmentation_options
@read_options
@metadata_option
@quiet_option
@command
def kwic(
    term: str,
    paths: tuple[str, ...],
    window: int,
    substring: bool,
    regex: bool,
    case_sensitive: bool,
    **opts: Any,
) -> None:
    """Keyword in context: every occurrence of TERM with its citation.

    By default TERM matches whole tokens of the segmenter (one or several):
    联合体 finds the word 联合体 but not the inside of 市域产教联合体; use
    --substring for that. Each row cites the document (id, source), the
    deepest clause (id and printed label, e.g. （三） or 第十二条), the page and
    the character span (document.text[start:end] is the keyword).

    \b
    Examples:
      policytext kwic 联合体 corpus/ --window 8
      policytext kwic 联合体 corpus/ --substring --format csv -o kwic.csv
      policytext kwic '^产教' corpus/ --regex
    """
    run = Run()
    fmt, output = _output(opts, "jsonl")
    seg = _segmenter(opts)
    rows = policytext.kwic(
        _documents(run, paths, opts),
        term,
        window=window,
        substring=substring,
        regex=regex,
        case_sensitive=case_sensitive,
        segmenter=seg,
    )
    if fmt == "table":
        write_records(
            _kwic_table(rows), fmt, output, columns=["source", "clause", "page", "left", "keyword", "right"]
        )
    else:
        write_records((r.to_dict() for r in rows), fmt, output)
    run.exit()


def _kwic_table(rows: Iterator[policytext.KwicRow]) -> Iterator[dict[str, Any]]:
    """Rows whose left context is right-aligned to one width, so the keywords line up."""
    for row in rows:
        left = row.left
        while _width(left) > KWIC_LEFT:
            left = left[1:]
        if left != row.left:
            left = "…" + left[1:] if _width(left) >= KWIC_LEFT else "…" + left
        yield {
            "source": _name(row.source),
            "clause": row.clause_label or row.clause or "",
            "page": row.page,
            "left": " " * (KWIC_LEFT - _width(left)) + left,
            "keyword": row.keyword,
            "right": row.right,
        }


# --------------------------------------------------------------------------- cowords


@click.command()
@input_paths
@click.option(
    "--unit",
    type=click.Choice(list(policytext.COWORD_UNITS)),
    default="sentence",
    show_default=True,
    help="Terms co-occur when they are in the same sentence, clause or document.",
)
@click.option(
    "--top", type=click.IntRange(min=1), default=50, show_default=True, help="Nodes: the most frequent terms."
)
@click.option(
    "--min-weight",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Drop edges shared by fewer units.",
)
@click.option(
    "--nodes",
    "nodes_out",
    type=click.Path(dir_okay=False, writable=True, path_type=str),
    default=None,
    help="Also write the node list (term, frequency, units, degree, strength) to this CSV (or .json) file.",
)
@_pos_option
@_corpus_options
@format_option(["csv", "json", "jsonl", "md", "parquet", "gexf", "table"], default_pipe="csv")
@segmentation_options
@read_options
@metadata_option
@quiet_option
@command
def cowords(
    paths: tuple[str, ...],
    unit: str,
    top: int,
    min_weight: int,
    nodes_out: str | None,
    pos: str | None,
    **opts: Any,
) -> None:
    """Co-word network of the most frequent terms, within sentences or clauses.

    Edge weight is the number of units (sentences, clauses or documents) that
    hold both terms; jaccard and pmi are given as further columns. CSV (and
    md, jsonl, parquet, table) write the edge list source,target,weight,...;
    --nodes FILE writes the node list; json writes both; gexf writes a GEXF
    1.3 graph for Gephi (node attributes frequency, units, degree, strength).

    \b
    Examples:
      policytext cowords corpus/ --top 50 --format gexf -o network.gexf
      policytext cowords corpus/ --unit clause -o edges.csv --nodes nodes.csv
    """
    run = Run()
    fmt, output = _output(opts, "csv")
    tokens = _token_options(opts, pos)
    net = policytext.coword_network(
        _documents(run, paths, opts),
        unit=unit,
        top=top,
        min_weight=min_weight,
        **tokens,
    )
    if fmt == "gexf":
        _write_text(net.to_gexf(), output)
    elif fmt == "json":
        _write_text(json_dumps(net.to_dict(), indent=2) + "\n", output)
    else:
        write_records(
            (e.to_dict() for e in net.edges),
            fmt,
            output,
            columns=["source", "target", "weight", "jaccard", "pmi"],
        )
    if nodes_out:
        node_fmt = resolve_format(None, nodes_out, "csv")
        write_records((n.to_dict() for n in net.nodes), node_fmt, nodes_out)
    run.exit()


def _write_text(text: str, output: str | None) -> None:
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        raise click.FileError(output, hint=exc.strerror) from exc


# --------------------------------------------------------------------------- code


@click.command()
@input_paths
@click.option(
    "--dictionary",
    default="policy_instruments",
    show_default=True,
    metavar="FILE.yaml",
    help="The coding dictionary: a YAML file of categories and entries, or a shipped name "
    f"({', '.join(policytext.SHIPPED_DICTIONARIES)}).",
)
@click.option(
    "--by",
    default=None,
    metavar="FIELD",
    help="Sum per group of this metadata field instead of per document.",
)
@click.option("--wide", is_flag=True, help="One row per document (or group), one column per category.")
@click.option(
    "--value",
    type=click.Choice(["count", "share", "per_10k"]),
    default="count",
    show_default=True,
    help="What --wide puts in the category columns.",
)
@click.option(
    "--depth",
    type=click.IntRange(min=1),
    default=None,
    help="Keep categories down to this depth (1: top level).",
)
@group_option
@click.option("--case-sensitive", is_flag=True, help="Match Latin letters in their case.")
@format_option(["csv", "json", "jsonl", "md", "parquet", "table"], default_pipe="csv")
@segmentation_options(dictionary_alias=False)
@read_options
@metadata_option
@quiet_option
@command
def code(
    paths: tuple[str, ...],
    dictionary: str,
    by: str | None,
    wide: bool,
    value: str,
    depth: int | None,
    case_sensitive: bool,
    **opts: Any,
) -> None:
    """Dictionary coding: matches of each category per document (or per group).

    The default dictionary codes policy instruments: supply (人才培养, 资金投入,
    基础设施, 技术支持, 信息服务), environment (目标规划, 财税优惠, 金融支持,
    法规管制, 策略性措施) and demand (政府采购, 服务外包, 示范工程, 海外交流,
    价格补贴, 市场培育), after Rothwell & Zegveld (1981). Entries match on
    token boundaries; 补贴* matches tokens that begin with 补贴. A category's
    count includes its subcategories'; share is the count over the content
    tokens; terms lists the words matched. (The segmentation dictionary is
    --user-dict here, since --dictionary names the coding dictionary.)

    \b
    Examples:
      policytext code corpus/ --metadata meta.csv --by level
      policytext code corpus/ --dictionary my_codes.yaml --wide --value share -o coded.csv
    """
    run = Run()
    fmt, output = _output(opts, "csv")
    coding_dictionary = policytext.load_dictionary(dictionary)
    seg = _segmenter(opts)
    coding = policytext.code_documents(
        _documents(run, paths, opts),
        coding_dictionary,
        by=by,
        per_document=not by,
        segmenter=seg,
        lowercase=not case_sensitive,
    )
    level = "group" if by else "document"
    if wide:
        rows = coding.wide(level=level, value=value)
        if depth is not None:
            rows = [
                {k: v for k, v in r.items() if k not in coding.categories or _depth(k) <= depth} for r in rows
            ]
        write_records(rows, fmt, output)
        run.exit()
        return
    records = coding.groups if by else coding.documents
    kept = [r for r in records if depth is None or r.depth <= depth]
    columns = [
        "group",
        "doc",
        "source",
        "title",
        "documents",
        "category",
        "depth",
        "count",
        "tokens",
        "share",
        "per_10k",
        "terms",
    ]
    if fmt == "table":
        first = "group" if by else "source"
        table = [
            {
                first: r.group if by else _name(r.source),
                "category": "  " * (r.depth - 1) + r.category.rsplit(".", 1)[-1],
                "count": r.count,
                "share": r.share,
                "terms": ", ".join(f"{t} {n}" for t, n in r.terms.items()),
            }
            for r in kept
        ]
        write_records(table, fmt, output)
    else:
        write_records((r.to_dict() for r in kept), fmt, output, columns=columns)
    run.exit()


def _depth(category: str) -> int:
    return category.count(".") + 1
