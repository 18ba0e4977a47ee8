"""The `quizapp` command line. Heavy modules (sympy, Textual) are imported inside commands."""

import sys

import click

from quizapp import __version__

KINDS = ("expression", "number", "vector", "matrix", "multiset")


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="quizapp")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Drill the mathematics of machine learning, with instant feedback."""
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


@main.command()
@click.option("--kind", type=click.Choice(KINDS), help="What shape of answer is expected.")
@click.option("--expected", help="The right answer, e.g. '3*x**2' or '[[1,2],[3,4]]'.")
@click.option("--answer", help="The answer to check, as a learner would type it.")
@click.option("--var", "variables", multiple=True, metavar="NAME",
              help="A variable of the problem (repeatable; default x).")
@click.option("--batch", type=click.File("r", encoding="utf-8"), metavar="FILE",
              help="Grade JSON Lines from FILE ('-' for stdin); prints one JSON line each.")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as JSON.")
def check(kind: str | None, expected: str | None, answer: str | None,
          variables: tuple[str, ...], batch: click.utils.LazyFile | None, as_json: bool) -> None:
    """Check one answer, or grade a batch of them.

    Exit status: 0 when the answer is right, 1 when it is wrong or unreadable.
    """
    if batch is not None:
        if kind or expected is not None or answer is not None:
            raise click.UsageError("--batch reads everything from the file; drop --kind, "
                                   "--expected and --answer")
        from quizapp.batch import grade_lines

        for out in grade_lines(batch):
            click.echo(out)
            sys.stdout.flush()
        return
    missing = [name for name, value in
               (("--kind", kind), ("--expected", expected), ("--answer", answer)) if value is None]
    if missing:
        raise click.UsageError(f"missing {', '.join(missing)} (or use --batch FILE)")
    import json

    from quizapp.answers import check as check_answer

    for name in variables:
        if not name.isalpha():
            raise click.BadParameter(f"{name!r} is not a variable name; use letters",
                                     param_hint="--var")
    verdict = check_answer(answer, expected, kind, variables or ("x",))
    if as_json:
        click.echo(json.dumps(verdict.to_json(), ensure_ascii=False))
    else:
        mark = "✓" if verdict.correct else ("?" if verdict.error else "✗")
        click.echo(f"{mark} {verdict.feedback}")
        if verdict.interpreted:
            click.echo(f"  read as: {verdict.interpreted}")
        for note in verdict.notes:
            click.echo(f"  note: {note}")
    sys.exit(0 if verdict.correct else 1)
