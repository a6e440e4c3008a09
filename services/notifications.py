"""Who hears of a fiscal year's steps, and where their link leads (the kinds named in the
transition table's `notify`). Written in the action's transaction, mailed by the queue."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnership import notices

from .models import ProjectYear

notices.register("targets_set",
                 label=_("A project's targets await agreement (partner department)"),
                 template="services/notices/targets_set")
notices.register("targets_agreed", label=_("The department agrees my project's targets"),
                 template="services/notices/targets_agreed")
notices.register("year_closed", label=_("A fiscal year of my project is closed"),
                 template="services/notices/year_closed")


def _partner_officers(year: ProjectYear) -> QuerySet:
    department_id = year.project.department_id
    if department_id is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(departments=department_id)


def _operating_group(year: ProjectYear) -> QuerySet:
    return get_user_model().objects.filter(group_memberships__group=year.project.group_id)


# kind -> who is told (the link opens the project's page at that year)
ROUTES = {
    "targets_set": _partner_officers,
    "targets_agreed": _operating_group,
    "year_closed": _operating_group,
}


def send(kind: str, year: ProjectYear) -> None:
    project = year.project
    path = reverse("services:project_detail", kwargs={"code": project.code})
    notices.notify(
        recipients=ROUTES[kind](year), kind=kind, path=f"{path}?year={year.fiscal_year}",
        params={"project": project.title, "code": project.code, "year": year.fiscal_year},
    )
