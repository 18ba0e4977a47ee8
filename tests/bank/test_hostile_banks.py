"""Custom banks written by mistake or in bad faith: every parameter bounded before generation,
files bounded in size and nesting, a family that cannot give a problem found in a few hundred
draws, a bad QUIZAPP_BANK named — each as one line naming file, family and field, never a crash."""

import random
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.bank import BankError, load_bank, make_problem
from quizapp.bank.catalog import read_topics, skill_ceilings
from quizapp.bank.selftest import test_family as self_test_family
from quizapp.generators import GENERATORS, GenerationFailed, GeneratorKind, generate_draft

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "question_bank"
SKILLS = {"derivatives": "derivative-power-rule", "matrix-products": "matrix-product",
          "eigenvalues": "eigenvalues"}
# later topics: a skill of each, from the shipped topics
for _topic in tomllib.loads((SHIPPED / "topics.toml").read_text(encoding="utf-8"))["topic"]:
    SKILLS.setdefault(_topic["id"], _topic["skill"][0]["id"])


def make_bank(tmp_path: Path, families: str) -> Path:
    """A bank of the shipped resources and topics with only the families given (TOML text)."""
    root = tmp_path / "bank"
    (root / "families").mkdir(parents=True)
    for name in ("resources.toml", "topics.toml"):
        shutil.copy(SHIPPED / name, root / name)
    (root / "families" / "custom.toml").write_text(families, encoding="utf-8")
    return root


def family(family_id: str, generator: str, params: str, topic: str = "derivatives",
           title: str = "A custom family") -> str:
    """One [[family]] entry as TOML."""
    return (f'[[family]]\nid = "{family_id}"\ntitle = "{title}"\ntopic = "{topic}"\n'
            f'skill = "{SKILLS[topic]}"\ndifficulty = 2\ngenerator = "{generator}"\n'
            f"params = {params}\n\n")


def problems_of(root: Path) -> list[str]:
    with pytest.raises(BankError) as caught:
        load_bank(root)
    return caught.value.problems


def assert_one_line_naming(problems: list[str], *words: str) -> None:
    assert len(problems) == 1, problems
    (line,) = problems
    assert "\n" not in line and "Traceback" not in line and len(line) < 300, line
    for word in words:
        assert word in line, (word, line)


# ----------------------------------------------------------------------------- parameter bounds
HOSTILE = [
    pytest.param("power", "{ terms = [1, 2], coefficients = [1, 9223372036854775807] }",
                 "derivatives", "coefficients", id="coefficient-2^63"),
    pytest.param("product-shape", "{ dimensions = [1, 1000000] }", "matrix-products",
                 "dimensions", id="dimensions-10^6"),
    pytest.param("power", "{ terms = [200000, 200000] }", "derivatives", "terms",
                 id="terms-200000"),
    pytest.param("power", '{ exponents = ["1000000", "2"] }', "derivatives", "exponents",
                 id="exponent-10^6"),
    pytest.param("power", '{ exponents = ["1/1000000"] }', "derivatives", "exponents",
                 id="exponent-denominator-10^6"),
    pytest.param("power", '{ exponents = ["1e400"] }', "derivatives", "exponents",
                 id="exponent-1e400"),
    pytest.param("power", "{ exponents = [" + ", ".join(f'"{n}"' for n in range(2, 2000)) + "] }",
                 "derivatives", "exponents", id="2000-exponents"),
    pytest.param("chain", '{ outer = ["power"], inner = ["linear"], powers = [2, 100000] }',
                 "derivatives", "powers", id="chain-power-10^5"),
    pytest.param("chain", '{ outer = [], inner = ["linear"] }', "derivatives", "outer",
                 id="chain-no-outer"),
    pytest.param("quotient", '{ numerators = ["sin"], denominators = [] }', "derivatives",
                 "denominators", id="quotient-no-denominator"),
    pytest.param("product", '{ factors = ["sin", "monomial"], exponents = [1, 10000000] }',
                 "derivatives", "exponents", id="product-exponent-10^7"),
    pytest.param("matrix-product", "{ shapes = [[2, 2, 2]], entries = [-1e18, 5] }",
                 "matrix-products", "entries", id="entries-1e18"),
    pytest.param("matrix-vector", "{ sizes = [2], entries = [-5, 100000000000] }",
                 "matrix-products", "entries", id="vector-entries-10^11"),
    pytest.param("eigen-conjugated", "{ size = 3, mixing = [-1000000, 1000000] }",
                 "eigenvalues", "mixing", id="mixing-10^6"),
    pytest.param("eigen-conjugated", "{ size = 2, max_entry = 100000000000000 }",
                 "eigenvalues", "max_entry", id="max-entry-10^14"),
    pytest.param("eigen-quadratic", '{ roots = "complex", entries = [-5, inf] }',
                 "eigenvalues", "entries", id="entries-inf"),
    pytest.param("eigen-triangular", '{ size = 2, entries = [-5, 5], note = "' + "x" * 5000
                 + '" }', "eigenvalues", "note", id="5000-character-text"),
]


