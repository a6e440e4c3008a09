#!/usr/bin/env python
"""Benchmark of the open data's indicator endpoint at 1,000 projects. Not a test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_benchapi \\
        .venv/bin/python bench/api.py [--projects 1000] [--runs 15]

It creates the database when missing, migrates it, loads (only when the project count
differs) the projects with records in fiscal 2011 (a handful of each kind per project),
then times with medians of --runs runs, taking turns run by run:

1. `GET /api/v1/indicators?year=2011` through Django's test Client, the cache off
   (tests.settings: API_CACHE_SECONDS = 0);
2. the report selectors it wraps: `reports.selectors.project_indicators(2011, 2011)` and
   `funnel_by_year(2011, 2011)`;

checks that the JSON holds the selectors' figures, and prints the ratio (target ≤ 1.5).
For comparison it also times the endpoint served from the cache. Exits 1 when the
target is missed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

from reports_data import base_objects

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_benchapi")

YEAR = 2011
PREFIX = "api"
TARGET = 1.5


def setup_django() -> None:
    import django
    from benchdb import ensure_database

    ensure_database("bench/api.py")
    django.setup()


def load(count: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    from services.models import Activity, Course, Project, ServiceRequest

    call_command("migrate", verbosity=0)
    if Project.objects.filter(code__startswith=f"{PREFIX}-").count() == count:
        return
    started = time.perf_counter()
    projects = base_objects(count, PREFIX, YEAR - 1, YEAR + 1)
    Project.objects.filter(code__startswith=f"{PREFIX}-").exclude(
        pk__in=[p.pk for p in projects]).delete()
    for model in (ServiceRequest, Activity, Course):
        model.objects.filter(project__code__startswith=f"{PREFIX}-").delete()
    day = datetime.date(YEAR, 6, 1)
    ServiceRequest.objects.bulk_create(
        [ServiceRequest(project=p, received_on=day, category="相談",
                        status="handled" if n % 2 else "open")
         for p in projects for n in range(6)], batch_size=5000)
    Activity.objects.bulk_create(
        [Activity(project=p, date=day, hours=Decimal("1.25"), description="活動")
         for p in projects for _n in range(3)], batch_size=5000)
    Course.objects.bulk_create(
        [Course(project=p, title="講座", organiser="members", start_date=day, participants=12)
         for p in projects for _n in range(2)], batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"loaded {count} projects in {time.perf_counter() - started:.1f} s")


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    setup_django()
    load(options.projects)

    from django.core.cache import cache
    from django.test import Client, override_settings
    from django.urls import reverse

    from reports import selectors
    from reports.export import format_value

    client = Client()
    url = reverse("api:indicators")

    def endpoint():
        response = client.get(url, {"year": YEAR})
        assert response.status_code == 200
        return response

    def selector():
        return (selectors.project_indicators(YEAR, YEAR), selectors.funnel_by_year(YEAR, YEAR))

    # The same figures: the JSON is the selectors' table, row for row.
    table, funnels = selector()
    expected = [(item.project.code, r.indicator.value, format_value(r.value))
                for item in table for r in item.results]
    expected += [(None, name, str(value)) for name, value in funnels[0].steps()]
    rows = json.loads(endpoint().content, parse_float=Decimal)["rows"]
    got = [(r["project"], r["indicator"], str(r["value"])) for r in rows]
    assert got == expected, "the endpoint and the selectors disagree"
    projects = len(table)

    for _warm in range(3):
        endpoint()
        selector()
    api_ms, selector_ms = [], []
    for _run in range(options.runs):
        api_ms.append(timed(endpoint))
        selector_ms.append(timed(selector))
    with override_settings(API_CACHE_SECONDS=300):
        cache.clear()
        endpoint()
        cached_ms = [timed(endpoint) for _run in range(options.runs)]

    api, sel = statistics.median(api_ms), statistics.median(selector_ms)
    ratio = api / sel
    print(f"fiscal {YEAR}: {projects} projects, {len(rows)} rows, "
          f"{len(endpoint().content) / 1024:.0f} KiB of JSON; medians of {options.runs} runs")
    print(f"{'':34} {'median ms':>9} {'min ms':>7}")
    print(f"{'selectors (project_indicators+funnel)':34} {sel:9.1f} {min(selector_ms):7.1f}")
    print(f"{'GET /api/v1/indicators (no cache)':34} {api:9.1f} {min(api_ms):7.1f}")
    print(f"{'GET /api/v1/indicators (cached)':34} {statistics.median(cached_ms):9.1f} "
          f"{min(cached_ms):7.1f}")
    met = ratio <= TARGET
    print(f"endpoint / selectors = {ratio:.2f} (target ≤ {TARGET}: {'met' if met else 'MISSED'}); "
          f"fastest / fastest = {min(api_ms) / min(selector_ms):.2f}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
