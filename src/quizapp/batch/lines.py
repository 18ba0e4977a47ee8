"""Split `check --batch` input into lines, as bytes, so that one bad line spoils only itself.

The input is read as bytes and decoded line by line: an undecodable byte, a byte-order mark or
a line too long to hold becomes a problem of that line alone, and every other line is graded.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

MAX_LINE_BYTES = 100_000  # one request is a few hundred bytes; 100 KB is generous
_BOM = b"\xef\xbb\xbf"
_CHUNK = 65_536


@dataclass(frozen=True)
class Unreadable:
    """An input line that could not be turned into text, and why."""

    message: str


def input_lines(stream: BinaryIO, max_bytes: int = MAX_LINE_BYTES) -> Iterator[str | Unreadable]:
    """Yield each line of `stream` as text (without its line break), or Unreadable.

    Memory stays bounded by `max_bytes`: the rest of an oversized line is skipped unread.
    """
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield Unreadable(f"line too long: at most {max_bytes:,} bytes per line")
            continue
        yield decode_line(raw)


def decode_line(raw: bytes) -> str | Unreadable:
    """One line of bytes as text: UTF-8, with its line break and any byte-order mark dropped."""
    raw = raw.removesuffix(b"\n").removesuffix(b"\r").removeprefix(_BOM)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Unreadable(f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte {exc.start + 1} "
                          "of the line — save the file as UTF-8")
