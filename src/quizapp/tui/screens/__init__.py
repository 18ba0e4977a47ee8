"""Screens of the quizapp TUI."""
