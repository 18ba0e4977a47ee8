"""The `quizapp` command line. Heavy modules (sympy, Textual) are imported inside commands."""

import sys
import typing

import click

from quizapp import __version__
from quizapp.session.spec import CODE_EXAMPLE, SEED_MAX

KINDS = ("expression", "number", "vector", "matrix", "multiset", "direction")


THEMES = ("dark", "light")


def run_app(launch: object, ascii_only: bool, theme: str | None) -> None:
    """Run the Textual app. `--ascii` and `--theme` may also come before the command
    (`quizapp --ascii quiz`)."""
    from quizapp.tui.run import run_app as run

    root = click.get_current_context().find_root().params
    run(launch, ascii_only or bool(root.get("ascii_only")), theme or root.get("theme"))


def _check_topic(topic: str, skill: str | None = None) -> None:
    from quizapp.bank.catalog import read_topics

    topics = {t.id: t for t in read_topics()}
    if topic not in topics:
        raise click.BadParameter(f"unknown topic '{topic}'; choose from {', '.join(topics)}",
                                 param_hint="TOPIC")
    skills = [s.id for s in topics[topic].skills]
    if skill is not None and skill not in skills:
        raise click.BadParameter(f"'{skill}' is not a skill of {topic}; choose from "
                                 f"{', '.join(skills)}", param_hint="--skill")


ascii_option = click.option("--ascii", "ascii_only", is_flag=True,
                            help="Draw maths with ASCII only (for terminals without Unicode).")
theme_option = click.option("--theme", type=click.Choice(THEMES),
                            help="Colour theme (default dark; ctrl+p switches).")


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="quizapp")
@ascii_option
@theme_option
@click.pass_context
def main(ctx: click.Context, ascii_only: bool, theme: str | None) -> None:
    """Drill the mathematics of machine learning, with instant feedback.

    Without a command, starts the app at its home screen.
    """
    if ctx.invoked_subcommand is None:
        from quizapp.tui.app import Launch

        run_app(Launch(), ascii_only, theme)


SEED_HELP = f"0 to {SEED_MAX}; the same seed gives the same {{what}}."
seed_type = click.IntRange(0, SEED_MAX)
GENERATE_SEED_MAX = 2**31 - 1


@main.command()
@click.argument("topic")
@click.option("--skill", help="Practise one skill of the topic.")
@click.option("--difficulty", type=click.IntRange(1, 3),
              help="1, 2 or 3 (default: the level you were at; a skill's easiest at first).")
@click.option("--seed", type=seed_type, metavar="N", help=SEED_HELP.format(what="problems"))
@ascii_option
@theme_option
def practice(topic: str, skill: str | None, difficulty: int | None, seed: int | None,
             ascii_only: bool, theme: str | None) -> None:
    """Practise TOPIC until it sticks (`quizapp topics` lists the topics and skills)."""
    _check_topic(topic, skill)
    from quizapp.tui.app import Launch

    run_app(Launch("practice", topic, skill, difficulty, seed), ascii_only, theme)