@pytest.mark.parametrize(("generator", "params", "topic", "field"), HOSTILE)
def test_a_parameter_out_of_bounds_is_one_line_naming_file_family_and_field(
        tmp_path: Path, generator: str, params: str, topic: str, field: str) -> None:
    root = make_bank(tmp_path, family("hostile", generator, params, topic))
    assert_one_line_naming(problems_of(root), "families/custom.toml", "family 'hostile'",
                           f"params.{field}")


def test_a_huge_number_is_not_echoed_in_full(tmp_path: Path) -> None:
    root = make_bank(tmp_path, family("hostile", "power", "{ coefficients = [1, " + "9" * 60
                                      + "] }"))
    (line,) = problems_of(root)
    assert "9" * 60 not in line and "1000" in line


def _shipped_params() -> dict[str, dict]:
    """Each generator kind's parameters as the shipped bank first uses them."""
    found: dict[str, dict] = {}
    for path in sorted((SHIPPED / "families").glob("*.toml")):
        for entry in tomllib.loads(path.read_text(encoding="utf-8"))["family"]:
            found.setdefault(entry["generator"], {"topic": entry["topic"],
                                                  "params": entry["params"]})
    return found


def _inflate(value: object) -> object:
    """Every number in `value` (numbers written as text too) made 10^12."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return 10**12
    if isinstance(value, str) and value.lstrip("-").replace("/", "").isdigit():
        return str(10**12)
    if isinstance(value, list | tuple):
        return [_inflate(item) for item in value]
    return value


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return str(value)


def _numeric_fields() -> Iterator[tuple[str, str, str, str]]:
    shipped = _shipped_params()
    for name, kind in sorted(GENERATORS.items()):
        if name not in shipped:
            continue
        base = dict(shipped[name]["params"])
        for field, info in kind.params.model_fields.items():
            value = base.get(field, info.default)
            value = list(value) if isinstance(value, tuple) else value
            if _inflate(value) == value or isinstance(value, bool):
                continue
            params = {**base, field: _inflate(value)}
            text = "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in params.items()) + " }"
            yield name, field, shipped[name]["topic"], text


@pytest.mark.parametrize(("generator", "field", "topic", "params"), list(_numeric_fields()),
                         ids=lambda v: v if len(v) < 30 else "params")
def test_every_numeric_parameter_of_every_generator_kind_is_bounded(
        tmp_path: Path, generator: str, field: str, topic: str, params: str) -> None:
    """Also covers kinds added later: any number of any kind's parameters, made 10^12."""
    root = make_bank(tmp_path, family("inflated", generator, params, topic))
    assert_one_line_naming(problems_of(root), "family 'inflated'", f"params.{field}")


def _range_fields() -> Iterator[tuple[str, str, str, str]]:
    shipped = _shipped_params()
    for name, kind in sorted(GENERATORS.items()):
        if name not in shipped:
            continue
        base = dict(shipped[name]["params"])
        for field, info in kind.params.model_fields.items():
            if info.annotation == tuple[int, int]:
                params = {**base, field: [2, 1]}
                text = "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in params.items()) + " }"
                yield name, field, shipped[name]["topic"], text


@pytest.mark.parametrize(("generator", "field", "topic", "params"), list(_range_fields()),
                         ids=lambda v: v if len(v) < 30 else "params")
