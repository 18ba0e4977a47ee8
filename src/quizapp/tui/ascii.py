"""ASCII fallbacks for terminals that cannot show Unicode (and for --ascii)."""

_ASCII = str.maketrans({"·": "*", "×": "x", "−": "-", "λ": "lambda", "√": "sqrt", "′": "'",
                        "²": "^2", "³": "^3", "⁴": "^4", "⁵": "^5", "⁶": "^6", "⁷": "^7",
                        "⁸": "^8", "⁹": "^9", "⁻": "^-", "¹": "^1", "⁰": "^0", "ᵘ": "^u",
                        "ⁿ": "^n", "—": "-", "–": "-", "…": "...", "±": "+-", "σ": "sigma",
                        "≤": "<=", "≥": ">=", "→": "->", "✓": "OK", "✗": "X", "½": "1/2",
                        "⏱": "time", "▰": "#", "▱": "-", "›": ">", "•": "*", "§": "S"})


def plain_text(text: str, unicode: bool) -> str:
    """`text` as is, or transliterated to ASCII."""
    return text if unicode else text.translate(_ASCII).encode("ascii", "replace").decode()
