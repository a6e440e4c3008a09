"""Report queries: the proposal funnel and the projects' indicators, counted by the database.

Every figure of the report pages, the CSV and XLSX downloads and `export_indicators`
comes from the functions below, so the numbers cannot differ between them.

- The funnel is one grouped query on proposals (by the fiscal year of their call).
- The indicators come from `services.indicators.indicator_values`: one grouped query per
  record table, the fiscal year computed by the database.
- A project appears in a fiscal year when its period (start to end) overlaps that year,
  or when it has records dated in that year (so no recorded figure is ever left out).
  Within a year, every one of the 14 indicators is listed, zeros included.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from partnership.fiscal import fiscal_year_bounds, fiscal_year_of
from proposals.models import RECOMMENDED_STATUSES, Call, Proposal, Status
from services.indicators import (
    DECIMAL_INDICATORS,
    ORGANISERS,
    indicator_values,
    normalise,
    zero,
)
from services.models import Indicator, Project, Target

INDICATORS: tuple[Indicator, ...] = tuple(Indicator)


# --- The funnel -------------------------------------------------------------------------


@dataclass(frozen=True)
class Funnel:
    """Submitted → recommended → chosen, for one call year (or a span when year is None)."""

    year: int | None
    submitted: int = 0
    recommended: int = 0
    chosen: int = 0

    def steps(self) -> list[tuple[str, int]]:
        return [("proposals_submitted", self.submitted),
                ("proposals_recommended", self.recommended),
                ("proposals_chosen", self.chosen)]


def _funnel_by_call_year():
    """(call year, submitted, recommended, chosen) grouped by the calls' fiscal year."""
    return (
        Proposal.objects.order_by()
        .values_list("call__fiscal_year")
        .annotate(
            submitted=Count("pk", filter=Q(submitted_at__isnull=False)),
            recommended=Count("pk", filter=Q(status__in=RECOMMENDED_STATUSES)),
            chosen=Count("pk", filter=Q(status=Status.CHOSEN)),
        )
    )


def funnel_by_year(first: int, last: int) -> list[Funnel]:
    """The funnel for every call year from first to last (zeros included), one query.

    Submitted: ever submitted (withdrawn and ineligible ones included); recommended: the
    partnership recommended it, whatever the mayor decided; chosen: the mayor chose it.
    """
    rows = _funnel_by_call_year().filter(
        call__fiscal_year__gte=first, call__fiscal_year__lte=last)
    found = {year: Funnel(year, submitted, recommended, chosen)
             for year, submitted, recommended, chosen in rows}
    return [found.get(year, Funnel(year)) for year in range(first, last + 1)]


def funnel_total(funnels: Iterable[Funnel]) -> Funnel:
    funnels = list(funnels)
    return Funnel(
        None,
        sum(f.submitted for f in funnels),
        sum(f.recommended for f in funnels),
        sum(f.chosen for f in funnels),
    )


# --- Indicators per project and year ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Result:
    """One indicator of one project in one year: its result, target and result / target.

    `recorded` is False when the project has no record of the indicator's kind that year:
    its `value` is a zero for the sums, but a page shows `shown`, None (a dash), not a 0.
    """

    indicator: Indicator
    value: int | Decimal
    target: Decimal | None = None
    recorded: bool = True

    @property
    def shown(self) -> int | Decimal | None:
        return self.value if self.recorded else None

    @property
    def ratio(self) -> Decimal | None:
        if not self.target or not self.recorded:
            return None
        return (Decimal(self.value) / self.target).quantize(Decimal("0.001"))

    @property
    def percent(self) -> Decimal | None:
        ratio = self.ratio
        return None if ratio is None else (ratio * 100).quantize(Decimal("0.1"))


@dataclass
class ProjectYear:
    """Every indicator of one project in one fiscal year, in the order of `Indicator`."""

    project: Project
    year: int
    results: list[Result] = field(default_factory=list)

    def value(self, indicator: str) -> int | Decimal:
        for result in self.results:
            if result.indicator == indicator:
                return result.value
        return zero(indicator)

    def organisers(self) -> list[tuple[str, int, int]]:
        """(organiser label, courses, participants) in the order of Course.Organiser."""
        return [(organiser.label, self.value(courses), self.value(participants))
                for organiser, courses, participants in ORGANISERS]


def _overlaps(project: Project, year: int) -> bool:
    first, last = fiscal_year_bounds(year)
    return project.starts_on <= last and project.ends_on >= first


