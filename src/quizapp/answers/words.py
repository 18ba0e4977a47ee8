"""Words a learner may type instead of values: `undefined` for a product that does not exist.

A problem whose key is the word `undefined` (a vector-kind answer, e.g. the shape of a matrix
product whose inner sizes differ) accepts any of the usual spellings of it.
"""

import re

UNDEFINED = "undefined"
_SPELLINGS = frozenset({
    "undefined", "not defined", "none", "undef", "does not exist", "doesn't exist", "dne",
    "not possible", "impossible", "n/a", "no product", "is not defined", "it is not defined",
})
_TRAILING = re.compile(r"[.!\s]+$")


def is_undefined(text: str) -> bool:
    """Whether `text` says "undefined" in one of its usual spellings (any case, a final '.')."""
    if len(text) > 40:
        return False
    words = " ".join(_TRAILING.sub("", text.strip().lower()).split())
    return words in _SPELLINGS
