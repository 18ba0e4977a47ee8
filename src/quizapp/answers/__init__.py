"""The answer engine: read learner text safely, preview it, and check it into a Verdict.

Pure functions on plain data; no Textual here. Learner text is never evaluated as Python: it
is tokenized against a whitelist and parsed into sympy trees built node by node, with bounds.
"""

from quizapp.answers.checking import check, compare
from quizapp.answers.errors import AnswerError
from quizapp.answers.model import Answer, AnswerKind, Misconception, Value, Verdict
from quizapp.answers.preview import Preview, preview, render
from quizapp.answers.reading import read_answer

__all__ = [
    "Answer", "AnswerError", "AnswerKind", "Misconception", "Preview", "Value", "Verdict",
    "check", "compare", "preview", "read_answer", "render",
]
