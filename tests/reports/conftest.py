import pytest

from .data import Panel


@pytest.fixture(autouse=True)
def _fresh_panel():
    Panel._current = None
    yield
    Panel._current = None
