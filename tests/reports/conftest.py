import pytest

# The Playwright fixtures, for tests/reports/test_browser.py.
from tests.browser.conftest import browser, check_a11y, new_page, page, sign_in  # noqa: F401

from .data import Panel


@pytest.fixture(autouse=True)
def _fresh_panel():
    Panel._current = None
    yield
    Panel._current = None
