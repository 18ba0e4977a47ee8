"""A matrix written as text, split into the texts of its cells — for filling a grid of answer
cells from a paste. Nothing is read here (no sympy): each cell keeps the characters the learner
wrote, and the grid's own reading says later whether a cell makes sense.

Forms split: `1 2; 3 4` and `1, 2; 3, 4` (rows by `;` or a new line), numpy / Python nested
lists `[[1, 2], [3, 4]]` and `np.array([[1, 2], [3, 4]])`, MATLAB `[1 2; 3 4]`, a spreadsheet
copy (tabs and new lines) and LaTeX `\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}`.

Spaces separate cells only where nothing else does and every piece stands alone as an entry
(MATLAB's rule): `1 -2` is two cells, `x - 1` and `sin x` are one.
"""

import re

_OPEN, _CLOSE = "([{", ")]}"
_LATEX_ENV = re.compile(r"\\begin\{[a-zA-Z]*matrix\*?\}(.*)\\end\{[a-zA-Z]*matrix\*?\}", re.S)
_ARRAY_CALL = re.compile(r"^\s*(?:np\.|numpy\.)?(?:array|matrix|Matrix)\s*\((.*)\)\s*$", re.S)
_BINARY_START = tuple("*/^·×)]}")
_OPERATOR_END = tuple("+-−*/^·×([{")


def _top_level_split(text: str, separators: str) -> list[str]:
    """`text` cut at the separators that are outside every bracket."""
    pieces, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and char in separators:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return pieces


def _enclosed(text: str) -> bool:
    """Whether one bracket pair wraps the whole of `text` (`[1, 2]`, not `(1)(2)`)."""
    if len(text) < 2 or text[0] not in _OPEN or _CLOSE[_OPEN.index(text[0])] != text[-1]:
        return False
    depth = 0
    for i, char in enumerate(text):
        depth += (char in _OPEN) - (char in _CLOSE)
        if depth == 0 and i < len(text) - 1:
            return False
    return True


def _unwrap(text: str) -> str:
    """A row without the brackets around it: `[1, 2]`, or `(1, 2)` (but `(x + 1)` stays)."""
    text = text.strip()
    while _enclosed(text) and (text[0] == "[" or len(_top_level_split(text[1:-1], ",")) > 1):
        text = text[1:-1].strip()
    return text


def _row_groups(text: str) -> list[str] | None:
    """The rows of `[1, 2], [3, 4]`: bracketed groups separated by commas or spaces."""
    pieces = [p.strip() for p in _top_level_split(text, ",") if p.strip()]
    if len(pieces) == 1 and not _enclosed(pieces[0]):
        return None
    groups = []
    for piece in pieces:
        parts = _space_groups(piece)
        if not all(_enclosed(p) and p[0] in "[(" for p in parts):
            return None
        groups.extend(parts)
    return groups if len(groups) > 1 or (groups and groups[0][0] == "[") else None


def _space_groups(text: str) -> list[str]:
    """`[1, 2] [3, 4]` as its bracketed groups (anything else stays whole)."""
    groups, depth, start = [], 0, None
    for i, char in enumerate(text):
        if char in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
            if depth == 0 and start is not None:
                groups.append(text[start:i + 1])
                start = None
        elif depth == 0 and not char.isspace():
            return [text]
    return groups or [text]


def _stands_alone(piece: str) -> bool:
    """Whether a space-separated piece reads as an entry by itself: not an operator waiting for
    its other side, not a function name waiting for its argument."""
    if piece.startswith(_BINARY_START) or piece.endswith(_OPERATOR_END):
        return False
    depth = 0
    for char in piece:
        depth += (char in _OPEN) - (char in _CLOSE)
        if depth < 0:
            return False
    if depth:
        return False
    return not (piece.isalpha() and len(piece) > 1)


def split_row(text: str) -> list[str]:
    """The cells of one row of a matrix written as text (at least one, maybe empty)."""
    text = _unwrap(text)
    for separator in ("&", "\t", ","):
        pieces = _top_level_split(text, separator)
        if len(pieces) > 1:
            return [p.strip() for p in pieces]
    pieces = text.split()
    if len(pieces) > 1 and all(_stands_alone(p) for p in pieces):
        return pieces
    return [text]


def split_matrix(text: str) -> list[list[str]]:
    """The rows of `text`, each a list of cell texts. Rows may differ in length; a trailing
    separator adds no empty row. Text with no separator is one row of one cell."""
    text = text.strip()
    latex = _LATEX_ENV.search(text)
    if latex:
        rows = re.split(r"\\\\", latex.group(1))
        return [split_row(row) for row in rows if row.strip()] or [[""]]
    call = _ARRAY_CALL.match(text)
    if call:
        text = call.group(1).strip()
    if _enclosed(text) and text[0] == "[":
        text = text[1:-1].strip()
    groups = _row_groups(text)
    if groups is not None:
        return [split_row(group) for group in groups]
    rows = [row for row in _top_level_split(text, ";\n") if row.strip()]
    return [split_row(row.strip().strip("\r")) for row in rows] or [[""]]
