"""Batch grading: JSON Lines of answers in, JSON Lines of verdicts out, one for one."""

from quizapp.batch.grading import grade_line, grade_lines, grade_stream

__all__ = ["grade_line", "grade_lines", "grade_stream"]
