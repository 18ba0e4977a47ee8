"""Bounds that keep reading and checking any answer cheap in time and memory.

Learner text is hostile until proven otherwise: every size that could grow without bound is
capped here, so that `9^9^9^9` or 5000 nested minus signs get a message instead of a hang.
"""

MAX_CHARS = 2_000  # a 3×3 matrix of long expressions fits comfortably
MAX_TOKENS = 600
MAX_DEPTH = 40  # brackets, unary signs and function calls nested inside each other
MAX_LITERAL_DIGITS = 60  # digits in one written number
MAX_SCI_EXPONENT = 100  # |n| in 1.5e-n
# Any exact constant (numerator and denominator) stays below 10^57, so that every value the
# engine accepts also prints as literals it accepts back.
MAX_CONSTANT_BITS = 190
MAX_SYMBOLIC_EXPONENT = 1_000  # integer exponent on anything that is not a plain rational
MAX_ROOT_DENOMINATOR = 10**9  # q in b^(p/q)
MAX_ENTRIES = 400  # values in a vector, matrix or multiset
MAX_PLUS_MINUS = 3  # ± signs in one value (2**3 = 8 values)
