"""The notation reference (question_bank/notation.toml): each symbol the app uses, how it is
spelled in ASCII and read aloud, what it means, a tiny example, and the resources that define
it. Pure: pydantic validation and the bank's safe TOML reader, no UI."""

from pathlib import Path

from pydantic import Field, ValidationError

from quizapp.bank.catalog import bank_path
from quizapp.bank.files import BankFileError, read_toml
from quizapp.bank.loading import BankError
from quizapp.bank.schema import Line, Paragraph, Strict

FILE = "notation.toml"


class NotationEntry(Strict):
    """One symbol of the reference."""

    symbol: Line = Field(min_length=1, max_length=80)
    ascii: Line = Field(min_length=1, max_length=80, pattern=r"^[\x20-\x7e]+$")
    read: Line = Field(min_length=2, max_length=300)
    meaning: Paragraph = Field(min_length=3)
    example: Line = Field(min_length=1, max_length=300)
    resources: tuple[str, ...] = Field(min_length=1)


class NotationFile(Strict):
    """notation.toml."""

    symbol: tuple[NotationEntry, ...] = Field(min_length=1)


def _resource_ids(root: Path) -> set[str]:
    raw = read_toml(root / "resources.toml")
    listed = raw.get("resource", [])
    return {r["id"] for r in listed if isinstance(r, dict) and isinstance(r.get("id"), str)}


def load_notation(path: Path | None = None) -> tuple[NotationEntry, ...]:
    """The reference's entries in file order; raise BankError with one line per problem
    (a missing or malformed file, a bad field, a resource id not in resources.toml)."""
    root = path or bank_path()
    try:
        raw = read_toml(root / FILE)
        known = _resource_ids(root)
    except FileNotFoundError as exc:
        raise BankError([f"{Path(exc.filename or FILE).name}: file is missing"]) from exc
    except BankFileError as exc:
        raise BankError([f"{FILE}: {exc}"]) from exc
    try:
        parsed = NotationFile.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"])
            message = "unknown field (check the spelling)" if error["type"] == \
                "extra_forbidden" else error["msg"].removeprefix("Value error, ")
            problems.append(f"{FILE}: field '{where}': {message}")
        raise BankError(problems) from exc
    problems = [f"{FILE}: symbol '{entry.symbol}': resource '{ident}' is not in resources.toml"
                for entry in parsed.symbol for ident in entry.resources if ident not in known]
    if problems:
        raise BankError(problems)
    return parsed.symbol
