"""`python -m quizapp` runs the `quizapp` command."""

from quizapp.launcher import main

main()
