"""ASCII for terminals that cannot show Unicode (and for --ascii): the one table in mathtext."""

from quizapp.mathtext import prose


def plain_text(text: str, unicode: bool) -> str:
    """`text` as is, or in ASCII (`x^(n-1)`, `sqrt(2)`, `lambda`, `->`, `OK`)."""
    return prose(text, unicode)
