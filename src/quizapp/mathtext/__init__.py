"""Maths written for people and for machines: the one place every layer gets it from.

- `write(expr, style)`, `matrix_lines(rows, style)`, `tidy(expr)` and the printers `plain`,
  `readable`, `ascii_readable` (in `printer`, which needs sympy);
- `prose(text, unicode)`: text for people in ASCII for `--ascii` (in `prose`, no sympy, so the
  home screen can use it before sympy is loaded).

Printer names are loaded on first use, so importing this package costs nothing.
"""

from importlib import import_module
from typing import Any

from quizapp.mathtext.prose import prose, side_by_side

_PRINTER_NAMES = {"Printer", "Style", "write", "matrix_lines", "tidy", "printer", "plain",
                  "readable", "ascii_readable", "GREEK"}


def __getattr__(name: str) -> Any:
    if name in _PRINTER_NAMES:
        return getattr(import_module("quizapp.mathtext.printer"), name)
    raise AttributeError(f"module 'quizapp.mathtext' has no attribute {name!r}")


__all__ = ["GREEK", "Printer", "Style", "ascii_readable", "matrix_lines", "plain",
           "printer", "prose", "readable", "side_by_side", "tidy", "write"]
