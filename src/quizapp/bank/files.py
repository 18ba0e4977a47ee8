"""Reading one bank file safely: its size, its nesting and its encoding are bounded before and
while it is parsed, so a hostile or mistaken file is a one-line message, never a crash.

Only the standard library: the home screen's light read of topics.toml uses this too.
"""

import tomllib
from pathlib import Path

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 10  # root → [[family]] list → family → params → shapes → a shape → a number is 6


class BankFileError(Exception):
    """A bank file that cannot be read; the message says what to fix, in one line."""


def read_toml(path: Path) -> dict:
    """The parsed TOML of `path`; raise BankFileError (or FileNotFoundError) when it is unfit."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)  # a bounded read: a device or FIFO cannot flood
    except FileNotFoundError:
        raise
    except IsADirectoryError as exc:
        raise BankFileError("is a folder, not a file") from exc
    except OSError as exc:
        raise BankFileError(f"cannot be read ({exc.strerror or type(exc).__name__})") from exc
    if len(data) > MAX_FILE_BYTES:
        raise BankFileError(f"is larger than {MAX_FILE_BYTES // 1_000_000} MB; bank files are "
                            "small — split it or remove what is not needed")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BankFileError(f"is not UTF-8 text (byte {exc.start + 1})") from exc
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BankFileError(f"not valid TOML: {exc}") from exc
    except RecursionError as exc:
        raise BankFileError(f"is nested too deeply; at most {MAX_DEPTH} levels of tables "
                            "and arrays") from exc
    if depth(raw) > MAX_DEPTH:
        raise BankFileError(f"is nested too deeply; at most {MAX_DEPTH} levels of tables and "
                            "arrays")
    return raw


def depth(value: object) -> int:
    """How deeply lists and tables nest in `value` (a scalar is 0), without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            deepest = max(deepest, level)
            continue
        deepest = max(deepest, level + 1)
        stack.extend((child, level + 1) for child in children)
    return deepest
