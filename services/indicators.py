"""The indicator figures of DESIGN section 4, counted in the database.

The single source of the figures: the project page, the reports and the
exports all ask `indicator_values`. One grouped query per record table; the
fiscal year of each record is computed by the database, and the records are
first narrowed by a date range so that the (project, date) indexes are used.
"""

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Count, Q, Sum

from partnership.fiscal import fiscal_year_bounds, fiscal_year_expression

from .models import Activity, Course, Indicator, MemberJoined, ServiceRequest, Visit

Value = Decimal | int

_ORGANISER_INDICATORS = {
    Course.Organiser.MEMBERS: (Indicator.COURSES_BY_MEMBERS, Indicator.PARTICIPANTS_BY_MEMBERS),
    Course.Organiser.PROFESSIONALS: (
        Indicator.COURSES_BY_PROFESSIONALS, Indicator.PARTICIPANTS_BY_PROFESSIONALS,
    ),
    Course.Organiser.CITIZENS: (
        Indicator.COURSES_BY_CITIZENS, Indicator.PARTICIPANTS_BY_CITIZENS,
    ),
}


def _aggregations() -> list[tuple[type, dict[Indicator, object]]]:
    """(model, {indicator: aggregate}) for every record table."""
    courses = {Indicator.COURSES: Count("id"), Indicator.COURSE_PARTICIPANTS: Sum("participants")}
    for organiser, (count_indicator, sum_indicator) in _ORGANISER_INDICATORS.items():
        courses[count_indicator] = Count("id", filter=Q(organiser=organiser))
        courses[sum_indicator] = Sum("participants", filter=Q(organiser=organiser))
    return [
        (ServiceRequest, {
            Indicator.SERVICE_REQUESTS: Count("id"),
            Indicator.SERVICE_REQUESTS_HANDLED: Count(
                "id", filter=Q(status=ServiceRequest.RequestStatus.HANDLED)
            ),
        }),
        (Activity, {Indicator.ACTIVITY_HOURS: Sum("hours")}),
        (Visit, {Indicator.FACILITY_USERS: Sum("users")}),
        (Course, courses),
        (MemberJoined, {
            Indicator.NEW_MEMBERS: Count("id"),
            Indicator.NEW_MEMBERS_FORMER_USERS: Count("id", filter=Q(former_user=True)),
        }),
    ]


def indicator_values(
    *, years: range | list[int], projects: Iterable | None = None
) -> dict[tuple[int, int, str], Value]:
    """{(project_id, fiscal_year, indicator): value} for the fiscal years asked.

    `projects` (Project objects or ids) narrows the projects; None means all.
    Only combinations with at least one record are present: filling in zeros
    is the caller's business. Hours are Decimal, everything else int.
    """
    years = sorted(set(years))
    if not years:
        return {}
    wanted = set(years)
    span = range(years[0], years[-1] + 1)  # the rows below are narrowed to these years
    first, _ = fiscal_year_bounds(years[0])
    _, last = fiscal_year_bounds(years[-1])
    project_ids = None
    if projects is not None:
        project_ids = [getattr(p, "pk", p) for p in projects]
    values: dict[tuple[int, int, str], Value] = {}
    for model, aggregates in _aggregations():
        date_field = model.DATE_FIELD
        records = model.objects.filter(**{f"{date_field}__range": (first, last)})
        if project_ids is not None:
            records = records.filter(project_id__in=project_ids)
        rows = (
            records.annotate(fy=fiscal_year_expression(date_field, span))
            .order_by()
            .values("project_id", "fy")
            .annotate(**{str(indicator.value): agg for indicator, agg in aggregates.items()})
        )
        for row in rows:
            if row["fy"] not in wanted:
                continue
            for indicator in aggregates:
                value = row[indicator.value]
                if indicator == Indicator.ACTIVITY_HOURS:
                    value = Decimal(value or 0).quantize(Decimal("0.01"))
                else:
                    value = int(value or 0)
                values[(row["project_id"], row["fy"], indicator.value)] = value
    return values


def zero(indicator: str) -> Value:
    return Decimal("0.00") if indicator == Indicator.ACTIVITY_HOURS else 0
