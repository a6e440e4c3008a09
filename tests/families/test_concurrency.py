"""Two officers at once on PostgreSQL: the row lock lets one acknowledge (or close) a report
and refuses the others, with one audit row and one notice to the group; and the raw column
holds no plain text there either."""

from django.db import connection

from families import actions
from families.errors import FamilyReportError
from families.models import FamilyReport
from partnership.models import AuditEntry, Notification
from tests.threads import ON_POSTGRESQL, run_together

from .helpers import REFERENCE, SECRET, report_in, welfare_officer

pytestmark = ON_POSTGRESQL
N = 8


def test_one_acknowledgement_among_many():
    report = report_in("filed")
    officers = [welfare_officer() for _ in range(N)]
    outcomes = run_together(
        lambda i: actions.acknowledge_report(actor=officers[i], report=report), n=N)
    assert outcomes == {"ok": 1, FamilyReportError.__name__: N - 1}
    assert AuditEntry.objects.filter(action="family_report.acknowledged").count() == 1
    assert Notification.objects.filter(kind="family_report_acknowledged").count() == 1


def test_one_closing_among_many():
    officer = welfare_officer()
    report = report_in("intervened", officer=officer)
    outcomes = run_together(lambda i: actions.close_report(actor=officer, report=report), n=N)
    assert outcomes == {"ok": 1, FamilyReportError.__name__: N - 1}
    assert FamilyReport.objects.get(pk=report.pk).status == "closed"


def test_no_plain_text_in_postgresql():
    report = report_in("filed")
    with connection.cursor() as cursor:
        cursor.execute("SELECT observed::text || family_reference::text "
                       "FROM families_familyreport WHERE id = %s", [report.pk])
        raw = cursor.fetchone()[0]
    assert SECRET not in raw and REFERENCE not in raw
