"""The indicator figures of the service records, counted in the database.

The single source of the figures: the project page, the reports and the
exports all ask `indicator_values`. One grouped query per record table; the
fiscal year of each record is computed by the database, and the records are
first narrowed by a date range so that the (project, date) indexes are used.
"""

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Count, Q, Sum

from partnership.fiscal import fiscal_year_bounds, fiscal_year_expression

from .models import (
    Activity,
    AnnualReport,
    Course,
    Indicator,
    MemberJoined,
    ProjectYear,
    ServiceRequest,
    Visit,
)

Value = Decimal | int

# Hours are decimals with two places; every other indicator is an integer count.
DECIMAL_INDICATORS = frozenset({Indicator.ACTIVITY_HOURS})
HOURS_PLACES = Decimal("0.01")

# (organiser, courses indicator, participants indicator), in the order of Course.Organiser.
ORGANISERS = (
    (Course.Organiser.MEMBERS, Indicator.COURSES_BY_MEMBERS, Indicator.PARTICIPANTS_BY_MEMBERS),
    (Course.Organiser.PROFESSIONALS, Indicator.COURSES_BY_PROFESSIONALS,
     Indicator.PARTICIPANTS_BY_PROFESSIONALS),
    (Course.Organiser.CITIZENS, Indicator.COURSES_BY_CITIZENS, Indicator.PARTICIPANTS_BY_CITIZENS),
)


def normalise(indicator: str, value) -> Value:
    """Counts are integers; hours are decimals with two places (None is zero)."""
    if indicator in DECIMAL_INDICATORS:
        return Decimal(value or 0).quantize(HOURS_PLACES)
    return int(value or 0)


def zero(indicator: str) -> Value:
    """The zero of an indicator: 0, or Decimal("0.00") for hours."""
    return normalise(indicator, 0)


def _by_organiser() -> dict[Indicator, object]:
    aggregates = {}
    for organiser, courses, participants in ORGANISERS:
        aggregates[courses] = Count("id", filter=Q(organiser=organiser))
        aggregates[participants] = Sum("participants", filter=Q(organiser=organiser))
    return aggregates


# (record model, {indicator name: aggregate}). The aggregates are only templates: every
# query resolves copies of its own, so one set serves every call.
# Count("id") rather than COUNT(*): Count refuses a filter on "*", and the report indexes
# hold the id, so PostgreSQL still counts from the index alone.
_TABLES: tuple[tuple[type, dict[str, object]], ...] = tuple(
    (model, {str(indicator.value): aggregate for indicator, aggregate in aggregates.items()})
    for model, aggregates in (
        (ServiceRequest, {
            Indicator.SERVICE_REQUESTS: Count("id"),
            Indicator.SERVICE_REQUESTS_HANDLED: Count(
                "id", filter=Q(status=ServiceRequest.RequestStatus.HANDLED)),
        }),
        (Activity, {Indicator.ACTIVITY_HOURS: Sum("hours")}),
        (Visit, {Indicator.FACILITY_USERS: Sum("users")}),
        (Course, {
            Indicator.COURSES: Count("id"),
            Indicator.COURSE_PARTICIPANTS: Sum("participants"),
            **_by_organiser(),
        }),
        (MemberJoined, {
            Indicator.NEW_MEMBERS: Count("id"),
            Indicator.NEW_MEMBERS_FORMER_USERS: Count("id", filter=Q(former_user=True)),
        }),
    )
)


def indicator_values(
    *, years: range | list[int], projects: Iterable | None = None
) -> dict[tuple[int, int, str], Value]:
    """{(project_id, fiscal_year, indicator): value} for the fiscal years asked.

    `projects` (Project objects or ids) narrows the projects; None means all.
    Only combinations with at least one record are present: filling in zeros
    is the caller's business. Hours are Decimal, everything else int.

    A closed year whose annual report was accepted is read from the figures the report
    kept (its records could not change since); only the other years' records are counted.
    When every year asked is such a year, no record is read at all.
    """
    years = sorted(set(years))
    if not years:
        return {}
    project_ids = None if projects is None else [getattr(p, "pk", p) for p in projects]
    rows = ProjectYear.objects.filter(fiscal_year__in=years).values_list(
        "project_id", "fiscal_year", "status", "report__status", "report__figures")
    if project_ids is not None:
        rows = rows.filter(project_id__in=project_ids)
    values: dict[tuple[int, int, str], Value] = {}
    seen: set[int] = set()
    counted: set[int] = set()  # projects with a year asked that is not frozen
    frozen: set[tuple[int, int]] = set()
    for project_id, year, status, report_status, figures in rows:
        seen.add(project_id)
        if status == ProjectYear.Status.CLOSED and report_status == AnnualReport.Status.ACCEPTED:
            frozen.add((project_id, year))
            for name, value in (figures or {}).items():
                values[(project_id, year, name)] = normalise(name, Decimal(value))
        else:
            counted.add(project_id)
    if not frozen:  # nothing kept: count everything, as before any report was accepted
        return count_values(years=years, projects=project_ids)
    # Records lie inside their project's period, whose every year has its row: a project
    # without an unfrozen row among the years asked has nothing more to count.
    counted |= set(project_ids or ()) - seen
    if counted:
        fresh = count_values(years=years, projects=sorted(counted))
        values.update({key: value for key, value in fresh.items() if key[:2] not in frozen})
    return values


def frozen_figures(values: dict[tuple[int, int, str], Value]) -> dict[str, str]:
    """One project-year's counted values as an accepted report keeps them (text, exact)."""
    return {name: str(value) for (_project, _year, name), value in sorted(values.items())}


def count_values(
    *, years: range | list[int], projects: Iterable | None = None
) -> dict[tuple[int, int, str], Value]:
    """What `indicator_values` answers, always counted from the records."""
    years = sorted(set(years))
    if not years:
        return {}
    wanted = set(years)
    span = range(years[0], years[-1] + 1)  # gaps in `years` are counted, then dropped
    first, last = fiscal_year_bounds(span[0])[0], fiscal_year_bounds(span[-1])[1]
    project_ids = None if projects is None else [getattr(p, "pk", p) for p in projects]
    # Within one fiscal year the date range already is the year: no per-row year to compute.
    single = len(span) == 1
    values: dict[tuple[int, int, str], Value] = {}
    for model, aggregates in _TABLES:
        rows = model.objects.order_by().filter(**{f"{model.DATE_FIELD}__range": (first, last)})
        if project_ids is not None:
            rows = rows.filter(project_id__in=project_ids)
        if single:
            rows = rows.values_list("project_id")
        else:
            rows = rows.annotate(fy=fiscal_year_expression(model.DATE_FIELD, span))
            rows = rows.values_list("project_id", "fy")
        for project_id, *found in rows.annotate(**aggregates):
            year = span[0] if single else found.pop(0)
            if year not in wanted:
                continue
            for name, value in zip(aggregates, found, strict=True):
                values[(project_id, year, name)] = normalise(name, value)
    return values
