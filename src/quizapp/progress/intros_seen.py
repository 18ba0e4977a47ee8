"""Which skills' intros the learner has been offered: a small JSON file beside progress.db.

Kept out of the SQLite schema on purpose: it is a convenience, not progress. A missing,
damaged or unwritable file only means an intro is offered again; it never stops the app.
"""

import json
import os
from pathlib import Path

from quizapp.progress.store import default_home

FILE_NAME = "intros-seen.json"
MAX_BYTES = 200_000


class SeenIntros:
    """The set of skill ids whose intro was offered or opened."""

    def __init__(self, home: Path | None = None) -> None:
        self.path = (home or default_home()) / FILE_NAME
        self._skills = self._read()

    def _read(self) -> set[str]:
        try:
            with self.path.open("rb") as file:
                data = json.loads(file.read(MAX_BYTES + 1)[:MAX_BYTES])
        except (OSError, ValueError):
            return set()
        listed = data.get("skills") if isinstance(data, dict) else None
        return {s for s in listed if isinstance(s, str)} if isinstance(listed, list) else set()

    def seen(self, skill: str) -> bool:
        """Whether the skill's intro was offered before."""
        return skill in self._skills

    def mark(self, skill: str) -> bool:
        """Remember the skill; False when the file could not be written (it is kept in memory)."""
        if skill in self._skills:
            return True
        self._skills.add(skill)
        temporary = self.path.with_name(f"{FILE_NAME}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps({"skills": sorted(self._skills)}), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            return False
        return True
