"""The rejection rule: a problem where a classic mistake gives the right answer is not asked.

A generator lists its misconception answers (and other classic slips) and calls
`refuse_if_a_mistake_scores` before pruning them: if any equals the key, it raises Retry and
`generate_draft` draws again (`bank check` warns when a family draws again too often).
"""

from collections.abc import Callable, Sequence

from quizapp.generators.common import Candidate
from quizapp.generators.model import Retry


def refuse_if_a_mistake_scores(key: object, candidates: Sequence[Candidate],
                               same: Callable[[object, object], bool]) -> None:
    """Raise Retry when any candidate's wrong answer (None: not applicable) equals the key."""
    for _, wrong, _ in candidates:
        if wrong is not None and same(key, wrong):
            raise Retry
