"""Public accountability: what a project agreed and achieved, and what became of a call
year's decided proposals. Only what is published: agreements in force or superseded (no
draft), closed years with an accepted report, decisions with their reasons; groups and
departments by name, no person."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.fiscal import fiscal_year_bounds, fiscal_year_of
from proposals.models import Proposal, Status
from services import selectors as service_selectors
from services.agreement_models import Agreement
from services.models import Project, Renewal

from .charts import Chart, Series, bar_chart
from .export import fiscal_year_labels
from .selectors import ProjectYear, project_indicators


@dataclass
class ProjectRecord:
    project: Project
    versions: list[Agreement]  # in force and superseded, newest first
    published: list  # services.selectors.PublishedYear, newest first
    rows: list[ProjectYear]  # the published years' indicators, oldest first
    renewals: list[Renewal]  # the mayor's office's decisions, oldest first

    @property
    def agreement(self) -> Agreement | None:
        return next((v for v in self.versions if v.status == Agreement.Status.IN_FORCE), None)

    @property
    def agreed_until(self):
        """The agreed period's end: the agreement's, or a later renewal's."""
        ends = [r.ends_on for r in self.renewals if r.renews]
        return max([self.agreement.ends_on, *ends]) if self.agreement else None

    @property
    def cost_shares(self) -> list[tuple[int, int, int]]:
        """(fiscal year, city's contribution, group's share) over the agreed period, each
        year's as agreed by the last version in force before that year ended (an amendment
        changes the years from its own on, not those before it)."""
        agreement = self.agreement
        if agreement is None:
            return []
        versions = (sorted((v for v in self.versions if v.in_force_from),
                           key=lambda v: v.version) or [agreement])
        shares = []
        for year in range(fiscal_year_of(agreement.starts_on),
                          fiscal_year_of(self.agreed_until) + 1):
            year_end = fiscal_year_bounds(year)[1]
            agreed = [v for v in versions
                      if v.in_force_from and timezone.localdate(v.in_force_from) <= year_end]
            version = agreed[-1] if agreed else versions[0]
            shares.append((year, version.city_contribution, version.group_share))
        return shares

    @property
    def table(self) -> list[tuple[str, list]]:
        """(indicator label, its Result per published year) for the indicators with a
        target or a recorded figure in one of them."""
        if not self.rows:
            return []
        table = []
        for index, result in enumerate(self.rows[0].results):
            cells = [row.results[index] for row in self.rows]
            if any(cell.target is not None or cell.recorded for cell in cells):
                table.append((result.indicator.label, cells))
        return table

    def chart(self) -> Chart | None:
        """Each targeted indicator's result as a share of its target, one bar per year."""
        targeted = [(label, cells) for label, cells in self.table
                    if any(cell.percent is not None for cell in cells)]
        if not targeted:
            return None
        years = fiscal_year_labels(row.year for row in self.rows)
        return bar_chart(
            chart_id="accountability-chart",
            title=_("Results as a share of the targets (%)"),
            categories=[str(label) for label, _cells in targeted],
            series=[Series(year, [cells[i].percent or 0 for _label, cells in targeted])
                    for i, year in enumerate(years)],
            x_label=_("Indicator"), y_label=_("Share of the target (%)"),
        )


def project_record(project: Project) -> ProjectRecord:
    """Queries: one for the versions, one for the renewals, the published years' (see
    `published_years`), and those of `project_indicators` over them (closed years read the
    reports' kept figures)."""
    versions = list(project.agreements.exclude(status=Agreement.Status.DRAFT)
                    .order_by("-version"))
    published = service_selectors.published_years(project)
    rows: list[ProjectYear] = []
    if published:
        years = {entry.fiscal_year for entry in published}
        rows = [row for row in project_indicators(min(years), max(years), project=project)
                if row.year in years]
    return ProjectRecord(project, versions, published, rows,
                         service_selectors.renewals(project))


def decided_proposals(year: int):
    """The call year's chosen and declined proposals with their group, decision and
    project (if any): one query."""
    return (Proposal.objects.filter(call__fiscal_year=year,
                                    status__in=(Status.CHOSEN, Status.DECLINED))
            .select_related("group", "decision", "project", "project__department", "call")
            .order_by("status", "call__opens_at", "title"))


@dataclass(frozen=True)
class Outcome:
    proposal: Proposal
    state: str  # "running", "ended", "not_started" or "" (no project)

    @property
    def project(self) -> Project | None:
        return getattr(self.proposal, "project", None)


def outcomes(year: int) -> list[Outcome]:
    """What became of each decided proposal of the call year, with its project's state
    today."""
    today = service_selectors.today()
    found = []
    for proposal in decided_proposals(year):
        project = getattr(proposal, "project", None)
        state = "" if project is None else (
            "not_started" if project.starts_on > today
            else "ended" if project.ends_on < today else "running")
        found.append(Outcome(proposal, state))
    return found


def call_years() -> list[int]:
    """The call years with a decided proposal, newest first."""
    return list(Proposal.objects.filter(status__in=(Status.CHOSEN, Status.DECLINED))
                .order_by("-call__fiscal_year").values_list("call__fiscal_year", flat=True)
                .distinct())
