"""learn.toml: every skill has an intro of 3–6 short lines, an intro for an unknown skill or
with a family of another skill is an error, and `bank check` reports it (one line each)."""

import shutil
from pathlib import Path

import pytest

from quizapp.bank import BankError, load_bank
from quizapp.bank.catalog import BANK_DIR
from quizapp.bank.learn import check_intros, cross_check, easiest_family, lesson, read_intros
from quizapp.bank.selftest import self_test

ISSUE_15_SKILLS = {"probability-basics", "bayes-rule", "expectation-variance", "math-notation"}


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    root = tmp_path / "bank"
    shutil.copytree(BANK_DIR, root)
    return root


def _learn(root: Path) -> Path:
    return root / "learn.toml"


def test_every_shipped_skill_has_an_intro_whose_example_is_its_easiest_family() -> None:
    bank = load_bank(BANK_DIR)
    assert check_intros(bank) == ([], [])
    intros = read_intros(_learn(BANK_DIR))
    skills = {s.id for t in bank.topics.values() for s in t.skills}
    assert set(intros) == skills
    for intro in intros.values():
        assert 3 <= len(intro.rule.splitlines()) <= 6
        taught = lesson(bank, intro)
        lowest = min(f.difficulty for f in bank.families.values() if f.skill == intro.skill)
        assert taught.example.skill == intro.skill
        assert bank.families[taught.example.family].difficulty == lowest
        assert taught.resources == tuple(bank.skill_resources(intro.skill))


def test_the_intros_for_the_skills_of_issue_15_are_valid_and_complete() -> None:
    intros = read_intros(_learn(BANK_DIR))
    assert set(intros) >= ISSUE_15_SKILLS
    assert "P(A|B)" in intros["bayes-rule"].rule and "argmax" in intros["math-notation"].rule


def test_a_skill_without_an_intro_is_a_fault_naming_it(copy: Path) -> None:
    text = _learn(copy).read_text(encoding="utf-8")
    start = text.index('[[intro]]\nskill = "rank"')
    end = text.index("[[intro]]", start + 5)
    _learn(copy).write_text(text[:start] + text[end:], encoding="utf-8")
    faults, _ = check_intros(load_bank(copy))
    assert faults == ["learn.toml: skill 'rank' has no intro; add an [[intro]] with "
                      "skill = \"rank\""]


def test_an_intro_for_an_unknown_skill_or_with_another_skills_family_is_a_fault(
        copy: Path) -> None:
    with _learn(copy).open("a", encoding="utf-8") as file:
        file.write('\n[[intro]]\nskill = "no-such-skill"\nrule = """\na\nb\nc"""\n')
    text = _learn(copy).read_text(encoding="utf-8").replace(
        'skill = "eigenvalues"\n', 'skill = "eigenvalues"\nfamily = "power-one-term"\n')
    _learn(copy).write_text(text, encoding="utf-8")
    faults, _ = check_intros(load_bank(copy))
    assert faults == [
        "learn.toml: intro 'eigenvalues': field 'family': 'power-one-term' is not a family of "
        "skill 'eigenvalues'",
        "learn.toml: intro 'no-such-skill': 'no-such-skill' is not a skill in topics.toml"]


@pytest.mark.parametrize(("rule", "message"), [
    ("one\ntwo", "has 2 lines; the rule is said in 3 to 6 lines"),
    ("1\n2\n3\n4\n5\n6\n7", "has 7 lines"),
    ("short\n" + "x" * 73 + "\nshort", "line 2 is longer than 72 characters"),
])
def test_a_rule_too_short_too_long_or_too_wide_is_one_line_naming_the_intro(
        copy: Path, rule: str, message: str) -> None:
    text = _learn(copy).read_text(encoding="utf-8")
    start = text.index('rule = """', text.index('skill = "svd"'))
    end = text.index('"""', start + 10) + 3
    _learn(copy).write_text(text[:start] + f'rule = """\n{rule}"""' + text[end:],
                            encoding="utf-8")
    with pytest.raises(BankError) as caught:
        read_intros(_learn(copy))
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith("learn.toml: intro 'svd': field 'rule': ")
    assert message in caught.value.problems[0]


def test_twice_the_same_skill_and_unknown_fields_are_errors(copy: Path) -> None:
    with _learn(copy).open("a", encoding="utf-8") as file:
        file.write('\n[[intro]]\nskill = "svd"\nrule = """\na\nb\nc"""\ncolour = "red"\n')
    with pytest.raises(BankError) as caught:
        read_intros(_learn(copy))
    assert any("field 'colour': unknown field" in p for p in caught.value.problems)


def test_bank_check_reports_the_intros_first_and_a_missing_file_as_a_warning(
        copy: Path) -> None:
    with _learn(copy).open("a", encoding="utf-8") as file:
        file.write('\n[[intro]]\nskill = "made-up"\nrule = """\na\nb\nc"""\n')
    bank = load_bank(copy)
    families = list(bank.families)[:1]
    report = self_test(bank, 1, None, workers=1)[0]
    assert report.family == "learn.toml" and report.failures == [
        "learn.toml: intro 'made-up': 'made-up' is not a skill in topics.toml"]
    assert self_test(bank, 1, families, workers=1)[0].family == families[0]  # only with all
    _learn(copy).unlink()
    assert check_intros(load_bank(copy)) == ([], ["learn.toml is missing: no skill has an "
                                                  "intro"])


def test_every_skill_of_the_bank_has_exactly_one_intro() -> None:
    bank = load_bank(BANK_DIR)
    intros = read_intros(_learn(BANK_DIR))
    assert cross_check(bank, intros) == []
    assert easiest_family(bank, "bayes-rule") is not None
