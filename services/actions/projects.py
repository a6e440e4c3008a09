"""A chosen proposal's project, and the officers' changes to its details."""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership import audit
from partnership.fiscal import next_fiscal_year_start
from partnership.lifecycle import forget_cached_answers
from partnership.models import Department, User

from ..errors import ServiceError
from ..models import Project
from .steps import lock_project, require, validated

log = logging.getLogger("portal.services")

PROJECT_YEARS = 3  # the usual running period, in fiscal years
CREATED_FIELDS = ("code", "title", "group", "department", "starts_on", "ends_on")
EDITABLE_FIELDS = ("code", "department", "starts_on", "ends_on", "agreement_date")
CODE_TAKEN = _("This code is already used by another project: choose another.")


def default_code(proposal) -> str:
    return f"p{proposal.call.fiscal_year}-{proposal.pk}"


def _saved(project: Project) -> None:
    """Save; a code taken meanwhile by another transaction becomes a `ServiceError`."""
    try:
        with transaction.atomic():
            project.save()
    except IntegrityError as error:
        raise ServiceError(CODE_TAKEN) from error


@transaction.atomic
def create_project_for(*, proposal, decision) -> Project:
    """The project of a chosen proposal: starts on the next 1 April, runs three fiscal years.
    Recorded as the decision-maker's change (it happens in the decision's transaction)."""
    existing = Project.objects.filter(proposal=proposal).first()
    if existing is not None:
        return existing
    decided_on = timezone.localdate(decision.decided_at)
    starts_on = next_fiscal_year_start(decided_on)
    ends_on = starts_on.replace(year=starts_on.year + PROJECT_YEARS) - datetime.timedelta(days=1)
    code = default_code(proposal)
    suffix = 1
    while Project.objects.filter(code=code).exists():
        suffix += 1
        code = f"{default_code(proposal)}-{suffix}"
    project = Project(
        proposal=proposal, code=code, title=proposal.title, group_id=proposal.group_id,
        department_id=proposal.desired_department_id, starts_on=starts_on, ends_on=ends_on,
    )
    _saved(project)
    audit.record(actor=decision.decided_by, action="project.created", subject=project,
                 after=audit.values_of(project, CREATED_FIELDS))
    log.info("project %s created for proposal %s", project.code, proposal.pk)
    return project


@transaction.atomic
def update_project(*, actor: User, project: Project, code: str,
                   department: Department | None, starts_on: datetime.date,
                   ends_on: datetime.date, agreement_date: datetime.date | None) -> Project:
    """The partner department's officers (or an administrator) change the project's code,
    period or agreement date; only an administrator changes its department. A longer
    period opens its new fiscal years."""
    forget_cached_answers(actor)
    require(actor.has_perm("services.edit_project", project),
            _("Only the partner department's officers change a project's details."))
    project = lock_project(project)
    if department != project.department:
        require(actor.has_perm("services.change_department", project),
                _("Only an administrator changes a project's partner department."))
    before = audit.values_of(project, EDITABLE_FIELDS)
    project.code, project.department = code, department
    project.starts_on, project.ends_on, project.agreement_date = starts_on, ends_on, agreement_date
    # The reserved codes and the period's order included (the model checks both).
    validated(project, exclude=["proposal", "group"])
    _saved(project)
    after = audit.values_of(project, EDITABLE_FIELDS)
    changed = [name for name in EDITABLE_FIELDS if before[name] != after[name]]
    if changed:
        audit.record(actor=actor, action="project.changed", subject=project,
                     before={name: before[name] for name in changed},
                     after={name: after[name] for name in changed})
    return project
