"""Practice and timed-quiz logic: plain state machines over the bank and the answer engine."""

from quizapp.session.practice import Feedback, NoProblems, PracticeSession
from quizapp.session.quiz import BadQuiz, QuizResults, QuizSession, QuizSpec

__all__ = ["BadQuiz", "Feedback", "NoProblems", "PracticeSession", "QuizResults", "QuizSession",
           "QuizSpec"]
