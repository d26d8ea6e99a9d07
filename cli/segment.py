"""``policytext segment``: sentences and tokens of documents, each with its citation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import click

import policytext

from ._common import (
    Run,
    command,
    documents,
    each_document,
    format_option,
    input_paths,
    metadata_option,
    quiet_option,
    read_options,
    resolve_format,
    seg_engine_option,
    segmentation_options,
    stopword_spec,
    write_records,
)

COLUMNS = ["source", "doc", "clause", "index", "start", "end", "page", "text", "tokens"]
TABLE_COLUMNS = ["source", "clause", "page", "text", "tokens"]


@click.command()
@input_paths
@format_option(["json", "jsonl", "csv", "md", "parquet", "table"], default_pipe="jsonl")
@segmentation_options
@seg_engine_option
@click.option("--pos", is_flag=True, help="Add part-of-speech tags (a 'tags' list parallel to 'tokens').")
@click.option("--all-tokens", is_flag=True, help="Keep every token: punctuation and stopwords too.")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    help="Language for sentence splitting (default: each document's detected language).",
)
@click.option("--no-semicolon", is_flag=True, help="Do not end sentences at ；/; (by default they do).")
@read_options
@metadata_option
@quiet_option
@command
def segment(
    paths: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    user_dicts: tuple[str, ...],
    no_domain_dict: bool,
    stopwords: str,
    seg_engine: str,
    pos: bool,
    all_tokens: bool,
    lang: str | None,
    no_semicolon: bool,
    engine: str,
    password: str | None,
    ocr: str,
    metadata: str | None,
    quiet: bool,
) -> None:
    """Split documents into sentences and words, each sentence with its citation.

    Each row is one sentence: the document id and source, the id of the
    deepest clause that holds it (the clause tree is parsed first), its
    character span in the document text, its page, its text and its tokens
    (stopwords, punctuation and whitespace dropped unless --all-tokens).
    Sentences end at 。！？ and ；, never inside quotes or brackets, and at
    every line break.

    \b
    Examples:
      policytext segment directive.pdf --format jsonl > sentences.jsonl
      policytext segment corpus/ --stopwords general --user-dict terms.txt -o sentences.csv
      policytext segment law.txt --pos --all-tokens --format json
    """
    run = Run()
    fmt = resolve_format(fmt, output, "jsonl")
    seg = policytext.Segmenter(
        domain_dict=not no_domain_dict,
        user_dicts=user_dicts,
        stopwords=stopword_spec(stopwords),
        pos=pos,
        engine=seg_engine,
    )
    docs = documents(paths, run, metadata=metadata, quiet=quiet, engine=engine, password=password, ocr=ocr)
    rows = _rows(
        docs,
        seg,
        run,
        lang=lang,
        all_tokens=all_tokens,
        semicolon=not no_semicolon,
        flat=fmt not in ("json", "jsonl"),
    )
    columns = COLUMNS + (["tags"] if pos else [])
    write_records(rows, fmt, output, columns=columns, table_columns=TABLE_COLUMNS)
    run.exit()


def _parser() -> Any:
    # The clause parser is another stage; segment without clause ids if it is absent.
    try:
        return policytext.parse
    except (AttributeError, ImportError):
        return None


def _rows(
    docs: Iterator[policytext.Document],
    seg: policytext.Segmenter,
    run: Run,
    *,
    lang: str | None,
    all_tokens: bool,
    semicolon: bool,
    flat: bool,
) -> Iterator[dict[str, Any]]:
    parse = _parser()

    def sentences(doc: policytext.Document) -> list[policytext.Sentence]:
        if parse is not None and doc.clauses is None:
            try:
                parse(doc)
            except policytext.PolicytextError as exc:
                run.warn(doc.source, f"no clause ids: {exc}")
        return list(
            policytext.segment_document(
                doc, segmenter=seg, lang=lang, all_tokens=all_tokens, semicolon=semicolon
            )
        )

    for doc, sents in each_document(docs, run, sentences):
        for sent in sents:
            row = {"source": doc.source, **sent.to_dict()}
            if sent.tags is None:
                row.pop("tags", None)
            if flat:
                # Tables get words separated by spaces, which CSV readers and R keep as one cell.
                row["tokens"] = " ".join(sent.tokens or [])
                if "tags" in row:
                    row["tags"] = " ".join(sent.tags or [])
            yield row
