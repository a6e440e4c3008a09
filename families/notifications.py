"""Who hears of a family-situation report, and what they are told: never its content, only
that there is one to read, behind the sign-in. Written in the action's transaction,
mailed by the queue in each recipient's language."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnership import notices
from partnership.roles import Role

from .models import FamilyReport

notices.register("family_report_urgent",
                 label=_("An urgent family-situation report is filed (child-welfare officers)"),
                 template="families/notices/urgent")
notices.register("family_report_filed",
                 label=_("A family-situation report is filed (child-welfare officers)"),
                 template="families/notices/filed")
notices.register("family_report_acknowledged",
                 label=_("The city acknowledges a family-situation report of my project"),
                 template="families/notices/acknowledged")
notices.register("family_report_closed",
                 label=_("The city closes a family-situation report of my project"),
                 template="families/notices/closed")


def officers() -> QuerySet:
    """Every designated child-welfare officer: an administrator in the officers' group is
    none (`rules.is_child_welfare_officer`), and is not told of reports."""
    return (get_user_model().objects.filter(groups__name=Role.CHILD_WELFARE_OFFICER.value)
            .exclude(is_superuser=True).exclude(is_staff=True)
            .exclude(groups__name=Role.ADMINISTRATOR.value))


def filing_staff(report: FamilyReport) -> QuerySet:
    return get_user_model().objects.filter(
        group_memberships__group=report.project.group_id,
        groups__name=Role.PROJECT_STAFF.value)


ROUTES = {
    "family_report_urgent": lambda report: officers(),
    "family_report_filed": lambda report: officers(),
    "family_report_acknowledged": filing_staff,
    "family_report_closed": filing_staff,
}


def send(kind: str, report: FamilyReport) -> None:
    notices.notify(
        recipients=ROUTES[kind](report), kind=kind,
        path=reverse("families:report", kwargs={"pk": report.pk}),
        params={"number": report.pk, "project": report.project.title})
