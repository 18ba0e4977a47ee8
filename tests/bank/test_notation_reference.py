"""The notation reference as data: every symbol the problems use has an entry with an ASCII
spelling, a reading, a meaning, an example and resources from the bank; bad files are one-line
messages."""

import shutil
from pathlib import Path

import pytest

from quizapp.bank import BankError, load_bank
from quizapp.bank.catalog import BANK_DIR
from quizapp.bank.notation import load_notation

# Symbols the app's problems print, each of which the reference must explain.
USED = ["Σ", "Π", "argmax", "⊙", "⟨u, v⟩", "‖v‖ₚ", "𝔼", "∇", "∂", "ᵀ", "⁻¹", "ŷ", "η", "σ",
        "𝟙[", "⁽ʲ⁾", "ℝ^{m×n}", "λ", "det", "tr", "P(A | B)", "Var"]


def test_every_symbol_used_has_an_entry() -> None:
    entries = load_notation()
    symbols = " ".join(e.symbol for e in entries)
    assert [s for s in USED if s not in symbols] == []
    for entry in entries:
        assert entry.ascii.isascii() and entry.read and entry.meaning and entry.example


def test_resources_come_from_the_bank_and_name_both_notation_pages() -> None:
    resources = load_bank().resources
    cited = {r for e in load_notation() for r in e.resources}
    assert cited <= set(resources)
    assert {"mml-table-of-symbols", "dlbook-notation"} <= cited
    assert "notation" in resources["dlbook-notation"].url


def copy_bank(tmp_path: Path) -> Path:
    root = tmp_path / "bank"
    shutil.copytree(BANK_DIR, root)
    return root


def test_unknown_resource_and_field_are_one_line_messages(tmp_path: Path) -> None:
    root = copy_bank(tmp_path)
    text = (root / "notation.toml").read_text(encoding="utf-8")
    (root / "notation.toml").write_text(
        text.replace('"dlbook-notation"]', '"no-such-page"]', 1)
        + '\n[[symbol]]\nsymbol = "x"\nascii = "x"\nread = "ex"\nmeaning = "a thing"\n'
          'example = "x"\nresources = ["dlbook-notation"]\ncolour = "red"\n',
        encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_notation(root)
    assert any("colour" in p and "unknown field" in p for p in caught.value.problems)
    (root / "notation.toml").write_text(text.replace('"dlbook-notation"]', '"no-such-page"]', 1),
                                        encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_notation(root)
    assert caught.value.problems == [
        "notation.toml: symbol 'Σᵢ₌₁ⁿ aᵢ': resource 'no-such-page' is not in resources.toml"]


def test_missing_or_broken_file(tmp_path: Path) -> None:
    root = copy_bank(tmp_path)
    (root / "notation.toml").write_text("[[symbol]\n", encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_notation(root)
    assert caught.value.problems[0].startswith("notation.toml: not valid TOML")
    (root / "notation.toml").unlink()
    with pytest.raises(BankError) as caught:
        load_notation(root)
    assert caught.value.problems == ["notation.toml: file is missing"]
