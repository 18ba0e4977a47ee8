"""Wrapping text for the screen with hanging indents: a wrapped line keeps its indent, and a
numbered or bulleted item's continuation lines start under its text. No Textual here."""

import re
import textwrap

_MARKER = re.compile(r"(?:[•*-]|\d+\.|Step \d+\.|Hint \d+:|Think:|Answer:)\s+")
# a two-column line (`F2 / F3    a hint…`): continuation lines go under the second column
_COLUMN = re.compile(r"\S.{0,22}?\S {2,}(?=\S)")


def hanging_wrap(text: str, width: int) -> str:
    """`text` with every line longer than `width` wrapped; continuation lines are indented like
    the line's own text (after its bullet or number, or under its second column). Lines that
    fit are left exactly as they are (maths drawn over several lines keeps its columns)."""
    width = max(width, 8)
    out: list[str] = []
    for line in text.splitlines() or [""]:
        if len(line) <= width:
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        marker = _MARKER.match(body) or (_COLUMN.match(body) if indent <= 4 else None)
        hang = indent + (marker.end() if marker else 0)
        if hang > width // 2:
            hang = indent if indent <= width // 2 else 0
        out += textwrap.wrap(line, width, subsequent_indent=" " * hang, drop_whitespace=True,
                             break_on_hyphens=False, replace_whitespace=False) or [""]
    return "\n".join(out)
