"""Read-only queries of the services app (constant numbers of queries per page)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from partnership.fiscal import fiscal_year_bounds, fiscal_year_expression, fiscal_year_of

from .indicators import Value, count_values, indicator_values, normalise
from .kinds import RecordKind
from .models import (
    Agreement,
    AnnualReport,
    Evaluation,
    Indicator,
    Project,
    ProjectYear,
    Record,
    Renewal,
    Target,
)
from .periods import record_period


def projects() -> QuerySet[Project]:
    return Project.objects.select_related("group", "department", "proposal")


def projects_run_by(user) -> QuerySet[Project]:
    if not user.is_authenticated:
        return Project.objects.none()
    return Project.objects.filter(group__memberships__user=user).distinct()


def project_years(project: Project) -> range:
    return project.fiscal_years()


def current_year_of(project: Project) -> int:
    """The fiscal year a project page shows by default: this one, within the period."""
    years = project_years(project)
    today = fiscal_year_of(timezone.localdate())
    return min(max(today, years[0]), years[-1])


def years_of(project: Project) -> dict[int, ProjectYear]:
    """The project's fiscal years within its period, by number (their `project` is this
    one: permission checks on them cost no query)."""
    period = project.fiscal_years()
    return {year.fiscal_year: year for year in project.years.select_related("report")
            if year.fiscal_year in period}


def year_of(project: Project, fiscal_year: int) -> ProjectYear | None:
    """One fiscal year of the project's period, or None."""
    if fiscal_year not in project.fiscal_years():
        return None
    year = (ProjectYear.objects.select_related("report")
            .filter(project=project, fiscal_year=fiscal_year).first())
    if year is not None:
        year.project = project
    return year


def records(project: Project, kind: RecordKind, *, year: int | None = None,
            month: int | None = None) -> QuerySet[Record]:
    """The project's records of a kind, newest first, in a fiscal year and month."""
    qs = kind.model.objects.filter(project=project).select_related("created_by")
    date_field = kind.date_field
    if year is not None:
        qs = qs.filter(**{f"{date_field}__range": fiscal_year_bounds(year)})
    if month is not None:
        qs = qs.filter(**{f"{date_field}__month": month})
    return qs.order_by(f"-{date_field}", "-id")


def last_values(project: Project, kind: RecordKind) -> dict:
    """The remembered fields (facility, category, organiser…) of the last record entered."""
    if not kind.remembered:
        return {}
    last = kind.model.objects.filter(project=project).order_by("-created_at", "-id").values(
        *kind.remembered
    ).first()
    return last or {}


@dataclass(frozen=True)
class TargetRow:
    indicator: str
    label: str
    target: Decimal | None
    agreed: bool
    result: Value | None  # None: nothing of the indicator's kind recorded (a dash, not a 0)
    ratio: Decimal | None  # result / target in percent

    @property
    def is_hours(self) -> bool:
        return self.indicator == Indicator.ACTIVITY_HOURS


def targets_against_results(project: Project, year: int,
                            values: dict | None = None) -> list[TargetRow]:
    """Every indicator with a target or a result in the year."""
    if values is None:
        values = indicator_values(years=[year], projects=[project])
    year_targets = targets(project, year)
    rows = []
    for indicator in Indicator:
        target = year_targets.get(indicator.value)
        # indicator_values holds a kind's indicators only where such records exist.
        result = values.get((project.pk, year, indicator.value))
        if target is None and not result:
            continue
        ratio = None
        if target is not None and target.value and result is not None:
            # One decimal, as the reports show it (105.5 %, not 106 %).
            ratio = (Decimal(result) * 100 / target.value).quantize(Decimal("0.1"))
        rows.append(TargetRow(
            indicator=indicator.value, label=str(indicator.label),
            target=target.value if target else None,
            agreed=bool(target and target.agreed_at), result=result, ratio=ratio,
        ))
    return rows


def targets_waiting(rows: list[TargetRow]) -> bool:
    """Whether some of the year's targets wait for the department's agreement."""
    return any(row.target is not None and not row.agreed for row in rows)


def yearly_summary(project: Project, years: range, values: dict) -> list[tuple[str, list]]:
    """[(indicator label, [value per year])] for the indicators with any record; None for a
    year without records of the indicator's kind."""
    table = []
    for indicator in Indicator:
        row = [values.get((project.pk, year, indicator.value)) for year in years]
        if any(row):
            table.append((str(indicator.label), row))
    return table


def evaluations(project: Project, year: int) -> dict[str, Evaluation]:
    return {
        e.evaluator: e
        for e in Evaluation.objects.filter(project=project, fiscal_year=year).select_related(
            "author"
        )
    }


def targets(project: Project, year: int) -> dict[str, Target]:
    return {t.indicator: t for t in Target.objects.filter(project=project, fiscal_year=year)}


def today() -> datetime.date:
    return timezone.localdate()


def entry_day(project: Project) -> datetime.date:
    """The date an entry form starts with: today, or the nearest day that can take a
    record — inside the project's period and in a fiscal year still open (a record
    elsewhere is refused)."""
    starts_on, ends_on = record_period(project)
    day = min(max(today(), starts_on), ends_on)
    closed = set(ProjectYear.objects.filter(
        Q(status=ProjectYear.Status.CLOSED)
        | Q(report__status__in=[AnnualReport.Status.SUBMITTED, AnnualReport.Status.ACCEPTED]),
        project=project).values_list("fiscal_year", flat=True))
    if fiscal_year_of(day) not in closed:
        return day
    open_years = [year for year in project.fiscal_years() if year not in closed]
    if not open_years:
        return day  # every year is closed: the form says so when it is sent
    nearest = min(open_years, key=lambda year: abs(year - fiscal_year_of(day)))
    first, last = fiscal_year_bounds(nearest)
    return min(max(day, first, starts_on), last, ends_on)