def test_every_range_parameter_must_be_low_then_high(tmp_path: Path, generator: str, field: str,
                                                     topic: str, params: str) -> None:
    root = make_bank(tmp_path, family("reversed", generator, params, topic))
    assert_one_line_naming(problems_of(root), "family 'reversed'", f"params.{field}", "low")


def test_a_misspelt_parameter_is_named_as_unknown(tmp_path: Path) -> None:
    root = make_bank(tmp_path, family("misspelt", "power", "{ coeficients = [1, 9] }"))
    assert_one_line_naming(problems_of(root), "family 'misspelt'", "params.coeficients",
                           "unknown field")


WIDE = [  # wider than anything shipped, as a family widened for variety would be
    ("power", '{ terms = [8, 8], coefficients = [-50, 50], exponents = ["20", "-20", "7/2", '
              '"3", "-3", "5", "6", "9", "11"], constant = true }', "derivatives"),
    ("chain", '{ outer = ["power", "sin", "exp"], inner = ["linear", "quadratic"], '
              'coefficients = [-50, 50], powers = [2, 20] }', "derivatives"),
    ("product", '{ factors = ["monomial", "sin", "exp"], coefficients = [-50, 50], '
                'exponents = [1, 20] }', "derivatives"),
    ("product-shape", "{ dimensions = [1, 10] }", "matrix-products"),
    ("matrix-product", "{ shapes = [[4, 4, 4]], entries = [-50, 50] }", "matrix-products"),
    ("eigen-conjugated", "{ size = 3, eigenvalues = [-20, 20], mixing = [-3, 3], "
                         "max_entry = 200 }", "eigenvalues"),
    ("eigen-quadratic", '{ roots = "complex", entries = [-50, 50], max_entry = 50 }',
     "eigenvalues"),
]


def test_wide_but_workable_parameters_are_accepted_and_generate(tmp_path: Path) -> None:
    text = "".join(family(f"wide-{i}", generator, params, topic)
                   for i, (generator, params, topic) in enumerate(WIDE))
    bank = load_bank(make_bank(tmp_path, text))
    for family_id in bank.families:
        assert make_problem(bank, family_id, 1).prompt


# ----------------------------------------------------------------------------- files
def test_a_deeply_nested_file_is_a_message_not_a_recursion_error(tmp_path: Path) -> None:
    root = make_bank(tmp_path, family("fine", "power", "{ terms = [1, 2] }"))
    (root / "families" / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n",
                                                 encoding="utf-8")
    assert_one_line_naming(problems_of(root), "families/deep.toml", "nested")


def test_moderately_deep_nesting_is_refused_before_validation(tmp_path: Path) -> None:
    deep = "[" * 40 + "1" + "]" * 40
    root = make_bank(tmp_path, family("deep", "power", "{ coefficients = " + deep + " }"))
    assert_one_line_naming(problems_of(root), "nested")


def test_a_deeply_nested_topics_file_leaves_the_home_screen_list_empty(tmp_path: Path) -> None:
    root = make_bank(tmp_path, family("fine", "power", "{ terms = [1, 2] }"))
    (root / "topics.toml").write_text("topic = " + "[" * 5000 + "]" * 5000 + "\n",
                                      encoding="utf-8")
    assert read_topics(root) == []
    assert_one_line_naming(problems_of(root), "topics.toml", "nested")


def test_a_file_over_1_mb_is_refused_before_parsing(tmp_path: Path) -> None:
    root = make_bank(tmp_path, family("fine", "power", "{ terms = [1, 2] }"))
    (root / "families" / "big.toml").write_text("# " + "x" * 2_000_000 + "\n", encoding="utf-8")
    assert_one_line_naming(problems_of(root), "families/big.toml", "1 MB")


def test_a_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    root = make_bank(tmp_path, family("fine", "power", "{ terms = [1, 2] }"))
    (root / "families" / "latin1.toml").write_bytes(b'# caf\xe9\n')
    assert_one_line_naming(problems_of(root), "families/latin1.toml", "UTF-8")


