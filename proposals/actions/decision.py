"""The mayor's office's decision on a recommended proposal."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from partnership.models import User

from ..models import Decision, Proposal, Status
from ..signals import proposal_chosen
from .steps import authorize, lock, move, require


@transaction.atomic
def decide(*, actor: User, proposal: Proposal, outcome: str, reason: str = "") -> Decision:
    """Choose or decline a recommended proposal; declining needs a reason. A chosen
    proposal becomes a project (the services app answers `proposal_chosen`)."""
    proposal = lock(proposal)
    transition = authorize(actor, proposal, "decide")
    require(outcome in Decision.Outcome.values, _("Choose or decline the proposal."))
    reason = reason.strip()
    if outcome == Decision.Outcome.DECLINED:
        require(bool(reason), _("Give the reason for declining."), field="reason")
    decision = Decision.objects.create(proposal=proposal, outcome=outcome, reason=reason,
                                       decided_by=actor)
    chosen = outcome == Decision.Outcome.CHOSEN
    move(proposal, transition, actor=actor, to=Status.CHOSEN if chosen else Status.DECLINED,
         reason=reason)
    if chosen:
        proposal_chosen.send(sender=Proposal, proposal=proposal, decision=decision)
    return decision
