"""Who hears of a fiscal year's steps, and where their link leads (the kinds named in the
transition table's `notify`). Written in the action's transaction, mailed by the queue."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnership import follows, notices

from .models import Agreement, AnnualReport, Project, ProjectYear

notices.register("targets_set",
                 label=_("A project's targets await agreement (partner department)"),
                 template="services/notices/targets_set")
notices.register("targets_agreed", label=_("The department agrees my project's targets"),
                 template="services/notices/targets_agreed")
notices.register("agreement_drafted",
                 label=_("An agreement or amendment of my project awaits confirmation"),
                 template="services/notices/agreement_drafted")
notices.register("agreement_confirmed",
                 label=_("One side confirms my project's agreement"),
                 template="services/notices/agreement_confirmed")
notices.register("agreement_in_force", label=_("My project's agreement comes into force"),
                 template="services/notices/agreement_in_force")
notices.register("report_submitted",
                 label=_("An annual report awaits the department's decision"),
                 template="services/notices/report_submitted")
notices.register("report_returned", label=_("My project's annual report is returned"),
                 template="services/notices/report_returned")
notices.register("report_accepted", label=_("My project's annual report is accepted"),
                 template="services/notices/report_accepted")
notices.register("renewal_decided",
                 label=_("The mayor's office decides whether my project continues"),
                 template="services/notices/renewal_decided")
notices.register("year_closed", label=_("A fiscal year of my project is closed"),
                 template="services/notices/year_closed")


def _project(obj) -> Project:
    return obj if isinstance(obj, Project) else obj.project


def _partner_officers(obj) -> QuerySet:
    department_id = _project(obj).department_id
    if department_id is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(departments=department_id)


def _operating_group(obj) -> QuerySet:
    return get_user_model().objects.filter(group_memberships__group=_project(obj).group_id)


def _both_sides(obj) -> list:
    return [*_operating_group(obj), *_partner_officers(obj)]


# kind -> who is told (the link opens the project's page at that year)
ROUTES = {
    "targets_set": _partner_officers,
    "targets_agreed": _operating_group,
    "year_closed": _operating_group,
    "renewal_decided": _both_sides,
    "agreement_drafted": _operating_group,
    "agreement_confirmed": _both_sides,
    "agreement_in_force": _both_sides,
    "report_submitted": _partner_officers,
    "report_returned": _operating_group,
    "report_accepted": _operating_group,
}


follows.register("project", model=Project, permission="services.read_project",
                 page=lambda project: reverse("services:project_detail",
                                              kwargs={"code": project.code}))
# What those who follow a project hear of: its public steps.
FOLLOWED = {"year_closed": _("A fiscal year was closed"),
            "renewal_decided": _("The mayor's office decided whether the project continues"),
            "agreement_in_force": _("A version of the agreement came into force")}


def _tell(kind: str, project: Project, *, path: str, **params) -> None:
    """Notify the kind's recipients (and, for a public step, the project's followers)."""
    recipients = ROUTES[kind](project)
    if kind in FOLLOWED:
        follows.tell_followers(project, subject=project, change=FOLLOWED[kind],
                               told=recipients)
    notices.notify(recipients=recipients, kind=kind, path=path,
                   params={"project": project.title, "code": project.code, **params})


def _page(project: Project, year: int) -> str:
    """The project's page at that fiscal year."""
    return reverse("services:project_detail", kwargs={"code": project.code}) + f"?year={year}"


def send(kind: str, year: ProjectYear) -> None:
    _tell(kind, year.project, path=_page(year.project, year.fiscal_year),
          year=year.fiscal_year)


def send_agreement(kind: str, agreement: Agreement) -> None:
    project = agreement.project
    _tell(kind, project, path=reverse("services:agreement", kwargs={"code": project.code}),
          version=agreement.version)


def send_report(kind: str, report: AnnualReport) -> None:
    project = report.project
    _tell(kind, project, year=report.fiscal_year, path=reverse(
        "services:annual_report", kwargs={"code": project.code, "year": report.fiscal_year}))


def send_renewal(kind: str, renewal) -> None:
    """The decision in the notice itself: whether the project continues, and to when."""
    _tell(kind, renewal.project, path=_page(renewal.project, renewal.fiscal_year),
          year=renewal.fiscal_year, renews=renewal.renews,
          until=renewal.ends_on.isoformat() if renewal.ends_on else "")
