"""80×24 snapshots of the Learn and Graph screens (fixed seed; intros already offered, so no
toast). Update with `pytest tests/app/test_learn_snapshots.py --snapshot-update`."""

import pytest
from textual.pilot import Pilot

from .conftest import paste, practice_app, settle


@pytest.fixture(autouse=True)
def _no_learn_toast(intros_offered: None) -> None:
    """No Learn toast: these screens are about what is under it."""


def test_learn_screen_80x24(snap_compare):
    async def open_learn(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)

    assert snap_compare(practice_app(seed=3), terminal_size=(80, 24), run_before=open_learn)


def test_graph_screen_80x24(snap_compare):
    async def open_graph(pilot: Pilot) -> None:
        await settle(pilot)
        await paste(pilot, "5x")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)

    assert snap_compare(practice_app(seed=3), terminal_size=(80, 24), run_before=open_graph)