@main.command()
@click.option("--topics", help="Comma-separated topic ids (default: all).")
@click.option("--questions", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--minutes", type=click.FloatRange(0.1, 300), default=10, show_default=True)
@click.option("--seed", type=seed_type, metavar="N", help=SEED_HELP.format(what="quiz"))
@click.option("--code", metavar="CODE",
              help=f"A quiz code shared by someone, like {CODE_EXAMPLE}: all topics, or "
                   "topic ids (or their first letters) joined by + (overrides the other "
                   "options).")
@ascii_option
@theme_option
def quiz(topics: str | None, questions: int, minutes: float, seed: int | None, code: str | None,
         ascii_only: bool, theme: str | None) -> None:
    """Take a timed quiz; the quiz code on screen lets a class take the same one."""
    import random

    from quizapp.bank.catalog import read_topics
    from quizapp.session.spec import BadQuiz, QuizSpec
    from quizapp.tui.app import Launch

    known = [t.id for t in read_topics()]
    if code is not None:
        try:
            spec = QuizSpec.from_code(code, known)
        except BadQuiz as exc:
            raise click.BadParameter(str(exc), param_hint="--code") from None
    else:
        chosen = _topic_list(topics) if topics is not None else tuple(known)
        spec = QuizSpec(chosen, questions, minutes,
                        seed if seed is not None else random.randrange(10_000))
    try:
        spec.validate()
    except BadQuiz as exc:
        raise click.BadParameter(str(exc), param_hint="--code") from None
    unknown = [t for t in spec.topics if t not in known]
    if unknown:
        raise click.BadParameter(f"unknown topic {', '.join(unknown)}; choose from "
                                 f"{', '.join(known)}", param_hint="--topics")
    run_app(Launch("quiz", quiz=spec), ascii_only, theme)


def _topic_list(text: str) -> tuple[str, ...]:
    """'a,b' as topic ids; an empty name (as in 'a,,b' or 'a,') is refused with a clear message."""
    chosen = tuple(t.strip() for t in text.split(","))
    if not all(chosen):
        raise click.BadParameter(f"'{text}' has an empty topic name; write topic ids separated "
                                 "by single commas, e.g. derivatives,eigenvalues",
                                 param_hint="--topics")
    return chosen


def _shown(text: str, limit: int = 40) -> str:
    """User input quoted for a message: never more than `limit` characters of it."""
    quoted = repr(text)
    return quoted if len(quoted) <= limit else quoted[:limit - 1] + "…"


def _check_variables(variables: tuple[str, ...]) -> tuple[str, ...]:
    """The --var names, or a usage error naming --var."""
    import re

    from quizapp.batch.grading import MAX_VARIABLES

    if len(variables) > MAX_VARIABLES:
        raise click.BadParameter(f"{len(variables)} variables; at most {MAX_VARIABLES}",
                                 param_hint="--var")
    for name in variables:
        if not re.fullmatch(r"[A-Za-z\u0370-\u03ff]{1,12}[0-9]{0,2}", name):
            raise click.BadParameter(f"{_shown(name)} is not a variable name; use letters, "
                                     "optionally followed by an index such as x1",
                                     param_hint="--var")
    return variables or ("x",)


def _grade_batch(batch: typing.BinaryIO) -> None:
    from quizapp.batch import grade_stream

    try:
        for out in grade_stream(batch):
            click.echo(out)
            sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (`| head`): nothing left to say
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no flush error at exit
        sys.exit(0)


@main.command()
@click.option("--kind", type=click.Choice(KINDS), help="What shape of answer is expected.")
@click.option("--expected", help="The right answer, e.g. '3*x**2' or '[[1,2],[3,4]]'.")
@click.option("--answer", help="The answer to check, as a learner would type it.")
@click.option("--var", "variables", multiple=True, metavar="NAME",
              help="A variable of the problem (repeatable; default x).")
@click.option("--batch", type=click.File("rb"), metavar="FILE",
              help="Grade JSON Lines from FILE ('-' for stdin); prints one JSON line each.")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as JSON.")
def check(kind: str | None, expected: str | None, answer: str | None,
          variables: tuple[str, ...], batch: typing.BinaryIO | None, as_json: bool) -> None:
    """Check one answer, or grade a batch of them.

    Exit status: 0 when the answer is right, 1 when it is wrong or unreadable.
    """
    if batch is not None:
        given = [name for name, value in (("--kind", kind), ("--expected", expected),
                                          ("--answer", answer), ("--var", variables or None),
                                          ("--json", as_json or None)) if value is not None]
        if given:
            raise click.UsageError(f"--batch reads everything from the file; drop "
                                   f"{', '.join(given)}")
        _grade_batch(batch)
        return
    missing = [name for name, value in
               (("--kind", kind), ("--expected", expected), ("--answer", answer)) if value is None]
    if missing:
        raise click.UsageError(f"missing {', '.join(missing)} (or use --batch FILE)")
    import json

    from quizapp.answers import AnswerError, read_answer
    from quizapp.answers import check as check_answer

    names = _check_variables(variables)
    try:
        key = read_answer(expected, kind, names)
    except AnswerError as exc:
        raise click.BadParameter(f"cannot be read as {'an' if kind[0] in 'aeiou' else 'a'} "
                                 f"{kind}: {exc.message}", param_hint="--expected") from None
    verdict = check_answer(answer, key, kind, names)  # type: ignore[arg-type]
    if as_json:
        click.echo(json.dumps(verdict.to_json(), ensure_ascii=False))
    else:
        from quizapp.answers import preview
        from quizapp.mathtext import prose

        unicode = not (click.get_current_context().find_root().params.get("ascii_only"))
        mark = "✓" if verdict.correct else ("?" if verdict.error else "✗")
        click.echo(prose(f"{mark} {verdict.feedback}", unicode))
        if verdict.interpreted:  # as a teacher writes it, not in sympy syntax
            shown = preview(answer, kind, names, unicode)
            read_as = shown.text if shown.ok else verdict.interpreted
            click.echo("  read as: " + read_as.replace("\n", "\n           "))
        for note in verdict.notes:
            click.echo(prose(f"  note: {note}", unicode))
    sys.exit(0 if verdict.correct else 1)


def _bank_or_exit():
    """Load the bank, or print its problems one per line and exit 1."""
    from quizapp.bank import BankError, default_bank

    try:
        return default_bank()
    except BankError as exc:
        for problem in exc.problems:
            click.echo(f"question bank: {problem}", err=True)
        sys.exit(1)
    except Exception as exc:  # never a traceback for a bank, whatever is in it
        click.echo(f"question bank: could not be loaded ({type(exc).__name__}); run "
                   "`quizapp bank check` after fixing the files", err=True)
        sys.exit(1)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def topics(as_json: bool) -> None:
    """List the topics, their skills and how many problem families each has."""
    import json

    bank = _bank_or_exit()
    rows = []
    for topic in bank.topics.values():
        skills = []
        for skill in topic.skills:
            families = [f for f in bank.families.values() if f.skill == skill.id]
            skills.append({"id": skill.id, "name": skill.name, "families": len(families),
                           "difficulties": sorted({f.difficulty for f in families})})
        rows.append({"id": topic.id, "name": topic.name, "description": topic.description,
                     "families": sum(s["families"] for s in skills), "skills": skills})
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(f"{row['name']} ({row['id']}) — {row['families']} families")
        for skill in row["skills"]:
            levels = ",".join(str(d) for d in skill["difficulties"]) or "-"
            click.echo(f"  {skill['id']:<30} {skill['name']:<32} families {skill['families']}"
                       f"  difficulty {levels}")


@main.command()
@click.option("--topic", help="Topic id (see `quizapp topics`).")
@click.option("--skill", help="Skill id within the topic.")
@click.option("--difficulty", type=click.IntRange(1, 3), help="1, 2 or 3.")
@click.option("--count", type=click.IntRange(1, 10_000), default=1, show_default=True)
@click.option("--seed", type=click.IntRange(0, GENERATE_SEED_MAX), default=0, show_default=True,
              metavar="N", help=f"0 to {GENERATE_SEED_MAX}; the same seed gives the same "
                                "problems.")
@click.option("--id", "problem_id", help="Regenerate one problem from its id.")
def generate(topic: str | None, skill: str | None, difficulty: int | None, count: int,
             seed: int, problem_id: str | None) -> None:
    """Print generated problems as JSON Lines (the same arguments give the same bytes)."""
    import json

    from quizapp.generators import GenerationFailed

    bank = _bank_or_exit()
    try:
        problems = _generate(bank, topic, skill, difficulty, count, seed, problem_id)
    except GenerationFailed as exc:
        click.echo(f"quizapp: {exc}", err=True)
        sys.exit(1)
    for problem in problems:
        click.echo(json.dumps(problem.model_dump(mode="json"), ensure_ascii=False))


def _generate(bank: object, topic: str | None, skill: str | None, difficulty: int | None,
              count: int, seed: int, problem_id: str | None) -> list:
    """The problems `generate` asked for (raises click errors for bad options)."""
    from quizapp.bank import UnknownProblem, choose_families, generate_problems, problem_by_id

    if problem_id is not None:
        try:
            problems = [problem_by_id(bank, problem_id)]
        except UnknownProblem as exc:
            raise click.BadParameter(exc.message, param_hint="--id") from None
    else:
        if topic is None and skill is None:
            raise click.UsageError("give --topic (or --skill, or --id); see `quizapp topics`")
        if topic is not None and topic not in bank.topics:
            raise click.BadParameter(f"unknown topic '{topic}'; choose from "
                                     f"{', '.join(bank.topics)}", param_hint="--topic")
        families = choose_families(bank, topic, skill, difficulty)
        if not families:
            raise click.UsageError("no problem family matches those filters; see "
                                   "`quizapp topics`")
        problems = generate_problems(bank, families, count, seed)
    return problems


@main.group()
def bank() -> None:
    """The question bank."""


@bank.command("check")
@click.option("--seeds", type=click.IntRange(1, 100_000), default=200, show_default=True,
              help="Problems to generate and check per family.")
@click.option("--family", "families", multiple=True, help="Only these families.")
def bank_check(seeds: int, families: tuple[str, ...]) -> None:
    """Validate the bank and self-test every family; exit 1 on any problem."""
    import time

    from quizapp.bank.selftest import self_test

    loaded = _bank_or_exit()
    unknown = [f for f in families if f not in loaded.families]
    if unknown:
        raise click.BadParameter(f"unknown family {', '.join(unknown)}", param_hint="--family")
    click.echo(f"{len(loaded.resources)} resources, {len(loaded.topics)} topics, "
               f"{len(loaded.families)} families: valid")
    click.echo(f"{'family':<30} {'topic':<16} {'lvl':>3} {'seeds':>6} {'faults':>6} {'time':>7}")
    start = time.perf_counter()

    def row(report) -> None:
        click.echo(f"{report.family:<30} {report.topic:<16} {report.difficulty:>3} "
                   f"{report.seeds:>6} {len(report.failures):>6} {report.seconds:>6.1f}s")

    reports = self_test(loaded, seeds, list(families) or None, row)
    failures = [f for r in reports for f in r.failures]
    total = sum(r.seeds for r in reports)
    click.echo(f"{total} problems checked in {time.perf_counter() - start:.1f}s: "
               f"{len(failures)} faults")
    for warning in (w for r in reports for w in r.warnings):
        click.echo(f"  WARNING {warning}")
    for failure in failures[:30]:
        click.echo(f"  FAULT {failure}")
    if failures:
        sys.exit(1)


def _store():
    from quizapp.progress import ProgressStore

    store = ProgressStore()
    for message in (store.notice, store.problem):
        if message:
            click.echo(message, err=True)
    return store


def _skill_ids() -> list[str]:
    from quizapp.bank.catalog import read_topics

    return [s.id for t in read_topics() for s in t.skills]


def _names() -> tuple[dict[str, str], dict[str, str]]:
    """Display names of topics and skills by id, and each skill's topic id."""
    from quizapp.bank.catalog import read_topics

    topics = read_topics()
    names = {t.id: t.name for t in topics} | {s.id: s.name for t in topics for s in t.skills}
    return names, {s.id: t.id for t in topics for s in t.skills}


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stats(as_json: bool) -> None:
    """Show progress: totals, mastery and difficulty per skill, recent quizzes."""
    import json

    from quizapp.bank.catalog import skill_ceilings, skill_floors
    from quizapp.progress.stats import summary

    names, topic_of = _names()
    data = summary(_store(), _skill_ids(), ceilings=skill_ceilings(), names=names,
                   topic_of=topic_of, floors=skill_floors())
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from quizapp.bank.catalog import read_topics
    from quizapp.progress.report import stats_lines

    order = [(t.id, [s.id for s in t.skills]) for t in read_topics()]
    click.echo("\n".join(stats_lines(data, order, names)))


EXPORT_FIELDS = ["at", "topic", "skill", "topic_id", "skill_id", "problem_id", "difficulty",
                 "answer", "correct", "misconception", "seconds", "hints", "mode", "quiz_id",
                 "quiz_status", "first"]


@main.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv",
              show_default=True)
