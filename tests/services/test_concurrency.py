"""Submitting a fiscal year's annual report (which locks its records, counted in the
report) while records are written into it, on PostgreSQL (real threads, real
transactions, started together by a barrier).

The actions lock the year's row: an import or an entry that took the lock first is in
before the report is submitted; one that waited finds the records locked and saves
nothing. Never is a record added to a year after its report's submission (nor, then,
after its closing, which needs the report accepted). That these tests catch a missing lock is
checked with the pytest plugin `noyearlock` in scripts/experiments (it says how to run it).
"""

import datetime
from decimal import Decimal

from partnership.models import AuditEntry
from services import actions, importing
from services.kinds import KINDS
from services.models import Activity, ProjectYear
from tests.threads import ON_POSTGRESQL, run_together

from .conftest import make_project, staff_of
from .report_data import LINES, NARRATIVE

WRITERS = 12

pytestmark = ON_POSTGRESQL


def _file(code: str, index: int) -> importing.ParsedFile:
    data = f"project,date,hours,description\n{code},2011-06-{index + 1:02d},1,{index}\n"
    return importing.parse(data.encode(), kind="activities", filename=f"{index}.csv")


def _assert_nothing_after_the_closing(project, outcomes) -> None:
    closing = AuditEntry.objects.get(action="report.submitted")
    written = AuditEntry.objects.filter(action__in=("record.created", "records.imported"))
    assert all(row.created_at < closing.created_at for row in written)
    # Each writer either wrote its row before the closing or was refused and wrote nothing.
    assert outcomes["ok"] == 1 + written.count()
    assert outcomes["ServiceError"] == WRITERS - written.count()
    assert Activity.objects.filter(project=project).count() == written.count()
    assert ProjectYear.objects.get(project=project, fiscal_year=2011).report.locks_records


def _draft(project) -> None:
    actions.write_report(actor=staff_of(project), project=project, year=2011,
                         narrative=NARRATIVE, lines=LINES)


def test_imports_racing_the_closing_of_their_year():
    project = make_project()
    staff = staff_of(project)
    _draft(project)
    files = [_file(project.code, index) for index in range(WRITERS)]
    assert all(parsed.ok for parsed in files)

    def work(i: int) -> None:
        if i == WRITERS:
            actions.submit_report(actor=staff, project=project, year=2011)
        else:
            actions.import_records(actor=None, parsed=files[i])

    _assert_nothing_after_the_closing(project, run_together(work, WRITERS + 1))


def test_entries_racing_the_closing_of_their_year():
    project = make_project()
    staff = staff_of(project)
    _draft(project)

    def work(i: int) -> None:
        if i == WRITERS:
            actions.submit_report(actor=staff, project=project, year=2011)
        else:
            actions.create_records(actor=staff, project=project, kind=KINDS["activities"],
                                   rows=[{"date": datetime.date(2011, 6, i + 1),
                                          "hours": Decimal(1)}])

    _assert_nothing_after_the_closing(project, run_together(work, WRITERS + 1))
