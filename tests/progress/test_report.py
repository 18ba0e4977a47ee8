"""`quizapp stats` as text, built from the `stats --json` document."""

from quizapp.progress.report import answered_line, skills_by_topic, stats_lines

ORDER = [("derivatives", ["derivative-power-rule", "derivative-chain-rule"]),
         ("eigenvalues", ["eigenvalues"])]
NAMES = {"derivatives": "Derivatives", "eigenvalues": "Eigenvalues"}


def row(name: str, attempts: int = 0, due: bool = False) -> dict:
    return {"name": name, "topic": None, "attempts": attempts, "correct": attempts,
            "mastery": "attempted" if attempts else "not started",
            "mastery_step": int(attempts > 0), "difficulty": None, "due": due}


def test_plurals() -> None:
    assert answered_line(0, 0) == "0 problems answered, 0 right the first time"
    assert answered_line(1, 1) == "1 problem answered, 1 right the first time (100%)"
    assert answered_line(2, 1) == "2 problems answered, 1 right the first time (50%)"


def test_skills_follow_the_bank_and_retired_ones_come_last() -> None:
    skills = {"zz-retired": row("zz-retired", 1), "eigenvalues": row("Eigenvalues"),
              "derivative-chain-rule": row("Chain rule"),
              "derivative-power-rule": row("Power rule", 2, due=True)}
    groups = skills_by_topic(skills, ORDER, NAMES)
    assert [(topic, [r["name"] for r in rows]) for topic, rows in groups] == [
        ("Derivatives", ["Power rule", "Chain rule"]), ("Eigenvalues", ["Eigenvalues"]),
        ("Other skills", ["zz-retired"])]
    data = {"attempts": 3, "correct": 3, "skills": skills, "quizzes": []}
    lines = stats_lines(data, ORDER, NAMES)
    power = next(line for line in lines if "Power rule" in line)
    assert power.split() == ["Power", "rule", "attempted", "-", "2", "2", "yes"]
