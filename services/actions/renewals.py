"""The mayor's office decides, after the evaluation of the agreed period's last fiscal
year, whether the project continues (to a new end) or ends with its period."""

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from partnership import audit, clock, text
from partnership.fiscal import fiscal_year_of
from partnership.models import User

from .. import notifications
from ..errors import ServiceError
from ..models import Project, Renewal
from ..periods import agreed_period
from .steps import authorize, lock_project, lock_year, require, validated

# A renewal runs for a few years at a time; a date decades away is a typing mistake (and
# would open a fiscal year for every year up to it).
MAX_YEARS = 5


@transaction.atomic
def decide_renewal(*, actor: User, project: Project, year: int, outcome: str, reasons: str,
                   ends_on: datetime.date | None = None) -> Renewal:
    """Record the decision with its reasons; a renewal extends the agreed period (and the
    project's) to `ends_on`. Both sides and the project's followers are told."""
    project = lock_project(project)
    row = lock_year(project, year)
    transition = authorize(actor, row, "decide_renewal")
    require(outcome in Renewal.Outcome.values, _("Choose whether the project continues."))
    reasons = (reasons or "").strip()
    require(text.visible(reasons), _("Give the reasons for the decision."))
    problem = text.problem(reasons, multiline=True)
    require(problem is None, _("The reasons: %(problem)s.") % {"problem": problem})
    previous_end = agreed_period(row.project)[1]
    if outcome == Renewal.Outcome.RENEW:
        require(isinstance(ends_on, datetime.date), _("Give the renewed period's end."))
        require(ends_on > previous_end,
                _("The renewed period ends after the agreed one (%(end)s).")
                % {"end": previous_end})
        require(fiscal_year_of(ends_on) - fiscal_year_of(previous_end) <= MAX_YEARS,
                _("A renewal runs for at most %(years)s fiscal years.") % {"years": MAX_YEARS})
    else:
        ends_on = None
    renewal = Renewal(project=project, fiscal_year=year, outcome=outcome, reasons=reasons,
                      previous_end=previous_end, ends_on=ends_on, decided_by=actor,
                      decided_at=clock.now())
    validated(renewal, exclude=["project", "decided_by"])
    try:
        with transaction.atomic():
            renewal.save()
    except IntegrityError as error:  # decided meanwhile (the lock makes this rare)
        raise ServiceError(_("The renewal was decided meanwhile: reload the page.")) \
            from error
    before = {"agreed_until": previous_end}
    if ends_on is not None and ends_on > project.ends_on:
        before["ends_on"] = project.ends_on
        project.ends_on = ends_on
        project.save(update_fields=["ends_on"])  # and opens the new fiscal years
    audit.record(actor=actor, action=transition.event, subject=renewal, parent=project,
                 before=before,
                 after={"fiscal_year": year, "outcome": outcome, "agreed_until": ends_on
                        or previous_end, "reasons": reasons},
                 public=True)  # the mayor's decision and its reasons are public
    for kind in transition.notices(None):
        notifications.send_renewal(kind, renewal)
    return renewal
