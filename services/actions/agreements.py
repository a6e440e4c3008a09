"""The agreement: the partner department drafts it (or an amendment, with its reason),
both sides confirm it, and the second confirmation puts it in force.

Every action locks the project's row first, so two actions on one project's agreement
take turns (and the database's constraints refuse a second draft or a second version in
force should anything slip past).
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership import audit, clock
from partnership.lifecycle import forget_cached_answers
from partnership.models import User

from .. import notifications
from ..models import Agreement, Project
from ..transitions import AGREEMENT
from .steps import lock_project, require, validated

TERMS = ("starts_on", "ends_on", "group_role", "city_role", "city_contribution",
         "group_share", "indicators", "reporting", "family_contacts")
SIDES = {"group": "confirm_for_group", "department": "confirm_for_department"}
TEXTS = ("group_role", "city_role", "indicators", "reporting")


def _terms(starts_on: datetime.date, ends_on: datetime.date, group_role: str, city_role: str,
           city_contribution: int, group_share: int, indicators: str, reporting: str,
           family_contacts: bool = False) -> dict:
    terms = {"starts_on": starts_on, "ends_on": ends_on, "group_role": group_role,
             "city_role": city_role, "city_contribution": city_contribution,
             "group_share": group_share, "indicators": indicators, "reporting": reporting,
             "family_contacts": bool(family_contacts)}
    for name in TEXTS:
        terms[name] = (terms[name] or "").strip()
    require(all(isinstance(terms[n], datetime.date) for n in ("starts_on", "ends_on")),
            _("Give the agreement's period."))
    require(all(isinstance(terms[n], int) and terms[n] >= 0
                for n in ("city_contribution", "group_share")),
            _("An amount is a whole number of yen, zero or more."))
    return terms


def _save(agreement: Agreement) -> None:
    validated(agreement, exclude=["project", "drafted_by", "group_confirmed_by",
                                  "department_confirmed_by"])
    try:
        with transaction.atomic():
            agreement.save()
    except IntegrityError:
        require(False, _("Another version of this agreement was written meanwhile: "
                         "reload the page."))


@transaction.atomic
def draft_agreement(*, actor: User, project: Project, reason: str = "",
                    **terms) -> Agreement:
    """The partner department writes the first version, or an amendment to the version in
    force (the next version, with its reason). The operating group is told."""
    project = lock_project(project)
    forget_cached_answers(actor)
    require(actor.has_perm("services.draft_agreement", project),
            _("Only officers of the partner department write the agreement, one version "
              "at a time."))
    latest = project.agreements.order_by("-version").first()
    version = latest.version + 1 if latest else 1
    reason = (reason or "").strip() if version > 1 else ""
    require(version == 1 or reason, _("Give the reason for the amendment."))
    agreement = Agreement(project=project, version=version, reason=reason, drafted_by=actor,
                          **_terms(**terms))
    _save(agreement)
    audit.record(actor=actor, action="agreement.drafted", subject=agreement, parent=project,
                 after=audit.values_of(agreement, ("version", *TERMS)), reason=reason)
    notifications.send_agreement("agreement_drafted", agreement)
    return agreement


def lock(agreement: Agreement) -> Agreement:
    lock_project(agreement.project)
    return Agreement.objects.select_for_update().select_related("project").get(pk=agreement.pk)


@transaction.atomic
def edit_agreement(*, actor: User, agreement: Agreement, reason: str = "",
                   **terms) -> Agreement:
    """Rewrite a draft; a changed text needs both confirmations again."""
    agreement = lock(agreement)
    transition = AGREEMENT.authorize(actor, agreement, "edit_agreement")
    reason = (reason or "").strip() if agreement.is_amendment else ""
    require(not agreement.is_amendment or reason, _("Give the reason for the amendment."))
    fields = (*TERMS, "reason")
    before = audit.values_of(agreement, fields)
    for name, value in {**_terms(**terms), "reason": reason}.items():
        setattr(agreement, name, value)
    after = audit.values_of(agreement, fields)
    changed = [name for name in fields if before[name] != after[name]]
    if not changed:
        return agreement
    agreement.group_confirmed_by = agreement.group_confirmed_at = None
    agreement.department_confirmed_by = agreement.department_confirmed_at = None
    _save(agreement)
    audit.record(actor=actor, action=transition.event, subject=agreement,
                 parent=agreement.project, before={n: before[n] for n in changed},
                 after={n: after[n] for n in changed})
    for kind in transition.notices(None):
        notifications.send_agreement(kind, agreement)
    return agreement


def _start(project: Project, agreement: Agreement, now) -> list | None:
    """The project has started (its agreement date, the first time), and runs at least for
    the agreed period: its own period widens to cover it, never narrows (the years and
    records it holds stay). Returns the widened period, if it changed."""
    fields = []
    if project.agreement_date is None:
        project.agreement_date = timezone.localdate(now)
        fields.append("agreement_date")
    period = (min(project.starts_on, agreement.starts_on),
              max(project.ends_on, agreement.ends_on))
    widened = period != (project.starts_on, project.ends_on)
    if widened:
        project.starts_on, project.ends_on = period
        fields += ["starts_on", "ends_on"]
    if fields:
        project.save(update_fields=fields)  # and opens the new fiscal years
    return list(period) if widened else None


@transaction.atomic
def confirm_agreement(*, actor: User, agreement: Agreement, side: str) -> Agreement:
    """One side confirms the draft; when both have, it is in force, the version before
    it is superseded and the project has started (its agreement date)."""
    require(side in SIDES, _("Unknown side."))
    agreement = lock(agreement)
    transition = AGREEMENT.authorize(actor, agreement, SIDES[side])
    now = clock.now()
    widened = None
    setattr(agreement, f"{side}_confirmed_by", actor)
    setattr(agreement, f"{side}_confirmed_at", now)
    if agreement.group_confirmed_at and agreement.department_confirmed_at:
        agreement.project.agreements.filter(status=Agreement.Status.IN_FORCE).update(
            status=Agreement.Status.SUPERSEDED)
        agreement.status = Agreement.Status.IN_FORCE
        widened = _start(agreement.project, agreement, now)
    _save(agreement)
    after = {"status": agreement.status, "side": side}
    if widened:
        after["project_period"] = widened
    audit.record(actor=actor, action=transition.event, subject=agreement,
                 parent=agreement.project, before={"status": Agreement.Status.DRAFT},
                 after=after)
    reached = agreement.status
    for kind in transition.notices(reached):
        notifications.send_agreement(kind, agreement)
    return agreement
