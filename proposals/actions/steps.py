"""What every proposal action shares: the lock, the transition and its audit row."""

from django.core.exceptions import ValidationError

from partnership import audit
from partnership.lifecycle import Transition
from partnership.models import User

from .. import notifications
from ..errors import ProposalError
from ..models import Proposal, Status
from ..transitions import PROPOSAL


def lock(proposal: Proposal) -> Proposal:
    """The proposal's row, locked until the transaction ends, read afresh."""
    return Proposal.objects.select_for_update().select_related("call", "group").get(
        pk=proposal.pk)


def require(condition: bool, message, *, field: str | None = None) -> None:
    if not condition:
        raise ProposalError(message, field=field)


def authorize(actor: User, proposal: Proposal, name: str) -> Transition:
    return PROPOSAL.authorize(actor, proposal, name)


def move(proposal: Proposal, transition: Transition, *, actor: User, to: Status,
         reason: str = "", extra_fields: tuple[str, ...] = (), after: dict | None = None) -> None:
    """Take the proposal to `to`, record the public audit row, queue the notices."""
    if to not in transition.targets:  # a programming error, never a user's
        raise ValueError(f"{transition.name} does not lead to {to}")
    from_status = proposal.status
    proposal.status = to
    proposal.save(update_fields=["status", "updated_at", *extra_fields])
    audit.record(actor=actor, action=transition.event, subject=proposal,
                 before={"status": from_status}, after={"status": to, **(after or {})},
                 reason=reason, public=True)
    for kind in transition.notices(to):
        notifications.send(kind, proposal, reason=reason)


def validated(obj, *, exclude: list[str]) -> None:
    """Check the model's own rules; their messages become a `ProposalError`."""
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as error:
        raise ProposalError(" ".join(error.messages)) from error
