"""Annual reports for tests: one accepted through the actions, or put in place directly
for tests about something else (no audit rows, no notices)."""

from partnership.models import User
from services import actions
from services.indicators import count_values, frozen_figures
from services.models import AnnualReport, Project, ProjectYear

from .conftest import officer_of, staff_of

NARRATIVE = "子育て家庭への訪問と預かりを続けた。"
LINES = [("人件費", 1_200_000, 300_000), ("会場費", 240_000, 0)]


def submitted(project: Project, year: int, *, staff: User | None = None) -> AnnualReport:
    staff = staff or staff_of(project)
    actions.write_report(actor=staff, project=project, year=year, narrative=NARRATIVE,
                         lines=LINES)
    return actions.submit_report(actor=staff, project=project, year=year)


def accepted(project: Project, year: int) -> AnnualReport:
    """Written, submitted and accepted through the actions."""
    submitted(project, year)
    return actions.accept_report(actor=officer_of(project), project=project, year=year)


def accepted_quietly(project: Project, year: int) -> AnnualReport:
    """An accepted report keeping the year's figures, without its history."""
    row = ProjectYear.objects.get(project=project, fiscal_year=year)
    figures = frozen_figures(count_values(years=[year], projects=[project.pk]))
    return AnnualReport.objects.create(year=row, status=AnnualReport.Status.ACCEPTED,
                                       narrative=NARRATIVE, figures=figures,
                                       written_by=staff_of(project))
