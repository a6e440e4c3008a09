"""Time `import_records` on 100,000 activity rows against a plain PostgreSQL COPY of them.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \
        .venv/bin/python bench/import_records.py [--rows 100000] [--runs 3]

The database is migrated if needed; the bench project, its rows and import batches are
removed at the end. The import goes through the real command (read, decode, parse,
validate every cell, save in one transaction, audit history); the COPY loads the same
rows, already resolved to project ids and with the same import batch column (so the
same foreign-key checks at commit), with psycopg2's copy_expert; both include the
commit. The target is an import at most 5 times slower than the COPY (issue 4).
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
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnership.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from partnership.models import CitizenGroup, User  # noqa: E402
from proposals.models import Call, Proposal  # noqa: E402
from services.models import Activity, ImportBatch, Project, RecordChange  # noqa: E402

CODE = "bench-import"
DESCRIPTIONS = ["預かり", "送迎", "子育て相談", "産前産後の家事援助", "病後児の預かり"]


def bench_project() -> Project:
    project = Project.objects.filter(code=CODE).first()
    if project:
        return project
    user, _ = User.objects.get_or_create(username="bench-import")
    group, _ = CitizenGroup.objects.get_or_create(name="bench-import",
                                                  defaults={"contact_email": "b@example.jp"})
    now = timezone.now()
    call = Call.objects.create(fiscal_year=2011, title="bench", opens_at=now,
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
    started = time.perf_counter()
    call_command("import_records", "activities", str(path), stdout=io.StringIO())
    return time.perf_counter() - started


def time_copy(rows, project_id: int, run: int) -> float:
    """COPY the rows with the columns the import fills (so with the same foreign keys)."""
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


def clean(project: Project) -> None:
    Activity.objects.filter(project=project).delete()
    RecordChange.objects.filter(project=project).delete()
    ImportBatch.objects.filter(filename__startswith="activities-").delete()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("Set DATABASE_URL to a PostgreSQL database: COPY is PostgreSQL's.")
        return 2
    call_command("migrate", verbosity=0)
    project = bench_project()
    clean(project)
    imports, copies = [], []
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
    print(f"rows: {args.rows}, runs: {args.runs}")
    print("import_records: " + ", ".join(f"{t:.2f}s" for t in imports))
    print("COPY:           " + ", ".join(f"{t:.2f}s" for t in copies))
    for name, pick in (("best", min), ("median", statistics.median)):
        ratio = pick(imports) / pick(copies)
        print(f"{name}: import {pick(imports):.2f}s / COPY {pick(copies):.2f}s = {ratio:.1f}x "
              "(target <= 5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
