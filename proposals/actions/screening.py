"""The city's screening of a submitted proposal: eligible against the call's checklist, or
ineligible with a reason. Reviews open only on eligible proposals."""

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnership.models import User

from ..models import ChecklistItem, Proposal, Status
from .steps import authorize, lock, move, require


@transaction.atomic
def mark_eligible(*, actor: User, proposal: Proposal, checked: Iterable[int]) -> Proposal:
    """The officer confirms every item of the call's checklist (`checked`: their ids)."""
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "mark_eligible")
    items = list(ChecklistItem.objects.filter(call_id=proposal.call_id))
    checked = set(checked)
    require(checked <= {item.pk for item in items},
            _("A ticked item is not on this call's checklist."))
    missing = [item.text for item in items if item.pk not in checked]
    require(not missing,
            _("Every item of the checklist must be met. A proposal that does not meet one "
              "is ineligible: mark it so, with the reason."))
    move(proposal, transition, actor=actor, to=Status.ELIGIBLE,
         after={"checklist": [item.text for item in items]})
    return proposal


@transaction.atomic
def mark_ineligible(*, actor: User, proposal: Proposal, reason: str) -> Proposal:
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "mark_ineligible")
    require(bool(reason.strip()), _("Give the reason why the proposal is ineligible."))
    move(proposal, transition, actor=actor, to=Status.INELIGIBLE, reason=reason.strip())
    return proposal
