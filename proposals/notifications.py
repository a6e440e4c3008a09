"""Who hears of a proposal's steps, and where their link leads (the kinds named in the
transition table's `notify`). Written in the action's transaction, mailed by the queue."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnership import follows, notices
from partnership.roles import Role
from partnership.selectors import sitting_members

from .models import Call, Proposal, Status

notices.register("proposal_status", label=_("A proposal of my group changes status"),
                 template="proposals/notices/status")
notices.register("review_opened", label=_("A review opens (partnership members)"),
                 template="proposals/notices/review_opened")
notices.register("review_ready",
                 label=_("A proposal is found eligible and its review can open (chair)"),
                 template="proposals/notices/review_ready")
notices.register("decision_needed",
                 label=_("A recommended proposal awaits a decision (mayor's office)"),
                 template="proposals/notices/decision_needed")


def _group(proposal: Proposal) -> QuerySet:
    return proposal.group.members.all()


def _members(proposal: Proposal) -> QuerySet:
    return get_user_model().objects.filter(
        pk__in=sitting_members().values("user_id"), groups__name=Role.PARTNERSHIP_MEMBER.value)


def _chairs(proposal: Proposal) -> QuerySet:
    return get_user_model().objects.filter(groups__name=Role.CHAIR.value)


def _mayors_office(proposal: Proposal) -> QuerySet:
    return get_user_model().objects.filter(groups__name=Role.MAYORS_OFFICE.value)


def _page(name: str):
    return lambda proposal: reverse(name, kwargs={"pk": proposal.pk})


# kind -> (who is told, the page their link opens)
ROUTES = {
    "proposal_status": (_group, _page("proposals:proposal_detail")),
    "review_opened": (_members, _page("proposals:ballot")),
    "review_ready": (_chairs, lambda p: reverse("proposals:review_board",
                                                kwargs={"call": p.call_id})),
    "decision_needed": (_mayors_office, _page("proposals:decide")),
}


follows.register("call", model=Call, permission="proposals.follow_call",
                 page=lambda call: reverse("proposals:call_detail", kwargs={"pk": call.pk}))
follows.register("proposal", model=Proposal, permission="proposals.read_proposal",
                 page=_page("proposals:proposal_detail"))


def send(kind: str, proposal: Proposal, *, reason: str = "") -> None:
    recipients, page = ROUTES[kind]
    told = list(recipients(proposal))
    if kind == "proposal_status" and proposal.is_public:
        # Those who follow the proposal or its call hear of each public step too.
        follows.tell_followers(proposal, proposal.call, subject=proposal,
                               change=Status(proposal.status).label, told=told)
    notices.notify(
        recipients=told, kind=kind,
        path=page(proposal),
        params={"title": proposal.title, "call": proposal.call.title,
                "status": proposal.status, "reason": reason},
    )
