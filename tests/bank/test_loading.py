"""The question bank as files: the shipped bank is complete, a broken bank says exactly what is
wrong (file, family, field, one line each), and the wheel ships the bank."""

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from quizapp.bank import Bank, BankError, load_bank

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "question_bank"
TOPICS = ("derivatives", "matrix-products", "eigenvalues", "multivariable-calculus")


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(SHIPPED)


# ----------------------------------------------------------------------------- the shipped bank
def test_the_default_bank_is_the_shipped_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUIZAPP_BANK", raising=False)
    loaded = load_bank()
    assert loaded.path.resolve() == SHIPPED.resolve()
    assert set(loaded.families) == set(load_bank(SHIPPED).families)


def test_quizapp_bank_variable_chooses_another_bank(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "bank"
    shutil.copytree(SHIPPED, copy)
    (copy / "families" / "eigenvalues.toml").unlink()
    monkeypatch.setenv("QUIZAPP_BANK", str(copy))
    loaded = load_bank()
    assert not any(f.topic == "eigenvalues" for f in loaded.families.values())
    assert any(f.topic == "derivatives" for f in loaded.families.values())


def test_topics_are_the_three_of_the_issue_and_later_ones(bank: Bank) -> None:
    assert set(TOPICS) <= set(bank.topics)
    assert list(bank.topics)[:3] == list(TOPICS[:3])  # later topics are appended


@pytest.mark.parametrize("topic", TOPICS)
def test_each_topic_has_four_families_at_every_difficulty(bank: Bank, topic: str) -> None:
    families = [f for f in bank.families.values() if f.topic == topic]
    assert len(families) >= 4, [f.id for f in families]
    assert {f.difficulty for f in families} == {1, 2, 3}
    skills = {s.id for s in bank.topics[topic].skills}
    assert {f.skill for f in families} <= skills


def test_every_skill_has_resources_that_exist_with_https_links(bank: Bank) -> None:
    for topic in bank.topics.values():
        for skill in topic.skills:
            assert skill.resources, skill.id
            for resource_id in skill.resources:
                assert resource_id in bank.resources, (skill.id, resource_id)
                url = bank.resources[resource_id].url
                assert url.startswith("https://") and " " not in url, (resource_id, url)


def test_every_resource_teaches_skills_that_exist(bank: Bank) -> None:
    skills = {s.id for t in bank.topics.values() for s in t.skills}
    for resource in bank.resources.values():
        assert resource.skills, resource.id
        assert set(resource.skills) <= skills, (resource.id, resource.skills)


def test_family_ids_are_unique_across_files() -> None:
    ids = [family["id"] for path in sorted((SHIPPED / "families").glob("*.toml"))
           for family in tomllib.loads(path.read_text(encoding="utf-8"))["family"]]
    assert len(ids) == len(set(ids))


# ----------------------------------------------------------------------------- broken banks
def _edit(path: Path, entry_id: str, key: str, new_line: str | None) -> None:
    """In the entry `id = "entry_id"` of a TOML file, replace the line `key = …` by `new_line`
    (or, when `key` is not there, add `new_line` after the id); `None` only checks the entry."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(f'id = "{entry_id}"')
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[[")),
               len(lines))
    found = next((i for i in range(start + 1, end) if lines[i].startswith(f"{key} =")), None)
    if new_line is not None:
        if found is None:
            lines.insert(start + 1, new_line)
        else:
            lines[found] = new_line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _families(name: str) -> str:
    return f"families/{name}.toml"


Mutation = Callable[[Path], None]

BROKEN: list = [
    pytest.param(
        lambda root: _edit(root / _families("matrix-products"), "matmul-2x2", "generator",
                           'generator = "matrix-prodct"'),
        ["matrix-products.toml", "matmul-2x2", "generator", "matrix-product"],
        id="unknown-generator"),
    pytest.param(
        lambda root: _edit(root / _families("eigenvalues"), "eigen-symmetric", "difficulty",
                           "difficulty = 4"),
        ["eigenvalues.toml", "eigen-symmetric", "difficulty", "3"], id="difficulty-4"),
    pytest.param(
        lambda root: _edit(root / _families("derivatives"), "chain-nested", "hardness",
                           "hardness = 3"),
        ["derivatives.toml", "chain-nested", "hardness"], id="unknown-field"),
    pytest.param(
        lambda root: _edit(root / _families("derivatives"), "power-one-term", "params",
                           'params = { terms = [1, 1], coefficients = [1, 9], '
                           'exponents = ["0", "2"] }'),
        ["derivatives.toml", "power-one-term", "exponents", "'0'"], id="params-exponent-0"),
    pytest.param(
        lambda root: _edit(root / _families("matrix-products"), "matmul-3x3", "params",
                           "params = { shapes = [[3, 9, 3]], entries = [-5, 5] }"),
        ["matrix-products.toml", "matmul-3x3", "shapes", "4"], id="params-shape-9"),
    pytest.param(
        lambda root: _edit(root / _families("matrix-products"), "matvec-2x2", "params",
                           "params = { sizes = [2], entries = [5, -3] }"),
        ["matrix-products.toml", "matvec-2x2", "entries"], id="params-range-reversed"),
    pytest.param(
        lambda root: _edit(root / _families("matrix-products"), "matvec-2x2", "skill",
                           'skill = "eigenvalues"'),
        ["matrix-products.toml", "matvec-2x2", "skill", "matrix-vector-product"],
        id="skill-not-in-topic"),
    pytest.param(
        lambda root: _edit(root / _families("eigenvalues"), "eigen-complex", "topic",
                           'topic = "topology"'),
        ["eigenvalues.toml", "eigen-complex", "topic", "eigenvalues"], id="unknown-topic"),
    pytest.param(
        lambda root: _edit(root / "topics.toml", "matrix-shapes", "resources",
                           'resources = ["mml-2-2-matrices", "no-such-video"]'),
        ["topics.toml", "matrix-shapes", "resources", "no-such-video"],
        id="skill-lists-missing-resource"),
    pytest.param(
        lambda root: _edit(root / "resources.toml", "3b1b-eoc-03-power-rule", "skills",
                           'skills = ["derivative-power-rules"]'),
        ["resources.toml", "3b1b-eoc-03-power-rule", "skills", "derivative-power-rules"],
        id="resource-teaches-missing-skill"),
    pytest.param(
        lambda root: _edit(root / "resources.toml", "3b1b-eoc-03-power-rule", "url",
                           'url = "http://www.3blue1brown.com/lessons/derivatives-power-rule"'),
        ["resources.toml", "3b1b-eoc-03-power-rule", "url"], id="resource-not-https"),
    pytest.param(
        lambda root: (root / _families("eigenvalues")).write_text(
            (root / _families("eigenvalues")).read_text(encoding="utf-8")
            + "\n[[family]\nid = \n", encoding="utf-8"),
        ["eigenvalues.toml", "TOML"], id="invalid-toml"),
    pytest.param(lambda root: (root / "topics.toml").unlink(), ["topics.toml", "missing"],
                 id="missing-topics-toml"),
]


@pytest.mark.parametrize(("mutate", "mentions"), BROKEN)
def test_a_broken_bank_names_file_family_and_field(tmp_path: Path, mutate: Mutation,
                                                   mentions: list[str]) -> None:
    root = tmp_path / "bank"
    shutil.copytree(SHIPPED, root)
    load_bank(root)  # the untouched copy is valid: the error below comes from the mutation
    mutate(root)
    with pytest.raises(BankError) as caught:
        load_bank(root)
    problems = caught.value.problems
    assert problems, "BankError without problems"
    for line in problems:
        assert line.strip() and "\n" not in line, repr(line)
        assert "Traceback" not in line and 'File "' not in line, line
    assert any(all(word in line for word in mentions) for line in problems), problems
    assert str(caught.value) == "\n".join(problems)


def test_every_fault_in_a_bank_is_reported_at_once(tmp_path: Path) -> None:
    root = tmp_path / "bank"
    shutil.copytree(SHIPPED, root)
    _edit(root / _families("eigenvalues"), "eigen-symmetric", "difficulty", "difficulty = 0")
    _edit(root / _families("derivatives"), "trig-basic", "generator", 'generator = "trig"')
    _edit(root / "topics.toml", "derivative-quotient-rule", "resources",
          'resources = ["nowhere"]')
    with pytest.raises(BankError) as caught:
        load_bank(root)
    text = "\n".join(caught.value.problems)
    assert "eigen-symmetric" in text and "trig-basic" in text and "nowhere" in text


# ----------------------------------------------------------------------------- packaging
def _ignore_for_build(directory: str, names: list[str]) -> set[str]:
    junk = {".venv", ".git", "build", "dist", ".pytest_cache", ".ruff_cache", ".hypothesis",
            "__pycache__"}
    return {n for n in names if n in junk or n.endswith(".egg-info")}


def test_the_wheel_ships_the_bank_and_the_installed_package_finds_it(tmp_path: Path) -> None:
    """Slow-ish (~10 s): builds a wheel from a clean copy of the repository (building in the
    checkout would write egg-info into src/ and reuse a possibly stale build/ directory)."""
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=_ignore_for_build)
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                            str(wheels), str(source)], capture_output=True, text=True,
                           timeout=300)
    if built.returncode != 0:
        offline = ("connection", "network", "resolve", "no matching distribution",
                   "could not find a version")
        if any(word in built.stderr.lower() for word in offline):
            pytest.skip(f"pip could not fetch the build backend (offline?): "
                        f"{built.stderr.strip().splitlines()[-1]}")
        pytest.fail(f"pip wheel failed:\n{built.stdout}\n{built.stderr}")
    (wheel,) = wheels.glob("quizapp-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "quizapp/question_bank/topics.toml" in names
    assert "quizapp/question_bank/resources.toml" in names
    shipped = {f"quizapp/question_bank/families/{p.name}"
               for p in (SHIPPED / "families").glob("*.toml")}
    in_wheel = {n for n in names if n.startswith("quizapp/question_bank/families/")}
    assert shipped and in_wheel == shipped

    target = tmp_path / "site"
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps",
                                "--no-index", "-q", "--target", str(target), str(wheel)],
                               capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr
    env = {k: v for k, v in os.environ.items() if k != "QUIZAPP_BANK"}
    env["PYTHONPATH"] = str(target)
    code = ("import quizapp; from quizapp.bank import load_bank; bank = load_bank(); "
            "print(quizapp.__file__); print(bank.path); print(len(bank.families))")
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=tmp_path, timeout=120)
    assert ran.returncode == 0, ran.stderr
    module_file, bank_dir, count = ran.stdout.split("\n")[:3]
    assert Path(module_file).is_relative_to(target)
    assert Path(bank_dir).is_relative_to(target)
    assert int(count) == len(load_bank(SHIPPED).families)
