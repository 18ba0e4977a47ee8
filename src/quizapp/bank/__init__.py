"""The question bank: validated files, problems by id, and the bank's self-test."""

from quizapp.bank.loading import Bank, BankError, load_bank
from quizapp.bank.problems import (
    Problem,
    UnknownProblem,
    choose_families,
    default_bank,
    generate_problems,
    make_problem,
    problem_by_id,
)

__all__ = [
    "Bank", "BankError", "Problem", "UnknownProblem", "choose_families", "default_bank",
    "generate_problems", "load_bank", "make_problem", "problem_by_id",
]