@click.option("--quizzes", is_flag=True,
              help="Export the quizzes (score or abandoned) instead of the attempts.")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="File to write (default: standard output).")
def export(fmt: str, quizzes: bool, output: typing.TextIO) -> None:
    """Export every attempt (or quiz) as CSV with a header row, or JSON objects with field
    names; topics and skills by name (ids beside them), times in ISO 8601 local time."""
    import csv
    import json

    from quizapp.progress.stats import local_time, recent_quizzes

    store = _store()
    names, _ = _names()
    quiz_rows = [{**q, "started": local_time(q["started"]),
                  "finished": local_time(q["finished"])}
                 for q in recent_quizzes(store, count=1_000_000)]
    status = {q["id"]: q["status"] for q in quiz_rows}
    if quizzes:
        rows, fields = quiz_rows, ["id", "code", "status", "started", "finished", "right",
                                   "answered", "questions"]
    else:
        rows = [{"at": local_time(a.at), "topic": names.get(a.topic, a.topic),
                 "skill": names.get(a.skill, a.skill), "topic_id": a.topic,
                 "skill_id": a.skill, "problem_id": a.problem_id, "difficulty": a.difficulty,
                 "answer": a.answer, "correct": a.correct, "misconception": a.misconception,
                 "seconds": a.seconds, "hints": a.hints, "mode": a.mode, "quiz_id": a.quiz_id,
                 "quiz_status": status.get(a.quiz_id) if a.quiz_id else None, "first": a.first}
                for a in store.attempts()]
        fields = EXPORT_FIELDS
    unreadable = store.unreadable_attempts()
    if unreadable and not quizzes:
        click.echo(f"{unreadable} saved attempt(s) hold values of the wrong type and were left "
                   "out.", err=True)
    if fmt == "json":
        output.write(json.dumps([{f: row[f] for f in fields} for row in rows],
                                ensure_ascii=False, indent=1) + "\n")
        return
    writer = csv.DictWriter(output, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)


@main.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def reset(yes: bool) -> None:
    """Delete all saved progress (asks first)."""
    store = _store()
    if not store.saving:
        click.echo(f"Nothing deleted: {store.path} cannot be changed ({store.reason}).", err=True)
        sys.exit(1)
    count = len(store.attempts())
    if not yes and not click.confirm(f"Delete {count} saved attempts and all quiz results?"):
        click.echo("Nothing deleted.")
        return
    if not store.reset():
        click.echo(f"Nothing deleted: {store.problem}", err=True)
        sys.exit(1)
    click.echo(f"Deleted {count} attempts.")
