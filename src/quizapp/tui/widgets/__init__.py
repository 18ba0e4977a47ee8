"""Widgets of the quizapp TUI."""
