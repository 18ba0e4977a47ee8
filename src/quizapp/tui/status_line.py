"""The one-row status line above a problem, fitted to the width of the terminal.

Pure text, no Textual: each part of the line has wordings from longest to shortest, and a
fixed order says which part gives way first as the width shrinks.
"""

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.mathtext import prose

GAP = "  "
SHORTEST_NAME = 8  # cells a skill name keeps before the whole line is cut instead


def cells(text: str) -> int:
    """The terminal cells `text` takes (wide characters two, combining marks none)."""
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, width: int, unicode: bool = True) -> str:
    """`text` cut to `width` cells, with an ellipsis where it was cut."""
    if cells(text) <= width:
        return text
    mark = "…" if unicode else "..."
    room = width - cells(mark)
    if room <= 0:
        return mark[:max(width, 0)]
    kept = ""
    for ch in text:
        if cells(kept + ch) > room:
            break
        kept += ch
    return kept.rstrip() + mark


def fit_parts(parts: Sequence[Sequence[str]], steps: Sequence[int], width: int,
              name: int | None = None, unicode: bool = True) -> str:
    """Join the parts, each in its longest wording, with two spaces between them; while the
    line is wider than `width`, move part `steps[k]` to its next wording (an empty wording
    drops the part), k = 0, 1, …; then cut part `name` (down to a few cells), then the line."""
    chosen = [0] * len(parts)

    def line() -> str:
        return GAP.join(p[c] for p, c in zip(parts, chosen, strict=True) if p[c])

    for index in steps:
        if cells(line()) <= width:
            break
        chosen[index] = min(chosen[index] + 1, len(parts[index]) - 1)
    text = line()
    if cells(text) > width and name is not None and parts[name][chosen[name]]:
        full = parts[name][chosen[name]]
        room = max(width - (cells(text) - cells(full)), SHORTEST_NAME)
        parts = [list(p) for p in parts]
        parts[name][chosen[name]] = clip(full, room, unicode)
        text = line()
    return clip(text, width, unicode)


def difficulty_text(difficulty: int, levels: tuple[int, ...], short: bool = False) -> str:
    """'Difficulty 2 of 1–3' ('Diff. 2 of 1–3'): the problem on screen, and the levels the
    skill has."""
    word = "Diff." if short else "Difficulty"
    if len(levels) <= 1:
        return f"{word} {difficulty} ({'only' if short else 'the only one'})"
    have = f"{levels[0]}–{levels[-1]}" if list(levels) == list(range(levels[0], levels[-1] + 1)) \
        else ",".join(map(str, levels))
    return f"{word} {difficulty} of {have}"


def level_bar(done: int, total: int, unicode: bool) -> str:
    """▰▰▱▱▱ for 2 of 5."""
    full, empty = ("▰", "▱") if unicode else ("#", "-")
    return full * done + empty * (total - done)


@dataclass(frozen=True)
class PracticeStatus:
    """What the practice status line says."""

    topic: str
    skill: str
    right_first_time: int
    answered: int
    unsaved: bool = False  # the progress store cannot write
    to_go: int | None = None  # reviewing mistakes: how many are left (no levels then)
    difficulty: int = 1
    levels: tuple[int, ...] = (1,)
    level_done: int = 0  # clean answers towards the next level …
    level_total: int = 0  # … of this many
    streak: int = 0


def practice_status(status: PracticeStatus, width: int, unicode: bool = True) -> str:
    """The practice status line in at most `width` cells. As the width shrinks the topic goes
    first, then the long words, the first-try score, the level bar and the levels the skill
    has; then the skill name is cut. The difficulty, streak and an unsaved warning stay."""
    score = f"{status.right_first_time}/{status.answered}"
    unsaved = ("(progress not saved)", "(not saved)") if status.unsaved else ("",)
    if status.to_go is not None:
        parts = [(f"Review mistakes › {status.topic} › {status.skill}",
                  f"Review mistakes › {status.skill}", f"Review › {status.skill}"),
                 (f"{status.to_go} to go",),
                 (f"First try {score}", f"1st try {score}", ""),
                 unsaved]
        steps = [0, 0, 2, 3, 2]
    else:
        bar = level_bar(status.level_done, status.level_total, unicode)
        levels = difficulty_text(status.difficulty, status.levels, short=True)
        parts = [(f"{status.topic} › {status.skill}", status.skill),
                 (f"{difficulty_text(status.difficulty, status.levels)} {bar}",
                  f"{levels} {bar}", levels, f"Diff. {status.difficulty}"),
                 (f"Streak {status.streak}",),
                 (f"First try {score}", f"1st try {score}", ""),
                 unsaved]
        steps = [0, 1, 3, 4, 3, 1, 1]
    ascii_parts = [tuple(prose(form, unicode) for form in forms) for forms in parts]
    return fit_parts(ascii_parts, steps, width, name=0, unicode=unicode)


def quiz_status(number: int, total: int, clock: str, code: str, width: int,
                unicode: bool = True) -> str:
    """The quiz status line in at most `width` cells: the question and the time left always;
    the quiz code while it fits whole (a cut code could not be typed in)."""
    long, short = f"Question {number} of {total}", f"Q {number}/{total}"
    timer = f"⏱ {clock}"
    candidates = [(long, timer, f"Quiz code {code}"), (long, timer, f"Code {code}"),
                  (short, timer, f"Code {code}"), (long, timer), (short, timer)]
    lines = [prose(GAP.join(parts), unicode) for parts in candidates]
    return clip(next((line for line in lines if cells(line) <= width), lines[-1]), width, unicode)
