"""Progress that lasts: attempts in SQLite, mastery and review scheduling, statistics."""

from quizapp.progress.mastery import LEVELS, Mastery, all_mastery, due, mistakes_to_review, weakest
from quizapp.progress.store import Attempt, ProgressStore, default_home

__all__ = ["LEVELS", "Attempt", "Mastery", "ProgressStore", "all_mastery", "default_home", "due",
           "mistakes_to_review", "weakest"]
