#!/usr/bin/env python
"""Benchmark of the indicator reports over 1,000,000 service records (issue 5). Not a test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_benchreports \\
        .venv/bin/python bench/reports.py [--records 1000000] [--runs 15]

It creates the database when missing, migrates it, loads the records with COPY (only
when the record count differs from --records), then times with medians of --runs runs
(the view and the bare SQL taking turns, run by run):

1. the yearly report view (`reports:year`) rendered through Django's test Client;
2. the bare SQL GROUP BY (one statement per record table) yielding the same figures;
3. a per-row Python loop over the same rows (model instances; a values_list loop too);

checks that the three agree, and prints the ratios. It then accepts every project's
report of that year and closes it, and times the closed year read from the kept figures
against the bare SQL GROUP BY (checking they agree; the year is reopened afterwards). Last,
it streams the raw-records CSV
(`reports:raw_csv`) of 1,000,000 and of 100,000 rows, each in a freshly started child
process, and prints the peak RSS growth during the stream (the kernel's peak is reset
just before it, see `stream_child`) and, in a second child, the peak of Python
allocations during the stream (tracemalloc). Those rows live in fiscal years 1990 and
1991 of a separate project and are deleted afterwards.
Targets: view ≤ 2× bare SQL; view ≥ 20× faster than the loop; a closed year ≤ 0.5× bare
SQL; streaming < 50 MB.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

# bench/ is the script's folder, so its modules import by name.
from reports_data import (
    TABLE_COLUMNS,
    YEAR,
    base_objects,
    copy_rows,
    days_of,
    load,
    record_rows,
    vacuum,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_benchreports")

STREAM_YEARS = {1_000_000: 1990, 100_000: 1991}
STREAM_CODE = "bench-stream"


def setup_django() -> None:
    import django
    from benchdb import ensure_database

    ensure_database("bench/reports.py")
    django.setup()


# --- The three ways of counting -------------------------------------------------------------

BARE_SQL = {
    "services_servicerequest": (
        "received_on",
        "COUNT(*) AS service_requests, "
        "COUNT(*) FILTER (WHERE status = 'handled') AS service_requests_handled"),
    "services_activity": ("date", "SUM(hours) AS activity_hours"),
    "services_visit": ("date", "SUM(users) AS facility_users"),
    "services_course": (
        "start_date",
        "COUNT(*) AS courses, SUM(participants) AS course_participants, "
        + ", ".join(
            f"COUNT(*) FILTER (WHERE organiser = '{o}') AS courses_by_{o}, "
            f"SUM(participants) FILTER (WHERE organiser = '{o}') AS participants_by_{o}"
            for o in ("members", "professionals", "citizens"))),
    "services_memberjoined": (
        "joined_on",
        "COUNT(*) AS new_members, "
        "COUNT(*) FILTER (WHERE former_user) AS new_members_former_users"),
}


def bare_sql(year: int) -> dict:
    """The figures of one fiscal year straight from SQL, as one would write it by hand:
    one GROUP BY per record table over the date range of the year."""
    from django.db import connection

    from partnership.fiscal import fiscal_year_bounds

    first, last = fiscal_year_bounds(year)
    figures = {}
    with connection.cursor() as cursor:
        for table, (date, aggregates) in BARE_SQL.items():
            cursor.execute(
                f"SELECT project_id, {aggregates} FROM {table} "
                f"WHERE {date} BETWEEN %s AND %s GROUP BY project_id", [first, last])
            names = [c.name for c in cursor.description][1:]
            for project_id, *values in cursor.fetchall():
                for name, value in zip(names, values, strict=True):
                    figures[(project_id, name)] = value or 0
    return figures


def python_loop(year: int, *, instances: bool = True) -> dict:
    """The same figures by fetching every record of the year and adding up in Python.

    instances=True is the loop the issue warns against (`for record in queryset`, model
    instances); instances=False is a leaner loop over values_list tuples, for comparison.
    """
    from partnership.fiscal import fiscal_year_bounds, fiscal_year_of
    from services.models import Activity, Course, MemberJoined, ServiceRequest, Visit

    first, last = fiscal_year_bounds(year)
    figures = defaultdict(int)

    def rows(model, date, *fields):
        records = model.objects.filter(**{f"{date}__range": (first, last)})
        if instances:
            return ((r.project_id, *(getattr(r, f) for f in (date, *fields)))
                    for r in records.iterator(chunk_size=5000))
        return records.values_list("project_id", date, *fields).iterator(chunk_size=5000)

    for project_id, day, status in rows(ServiceRequest, "received_on", "status"):
        if fiscal_year_of(day) == year:
            figures[(project_id, "service_requests")] += 1
            figures[(project_id, "service_requests_handled")] += status == "handled"
    for project_id, day, hours in rows(Activity, "date", "hours"):
        if fiscal_year_of(day) == year:
            figures[(project_id, "activity_hours")] += hours
    for project_id, day, users in rows(Visit, "date", "users"):
        if fiscal_year_of(day) == year:
            figures[(project_id, "facility_users")] += users
    for project_id, day, organiser, participants in rows(Course, "start_date", "organiser",
                                                          "participants"):
        if fiscal_year_of(day) == year:
            figures[(project_id, "courses")] += 1
            figures[(project_id, "course_participants")] += participants
            figures[(project_id, f"courses_by_{organiser}")] += 1
            figures[(project_id, f"participants_by_{organiser}")] += participants
    for project_id, day, former in rows(MemberJoined, "joined_on", "former_user"):
        if fiscal_year_of(day) == year:
            figures[(project_id, "new_members")] += 1
            figures[(project_id, "new_members_former_users")] += former
    return dict(figures)


def report_client_user():
    from django.contrib.auth.models import Group

    from partnership.models import User
    from partnership.roles import Role

    officer, _ = User.objects.get_or_create(username="bench-officer",
                                            defaults={"email": "officer@example.jp"})
    officer.groups.add(Group.objects.get(name=Role.CITY_OFFICER.value))
    return officer


def report_client():
    from django.test import Client

    officer = report_client_user()
    client = Client()
    client.force_login(officer)
    return client


def view_figures(html: str, projects) -> dict:
    """Figures read back from the rendered page (the result column of each project)."""
    figures = {}
    for project in projects:
        section = html[html.index(f'id="project-{project.code}"'):]
        section = section[:section.index("</section>")]
        for indicator, value in re.findall(
            r'data-indicator="(\w+)">\s*<th scope="row">.*?</th>\s*<td class="text-end">.*?'
            r'</td>\s*<td class="text-end">(.*?)</td>', section, re.S):
            figures[(project.pk, indicator)] = Decimal(value.replace(",", ""))
    return figures


def median_time(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def median_times(functions, runs: int) -> list[tuple[float, object]]:
    """Like `median_time` for several functions, called in turn run by run, so that a slow
    spell of a shared machine falls on all of them alike (the ratio of the view to the bare
    SQL is what the target is about)."""
    times = [[] for _ in functions]
    results = [None] * len(functions)
    for _ in range(runs):
        for index, function in enumerate(functions):
            started = time.perf_counter()
            results[index] = function()
            times[index].append(time.perf_counter() - started)
    return [(statistics.median(t), r) for t, r in zip(times, results, strict=True)]


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def timings(projects, runs: int) -> int:
    """Time and compare the three ways of counting; the number of targets missed."""
    from django.urls import reverse

    client = report_client()
    url = reverse("reports:year")

    def view():
        response = client.get(url, {"year": YEAR})
        assert response.status_code == 200, response.status_code
        return response.content.decode()

    view()  # warm-up: templates, translations, URL resolver
    bare_sql(YEAR)
    (view_time, html), (sql_time, sql) = median_times([view, lambda: bare_sql(YEAR)], runs)
    loop_time, loop = median_time(lambda: python_loop(YEAR), 3)
    tuples_time, tuples = median_time(lambda: python_loop(YEAR, instances=False), 3)

    page = view_figures(html, projects)
    keys = {key for key, value in {**sql, **loop}.items() if value}
    agree = all(Decimal(str(sql.get(k, 0))) == Decimal(str(loop.get(k, 0))) ==
                Decimal(str(tuples.get(k, 0))) == page.get(k, Decimal(0)) for k in keys)
    rows_in_year = sum(v for (_p, name), v in sql.items()
                       if name in ("service_requests", "courses", "new_members"))
    print(f"fiscal {YEAR}: {len(projects)} projects; figures compared: {len(keys)}; "
          f"all three agree: {agree}")
    print(f"  (requests + courses + members rows in the year: {rows_in_year:,})")
    print(f"report view (test Client, median of {runs}): {view_time * 1000:8.1f} ms")
    print(f"bare SQL GROUP BY (median of {runs}):        {sql_time * 1000:8.1f} ms")
    print(f"Python loop over the records (median of 3): {loop_time * 1000:8.1f} ms")
    print(f"  (leaner loop over values_list tuples:     {tuples_time * 1000:8.1f} ms)")
    sql_ratio, loop_ratio = view_time / sql_time, loop_time / view_time
    print(f"view / bare SQL = {sql_ratio:.2f}  (target ≤ 2: {verdict(sql_ratio <= 2)})")
    print(f"loop / view     = {loop_ratio:.1f}  (target ≥ 20: {verdict(loop_ratio >= 20)}; "
          f"tuples loop / view = {tuples_time / view_time:.1f})")
    if not agree:
        raise SystemExit("the three ways of counting disagree")
    return (sql_ratio > 2) + (loop_ratio < 20)


# --- A closed year ---------------------------------------------------------------------------


def close_year_of(projects) -> None:
    """Accept each project's report of YEAR (keeping the figures counted now) and close
    the year, as the department would; directly in the database, without the audit log."""
    from django.db import transaction

    from services.indicators import count_values, frozen_figures
    from services.models import AnnualReport, ProjectYear

    officer = report_client_user()
    fresh = count_values(years=[YEAR], projects=projects)
    with transaction.atomic():
        for project in projects:
            year = ProjectYear.objects.get(project=project, fiscal_year=YEAR)
            mine = {key: value for key, value in fresh.items() if key[0] == project.pk}
            AnnualReport.objects.update_or_create(year=year, defaults={
                "status": AnnualReport.Status.ACCEPTED, "figures": frozen_figures(mine),
                "written_by": officer})
            year.status = ProjectYear.Status.CLOSED
            year.save(update_fields=["status"])


def reopen_year_of(projects) -> None:
    from services.models import AnnualReport, ProjectYear

    AnnualReport.objects.filter(year__project__in=projects, year__fiscal_year=YEAR).delete()
    ProjectYear.objects.filter(project__in=projects, fiscal_year=YEAR).update(
        status=ProjectYear.Status.OPEN)


def closed_year(projects, runs: int) -> int:
    """A closed year read from its accepted reports against the bare SQL GROUP BY over its
    records; the number of targets missed (≤ 0.5×)."""
    from services.indicators import count_values, indicator_values

    close_year_of(projects)
    try:
        def read():
            return indicator_values(years=[YEAR], projects=None)

        read()
        bare_sql(YEAR)
        (kept_time, kept), (sql_time, sql) = median_times([read, lambda: bare_sql(YEAR)], runs)
        fresh = count_values(years=[YEAR])
        agree = kept == fresh and all(
            Decimal(str(value)) == Decimal(str(kept.get((p, YEAR, name), 0)))
            for (p, name), value in sql.items())
    finally:
        reopen_year_of(projects)
    ratio = kept_time / sql_time
    print(f"closed fiscal {YEAR}, read from the accepted reports (median of {runs}): "
          f"{kept_time * 1000:8.2f} ms; equal to a fresh count and the bare SQL: {agree}")
    print(f"closed year / bare SQL = {ratio:.3f}  (target ≤ 0.5: {verdict(ratio <= 0.5)})")
    if not agree:
        raise SystemExit("the closed year's kept figures differ from a fresh count")
    return ratio > 0.5


# --- Streaming memory ----------------------------------------------------------------------


def load_stream_rows() -> list[int]:
    """Visits in fiscal 1990 (1,000,000) and 1991 (100,000) of a separate project."""
    from services.models import Visit

    (project,) = base_objects(1, STREAM_CODE, 1990, 1991)
    rng = random.Random(1990)
    for size, year in STREAM_YEARS.items():
        first, last = days_of([year])[0], days_of([year])[-1]
        if Visit.objects.filter(project=project, date__range=(first, last)).count() == size:
            continue
        Visit.objects.filter(project=project, date__range=(first, last)).delete()
        table, columns = TABLE_COLUMNS["visits"]
        copy_rows(table, ["project_id", "created_at", *columns],
                  record_rows("visits", [project.pk], size, days_of([year]), rng))
    return [project.pk]


def _proc_status_kib(key: str) -> int:
    with open("/proc/self/status") as status:
        return int(re.search(rf"^{key}:\s+(\d+) kB", status.read(), re.M).group(1))


def stream_child(size: int) -> None:
    """In a fresh process: stream the raw CSV of `size` rows and print
    "rows bytes rss-before-MB peak-growth-MB seconds tracemalloc-peak-MB".

    ru_maxrss never goes down, so growth below the peak that setting up Django left behind
    would read as 0.0. Instead the kernel's peak (VmHWM) is reset to the current RSS by
    writing 5 to /proc/self/clear_refs just before the stream (Linux): the growth then is
    the stream's own.
    """
    setup_django()
    from django.urls import reverse

    client = report_client()
    url = reverse("reports:raw_csv", args=["visits"])
    warm = client.get(url, {"year": 1985})  # warm-up with an empty year
    b"".join(warm.streaming_content)
    if os.environ.get("BENCH_TRACEMALLOC"):
        tracemalloc.start()
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")
    before = _proc_status_kib("VmRSS")
    started = time.perf_counter()
    response = client.get(url, {"year": STREAM_YEARS[size]})
    lines = 0
    bytes_out = 0
    for chunk in response.streaming_content:
        lines += chunk.count(b"\n")
        bytes_out += len(chunk)
    elapsed = time.perf_counter() - started
    growth = _proc_status_kib("VmHWM") - before
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if tracemalloc.is_tracing() else 0
    print(f"{lines - 1} {bytes_out} {before / 1024:.1f} {growth / 1024:.1f} {elapsed:.2f} "
          f"{traced:.1f}")


def run_stream_child(size: int, **env) -> list[str]:
    """The figures printed by `stream_child` in a new interpreter."""
    return subprocess.run(
        [sys.executable, __file__, "--stream-child", str(size)], check=True,
        capture_output=True, text=True, env={**os.environ, **env},
    ).stdout.split()[-6:]


def streaming() -> int:
    """Peak memory of streaming each raw CSV; the number of sizes missing the target.

    Two children per size: the RSS figures come from one without tracemalloc (which
    costs memory and time of its own); the Python allocation peak from a second.
    """
    missed = 0
    load_stream_rows()
    for size in STREAM_YEARS:
        rows, bytes_out, rss, growth, seconds, _ = run_stream_child(size)
        traced = run_stream_child(size, BENCH_TRACEMALLOC="1")[-1]
        met = float(growth) < 50 and float(traced) < 50
        missed += not met
        print(f"raw CSV of {int(rows):>9,} rows ({int(bytes_out) / 1e6:5.1f} MB sent in "
              f"{float(seconds):.1f} s), fresh process at {float(rss):.0f} MB RSS: "
              f"peak RSS grew by {float(growth):5.1f} MB, tracemalloc peak "
              f"{float(traced):.1f} MB (target < 50: {verdict(met)})")
    return missed


def drop_stream_rows() -> None:
    from services.models import Visit

    Visit.objects.filter(project__code__startswith=STREAM_CODE).delete()
    vacuum()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--stream-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--keep-stream-rows", action="store_true")
    args = parser.parse_args()
    if args.stream_child:
        stream_child(args.stream_child)
        return 0
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    projects = load(args.records)
    vacuum()  # a settled database, as autovacuum leaves it
    missed = timings(projects, args.runs)
    missed += closed_year(projects, args.runs)
    missed += streaming()
    if not args.keep_stream_rows:
        drop_stream_rows()
    if missed:
        print(f"{missed} target(s) missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
