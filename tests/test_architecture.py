"""Layer rules that keep the app quick to start and the domain testable without a terminal."""

import re
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "quizapp"


def loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    return {name.split(".")[0] for name in out.split()}


def test_answer_engine_does_not_load_textual() -> None:
    assert "textual" not in loaded_after("import quizapp.answers")


def test_cli_help_loads_neither_sympy_nor_textual() -> None:
    modules = loaded_after("from quizapp.cli import main")
    assert "sympy" not in modules and "textual" not in modules


def test_only_the_tui_package_imports_textual() -> None:
    offenders = [
        str(path.relative_to(SRC)) for path in SRC.rglob("*.py")
        if "tui" not in path.relative_to(SRC).parts
        and any(line.lstrip().startswith(("import textual", "from textual"))
                for line in path.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []


def test_no_module_evaluates_text() -> None:
    """Learner text must never reach eval, exec, sympify or parse_expr."""
    call = re.compile(r"\b(eval|exec|sympify|parse_expr|lambdify)\s*\(")
    offenders = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if call.search(line) and not line.lstrip().startswith(("#", "def "))
    ]
    assert offenders == []


def test_the_home_screen_loads_no_sympy_before_its_first_frame() -> None:
    """The app, its home screen and the ASCII prose are importable without sympy or pydantic."""
    modules = loaded_after("import quizapp.tui.app, quizapp.tui.screens.home, quizapp.mathtext")
    assert "sympy" not in modules and "pydantic" not in modules
