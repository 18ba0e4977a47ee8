"""quizapp: drill the mathematics of machine learning in the terminal."""

__version__ = "0.1.0"
