"""Problem generators: pure functions from a family's parameters and a seeded random source to a
Draft problem (key, hints, worked solution, misconceptions). One module per subject."""

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

from quizapp.generators import (
    backprop,
    bases,
    bayes,
    chance,
    derivatives,
    descent,
    determinants,
    diagonalization,
    eigen,
    eigenvectors,
    forms,
    inverses,
    jacobian,
    matrices,
    moments,
    notation_arrays,
    notation_series,
    partials,
    paths,
    ranks,
    regression,
    softmax,
    svd,
    transposes,
    vectors,
)
from quizapp.generators.common import Params
from quizapp.generators.model import Draft, Retry, WrongAnswer


@dataclass(frozen=True)
class GeneratorKind:
    """A kind of generator: its parameter model and its function."""

    params: type[Params]
    build: Callable[[Params, random.Random], Draft]


GENERATORS: dict[str, GeneratorKind] = {
    "power": GeneratorKind(derivatives.PowerParams, derivatives.power),
    "chain": GeneratorKind(derivatives.ChainParams, derivatives.chain),
    "product": GeneratorKind(derivatives.ProductParams, derivatives.product),
    "quotient": GeneratorKind(derivatives.QuotientParams, derivatives.quotient),
    "matrix-product": GeneratorKind(matrices.ProductParams, matrices.matrix_product),
    "matrix-vector": GeneratorKind(matrices.VectorParams, matrices.matrix_vector),
    "product-shape": GeneratorKind(matrices.ShapeParams, matrices.product_shape),
    "eigen-conjugated": GeneratorKind(eigen.ConjugatedParams, eigen.conjugated),
    "eigen-triangular": GeneratorKind(eigen.TriangularParams, eigen.triangular),
    "eigen-symmetric": GeneratorKind(eigen.SymmetricParams, eigen.symmetric),
    "eigen-quadratic": GeneratorKind(eigen.QuadraticParams, eigen.quadratic),
    "term-sum": GeneratorKind(derivatives.SumParams, derivatives.term_sum),
    # linear-algebra
    "dot-product": GeneratorKind(vectors.DotParams, vectors.dot_product),
    "vector-norm": GeneratorKind(vectors.NormParams, vectors.norm),
    "transpose": GeneratorKind(transposes.TransposeParams, transposes.transposes),
    "determinant": GeneratorKind(determinants.DeterminantParams, determinants.determinant_of),
    "determinant-rules": GeneratorKind(determinants.RulesParams, determinants.determinant_rules),
    "matrix-inverse": GeneratorKind(inverses.InverseParams, inverses.matrix_inverse),
    "matrix-rank": GeneratorKind(ranks.RankParams, ranks.matrix_rank),
    "eigenvector": GeneratorKind(eigenvectors.EigenvectorParams, eigenvectors.eigenvector),
    "diagonalization": GeneratorKind(diagonalization.DiagonalParams,
                                     diagonalization.diagonalization),
    "svd-rank-one": GeneratorKind(svd.RankOneParams, svd.rank_one),
    "singular-values": GeneratorKind(svd.SingularParams, svd.singular_values),
    "change-of-basis": GeneratorKind(bases.BasisParams, bases.coordinates),
    # multivariable-calculus
    "partial-derivative": GeneratorKind(partials.PartialParams, partials.partial),
    "gradient": GeneratorKind(partials.GradientParams, partials.gradient),
    "hessian": GeneratorKind(partials.HessianParams, partials.hessian),
    "jacobian": GeneratorKind(jacobian.JacobianParams, jacobian.jacobian),
    "multivariable-chain": GeneratorKind(paths.PathParams, paths.chain),
    "quadratic-form-gradient": GeneratorKind(forms.FormParams, forms.quadratic_form),
    "softmax": GeneratorKind(softmax.SoftmaxParams, softmax.softmax),
    "backprop": GeneratorKind(backprop.BackpropParams, backprop.backprop),
    "gradient-descent-step": GeneratorKind(descent.DescentParams, descent.step),
    "mse-gradient": GeneratorKind(regression.RegressionParams, regression.mse_gradient),
    # probability
    "equally-likely": GeneratorKind(chance.ChanceParams, chance.equally_likely),
    "bayes": GeneratorKind(bayes.BayesParams, bayes.bayes),
    "moments": GeneratorKind(moments.MomentParams, moments.moments),
    # notation
    "notation-series": GeneratorKind(notation_series.SeriesParams, notation_series.series),
    "notation-arrays": GeneratorKind(notation_arrays.ArrayParams, notation_arrays.arrays),
}
MAX_ATTEMPTS = 2000


class GenerationFailed(RuntimeError):
    """A family's parameters almost never give a usable problem."""


def generate_draft(generator: str, params: Params, seed_text: str) -> Draft:
    """The draft for one seed: the same `seed_text` gives the same draft on every machine."""
    rng = random.Random(seed_text)  # str seeds hash with SHA-512: stable across platforms
    kind = GENERATORS[generator]
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            draft = kind.build(params, rng)
        except Retry:
            continue
        _draws.count = attempt
        return draft
    raise GenerationFailed(f"no usable problem after {MAX_ATTEMPTS} draws for {seed_text}")


_draws = threading.local()  # per thread: the app generates and checks in worker threads


def last_draw_count() -> int:
    """How many draws the latest `generate_draft` call of this thread took (1: no Retry).

    A family whose problems often take many draws rejects most of what it draws (degenerate
    problems, or a classic mistake that would score): `bank check` warns about it.
    """
    return getattr(_draws, "count", 0)


__all__ = ["GENERATORS", "Draft", "GenerationFailed", "Retry", "WrongAnswer", "generate_draft",
           "last_draw_count"]
