"""Time `import_records` on 100,000 activity rows against a plain PostgreSQL COPY of them.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python bench/import_records.py [--rows 100000] [--runs 5]

Not a test. Without DATABASE_URL it uses its own database, portal_bench on 127.0.0.1:5432,
created when missing and migrated, with the test settings (tests.settings), so it never
touches the portal's data. The bench project, its rows and import batches, and the call,
proposal, group and user made for it are removed at the end. The import goes through the
real command (read, decode, parse, validate every cell, save in one transaction, audit
history); the COPY loads the same rows, already resolved to project ids and with the same
import batch column (so the same foreign-key checks at commit), with psycopg2's
copy_expert; both include the commit. The target is an import at most 5 times slower than
the COPY (issue 4), by the median of the runs; exits 1 when it is missed.
"""

import argparse
import datetime
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")

TARGET_RATIO = 5.0
CODE = "bench-import"
DESCRIPTIONS = ["預かり", "送迎", "子育て相談", "産前産後の家事援助", "病後児の預かり"]


def setup_django() -> None:
    import django
    from benchdb import ensure_database

    ensure_database("bench/import_records.py")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def bench_project():
    """The bench's project, with the call, proposal, group and user it needs."""
    from django.utils import timezone

    from partnership.models import CitizenGroup, User
    from proposals.models import Call, Proposal
    from services.models import Project

    project = Project.objects.filter(code=CODE).first()
    if project:
        return project
    user, _ = User.objects.get_or_create(username=CODE)
    group, _ = CitizenGroup.objects.get_or_create(name=CODE,
                                                  defaults={"contact_email": "b@example.jp"})
    now = timezone.now()
    call = Call.objects.create(fiscal_year=2011, title=CODE, opens_at=now,
                               closes_at=now + datetime.timedelta(days=1),
                               quorum=0.5, threshold=0.5)
    proposal = Proposal.objects.create(call=call, group=group, title="bench", summary="bench",
                                       created_by=user)
    return Project.objects.create(proposal=proposal, code=CODE, title="bench", group=group,
                                  starts_on=datetime.date(2011, 4, 1),
                                  ends_on=datetime.date(2014, 3, 31))


def make_rows(n: int, seed: int) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    first = datetime.date(2011, 4, 1)
    return [
        ((first + datetime.timedelta(days=rng.randrange(365))).isoformat(),
         f"{rng.randrange(1, 33) / 4:.2f}", f"{rng.choice(DESCRIPTIONS)} {seed}")
        for _ in range(n)
    ]


def csv_file(rows, folder: Path, run: int) -> Path:
    path = folder / f"activities-{run}.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("project,date,hours,description\n")
        out.writelines(f"{CODE},{day},{hours},{text}\n" for day, hours, text in rows)
    return path


def time_import(path: Path) -> float:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("import_records", "activities", str(path), stdout=io.StringIO())
    return time.perf_counter() - started


def time_copy(rows, project_id: int, run: int) -> float:
    """COPY the rows with the columns the import fills (so with the same foreign keys)."""
    from django.db import connection, transaction
    from django.utils import timezone

    from services.models import Activity, ImportBatch

    batch = ImportBatch.objects.create(kind="activities", sha256=f"copy-{run}-{time.time()}",
                                       filename=f"activities-copy-{run}", rows=len(rows))
    now = timezone.now().isoformat()
    buffer = io.StringIO()
    buffer.writelines(f"{project_id},{batch.pk},{day},{hours},{text},{now}\n"
                      for day, hours, text in rows)
    buffer.seek(0)
    table = Activity._meta.db_table
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            f"COPY {table} (project_id, batch_id, date, hours, description, created_at) "
            "FROM STDIN WITH (FORMAT csv)", buffer,
        )
    return time.perf_counter() - started


def clean(project) -> None:
    """Delete the bench project's activities and their import batches (only those: the
    batches are found through the project's rows before they go). Their audit rows stay:
    the log is append-only."""
    from django.db import transaction

    from services.models import Activity, ImportBatch

    with transaction.atomic():
        activities = Activity.objects.filter(project=project)
        batch_ids = set(activities.exclude(batch=None).values_list("batch_id", flat=True))
        activities.delete()
        ImportBatch.objects.filter(pk__in=batch_ids).delete()


def remove(project) -> None:
    """Delete the bench project and the call, proposal, group and user made for it."""
    from django.db import transaction

    from partnership.models import CitizenGroup, User

    clean(project)
    proposal = project.proposal
    call = proposal.call
    with transaction.atomic():
        project.delete()
        proposal.delete()
        call.delete()
        CitizenGroup.objects.filter(name=CODE).delete()
        User.objects.filter(username=CODE).delete()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    setup_django()
    from services.models import Activity

    project = bench_project()
    clean(project)
    imports, copies = [], []
    try:
        with tempfile.TemporaryDirectory() as folder:
            for run in range(args.runs):
                rows = make_rows(args.rows, seed=run + int(time.time()))
                path = csv_file(rows, Path(folder), run)
                imports.append(time_import(path))
                assert Activity.objects.filter(project=project).count() == args.rows
                clean(project)
                copies.append(time_copy(rows, project.pk, run))
                assert Activity.objects.filter(project=project).count() == args.rows
                clean(project)
    finally:
        remove(project)
    print(f"rows: {args.rows}, runs: {args.runs}")
    print("import_records: " + ", ".join(f"{t:.2f}s" for t in imports))
    print("COPY:           " + ", ".join(f"{t:.2f}s" for t in copies))
    for name, pick in (("best", min), ("median", statistics.median)):
        ratio = pick(imports) / pick(copies)
        print(f"{name}: import {pick(imports):.2f}s / COPY {pick(copies):.2f}s = {ratio:.1f}x "
              f"(target <= {TARGET_RATIO:g}x)")
    ratio = statistics.median(imports) / statistics.median(copies)
    met = ratio <= TARGET_RATIO
    print(f"target (median): {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
