"""The data of bench/reports.py: projects made with the ORM and service records loaded with
PostgreSQL's COPY (only when the count differs from the one asked for)."""

from __future__ import annotations

import datetime
import io
import random
import time
from decimal import Decimal

YEAR = 2011
YEARS = range(2009, 2014)  # the records' fiscal years
PROJECTS = 6
# Share of the records per kind.
KINDS = {"requests": 0.40, "activities": 0.20, "visits": 0.15, "courses": 0.15, "members": 0.10}

def base_objects(count: int, prefix: str, first_year: int, last_year: int):
    """Projects (with the call, group and chosen proposal they need), made with the ORM."""
    from partnership.fiscal import fiscal_year_bounds
    from partnership.models import CitizenGroup, User
    from proposals.models import Call, Proposal, Status
    from services.models import Project

    user, _ = User.objects.get_or_create(username="bench-user",
                                         defaults={"email": "bench@example.jp"})
    now = datetime.datetime(2008, 6, 1, tzinfo=datetime.UTC)
    call, _ = Call.objects.get_or_create(
        title=f"bench call {prefix}", defaults={
            "fiscal_year": 2008, "opens_at": now, "closes_at": now + datetime.timedelta(days=30),
            "quorum": Decimal("0.5"), "threshold": Decimal("0.6")})
    projects = []
    for n in range(count):
        code = f"{prefix}-{n + 1}"
        existing = Project.objects.filter(code=code).first()
        if existing:
            projects.append(existing)
            continue
        group, _ = CitizenGroup.objects.get_or_create(
            name=f"bench group {code}", defaults={"contact_email": "g@example.jp"})
        proposal = Proposal.objects.create(
            call=call, group=group, status=Status.CHOSEN, title=f"bench {code}", summary="-",
            created_by=user, submitted_at=now)
        projects.append(Project.objects.create(
            proposal=proposal, code=code, title=f"ベンチ事業 {n + 1}", group=group,
            starts_on=fiscal_year_bounds(first_year)[0], ends_on=fiscal_year_bounds(last_year)[1]))
    return projects


def copy_rows(table: str, columns: list[str], rows) -> None:
    from django.db import connection

    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(row))
        buffer.write("\n")
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)


def record_rows(kind: str, project_ids: list[int], count: int, days: list[datetime.date],
                rng: random.Random):
    stamp = "2026-01-01 00:00:00+00"
    for _ in range(count):
        project = str(rng.choice(project_ids))
        day = rng.choice(days).isoformat()
        if kind == "requests":
            status = rng.choice(("handled", "handled", "handled", "open", "declined"))
            yield project, stamp, day, rng.choice(("相談", "預かり", "情報提供")), status
        elif kind == "activities":
            yield project, stamp, day, f"{rng.randint(25, 800) / 100:.2f}", "活動"
        elif kind == "visits":
            yield project, stamp, day, str(rng.randint(1, 60)), rng.choice(("調理室", "工作室"))
        elif kind == "courses":
            organiser = rng.choice(("members", "professionals", "citizens"))
            yield (project, stamp, day, "講座", organiser, str(rng.randint(3, 30)), "", "")
        else:
            yield project, stamp, day, rng.choice(("t", "f"))


TABLE_COLUMNS = {
    "requests": ("services_servicerequest", ["received_on", "category", "status"]),
    "activities": ("services_activity", ["date", "hours", "description"]),
    "visits": ("services_visit", ["date", "users", "facility"]),
    "courses": ("services_course",
                ["start_date", "title", "organiser", "participants", "venue", "audience"]),
    "members": ("services_memberjoined", ["joined_on", "former_user"]),
}


def days_of(years) -> list[datetime.date]:
    from partnership.fiscal import fiscal_year_bounds

    days = []
    for year in years:
        day, last = fiscal_year_bounds(year)
        while day <= last:
            days.append(day)
            day += datetime.timedelta(days=1)
    return days


def record_count(project_ids=None) -> int:
    from services.kinds import KINDS as RECORD_KINDS

    total = 0
    for kind in RECORD_KINDS.values():
        records = kind.model.objects.all()
        if project_ids is not None:
            records = records.filter(project_id__in=project_ids)
        total += records.count()
    return total


def vacuum() -> None:
    """What autovacuum would do soon after a bulk load: statistics and the visibility map
    (index-only scans need it)."""
    from django.db import connection

    with connection.cursor() as cursor:
        for table, _columns in TABLE_COLUMNS.values():
            cursor.execute(f"VACUUM ANALYZE {table}")


def load(total: int) -> list:
    from django.db import connection

    projects = base_objects(PROJECTS, "bench", YEARS[0], YEARS[-1])
    ids = [p.pk for p in projects]
    if record_count(ids) == total:
        print(f"data: {total:,} records already loaded")
        return projects
    started = time.perf_counter()
    rng = random.Random(2011)
    days = days_of(YEARS)
    with connection.cursor() as cursor:
        for table, _columns in TABLE_COLUMNS.values():
            cursor.execute(f"DELETE FROM {table} WHERE project_id = ANY(%s)", [ids])
    remaining = total
    for index, (kind, share) in enumerate(KINDS.items()):
        count = remaining if index == len(KINDS) - 1 else int(total * share)
        remaining -= count
        table, columns = TABLE_COLUMNS[kind]
        copy_rows(table, ["project_id", "created_at", *columns],
                  record_rows(kind, ids, count, days, rng))
    vacuum()
    print(f"data: loaded {total:,} records with COPY in {time.perf_counter() - started:.1f} s "
          f"({PROJECTS} projects, fiscal {YEARS[0]}–{YEARS[-1]}, 5 kinds)")
    return projects
