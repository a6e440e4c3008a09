"""Drive a proposal to any state through the real actions (no shortcuts through the ORM)."""

from partnership.models import GroupMembership
from partnership.roles import Role
from proposals import actions
from proposals.models import Criterion, Proposal, Status, Vote

from .factories import PartnershipMemberFactory, ProposalFactory, UserFactory


def group_member(proposal: Proposal):
    return GroupMembership.objects.filter(group=proposal.group).first().user


def chair():
    user = UserFactory(roles=[Role.PARTNERSHIP_MEMBER, Role.CHAIR])
    PartnershipMemberFactory(user=user, is_chair=True)
    return user


def members(n: int):
    users = []
    for _ in range(n):
        user = UserFactory(roles=[Role.PARTNERSHIP_MEMBER])
        PartnershipMemberFactory(user=user)
        users.append(user)
    return users


def full_scores(proposal: Proposal, value: int = 4) -> dict[int, int]:
    return {c.pk: value for c in Criterion.objects.filter(call_id=proposal.call_id)}


def proposal_in(status: Status, *, proposal: Proposal | None = None, ballots: int = 3,
                the_chair=None, voters=None, officer=None, mayor=None,
                **factory_kwargs) -> Proposal:
    """A proposal brought to `status` by the actions a real user would take.

    The chair, voters, officer and mayor's office user are made afresh unless given
    (new sitting members raise the quorum of every later proposal: pass a fixed panel
    when making many).
    """
    proposal = proposal or ProposalFactory(**factory_kwargs)
    author = group_member(proposal)
    if status == Status.DRAFT:
        return proposal
    if status == Status.WITHDRAWN:
        return actions.withdraw(actor=author, proposal=proposal, reason="取り下げ")
    actions.submit(actor=author, proposal=proposal)
    if status == Status.SUBMITTED:
        return proposal
    if status == Status.INELIGIBLE:
        officer = officer or UserFactory(roles=[Role.CITY_OFFICER])
        return actions.mark_ineligible(actor=officer, proposal=proposal, reason="対象外")
    the_chair = the_chair or chair()
    actions.open_review(actor=the_chair, proposal=proposal)
    if status == Status.UNDER_REVIEW:
        return proposal
    recommend = status in (Status.RECOMMENDED, Status.CHOSEN, Status.DECLINED)
    for user in voters if voters is not None else members(ballots):
        actions.cast_ballot(
            actor=user, proposal=proposal,
            vote=Vote.RECOMMEND if recommend else Vote.NOT_RECOMMEND,
            scores=full_scores(proposal, 4 if recommend else 1), comment="コメント",
        )
    actions.close_review(actor=the_chair, proposal=proposal)
    proposal.refresh_from_db()
    if status in (Status.RECOMMENDED, Status.NOT_RECOMMENDED):
        return proposal
    mayor = mayor or UserFactory(roles=[Role.MAYORS_OFFICE])
    outcome = "chosen" if status == Status.CHOSEN else "declined"
    actions.decide(actor=mayor, proposal=proposal, outcome=outcome, reason="理由")
    proposal.refresh_from_db()
    return proposal
