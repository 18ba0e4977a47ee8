"""Clickable links built as Content, so that no text from the bank is read as markup."""

from textual.content import Content
from textual.style import Style


def linked(url: str, before: str = "", after: str = "") -> Content:
    """`before`, then `url` shown as a link to itself, then `after` — all plain text."""
    start = len(before)
    return Content(before + url + after).stylize(Style(link=url), start, start + len(url))
