"""The question bank: validated files, problems by id, and the bank's self-test.

Exports load lazily: the home screen reads topic names through `quizapp.bank.catalog` without
paying for pydantic and sympy, which the generators need.
"""

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Bank": "loading", "BankError": "loading", "load_bank": "loading",
    "Problem": "problems", "UnknownProblem": "problems", "choose_families": "problems",
    "default_bank": "problems", "generate_problems": "problems", "make_problem": "problems",
    "problem_by_id": "problems",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f"quizapp.bank.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'quizapp.bank' has no attribute {name!r}")
