"""Worked solutions of derivative problems are written as a teacher writes them."""

import re

from quizapp.bank import choose_families, default_bank, make_problem


def test_power_rule_steps_use_raised_exponents_and_true_minus_signs() -> None:
    bank = default_bank()
    for family in choose_families(bank, "derivatives", "derivative-power-rule"):
        for seed in range(20):
            for step in make_problem(bank, family, seed).solution:
                assert not re.search(r"x\^-?\d", step), step  # x³, x⁻², not x^3
                assert " - " not in step and "= -" not in step and "d/dx -" not in step, step
