"""A project's agreed period: the agreement in force's, extended by the renewals the
mayor's office decided. Service records fall inside it, and its last fiscal year is the
one after whose evaluation the next renewal is decided."""

import datetime

from django.db.models import Max

from partnership.fiscal import fiscal_year_of

from .models import Agreement, Project, Renewal


def agreed_period(project: Project) -> tuple[datetime.date, datetime.date] | None:
    """(first day, last day), or None before an agreement is in force (two queries)."""
    agreement = (project.agreements.filter(status=Agreement.Status.IN_FORCE)
                 .values_list("starts_on", "ends_on").first())
    if agreement is None:
        return None
    renewed = (project.renewals.filter(outcome=Renewal.Outcome.RENEW)
               .aggregate(end=Max("ends_on"))["end"])
    starts_on, ends_on = agreement
    return starts_on, max(ends_on, renewed or ends_on)


def last_agreed_year(project: Project) -> int | None:
    period = agreed_period(project)
    return None if period is None else fiscal_year_of(period[1])


def record_period(project: Project) -> tuple[datetime.date, datetime.date]:
    """The days a service record of the project may carry: its period, within the agreed
    period once an agreement is in force."""
    return _narrowed(project.starts_on, project.ends_on, agreed_period(project))


def record_periods() -> dict[int, tuple[datetime.date, datetime.date]]:
    """`record_period` of every project by id, in three queries (for an import)."""
    agreed = {pk: (starts_on, ends_on) for pk, starts_on, ends_on in
              Agreement.objects.filter(status=Agreement.Status.IN_FORCE)
              .values_list("project_id", "starts_on", "ends_on")}
    renewed = dict(Renewal.objects.filter(outcome=Renewal.Outcome.RENEW)
                   .values("project_id").annotate(end=Max("ends_on"))
                   .values_list("project_id", "end"))
    periods = {}
    for pk, starts_on, ends_on in Project.objects.values_list("pk", "starts_on", "ends_on"):
        period = agreed.get(pk)
        if period is not None and pk in renewed:
            period = (period[0], max(period[1], renewed[pk]))
        periods[pk] = _narrowed(starts_on, ends_on, period)
    return periods


def _narrowed(starts_on, ends_on, agreed) -> tuple[datetime.date, datetime.date]:
    if agreed is None:
        return starts_on, ends_on
    return max(starts_on, agreed[0]), min(ends_on, agreed[1])
