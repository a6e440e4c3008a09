"""What every services action shares: the locked fiscal years, the transition, the model's
own checks as `ServiceError`, and the notices."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from partnership.lifecycle import Transition
from partnership.models import User

from .. import notifications
from ..errors import ServiceError
from ..models import Project, ProjectYear
from ..rules import records_open
from ..transitions import YEAR


def require(condition: bool, message) -> None:
    if not condition:
        raise ServiceError(message)


def lock_project(project: Project) -> Project:
    return Project.objects.select_for_update().get(pk=project.pk)


def lock_years(pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], ProjectYear]:
    """The (project id, fiscal year) rows, locked until the transaction ends, read afresh.

    Always in the same order, so that two actions locking several years wait for each
    other instead of deadlocking. A year outside its project's period is refused.
    """
    pairs = set(pairs)
    project_ids = {project_id for project_id, _year in pairs}
    fiscal_years = {year for _project_id, year in pairs}
    rows = (ProjectYear.objects.select_for_update(of=("self",)).select_related("project")
            .filter(project_id__in=project_ids, fiscal_year__in=fiscal_years)
            .order_by("project_id", "fiscal_year"))
    found = {(row.project_id, row.fiscal_year): row for row in rows}
    for pair in sorted(pairs):
        row = found.get(pair)
        require(row is not None and row.fiscal_year in row.project.fiscal_years(),
                _("Fiscal year %(year)s is outside the project's period.") % {"year": pair[1]})
    return {pair: found[pair] for pair in pairs}


def lock_year(project: Project, year: int) -> ProjectYear:
    return lock_years([(project.pk, year)])[(project.pk, year)]


def authorize(actor: User | None, year: ProjectYear, name: str) -> Transition:
    """The table's answer on a locked year. A closed year is refused with its number
    (the table's own message could not say which year, when an action writes in
    several). `actor` None is a command run by the administrators: the state decides."""
    transition = YEAR[name]
    require(year.status in transition.sources,
            _("Fiscal year %(year)s is closed: it can no longer be changed.")
            % {"year": year.fiscal_year})
    # The command too: the figures of a submitted or accepted report must stay true.
    require(name != "write_records" or records_open(actor, year), _(
        "The annual report of fiscal year %(year)s is submitted or accepted: its records "
        "can no longer change.") % {"year": year.fiscal_year})
    if actor is None:
        return transition
    return YEAR.authorize(actor, year, name)


def validated(obj: Model, *, exclude: list[str]) -> None:
    """Check the model's own rules; their messages become a `ServiceError`."""
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as error:
        raise ServiceError(" ".join(error.messages)) from error


def notify(transition: Transition, year: ProjectYear, *, reached: str | None = None) -> None:
    for kind in transition.notices(reached):
        notifications.send(kind, year)
