"""Guard: the portal's modules stay small and named for what they hold (docs/development.md).
Tests and migrations aside, no module over 400 lines and the median at most 60."""

import statistics
from pathlib import Path

from django.apps import apps
from django.conf import settings

LIMIT = 400
MEDIAN = 60


def portal_modules() -> dict[str, int]:
    root = Path(settings.BASE_DIR).resolve()
    sizes = {}
    for config in apps.get_app_configs():
        folder = Path(config.path).resolve()
        if folder.parent != root:
            continue  # a third-party app (the virtualenv may lie inside the checkout)
        for path in folder.rglob("*.py"):
            if "migrations" not in path.relative_to(folder).parts:
                with path.open(encoding="utf-8") as handle:
                    sizes[str(path.relative_to(root))] = sum(1 for _line in handle)
    return sizes


def test_the_portal_apps_are_measured():
    names = {name.split("/")[0] for name in portal_modules()}
    assert {"partnership", "proposals", "services", "reports"} <= names


def test_no_module_over_the_limit():
    assert {name: n for name, n in portal_modules().items() if n > LIMIT} == {}


def test_the_median_module_is_small():
    assert statistics.median(portal_modules().values()) <= MEDIAN