def renewal(project: Project, year: int) -> Renewal | None:
    """The mayor's office's decision after fiscal year `year`, if any."""
    return project.renewals.filter(fiscal_year=year).select_related("decided_by").first()


def renewals(project: Project) -> list[Renewal]:
    return list(project.renewals.order_by("fiscal_year"))


def agreements(project: Project) -> list[Agreement]:
    """Every version of the project's agreement, newest first, with who confirmed it."""
    return list(project.agreements.select_related(
        "group_confirmed_by", "department_confirmed_by").order_by("-version"))


def agreement_draft(project: Project) -> Agreement | None:
    return project.agreements.filter(status=Agreement.Status.DRAFT).first()


def latest_agreement(project: Project) -> Agreement | None:
    return project.agreements.order_by("-version").first()


def agreement_version(project: Project, version: int) -> Agreement | None:
    return project.agreements.filter(version=version).first()


def annual_report(year: ProjectYear) -> AnnualReport:
    """The year's annual report with its settlement lines, or a new draft (not saved)."""
    report = (AnnualReport.objects.filter(year=year)
              .select_related("written_by", "decided_by").prefetch_related("lines").first())
    if report is None:
        report = AnnualReport(year=year, status=AnnualReport.Status.DRAFT)
    report.year = year
    return report


@dataclass(frozen=True)
class Settlement:
    lines: list
    city_total: int
    group_total: int
    city_contribution: int | None  # per the agreement in force, when there is one

    @property
    def city_unspent(self) -> int | None:
        if self.city_contribution is None:
            return None
        return self.city_contribution - self.city_total


def settlement(report: AnnualReport) -> Settlement:
    lines = list(report.lines.all()) if report.pk else []
    agreement = (report.project.agreements.filter(status=Agreement.Status.IN_FORCE)
                 .only("city_contribution").first())
    return Settlement(
        lines=lines, city_total=sum(line.city_amount for line in lines),
        group_total=sum(line.group_amount for line in lines),
        city_contribution=agreement.city_contribution if agreement else None)


def report_figures(report: AnnualReport) -> dict[tuple[int, int, str], Value]:
    """The figures the report shows: those kept when it was accepted, otherwise the year's
    records counted now."""
    project, year = report.project, report.fiscal_year
    if report.status == AnnualReport.Status.ACCEPTED:
        return {(project.pk, year, name): normalise(name, Decimal(value))
                for name, value in report.figures.items()}
    return count_values(years=[year], projects=[project])


@dataclass(frozen=True)
class PublishedYear:
    fiscal_year: int
    report: AnnualReport
    evaluations: list[Evaluation]

    @property
    def figures(self) -> list[tuple[str, Value]]:
        """(label, value) of each indicator the accepted report kept, other than zero."""
        kept = self.report.figures
        return [(str(indicator.label), normalise(indicator.value, Decimal(kept[indicator.value])))
                for indicator in Indicator
                if indicator.value in kept and Decimal(kept[indicator.value])]

    @property
    def city_total(self) -> int:
        return sum(line.city_amount for line in self.report.lines.all())

    @property
    def group_total(self) -> int:
        return sum(line.group_amount for line in self.report.lines.all())


def published_years(project: Project) -> list[PublishedYear]:
    """The closed years with an accepted report, newest first: their reports and
    evaluations are public."""
    reports = list(AnnualReport.objects.filter(
        year__project=project, year__status=ProjectYear.Status.CLOSED,
        status=AnnualReport.Status.ACCEPTED).select_related("year")
        .prefetch_related("lines").order_by("-year__fiscal_year"))
    if not reports:
        return []
    years = [report.fiscal_year for report in reports]
    evaluations: dict[int, list[Evaluation]] = {}
    for evaluation in Evaluation.objects.filter(project=project, fiscal_year__in=years):
        evaluations.setdefault(evaluation.fiscal_year, []).append(evaluation)
    return [PublishedYear(report.fiscal_year, report, evaluations.get(report.fiscal_year, []))
            for report in reports]


def evaluation_comments(project: Project, year: int) -> list:
    return list(project.evaluation_comments.filter(fiscal_year=year).select_related("author"))


def renewals_due() -> QuerySet[Project]:
    """Projects whose agreed period's last fiscal year the partnership has evaluated and
    whose renewal is not decided yet (the mayor's office's list), each with `agreed_end`
    and `due_year`; one query however many projects."""
    in_force = Agreement.objects.filter(project=OuterRef("pk"),
                                        status=Agreement.Status.IN_FORCE)
    renewed = (Renewal.objects.filter(project=OuterRef("pk"), outcome=Renewal.Outcome.RENEW)
               .order_by("-ends_on"))
    end = Subquery(in_force.values("ends_on")[:1])
    projects = (Project.objects.annotate(
        agreed_end=Greatest(end, Coalesce(Subquery(renewed.values("ends_on")[:1]), end)))
        .filter(agreed_end__isnull=False)
        .annotate(due_year=fiscal_year_expression("agreed_end")))
    evaluated = Evaluation.objects.filter(project=OuterRef("pk"),
                                          fiscal_year=OuterRef("due_year"),
                                          evaluator=Evaluation.Evaluator.PARTNERSHIP)
    decided = Renewal.objects.filter(project=OuterRef("pk"), fiscal_year=OuterRef("due_year"))
    return (projects.filter(Exists(evaluated)).exclude(Exists(decided))
            .select_related("group").order_by("agreed_end", "code"))
