"""Retention: closed reports older than the retention period lose their free text and
family reference; what the indicators count (project, dates, category, urgency,
intervention) stays."""

import datetime

from django.conf import settings
from django.db import transaction

from partnership import audit, clock

from .models import FamilyReport


def limit(now: datetime.datetime, years: int) -> datetime.datetime:
    """The moment `years` years before `now` (29 February falls back to the 28th)."""
    try:
        return now.replace(year=now.year - years)
    except ValueError:
        return now.replace(year=now.year - years, day=28)


@transaction.atomic
def anonymise_closed(*, years: int | None = None) -> int:
    """Anonymise every report closed at least `years` years ago (the setting by default);
    returns how many. Each one is its own audit row, recorded as the system's."""
    years = settings.FAMILY_REPORT_RETENTION_YEARS if years is None else years
    now = clock.now()
    due = (FamilyReport.objects.select_for_update()
           .filter(status=FamilyReport.Status.CLOSED, anonymised_at__isnull=True,
                   closed_at__lte=limit(now, years))
           .order_by("pk"))
    count = 0
    for report in due:
        for name in FamilyReport.TEXT_FIELDS:
            setattr(report, name, "")
        report.anonymised_at = now
        report.save(update_fields=[*FamilyReport.TEXT_FIELDS, "anonymised_at"])
        audit.record(actor=None, action="family_report.anonymised", subject=report,
                     after={"retention_years": years})
        count += 1
    return count
