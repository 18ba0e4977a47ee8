"""Resources are named with each part said once."""

import pytest

from quizapp.bank import default_bank
from quizapp.tui.resource_text import resource_label


@pytest.mark.parametrize(("title", "provider", "kind", "label"), [
    ("Khan Academy — Quotient rule (video)", "Khan Academy", "video",
     "Quotient rule — Khan Academy (video)"),
    ("The determinant (Essence of Linear Algebra ch.6)", "3Blue1Brown", "video",
     "The determinant (Essence of Linear Algebra ch.6) — 3Blue1Brown (video)"),
    ("Eigenvalues", "MML book", "book-section", "Eigenvalues — MML book (book section)"),
    ("Khan Academy", "Khan Academy", "exercise", "Khan Academy — Khan Academy (exercise)"),
])
def test_provider_and_kind_are_said_once(title: str, provider: str, kind: str,
                                         label: str) -> None:
    assert resource_label(title, provider, kind) == label


def test_every_shipped_resource_names_its_provider_and_kind_once() -> None:
    bank = default_bank()
    for resource in bank.resources.values():
        label = resource_label(resource.title, resource.provider, resource.kind)
        assert not label.startswith(f"{resource.provider} —"), label
        assert label.endswith(f" — {resource.provider} ({resource.kind.replace('-', ' ')})")
        assert label.count(f"({resource.kind.replace('-', ' ')})") == 1, label
