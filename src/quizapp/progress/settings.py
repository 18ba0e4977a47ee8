"""Settings the learner chose that outlast a run (the theme): a small JSON file beside the
progress database. A damaged or unwritable file only means the default comes back."""

import json
import os
from pathlib import Path

from quizapp.progress.store import default_home

FILE_NAME = "settings.json"


def load_settings(home: Path | None = None) -> dict[str, str]:
    """The saved settings (text values only); {} when there are none or the file is damaged."""
    path = (home or default_home()) / FILE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str) and len(v) <= 100}


def save_setting(name: str, value: str, home: Path | None = None) -> bool:
    """Remember `name` = `value`; False when the folder cannot be written (nothing is lost)."""
    folder = home or default_home()
    settings = load_settings(folder)
    settings[name] = value
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / (FILE_NAME + ".tmp")
        temporary.write_text(json.dumps(settings, indent=1), encoding="utf-8")
        os.replace(temporary, folder / FILE_NAME)
    except OSError:
        return False
    return True
