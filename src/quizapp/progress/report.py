"""`quizapp stats` as text: totals, then each topic's skills in the bank's order, by name."""

import time
from collections.abc import Sequence
from datetime import datetime

# A topic id and its skill ids, in the order the bank lists them.
TopicOrder = Sequence[tuple[str, Sequence[str]]]
HOUR = 3600.0
DAY = 24 * HOUR


def plural(count: int, noun: str) -> str:
    """'1 problem', '2 problems', '0 problems'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def answered_line(attempts: int, right: int) -> str:
    """'3 problems answered, 2 right the first time (67%)'."""
    share = f" ({100 * right / attempts:.0f}%)" if attempts else ""
    return f"{plural(attempts, 'problem')} answered, {right} right the first time{share}"


def due_text(row: dict, now: float) -> str:
    """The due column: 'yes' when due for review, else how long until it is ('23h', '3d'; a
    skill comes due a day or more after its practice), blank if never practised."""
    if row.get("due"):
        return "yes"
    try:
        left = datetime.fromisoformat(row["due_at"]).timestamp() - now
    except (KeyError, TypeError, ValueError):
        return ""
    if left >= DAY:
        return f"{left // DAY:.0f}d"
    return f"{left // HOUR:.0f}h" if left >= HOUR else f"{max(left // 60, 1):.0f}m"


def skills_by_topic(skills: dict[str, dict], order: TopicOrder, names: dict[str, str]
                    ) -> list[tuple[str, list[dict]]]:
    """The rows of `stats --json`'s `skills`, grouped under topic names: topics in the bank's
    order, skills in their topic's order; skills the bank no longer has come last."""
    groups: list[tuple[str, list[dict]]] = []
    placed: set[str] = set()
    for topic, skill_ids in order:
        rows = [skills[s] for s in skill_ids if s in skills and s not in placed]
        placed.update(skill_ids)
        if rows:
            groups.append((names.get(topic, topic), rows))
    others = [skills[s] for s in sorted(skills) if s not in placed]
    if others:
        groups.append(("Other skills", others))
    return groups


def stats_lines(data: dict, order: TopicOrder, names: dict[str, str],
                now: float | None = None) -> list[str]:
    """`quizapp stats` without --json: a totals line, a table of skills under their topics,
    and the latest quizzes (`quiz_line` for each, its code short)."""
    from quizapp.progress.stats import quiz_line

    now = time.time() if now is None else now
    groups = skills_by_topic(data["skills"], order, names)
    width = max([len("topic, skill"), *(2 + len(r["name"]) for _, rows in groups for r in rows),
                 *(len(topic) for topic, _ in groups)])
    lines = [answered_line(data["attempts"], data["correct"]), "",
             f"{'topic, skill':<{width}}  {'mastery':<11}  {'difficulty':>10}  {'right':>5}"
             f"  {'attempts':>8}  due"]
    for topic, rows in groups:
        lines.append(topic)
        for row in rows:
            difficulty = "-" if row["difficulty"] is None else str(row["difficulty"])
            lines.append(f"{'  ' + row['name']:<{width}}  {row['mastery']:<11}  {difficulty:>10}"
                         f"  {row['correct']:>5}  {row['attempts']:>8}"
                         f"  {due_text(row, now)}".rstrip())
    if data["quizzes"]:
        lines += ["", "recent quizzes:"]
        topics = [topic for topic, _ in order]
        lines += [f"  {quiz['started']}  {quiz_line(quiz, topics)}"
                  for quiz in data["quizzes"][:10]]
    return lines
