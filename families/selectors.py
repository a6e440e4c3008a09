"""Reads of family-situation reports: the list a person may see (never the free text),
the projects they may file for, the years that have reports. Fixed query counts."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from partnership.fiscal import fiscal_year_bounds, fiscal_year_of
from partnership.selectors import member_group_ids
from services.models import Project

from .models import FamilyReport
from .rules import is_child_welfare_officer


def visible_reports(user) -> QuerySet:
    """Every report for an officer; the reports of the projects run by a staff member's
    groups otherwise."""
    reports = FamilyReport.objects.all()
    if not is_child_welfare_officer(user):
        reports = reports.filter(project__group_id__in=member_group_ids(user))
    # A list never reads (nor decrypts) the free text: only a report's own page does.
    return (reports.defer(*FamilyReport.TEXT_FIELDS).select_related("project")
            .order_by("-filed_at", "-pk"))


def projects_to_file_for(user) -> QuerySet:
    """The user's groups' projects whose agreement in force includes family contacts."""
    return (Project.objects.filter(group_id__in=member_group_ids(user),
                                   agreements__status="in_force",
                                   agreements__family_contacts=True)
            .distinct().order_by("code"))


def year_window(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The fiscal year as moments in the portal's time zone: [start, next start)."""
    first, last = fiscal_year_bounds(year)
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(
        last + datetime.timedelta(days=1), datetime.time.min))
    return start, end


def years_with_reports() -> list[int]:
    """Fiscal years from the first report's to the current one, newest first."""
    first = FamilyReport.objects.order_by("filed_at").values_list("filed_at", flat=True).first()
    current = fiscal_year_of(timezone.localdate())
    if first is None:
        return [current]
    return list(range(current, fiscal_year_of(timezone.localtime(first).date()) - 1, -1))
