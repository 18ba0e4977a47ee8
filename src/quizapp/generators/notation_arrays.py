"""Reading ML notation on vectors, matrices and tables: argmax/argmin, A ⊙ B, ⟨u, v⟩, ‖v‖ₚ,
𝔼[X] over a table, xᵢ⁽ʲ⁾ from a data table, and the shape of W x for W ∈ ℝ^{m×n}."""

import random
from collections.abc import Callable
from fractions import Fraction
from typing import Literal

import sympy
from pydantic import field_validator

from quizapp.generators.common import Candidate, IntRange, Params, prune
from quizapp.generators.exact import (
    multiply,
    plain_matrix,
    plain_number,
    say,
    show,
    show_vector,
)
from quizapp.generators.model import Draft, Retry, WrongAnswer
from quizapp.generators.moments import draw_distribution, mean_slips, table
from quizapp.generators.scoring import refuse_if_a_mistake_scores
from quizapp.generators.vectors import same_number

Kind = Literal["argmax", "argmin", "hadamard", "inner-product", "norm", "expectation",
               "indexed", "shape"]
_SUP = str.maketrans("0123456789mnx×", "⁰¹²³⁴⁵⁶⁷⁸⁹ᵐⁿˣˣ")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


class ArrayParams(Params):
    """Problems of the listed `kinds` on vectors / square matrices of `sizes` entries from
    `entries`; ‖v‖ₚ for p in `norms`; argmax indices starting at one of `starts`."""

    kinds: tuple[Kind, ...] = ("argmax",)
    sizes: tuple[int, ...] = (3, 4)
    entries: IntRange = (-5, 9)
    norms: tuple[Literal[1, 2, 3, 4, "inf"], ...] = (1, 2)
    starts: tuple[int, ...] = (0, 1)

    @field_validator("sizes")
    @classmethod
    def _small(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if not value or any(not 2 <= n <= 6 for n in value):
            raise ValueError("give sizes from 2 to 6")
        return value

    @field_validator("starts")
    @classmethod
    def _zero_or_one(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if not value or any(s not in (0, 1) for s in value):
            raise ValueError("indices start at 0 or 1")
        return value


def _number_draft(prompt: str, key: object, data: dict, hints: tuple[str, ...],
                  steps: tuple[str, ...], slips: list[Candidate]) -> Draft:
    refuse_if_a_mistake_scores(key, slips[:1], same_number)
    kept = prune(key, slips, same_number)
    return Draft(prompt=prompt, answer_kind="number", answer=plain_number(key), data=data,
                 hints=hints, solution=steps,
                 misconceptions=tuple(WrongAnswer(i, plain_number(w), m) for i, w, m in kept))


def _arg(params: ArrayParams, rng: random.Random, kind: str) -> Draft:
    n = rng.choice(params.sizes)
    values = rng.sample(range(params.entries[0], params.entries[1] + 1), n)
    first = rng.choice(params.starts)
    pick, other = (max, min) if kind == "argmax" else (min, max)
    position = values.index(pick(values))
    key = position + first
    word = "largest" if kind == "argmax" else "smallest"
    slips: list[Candidate] = [
        (f"{kind}-as-value", pick(values),
         f"{kind} asks WHERE the {word} value is (its index), not the value itself."),
        ("index-base-off-by-one", key + (1 if first == 0 else -1),
         f"Here indices start at {first}: the first entry is v{str(first).translate(_SUB)}."),
        (f"{kind}-direction-swapped", values.index(other(values)) + first,
         f"That is the index of the {'smallest' if kind == 'argmax' else 'largest'} value; "
         f"{kind} looks for the {word}."),
    ]
    last = first + n - 1
    shown = ", ".join(f"v{str(first + k).translate(_SUB)} = {say(v)}"
                      for k, v in enumerate(values))
    return _number_draft(
        f"v = {show_vector(values)}, indexed from {first}: {shown}.\n"
        f"Compute {kind}ᵢ vᵢ.", key,
        {"kind": kind, "values": values, "first_index": first},
        (f"{kind}ᵢ vᵢ is the index i at which vᵢ is {word} — an index from {first} to {last}.",
         f"The {word} entry is {say(pick(values))}; which index does it have?"),
        (f"The {word} entry is {say(pick(values))}, at position {position + 1} of {n}.",
         f"Counting from {first}, its index is {key}."), slips)


def _hadamard(params: ArrayParams, rng: random.Random) -> Draft:
    n = min(rng.choice(params.sizes), 3)
    low, high = max(params.entries[0], -9), min(params.entries[1], 9)
    a = [[rng.randint(low, high) for _ in range(n)] for _ in range(n)]
    b = [[rng.randint(low, high) for _ in range(n)] for _ in range(n)]
    key = [[x * y for x, y in zip(ra, rb, strict=True)] for ra, rb in zip(a, b, strict=True)]
    if sum(1 for row in key for v in row if v) < n:
        raise Retry
    slips: list[Candidate] = [
        ("hadamard-as-matrix-product", multiply(a, b),
         "⊙ is the element-wise (Hadamard) product: multiply matching entries, "
         "(A ⊙ B)ᵢⱼ = AᵢⱼBᵢⱼ — not the matrix product A·B."),
        ("hadamard-as-sum", [[x + y for x, y in zip(ra, rb, strict=True)]
                             for ra, rb in zip(a, b, strict=True)],
         "⊙ multiplies matching entries; you added them."),
        ("hadamard-as-product-BA", multiply(b, a),
         "⊙ is element-wise; that is the matrix product B·A."),
    ]
    refuse_if_a_mistake_scores(key, slips, _same)
    kept = prune(key, slips, _same)
    return Draft(
        prompt=f"A =\n{show(a)}\nB =\n{show(b)}\nCompute A ⊙ B.",
        answer_kind="matrix", answer=plain_matrix(key),
        data={"kind": "hadamard", "A": a, "B": b},
        hints=("⊙ is the Hadamard product: entry by entry, (A ⊙ B)ᵢⱼ = Aᵢⱼ·Bᵢⱼ.",
               f"Top-left: {say(a[0][0])}·{_par(b[0][0])} = {say(key[0][0])}."),
        solution=("Multiply each entry of A by the entry of B in the same place:",
                  show(key)),
        misconceptions=tuple(WrongAnswer(i, plain_matrix(w), m) for i, w, m in kept))


def _par(x: int) -> str:
    return f"({say(x)})" if x < 0 else say(x)


def _inner(params: ArrayParams, rng: random.Random) -> Draft:
    n = rng.choice(params.sizes)
    u = [rng.randint(*params.entries) for _ in range(n)]
    v = [rng.randint(*params.entries) for _ in range(n)]
    key = sum(a * b for a, b in zip(u, v, strict=True))
    if key == 0 or u == v or not any(a < 0 for a in u + v):
        raise Retry
    slips: list[Candidate] = [
        ("inner-added-pairs", sum(a + b for a, b in zip(u, v, strict=True)),
         "⟨u, v⟩ multiplies matching entries and adds the products; you added the entries."),
        ("inner-product-of-sums", sum(u) * sum(v),
         "(Σuᵢ)(Σvᵢ) multiplies every entry by every entry; ⟨u, v⟩ = Σ uᵢvᵢ pairs matching "
         "entries only."),
        ("inner-signs-dropped", sum(abs(a * b) for a, b in zip(u, v, strict=True)),
         "Keep the signs: a negative times a positive is negative."),
    ]
    products = " + ".join(f"{_par(a)}·{_par(b)}" for a, b in zip(u, v, strict=True))
    return _number_draft(
        f"u = {show_vector(u)}, v = {show_vector(v)}\nCompute ⟨u, v⟩.", key,
        {"kind": "inner-product", "u": u, "v": v},
        ("⟨u, v⟩ is the inner product: for vectors of numbers, the dot product Σᵢ uᵢvᵢ.",
         "Multiply matching entries, then add the products."),
        (f"⟨u, v⟩ = {products}", f"= {say(key)}."), slips)


def _root(total: int, p: int) -> sympy.Expr:
    return sympy.Integer(total) ** sympy.Rational(1, p)


_EXACT = {2: "\nGive it exactly (√ is fine).",
          3: "\nGive it exactly (a root such as 35^(1/3) is fine).",
          4: "\nGive it exactly (a root such as 35^(1/4) is fine)."}


def _norm(params: ArrayParams, rng: random.Random) -> Draft:
    n = rng.choice(params.sizes)
    v = [rng.randint(*params.entries) for _ in range(n)]
    p = rng.choice(params.norms)
    if not any(x < 0 for x in v) or len({abs(x) for x in v}) < 2:
        raise Retry
    absolute = [abs(x) for x in v]
    data = {"kind": "norm", "v": v, "p": p}
    if p == "inf":
        key: object = max(absolute)
        slips: list[Candidate] = [
            ("norm-inf-signed-max", max(v), "‖v‖∞ is the largest ABSOLUTE value."),
            ("norm-as-one-norm", sum(absolute), "That is ‖v‖₁; ‖v‖∞ = maxᵢ |vᵢ|."),
        ]
        return _number_draft(
            f"v = {show_vector(v)}\nCompute ‖v‖∞.", key, data,
            ("‖v‖∞ = maxᵢ |vᵢ|, the limit of ‖v‖ₚ as p grows.", "Drop the signs, then take the "
             "largest."),
            (f"|vᵢ|: {', '.join(str(x) for x in absolute)}.", f"The largest is {key}."), slips)
    powered = sum(x ** p for x in absolute)
    key = _root(powered, p)
    signed = sum(x ** p for x in v)
    slips = [
        ("norm-no-root", powered,
         f"That is ‖v‖{str(p).translate(_SUB)}^{p}: take the p-th root of the sum, "
         f"‖v‖ₚ = (Σ|vᵢ|ᵖ)^(1/p)." if p != 1 else "unused"),
        ("norm-no-abs", _root(signed, p) if p % 2 == 1 and signed > 0 else None,
         "Take absolute values first: ‖v‖ₚ = (Σ|vᵢ|ᵖ)^(1/p)."),
        ("norm-as-two-norm", _root(sum(x * x for x in v), 2) if p != 2 else sum(absolute),
         f"That is ‖v‖{'₂' if p != 2 else '₁'}; the subscript p = {p} sets the power and "
         "the root."),
    ]
    if p == 1:
        slips[0] = ("norm-no-abs", sum(v), "‖v‖₁ adds absolute values: |−3| counts as 3.")
        slips[1] = ("norm-as-max", max(absolute), "That is ‖v‖∞; ‖v‖₁ adds every |vᵢ|.")
    sub = str(p).translate(_SUB)
    terms = " + ".join(f"|{say(x)}|{str(p).translate(_SUP) if p > 1 else ''}" for x in v)
    return _number_draft(
        f"v = {show_vector(v)}\nCompute ‖v‖{sub}." + _EXACT.get(p, ""),
        key, data,
        (f"‖v‖ₚ = (Σᵢ |vᵢ|ᵖ)^(1/p); here p = {p}.",
         f"Σ|vᵢ|{str(p).translate(_SUP) if p > 1 else ''} = {powered}"
         f"{'; now take the root' if p > 1 else ''}."),
        (f"‖v‖{sub} = ({terms}){'^(1/' + str(p) + ')' if p > 1 else ''}",
         f"= {powered}{'^(1/' + str(p) + ')' if p > 1 else ''} = {say(key)}."), slips)


def _expectation(params: ArrayParams, rng: random.Random) -> Draft:
    values, probs = draw_distribution(rng, params.sizes[:1] or (3,), params.entries,
                                      (4, 5, 6, 8, 10))
    mean = sum((v * p for v, p in zip(values, probs, strict=True)), Fraction(0))
    terms = " + ".join(f"{_par(v)}·{say(p)}" for v, p in zip(values, probs, strict=True))
    return _number_draft(
        f"{table(values, probs)}\nCompute 𝔼[X].", mean,
        {"kind": "expectation", "values": values,
         "probabilities": [plain_number(p) for p in probs]},
        ("𝔼[X] is the expectation (mean) of X: Σₓ x·P(X = x).",
         "Weigh each value by its probability and add; no division by the number of values."),
        (f"𝔼[X] = {terms}", f"= {say(mean)}."), mean_slips(values, probs, mean))


def _indexed(params: ArrayParams, rng: random.Random) -> Draft:
    examples, features = rng.randint(3, 4), rng.randint(3, 4)
    cells = rng.sample(range(params.entries[0], params.entries[1] + 1), examples * features) \
        if params.entries[1] - params.entries[0] + 1 >= examples * features else None
    if cells is None:
        raise Retry
    rows = [cells[r * features:(r + 1) * features] for r in range(examples)]
    i, j = rng.randint(1, min(examples, features)), rng.randint(1, min(examples, features))
    if i == j:
        raise Retry
    key = rows[j - 1][i - 1]
    slips: list[Candidate] = [
        ("indices-swapped", rows[i - 1][j - 1],
         "The superscript (j) picks the example (row); the subscript i the feature (column)."),
        ("zero-based", rows[j][i] if j < examples and i < features else None,
         "Here examples and features are numbered from 1, as in the books."),
        ("power-read", key ** j if abs(key ** j) < 10 ** 6 else None,
         "⁽ʲ⁾ in brackets is an index (the j-th example), not a power."),
    ]
    header = "          " + "".join(f"x{str(c + 1).translate(_SUB)}".rjust(5)
                                    for c in range(features))
    lines = [header] + [f"x⁽{str(r + 1).translate(_SUP)}⁾ (ex. {r + 1})" +
                        "".join(say(v).rjust(5) for v in row) for r, row in enumerate(rows)]
    name = f"x{str(i).translate(_SUB)}⁽{str(j).translate(_SUP)}⁾"
    return _number_draft(
        "A data set: each row is an example x⁽ʲ⁾, each column a feature xᵢ.\n"
        + "\n".join(lines) + f"\nWhat is {name}?", key,
        {"kind": "indexed", "table": rows, "feature": i, "example": j, "first_index": 1},
        ("xᵢ⁽ʲ⁾ is feature i of example j: the superscript in brackets numbers the examples.",
         f"Go to row {j} (example {j}), then column {i} (feature {i})."),
        (f"Example {j} is {show_vector(rows[j - 1])}.", f"Its feature {i} is {say(key)}."),
        slips)


def _space(rows: int, cols: int) -> str:
    return "ℝ" + (str(rows) if cols == 1 else f"{rows}×{cols}").translate(_SUP)


def _shape(params: ArrayParams, rng: random.Random) -> Draft:
    m, n, b = rng.sample(range(2, 8), 3)
    variant = rng.choice(("Wx", "WTy", "XW", "xxT", "xTx", "Wx+b"))
    if variant in ("Wx", "Wx+b"):
        given = f"W ∈ {_space(m, n)}, x ∈ {_space(n, 1)}" + (
            f", b ∈ {_space(m, 1)}" if variant == "Wx+b" else "")
        shown, key = ("W x + b" if variant == "Wx+b" else "W x"), [m, 1]
        shapes = {"W": [m, n], "x": [n, 1], **({"b": [m, 1]} if variant == "Wx+b" else {})}
        slips: list[Candidate] = [("shape-inner-size-kept", [n, 1], "W x has one entry per "
                                   "ROW of W: (m×n)·(n×1) = m×1."),
                                  ("shape-of-w", [m, n], "That is the shape of W; "
                                   "multiplying by x leaves (m×n)·(n×1) = m×1."),
                                  ("shape-row-vector", [1, m], "W x is a column vector: m×1.")]
        steps = (f"(m×n)·(n×1) with m = {m}, n = {n}: the inner n's cancel.", f"{m}×1.")
    elif variant == "WTy":
        given = f"W ∈ {_space(m, n)}, y ∈ {_space(m, 1)}"
        shown, key, shapes = "Wᵀ y", [n, 1], {"W": [m, n], "y": [m, 1]}
        slips = [("shape-transpose-ignored", [m, 1], f"Wᵀ is {n}×{m}, so Wᵀ y is {n}×1."),
                 ("shape-of-w", [n, m], "That is the shape of Wᵀ itself."),
                 ("shape-row-vector", [1, n], "Wᵀ y is a column vector.")]
        steps = (f"Wᵀ ∈ {_space(n, m)}: transposing swaps rows and columns.",
                 f"({n}×{m})·({m}×1) = {n}×1.")
    elif variant == "XW":
        given = f"X ∈ {_space(b, n)} (a batch of {b} examples), W ∈ {_space(n, m)}"
        shown, key, shapes = "X W", [b, m], {"X": [b, n], "W": [n, m]}
        slips = [("shape-swapped", [m, b], "Rows come from the first factor: (b×n)·(n×m) = b×m."),
                 ("shape-of-x", [b, n], "That is the shape of X; X W has W's columns."),
                 ("shape-inner-kept", [n, m], "The inner size n cancels: (b×n)·(n×m) = b×m.")]
        steps = (f"({b}×{n})·({n}×{m}): the inner {n}s agree and cancel.", f"{b}×{m}.")
    elif variant == "xxT":
        given = f"x ∈ {_space(n, 1)} (a column vector)"
        shown, key, shapes = "x xᵀ", [n, n], {"x": [n, 1]}
        slips = [("shape-outer-as-inner", [1, 1], "That is xᵀ x, a number; x xᵀ is an outer "
                  "product: (n×1)·(1×n) = n×n."),
                 ("shape-vector", [n, 1], "(n×1)·(1×n) = n×n: a matrix, not a vector.")]
        steps = (f"x is {n}×1 and xᵀ is 1×{n}.", f"({n}×1)·(1×{n}) = {n}×{n}.")
    else:
        given = f"x ∈ {_space(n, 1)} (a column vector)"
        shown, key, shapes = "xᵀ x", [1, 1], {"x": [n, 1]}
        slips = [("shape-inner-as-outer", [n, n], "That is x xᵀ; xᵀ x is (1×n)·(n×1) = 1×1, "
                  "a number (the squared norm)."),
                 ("shape-vector", [n, 1], "(1×n)·(n×1) = 1×1: a single number.")]
        steps = (f"xᵀ is 1×{n} and x is {n}×1.", "(1×n)·(n×1) = 1×1.")
    kept = prune(key, slips, _same)
    return Draft(
        prompt=f"{given}.\nWhat is the shape of {shown}?\nType rows, columns — for example "
               "5, 1 (a vector in ℝⁿ is a column, n×1).",
        answer_kind="vector", answer=f"[{key[0]}, {key[1]}]",
        data={"kind": "shape", "expression": shown.replace("ᵀ", "^T"), "shapes": shapes},
        hints=("ℝ^{m×n} is the set of m×n real matrices; a vector in ℝⁿ is n×1.",
               "(m×n)·(n×p) = m×p: the inner sizes agree and cancel."),
        solution=steps,
        misconceptions=tuple(WrongAnswer(i, f"[{w[0]}, {w[1]}]", msg) for i, w, msg in kept))


_KINDS: dict[str, Callable[[ArrayParams, random.Random], Draft]] = {
    "argmax": lambda p, r: _arg(p, r, "argmax"), "argmin": lambda p, r: _arg(p, r, "argmin"),
    "hadamard": _hadamard, "inner-product": _inner, "norm": _norm,
    "expectation": _expectation, "indexed": _indexed, "shape": _shape,
}


def arrays(params: ArrayParams, rng: random.Random) -> Draft:
    """A problem of one of `params.kinds`: its value, matrix or shape."""
    return _KINDS[rng.choice(params.kinds)](params, rng)


def _same(a: object, b: object) -> bool:
    return a == b
