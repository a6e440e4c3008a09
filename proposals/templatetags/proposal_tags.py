"""A proposal's states and history in words, for templates and notices."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership import clock

from ..models import Status

register = template.Library()

# The badge colour of each status; any other (not recommended, declined, ineligible) is
# a refusal. The colour is never the only sign: the badge says the status in words.
_COLOURS = {
    Status.DRAFT: "secondary", Status.WITHDRAWN: "secondary", Status.SUBMITTED: "primary",
    Status.ELIGIBLE: "primary", Status.UNDER_REVIEW: "info", Status.RECOMMENDED: "success",
    Status.CHOSEN: "success",
}

# What happens next, for the proposing group, in each state.
_NEXT = {
    Status.DRAFT: _("Complete the draft and submit it while the call is open"),
    Status.SUBMITTED: _("Awaiting the city's screening"),
    Status.ELIGIBLE: _("Eligible: awaiting the partnership's review"),
    Status.UNDER_REVIEW: _("The partnership is reviewing it"),
    Status.RECOMMENDED: _("Awaiting the mayor's decision"),
    Status.CHOSEN: _("Chosen: the project can start"),
}

# The public history's words for each audit action of a proposal.
_EVENTS = {
    "proposal.created": _("Created"),
    "proposal.submitted": _("Submitted"),
    "proposal.withdrawn": _("Withdrawn"),
    "proposal.marked_eligible": _("Marked eligible"),
    "proposal.marked_ineligible": _("Marked ineligible"),
    "proposal.review_opened": _("Review opened"),
    "proposal.review_closed": _("Review closed"),
    "proposal.decided": _("Decided by the mayor's office"),
}


# Who took each step, as the public history names it: a party, never a person (the
# members of a group and the officers are private citizens or staff, not public figures).
_PARTIES = {
    "proposal.marked_eligible": _("City (screening)"),
    "proposal.marked_ineligible": _("City (screening)"),
    "proposal.review_opened": _("Citizen Partnership"),
    "proposal.review_closed": _("Citizen Partnership"),
    "proposal.decided": _("Mayor's office"),
}


@register.filter
def event_party(action: str, proposal) -> str:
    """The party that took a step of the public history: the group, the city, the
    partnership or the mayor's office."""
    party = _PARTIES.get(action)
    return str(party) if party is not None else proposal.group.name


@register.filter
def status_label(status: str) -> str:
    return str(Status(status).label) if status in Status.values else ""


@register.filter
def status_colour(status: str) -> str:
    return _COLOURS.get(status, "danger")


@register.filter
def next_step(status: str) -> str:
    return str(_NEXT.get(status, _("None: the procedure is over")))


@register.filter
def event_label(action: str) -> str:
    return str(_EVENTS.get(action, action))


@register.filter
def days_since(moment) -> int:
    """Whole days from `moment` to today (in the portal's time zone): how long something
    has waited."""
    if moment is None:
        return 0
    return (timezone.localdate(clock.now()) - timezone.localdate(moment)).days
