"""The generators' printers: sympy syntax for `answer` and `data`, and maths for people in
prompts, hints and solutions — both from `quizapp.mathtext`, the one printer of every layer."""

from quizapp.mathtext import plain, readable

__all__ = ["plain", "readable"]
