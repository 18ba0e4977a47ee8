"""A learning resource named for people: its title, who made it, and what kind of thing it is —
each said once ("Quotient rule — Khan Academy (video)", not "Khan Academy — Quotient rule
(video) — Khan Academy (video)"). No Textual here."""

import re

KIND_NAMES = {"book-section": "book section", "book-chapter": "book chapter"}


def resource_label(title: str, provider: str, kind: str) -> str:
    """`title — provider (kind)`, the title without the provider or kind it may repeat."""
    kind_name = KIND_NAMES.get(kind, kind.replace("-", " "))
    short = title.strip()
    prefix = re.match(rf"{re.escape(provider.strip())}\s*[—:–-]\s*", short, re.IGNORECASE)
    if prefix and len(short) > prefix.end():
        short = short[prefix.end():]
    short = re.sub(rf"\s*\((?:{re.escape(kind)}|{re.escape(kind_name)})\)$", "", short,
                   flags=re.IGNORECASE) or title.strip()
    return f"{short} — {provider.strip()} ({kind_name})"
