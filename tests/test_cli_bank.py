"""The question bank from the command line, as a user or a script runs the installed `quizapp`:
topics, generate, check --batch with problem ids, and bank check."""

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from quizapp.bank import load_bank, problem_by_id

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "question_bank"
CONTRACT_FIELDS = {"id", "topic", "skill", "family", "difficulty", "prompt", "answer_kind",
                   "data", "answer", "hints", "solution", "misconceptions", "resources"}


def quizapp() -> str:
    found = Path(sys.executable).parent / "quizapp"
    if not found.exists():
        pytest.skip("the quizapp command is not installed in this venv (run `make test`)")
    return str(found)


def run(*args: str, stdin: str | None = None, bank: Path | None = None,
        memory_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed `quizapp`; `memory_limit` (bytes of address space) keeps a runaway
    command from taking the machine down with it (it dies with MemoryError instead)."""
    env = {k: v for k, v in os.environ.items() if k != "QUIZAPP_BANK"}
    if bank is not None:
        env["QUIZAPP_BANK"] = str(bank)
    limit = None
    if memory_limit is not None:
        resource = pytest.importorskip("resource")

        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    return subprocess.run([quizapp(), *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=120, preexec_fn=limit)


def shipped_families() -> list[dict]:
    return [family for path in sorted((SHIPPED / "families").glob("*.toml"))
            for family in tomllib.loads(path.read_text(encoding="utf-8"))["family"]]


def shipped_topics() -> list[dict]:
    return tomllib.loads((SHIPPED / "topics.toml").read_text(encoding="utf-8"))["topic"]


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error")]


# ----------------------------------------------------------------------------- topics
def test_topics_table_lists_topics_skills_and_family_counts() -> None:
    result = run("topics")
    assert result.returncode == 0, result.stderr
    per_topic = Counter(f["topic"] for f in shipped_families())
    lines = result.stdout.splitlines()
    for topic in shipped_topics():
        heading = next((line for line in lines if f"({topic['id']})" in line), None)
        assert heading is not None, result.stdout
        assert re.search(rf"\b{per_topic[topic['id']]} families\b", heading), heading
        for skill in topic["skill"]:
            assert any(line.split()[:1] == [skill["id"]] for line in lines), skill["id"]


def test_topics_json_gives_ids_skills_and_family_counts() -> None:
    result = run("topics", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    families = shipped_families()
    assert [row["id"] for row in rows] == [t["id"] for t in shipped_topics()]
    assert {row["id"] for row in rows} >= {"derivatives", "matrix-products", "eigenvalues",
                                          "linear-algebra", "multivariable-calculus"}
    for row, topic in zip(rows, shipped_topics(), strict=True):
        assert row["name"]
        assert [s["id"] for s in row["skills"]] == [s["id"] for s in topic["skill"]]
        assert row["families"] == sum(f["topic"] == topic["id"] for f in families)
        for skill in row["skills"]:
            mine = [f for f in families if f["skill"] == skill["id"]]
            assert skill["families"] == len(mine), skill["id"]
            assert skill["difficulties"] == sorted({f["difficulty"] for f in mine})


# ----------------------------------------------------------------------------- generate
def test_generate_is_byte_identical_for_the_same_arguments() -> None:
    # derivatives: printed sympy expressions, the likeliest place for hash-order to leak in
    args = ("generate", "--topic", "derivatives", "--count", "8", "--seed", "11")
    first, second = run(*args), run(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and len(first.stdout.splitlines()) == 8
    other = run("generate", "--topic", "derivatives", "--count", "8", "--seed", "12")
    assert other.returncode == 0 and other.stdout != first.stdout
    assert len(set(first.stdout.splitlines()) & set(other.stdout.splitlines())) <= 2


@pytest.mark.parametrize("topic", ["derivatives", "matrix-products", "eigenvalues",
                                   "multivariable-calculus"])
def test_each_generated_line_has_the_contract_fields(topic: str) -> None:
    result = run("generate", "--topic", topic, "--count", "8", "--seed", "3")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 8
    for line in lines:
        problem = json.loads(line)
        assert set(problem) >= CONTRACT_FIELDS
        assert problem["topic"] == topic and problem["difficulty"] in (1, 2, 3)
        assert problem["id"] == f"{problem['family']}.{problem['id'].rsplit('.', 1)[1]}"
        assert isinstance(problem["prompt"], str) and problem["prompt"]
        assert len(problem["hints"]) >= 2 and len(problem["solution"]) >= 2
        assert len(problem["misconceptions"]) >= 2
        for m in problem["misconceptions"]:
            assert set(m) >= {"id", "answer", "feedback"} and m["answer"] != problem["answer"]
        assert problem["resources"]
        for r in problem["resources"]:
            assert set(r) >= {"id", "title", "url"} and r["url"].startswith("https://")
        data = problem["data"]
        if topic == "derivatives" and "logits" in data:  # softmax: issue 13's contract
            assert data["ask"] in ("softmax", "softmax-jacobian", "cross-entropy-gradient")
        elif topic == "derivatives":
            assert set(data) >= {"function", "variable"} and data["variable"] == "x"
            assert "^" not in problem["answer"] and "·" not in problem["answer"]
        elif topic == "matrix-products":
            assert set(data) >= {"A", "B"}
            assert all(isinstance(row, list) for row in data["A"] + data["B"])
        elif topic == "multivariable-calculus":  # fields per skill: bank/test_multivariable.py
            assert data and "^" not in problem["answer"] and "·" not in problem["answer"]
        else:
            assert set(data) >= {"matrix"}
    if topic == "derivatives":  # --id regenerates a line byte for byte
        again = run("generate", "--id", json.loads(lines[-1])["id"])
        assert again.returncode == 0, again.stderr
        assert again.stdout == lines[-1] + "\n"


@pytest.mark.parametrize(("args", "option"), [
    (("--topic", "calculus"), "--topic"),
    ((), "--topic"),
    (("--topic", "eigenvalues", "--difficulty", "5"), "--difficulty"),
    (("--id", "no-such-family.3"), "--id"),
    (("--id", "not an id"), "--id"),
], ids=["unknown-topic", "no-topic", "difficulty-5", "unknown-family-id", "malformed-id"])
def test_generate_with_bad_options_is_a_one_line_usage_error(args: tuple[str, ...],
                                                             option: str) -> None:
    result = run("generate", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and option in errors[0], result.stderr


# ----------------------------------------------------------------------------- check --batch
def test_check_batch_grades_against_problem_ids() -> None:
    bank = load_bank(SHIPPED)
    derivative, product, eigen = (
        problem_by_id(bank, problem_id).model_dump(mode="json")
        for problem_id in ("chain-polynomial-inside.5", "matmul-2x2.9", "eigen-2x2-integer.4"))
    slip, blunder = derivative["misconceptions"][0], product["misconceptions"][-1]
    requests = [
        {"problem": derivative["id"], "answer": derivative["answer"]},
        {"problem": derivative["id"], "answer": slip["answer"]},
        {"problem": "no-such-family.1", "answer": "1"},
        {"problem": product["id"], "answer": blunder["answer"]},
        {"problem": product["id"], "answer": product["answer"]},
        {"problem": eigen["id"], "answer": ", ".join(reversed(eigen["answer"].split(", ")))},
        {"problem": "matmul-2x2", "answer": "[[1]]"},
    ]
    stdin = "".join(json.dumps(r) + "\n" for r in requests)
    result = run("check", "--batch", "-", stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(requests)
    assert [row["correct"] for row in out] == [True, False, False, False, True, True, False]
    assert out[0]["misconception"] is None and out[0]["error"] is None
    assert out[1]["misconception"] == slip["id"] and out[1]["feedback"] == slip["feedback"]
    assert out[1]["error"] is None
    assert out[2]["error"] and "no-such-family" in out[2]["error"]
    assert out[3]["misconception"] == blunder["id"] and out[3]["error"] is None
    assert out[5]["misconception"] is None
    assert out[6]["error"] and "matmul-2x2" in out[6]["error"]


# ----------------------------------------------------------------------------- bank check
def test_bank_check_of_two_families_passes_with_a_row_each() -> None:
    result = run("bank", "check", "--seeds", "3", "--family", "power-one-term",
                 "--family", "matmul-2x2")
    assert result.returncode == 0, result.stdout + result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()
            if line.split()[:1] and line.split()[0] in {f["id"] for f in shipped_families()}}
    assert set(rows) == {"power-one-term", "matmul-2x2"}
    for family, row in rows.items():
        assert row[1] == {"power-one-term": "derivatives", "matmul-2x2": "matrix-products"}[
            family]
        assert row[3] == "3" and row[4] == "0", row  # seeds checked, faults
    assert "FAULT" not in result.stdout


def test_bank_check_of_an_unknown_family_is_a_usage_error() -> None:
    result = run("bank", "check", "--seeds", "1", "--family", "no-such-family")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no-such-family" in result.stderr and "--family" in result.stderr


def _broken_copy(tmp_path: Path) -> Path:
    root = tmp_path / "bank"
    shutil.copytree(SHIPPED, root)
    path = root / "families" / "eigenvalues.toml"
    text = path.read_text(encoding="utf-8")
    block = text.index('id = "eigen-symmetric"')
    end = text.index("difficulty = ", block)
    line_end = text.index("\n", end)
    path.write_text(text[:end] + "difficulty = 4" + text[line_end:], encoding="utf-8")
    return root


def test_bank_check_of_a_broken_bank_exits_1_with_one_line_messages(tmp_path: Path) -> None:
    result = run("bank", "check", "--seeds", "1", bank=_broken_copy(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "valid" not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines
    assert any("eigenvalues.toml" in line and "eigen-symmetric" in line
               and "difficulty" in line for line in lines), result.stderr


def test_other_commands_report_a_broken_bank_too(tmp_path: Path) -> None:
    broken = _broken_copy(tmp_path)
    result = run("generate", "--topic", "eigenvalues", bank=broken)
    assert result.returncode == 1 and result.stdout == ""
    assert "difficulty" in result.stderr and "Traceback" not in result.stderr


def _with_family(tmp_path: Path, family_id: str, params: str) -> Path:
    root = tmp_path / "bank"
    shutil.copytree(SHIPPED, root)
    with (root / "families" / "matrix-products.toml").open("a", encoding="utf-8") as file:
        file.write(f'\n[[family]]\nid = "{family_id}"\ntitle = "Added in TOML"\n'
                   'topic = "matrix-products"\nskill = "matrix-product"\ndifficulty = 1\n'
                   f'generator = "matrix-product"\nparams = {params}\n')
    return root


def test_a_family_added_in_toml_alone_is_usable(tmp_path: Path) -> None:
    root = _with_family(tmp_path, "matmul-small-2x3", "{ shapes = [[2, 3, 2]], entries = [1, 4] }")
    topics = json.loads(run("topics", "--json", bank=root).stdout)
    counts = {row["id"]: row["families"] for row in topics}
    shipped = Counter(f["topic"] for f in shipped_families())
    assert counts["matrix-products"] == shipped["matrix-products"] + 1
    result = run("generate", "--id", "matmul-small-2x3.2", bank=root)
    assert result.returncode == 0, result.stderr
    problem = json.loads(result.stdout)
    a, b = problem["data"]["A"], problem["data"]["B"]
    assert [len(a), len(a[0]), len(b), len(b[0])] == [2, 3, 3, 2]
    assert all(1 <= v <= 4 for row in a + b for v in row)
    assert json.loads(problem["answer"]) == [
        [sum(a[i][k] * b[k][j] for k in range(3)) for j in range(2)] for i in range(2)]
    checked = run("bank", "check", "--seeds", "5", "--family", "matmul-small-2x3", bank=root)
    assert checked.returncode == 0, checked.stdout + checked.stderr


# A row times a column (1×3 · 3×1) passes validation, but its 1×1 product leaves fewer than
# two distinct misconceptions, so the generator can never produce a problem.
UNUSABLE = "{ shapes = [[1, 3, 1]], entries = [1, 4] }"


def test_bank_check_reports_a_family_that_never_generates(tmp_path: Path) -> None:
    root = _with_family(tmp_path, "matmul-row-column", UNUSABLE)
    checked = run("bank", "check", "--seeds", "2", "--family", "matmul-row-column", bank=root)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert "FAULT" in checked.stdout and "matmul-row-column" in checked.stdout


def test_generate_from_a_family_that_never_generates_is_a_message(tmp_path: Path) -> None:
    root = _with_family(tmp_path, "matmul-row-column", UNUSABLE)
    result = run("generate", "--id", "matmul-row-column.2", bank=root)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "matmul-row-column" in result.stderr and len(result.stderr.strip().splitlines()) <= 3


def test_bank_check_gives_up_on_a_family_that_never_generates_after_one_fault(
        tmp_path: Path) -> None:
    root = _with_family(tmp_path, "matmul-row-column", UNUSABLE)
    checked = run("bank", "check", "--seeds", "20", "--family", "matmul-row-column", bank=root)
    faults = [line for line in checked.stdout.splitlines() if "FAULT" in line]
    assert checked.returncode == 1 and len(faults) == 1, checked.stdout
    assert "matmul-row-column" in faults[0] and "draws" in faults[0]


# ----------------------------------------------------------------------------- hostile banks
def _bank_with(tmp_path: Path, generator: str, params: str, topic: str,
               skill: str) -> Path:
    """The shipped resources and topics, and one family `hostile` (no other families)."""
    root = tmp_path / "bank"
    (root / "families").mkdir(parents=True)
    for name in ("resources.toml", "topics.toml"):
        shutil.copy(SHIPPED / name, root / name)
    (root / "families" / "custom.toml").write_text(
        f'[[family]]\nid = "hostile"\ntitle = "Hostile"\ntopic = "{topic}"\n'
        f'skill = "{skill}"\ndifficulty = 1\ngenerator = "{generator}"\nparams = {params}\n',
        encoding="utf-8")
    return root


HOSTILE_FAMILIES = [
    pytest.param("power", "{ terms = [1, 2], coefficients = [1, 9223372036854775807] }",
                 "derivatives", "derivative-power-rule", "coefficients", id="coefficients-2^63"),
    pytest.param("product-shape", "{ dimensions = [1, 1000000] }", "matrix-products",
                 "matrix-shapes", "dimensions", id="dimensions-10^6"),
    pytest.param("power", "{ terms = [200000, 200000] }", "derivatives",
                 "derivative-power-rule", "terms", id="terms-200000"),
    pytest.param("chain", '{ outer = [], inner = ["linear"] }', "derivatives",
                 "derivative-chain-rule", "outer", id="no-outer-function"),
]
COMMANDS = [pytest.param(("bank", "check", "--seeds", "2"), id="bank-check"),
            pytest.param(("generate", "--id", "hostile.1"), id="generate-id"),
            pytest.param(("generate", "--topic", "derivatives"), id="generate-topic")]
MEMORY_LIMIT = 3 * 1024**3  # far above what quizapp needs; a runaway dies instead of swapping


def _assert_one_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr[-500:])
    assert result.stdout == "", result.stdout[-500:]  # no "valid", no half output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    for word in words:
        assert word in lines[0], (word, lines[0])


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("generator", "params", "topic", "skill", "field"), HOSTILE_FAMILIES)
def test_a_hostile_family_is_one_line_naming_file_family_and_field(
        tmp_path: Path, command: tuple[str, ...], generator: str, params: str, topic: str,
        skill: str, field: str) -> None:
    root = _bank_with(tmp_path, generator, params, topic, skill)
    result = run(*command, bank=root, memory_limit=MEMORY_LIMIT)
    _assert_one_line(result, "families/custom.toml", "hostile", f"params.{field}")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_deeply_nested_bank_file_is_one_line(tmp_path: Path, command: tuple[str, ...]) -> None:
    root = _bank_with(tmp_path, "power", "{ terms = [1, 2] }", "derivatives",
                      "derivative-power-rule")
    (root / "families" / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n",
                                                 encoding="utf-8")
    _assert_one_line(run(*command, bank=root, memory_limit=MEMORY_LIMIT),
                     "families/deep.toml", "nested")


@pytest.mark.parametrize("command", [*COMMANDS, pytest.param(("topics",), id="topics")])
@pytest.mark.parametrize("kind", ["file", "missing"])
def test_quizapp_bank_at_a_file_or_a_missing_folder_is_one_line(
        tmp_path: Path, command: tuple[str, ...], kind: str) -> None:
    target = tmp_path / "bank"
    if kind == "file":
        target.write_text("[[family]]\n", encoding="utf-8")
    _assert_one_line(run(*command, bank=target), "QUIZAPP_BANK", str(target))


def test_bank_text_that_looks_like_markup_passes_through_the_cli(tmp_path: Path) -> None:
    root = _bank_with(tmp_path, "power", "{ terms = [1, 2] }", "derivatives",
                      "derivative-power-rule")
    family_file = root / "families" / "custom.toml"
    family_file.write_text(family_file.read_text(encoding="utf-8").replace(
        'title = "Hostile"', 'title = "Powers [/bold] [red]x[/]"'), encoding="utf-8")
    topics = root / "topics.toml"
    topics.write_text(topics.read_text(encoding="utf-8").replace(
        'name = "Derivatives"', 'name = "Derivatives [/bold]"', 1).replace(
        'name = "Power rule"', 'name = "Power [b]rule[/i]"', 1), encoding="utf-8")
    resources = root / "resources.toml"
    teaching = load_bank(SHIPPED).skill_resources("derivative-power-rule")[0].title
    assert f'title = "{teaching}"' in resources.read_text(encoding="utf-8")
    resources.write_text(resources.read_text(encoding="utf-8").replace(
        f'title = "{teaching}"', 'title = "[link=https://x]Video[/link] [/]"'),
        encoding="utf-8")

    listed = run("topics", bank=root)
    assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
    assert "Derivatives [/bold]" in listed.stdout and "Power [b]rule[/i]" in listed.stdout
    as_json = json.loads(run("topics", "--json", bank=root).stdout)
    assert as_json[0]["name"] == "Derivatives [/bold]"
    checked = run("bank", "check", "--seeds", "3", bank=root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    generated = run("generate", "--topic", "derivatives", "--count", "3", bank=root)
    assert generated.returncode == 0, generated.stderr
    for line in generated.stdout.splitlines():
        problem = json.loads(line)
        assert problem["resources"][0]["title"] == "[link=https://x]Video[/link] [/]"