# ----------------------------------------------------------------------------- QUIZAPP_BANK
@pytest.mark.parametrize("kind", ["file", "missing"])
def test_quizapp_bank_at_a_file_or_a_missing_folder_is_one_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    target = tmp_path / "bank.toml"
    if kind == "file":
        target.write_text("", encoding="utf-8")
    monkeypatch.setenv("QUIZAPP_BANK", str(target))
    with pytest.raises(BankError) as caught:  # the app shows the first problem of a BankError
        load_bank()
    assert_one_line_naming(caught.value.problems, "QUIZAPP_BANK", str(target),
                           "a file" if kind == "file" else "does not exist")
    assert read_topics() == [] and skill_ceilings() == {}


# ----------------------------------------------------------------------------- unusable families
UNUSABLE = family("row-column", "matrix-product", "{ shapes = [[1, 3, 1]], entries = [1, 4] }",
                  "matrix-products")


@pytest.fixture
def draws(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the draws of the matrix-product generator."""
    counted = [0]
    kind = GENERATORS["matrix-product"]

    def build(params: object, rng: random.Random) -> object:
        counted[0] += 1
        return kind.build(params, rng)

    monkeypatch.setitem(GENERATORS, "matrix-product", GeneratorKind(kind.params, build))
    return counted


def test_a_family_that_cannot_give_a_problem_is_found_in_a_few_hundred_draws(
        tmp_path: Path, draws: list[int]) -> None:
    bank = load_bank(make_bank(tmp_path, UNUSABLE))
    with pytest.raises(GenerationFailed) as caught:
        make_problem(bank, "row-column", 7)
    assert draws[0] <= 500
    assert "row-column" in str(caught.value) and "\n" not in str(caught.value)


def test_the_self_test_gives_up_on_such_a_family_at_once(tmp_path: Path,
                                                         draws: list[int]) -> None:
    bank = load_bank(make_bank(tmp_path, UNUSABLE))
    report = self_test_family(bank, "row-column", 50)
    assert draws[0] <= 500
    assert len(report.failures) == 1 and "row-column" in report.failures[0]


def test_a_usable_family_is_probed_once_and_gives_the_generators_own_problems(
        tmp_path: Path, draws: list[int]) -> None:
    text = family("usable", "matrix-product", "{ shapes = [[2, 2, 2]], entries = [1, 4] }",
                  "matrix-products")
    bank = load_bank(make_bank(tmp_path, text))
    problems = [make_problem(bank, "usable", seed) for seed in range(20)]
    with_probe, draws[0] = draws[0], 0
    drafts = [generate_draft("matrix-product", bank.params["usable"], f"usable:{seed}")
              for seed in range(20)]
    assert [p.prompt for p in problems] == [d.prompt for d in drafts]
    assert with_probe - draws[0] <= 10  # one probe for the family, not one per problem


def test_a_generator_that_raises_is_a_generation_failure_naming_the_family(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kind = GENERATORS["power"]

    def build(params: object, rng: random.Random) -> object:
        raise OverflowError("int too large to convert to float")

    monkeypatch.setitem(GENERATORS, "power", GeneratorKind(kind.params, build))
    bank = load_bank(make_bank(tmp_path, family("crashing", "power", "{ terms = [1, 2] }")))
    with pytest.raises(GenerationFailed) as caught:
        make_problem(bank, "crashing", 0)
    assert "crashing" in str(caught.value) and "OverflowError" in str(caught.value)


# ----------------------------------------------------------------------------- text
def test_bank_text_that_looks_like_markup_is_valid(tmp_path: Path) -> None:
    root = make_bank(tmp_path, family("markup", "power", "{ terms = [1, 2] }",
                                      title="Powers [/bold] [red]x[/]"))
    topics = root / "topics.toml"
    topics.write_text(topics.read_text(encoding="utf-8").replace(
        'name = "Derivatives"', 'name = "Derivatives [/bold]"', 1), encoding="utf-8")
    bank = load_bank(root)
    assert bank.topics["derivatives"].name == "Derivatives [/bold]"
    assert bank.families["markup"].title == "Powers [/bold] [red]x[/]"
    assert read_topics(root)[0].name == "Derivatives [/bold]"


def test_terminal_control_characters_in_bank_text_are_refused(tmp_path: Path) -> None:
    root = make_bank(tmp_path, family("escape", "power", "{ terms = [1, 2] }",
                                      title="Clear \\u001b[2J screen"))
    assert_one_line_naming(problems_of(root), "family 'escape'", "title", "U+001B")