def _as_result(indicator: str, target: Decimal):
    """A count's target as an integer when it is whole; hours with two places."""
    if indicator in DECIMAL_INDICATORS or target != target.to_integral():
        return normalise(indicator, target) if indicator in DECIMAL_INDICATORS else target
    return int(target)


def project_indicators(first: int, last: int, project: Project | None = None) -> list[ProjectYear]:
    """Every indicator of every project for the fiscal years first..last, with targets.

    Ordered by year, then project code. Queries: one per record table (in
    `indicator_values`), one for the projects, one for the targets.
    """
    years = list(range(first, last + 1))
    values = indicator_values(years=years, projects=[project] if project else None)
    span_first, span_last = fiscal_year_bounds(first)[0], fiscal_year_bounds(last)[1]
    # (project, year) with at least one record: listed even outside the project's period.
    has_values = {(project_id, year) for (project_id, year, _i), value in values.items() if value}
    if project is not None:
        projects = [project]
    else:
        recorded = {project_id for project_id, _year in has_values}
        projects = list(
            Project.objects.filter(
                Q(starts_on__lte=span_last, ends_on__gte=span_first) | Q(pk__in=recorded)
            ).order_by("code")
        )
    # Targets as the results they stand beside: a count as an integer, hours with two places.
    targets = {
        (project_id, year, indicator): _as_result(indicator, value)
        for project_id, year, indicator, value in Target.objects.filter(
            fiscal_year__gte=first, fiscal_year__lte=last,
            **({"project": project} if project else {}),
        ).order_by().values_list("project_id", "fiscal_year", "indicator", "value")
    }
    # (indicator, its key, its zero): indicator_values already gives ints and two-place hours.
    indicators = [(indicator, indicator.value, zero(indicator)) for indicator in INDICATORS]
    table = []
    for year in years:
        for item in projects:
            if not (_overlaps(item, year) or (item.pk, year) in has_values):
                continue
            table.append(ProjectYear(item, year, [
                Result(indicator, values.get((item.pk, year, key), nothing),
                       targets.get((item.pk, year, key)), (item.pk, year, key) in values)
                for indicator, key, nothing in indicators
            ]))
    return table


def totals(rows: Iterable[ProjectYear]) -> dict[str, int | Decimal | None]:
    """Each indicator summed over the given project-years (aggregates, not records); None
    where no project recorded anything of the indicator's kind."""
    summed: dict[str, int | Decimal | None] = {indicator.value: None for indicator in INDICATORS}
    for row in rows:
        for result in row.results:
            if result.recorded:
                before = summed[result.indicator]
                summed[result.indicator] = result.value if before is None else before + result.value
    return summed


def totals_by_year(rows: Iterable[ProjectYear], first: int, last: int) -> dict[int, dict]:
    rows = list(rows)
    return {year: totals(r for r in rows if r.year == year) for year in range(first, last + 1)}


def trend(by_year: dict[int, dict]) -> dict[str, list]:
    """indicator -> [its total of each year, in the order of the years] from the totals of
    `totals_by_year` (summed over projects)."""
    years = sorted(by_year)
    return {indicator.value: [by_year[year][indicator.value] for year in years]
            for indicator in INDICATORS}


# --- Years that can be chosen -----------------------------------------------------------------


@dataclass(frozen=True)
class YearRange:
    first: int
    last: int
    default: int

    def choices(self) -> list[int]:
        return list(range(self.last, self.first - 1, -1))


def year_range() -> YearRange:
    """The fiscal years worth reporting on: from the first call or project to this year.

    Two small aggregate queries (calls and projects), whatever the number of records.
    """
    current = fiscal_year_of(timezone.localdate())
    calls = Call.objects.aggregate(first=Min("fiscal_year"), last=Max("fiscal_year"))
    projects = Project.objects.aggregate(first=Min("starts_on"), last=Max("ends_on"))
    firsts = [calls["first"]] if calls["first"] is not None else []
    if projects["first"] is not None:
        firsts.append(fiscal_year_of(projects["first"]))
    first = min([*firsts, current])
    if projects["last"] is not None:
        default = min(fiscal_year_of(projects["last"]), current)
    elif calls["last"] is not None:
        default = min(calls["last"], current)
    else:
        default = current
    return YearRange(first=first, last=max(current, default), default=default)
