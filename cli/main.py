"""Entry point of the ``policytext`` command: a group whose commands load on demand.

Each command lives in its own module and is imported only when it runs, so that
``policytext tokenize`` does not pay for spaCy, gensim or pdfplumber at start-up.
"""

from __future__ import annotations

import importlib
import sys

import click

# command name -> (module, attribute, one-line help shown by ``policytext --help``)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "extract": ("extract", "extract", "Extract clean text and 红头 metadata from documents."),
    "structure": ("structure", "structure", "Parse the clause tree (章/节/条, 一、（一）1., Article 1)."),
    "segment": ("segment", "segment", "Split documents into sentences and tokens, with citations."),
    "tokenize": ("tokenize", "tokenize", "Segment plain text line by line (SIGHAN format)."),
    "terms": ("explore", "terms", "Term frequency, document frequency and TF-IDF, by group."),
    "keyness": ("explore", "keyness", "Keyness (log-likelihood or chi²) between two groups."),
    "collocations": ("explore", "collocations", "Collocations by PMI or log-likelihood."),
    "kwic": ("explore", "kwic", "Keyword in context, with citations."),
    "cowords": ("explore", "cowords", "Co-word network within sentences or clauses (CSV, GEXF)."),
    "code": ("explore", "code", "Dictionary coding (policy instruments and your own dictionaries)."),
    "topics": ("topics", "topics", "Topic models (LDA, NMF) with K chosen by coherence."),
    "targets": ("compare", "targets", "Goals and quantitative targets, normalised, with citations."),
    "compare": (
        "compare",
        "compare",
        "Align local documents with national directives: coverage, reuse, gaps.",
    ),
    "obligations": (
        "obligations",
        "obligations",
        "Deontic sentences: who must do what, by when; recurrence.",
    ),
    "diff": ("diff", "diff", "Compare a charter with its template clause by clause, with a redline."),
    "checklist": ("diff", "checklist", "Check a charter against a requirements file."),
    "run": ("run", "run", "Run every stage over a corpus into a workspace with a report."),
    "report": ("run", "report", "Rebuild the HTML report of a workspace."),
}


def _package() -> str:
    # Installed from a wheel this package is ``policytext.cli``; in a checkout, ``cli``.
    # (``__package__`` stays right when run as ``python -m policytext.cli.main``.)
    return __package__ or __name__.rsplit(".", 1)[0]


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        root = ctx.find_root()
        if root.obj is None:
            root.obj = {}
        root.obj["debug"] = True


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        spec = COMMANDS.get(cmd_name)
        if spec is None:
            return None
        module = importlib.import_module(f"{_package()}.{spec[0]}")
        cmd: click.Command = getattr(module, spec[1])
        if not any(p.name == "debug" for p in cmd.params):
            # `policytext extract x.pdf --debug` works as well as `policytext --debug extract x.pdf`
            cmd.params.append(
                click.Option(
                    ["--debug"],
                    is_flag=True,
                    expose_value=False,
                    callback=_set_debug,
                    help="Show a full traceback when something fails.",
                )
            )
        return cmd

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # List commands from the table above without importing them all.
        rows = [(name, COMMANDS[name][2]) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policytext", prog_name="policytext")
@click.option("--debug", is_flag=True, help="Show a full traceback when something fails.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Analyse policy documents: extract, structure, segment, explore, compare.

    Every command takes documents (PDF, DOCX, HTML, TXT/MD), folders of them,
    JSONL written by 'extract', or a workspace store. --format picks a
    machine format (json: one document, an array of the rows or inputs;
    jsonl: one object per line), written to stdout or -o FILE; without it, a
    table on a terminal. Exit status: 0 when all went well, 1 when some
    inputs failed (each reported on stderr as 'policytext: FILE: reason', the
    others done), 2 for a usage error. --debug shows tracebacks.

    \b
    Examples:
      policytext extract notices/ --format jsonl -o docs.jsonl
      policytext terms docs.jsonl --metadata meta.csv --by level --top 20
      policytext COMMAND --help
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> None:
    """Run the command line (the ``policytext`` console script)."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        cli.main(args=argv, prog_name="policytext", standalone_mode=True)
    except Exception as exc:  # a bug: commands convert the errors they expect
        if debug:
            raise
        text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        click.echo(f"policytext: internal error: {text} (run with --debug for a traceback)", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
