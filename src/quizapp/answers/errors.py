"""The one exception the answer engine raises: an answer that cannot be read."""


class AnswerError(ValueError):
    """Learner text that cannot be read; the message says what to fix, in one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
