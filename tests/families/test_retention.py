"""Anonymisation after the retention period: the free text and family reference of
reports closed at least N years ago go, their counts stay; around the limit exactly."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection

from families import indicators, retention
from families.models import FamilyReport
from partnership import clock
from partnership.models import AuditEntry

from .helpers import REFERENCE, SECRET, report_in, welfare_officer

pytestmark = pytest.mark.django_db

CLOSED = datetime.datetime(2015, 6, 1, 3, 0, tzinfo=datetime.UTC)


def _closed_report():
    report = report_in("intervened")
    with clock.at(CLOSED):
        from families import actions
        return actions.close_report(actor=welfare_officer(), report=report)


@pytest.mark.parametrize(("now", "anonymised"), [
    (CLOSED.replace(year=2020) - datetime.timedelta(seconds=1), False),
    (CLOSED.replace(year=2020), True),
    (CLOSED.replace(year=2020) + datetime.timedelta(days=1), True),
])
def test_around_the_limit(settings, now, anonymised):
    settings.FAMILY_REPORT_RETENTION_YEARS = 5
    report = _closed_report()
    with clock.at(now):
        count = retention.anonymise_closed()
    assert count == int(anonymised)
    fresh = FamilyReport.objects.get(pk=report.pk)
    assert (fresh.anonymised_at is not None) == anonymised
    assert (fresh.observed == "" and fresh.family_reference == "") == anonymised


def test_what_stays_and_the_audit_row(settings):
    settings.FAMILY_REPORT_RETENTION_YEARS = 1
    report = _closed_report()
    before = indicators.for_year(report.filed_at.year if report.filed_at.month >= 4
                                 else report.filed_at.year - 1)
    with clock.at(CLOSED.replace(year=2017)):
        assert retention.anonymise_closed() == 1
        assert retention.anonymise_closed() == 0  # once
    fresh = FamilyReport.objects.get(pk=report.pk)
    assert [getattr(fresh, name) for name in FamilyReport.TEXT_FIELDS] == [""] * 5
    assert (fresh.category, fresh.urgency, fresh.intervention) == (
        report.category, report.urgency, report.intervention)
    after = indicators.for_year(before.year)
    assert after == before
    row = AuditEntry.objects.get(action="family_report.anonymised")
    assert row.actor is None and row.subject_id == report.pk
    with connection.cursor() as cursor:
        cursor.execute("SELECT observed, family_reference FROM families_familyreport")
        assert cursor.fetchall() == [("", "")]


def test_open_reports_are_kept_however_old(settings):
    settings.FAMILY_REPORT_RETENTION_YEARS = 0
    report = report_in("acknowledged")
    assert retention.anonymise_closed() == 0
    assert FamilyReport.objects.get(pk=report.pk).observed == SECRET


def test_the_command_runs_now_or_through_the_queue(settings, run_tasks):
    settings.FAMILY_REPORT_RETENTION_YEARS = 0
    report = _closed_report()
    out = io.StringIO()
    call_command("anonymise_family_reports", "--queue", stdout=out)
    assert FamilyReport.objects.get(pk=report.pk).family_reference == REFERENCE
    run_tasks()
    assert FamilyReport.objects.get(pk=report.pk).anonymised_at is not None
    call_command("anonymise_family_reports", "--years", "0", stdout=out)
    assert "0 family-situation reports anonymised" in out.getvalue()


def test_the_command_refuses_a_nonsense_period():
    from django.core.management.base import CommandError
    with pytest.raises(CommandError):
        call_command("anonymise_family_reports", "--years", "-1")
