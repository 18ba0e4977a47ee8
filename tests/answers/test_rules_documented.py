"""The decimal and real-line rules are written where learners read them: README and F1 help."""

from pathlib import Path

from quizapp.tui.screens.help import HELP

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_the_readme_states_the_one_unit_rule_not_a_stricter_one() -> None:
    assert "right to the last digit" not in README
    assert "within one unit of its last digit typed" in README
    assert "zero equals only zero" in README
    assert "0.3333 looks like 1/3 rounded — type the exact value" in README


def test_f1_help_states_both_decimal_rules_and_the_ambiguous_exponent() -> None:
    text = " ".join(HELP.split())
    assert "within one unit of its last digit typed" in text
    assert "at least 3 significant digits" in text
    assert "In expressions decimals are exact (0.25x is x/4)" in text
    assert "e^2x is refused" in text and "e²·x — use brackets" not in text
    assert "2 by 3" in text and "λ = 2, 5" in text and "2+3j" in text


def test_help_fits_an_80_column_terminal_and_names_every_key() -> None:
    """The help box at 80 columns holds 72 characters a line (border and padding)."""
    assert max(len(line) for line in HELP.splitlines()) <= 72
    for key in ("F2", "F3", "F4", "F6", "F7", "F8", "F9", "F10", "ctrl+g", "ctrl+n", "ctrl+p"):
        assert key in HELP
