"""``policytext tokenize``: segment plain text line by line, SIGHAN style.

This path is kept light on purpose: it loads the segmenter and nothing else
(no spaCy, scikit-learn, gensim, pdfplumber or numpy), so that the whole
process beats a plain ``jieba.lcut`` loop several times over.
"""

from __future__ import annotations

import re
import sys
from typing import IO

import click

import policytext

from ._common import (
    Run,
    command,
    dictionary_options,
    open_output,
    output_option,
    quiet_option,
    seg_engine_option,
)

_SPACE = re.compile(r"\s")
_CHUNK = 2000  # output lines written at once


@click.command()
@click.argument(
    "file", required=False, default="-", type=click.Path(dir_okay=False, allow_dash=True, path_type=str)
)
@output_option
@dictionary_options
@seg_engine_option(engine_alias=True)
@click.option("--pos", is_flag=True, help="Write word/tag instead of words (jieba's tag set).")
@click.option("--no-hmm", is_flag=True, help="Do not let the HMM join unknown characters into words.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input (e.g. gb18030).")
@quiet_option
@command
def tokenize(
    file: str,
    output: str | None,
    no_domain_dict: bool,
    user_dicts: tuple[str, ...],
    seg_engine: str,
    pos: bool,
    no_hmm: bool,
    encoding: str,
    quiet: bool,
) -> None:
    """Segment FILE (or stdin) into words, one output line per input line.

    Tokens are separated by two spaces, as in the SIGHAN bakeoff files; every
    token is kept, punctuation included; whitespace only separates. Empty
    lines stay empty, so the output lines up with the input. (There is no
    progress bar; -q/--quiet is accepted like everywhere.)

    \b
    Examples:
      policytext tokenize pku_test.utf8 > pku_test.seg
      echo 深化产教融合，推进职普融通。 | policytext tokenize
      policytext tokenize --pos --user-dict my_terms.txt notes.txt
    """
    run = Run()
    seg = policytext.Segmenter(
        domain_dict=not no_domain_dict,
        user_dicts=user_dicts,
        stopwords=None,
        pos=pos,
        hmm=not no_hmm,
        engine=seg_engine,
    )
    name = "<stdin>" if file == "-" else file
    try:
        source = sys.stdin.buffer if file == "-" else open(file, "rb")
    except OSError as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) else (exc.strerror or str(exc)).lower()
        run.fail(name, reason)
        run.exit()
        return
    with source, open_output(output) as out:
        try:
            _tokenize_stream(source, out, seg, encoding=encoding, pos=pos)
        except UnicodeDecodeError as exc:
            run.fail(
                name,
                f"not {encoding} text ({exc.reason} at byte {exc.start} of a line); try --encoding gb18030",
            )
        except LookupError:
            raise click.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding") from None
    run.exit()


def _tokenize_stream(
    source: IO[bytes], out: IO[str], seg: policytext.Segmenter, *, encoding: str, pos: bool
) -> None:
    cut = seg.cut
    space = _SPACE.search
    chunk: list[str] = []
    first = True
    for raw in source:
        line = raw.decode(encoding).rstrip("\r\n")
        if first:
            line = line.lstrip("\ufeff")
            first = False
        if pos:
            chunk.append("  ".join([f"{w}/{t}" for w, t in seg.tag(line) if not w.isspace()]))
        elif space(line) is None:
            chunk.append("  ".join(cut(line)))
        else:
            chunk.append("  ".join([t for t in cut(line) if not t.isspace()]))
        if len(chunk) >= _CHUNK:
            out.write("\n".join(chunk) + "\n")
            chunk.clear()
    if chunk:
        out.write("\n".join(chunk) + "\n")
