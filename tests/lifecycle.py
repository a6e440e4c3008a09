"""Drive a proposal to any state through the real actions (no shortcuts through the ORM)."""

from partnership.models import GroupMembership
from partnership.roles import Role
from partnership.selectors import sitting_members
from proposals import actions
from proposals.models import ChecklistItem, Criterion, Proposal, Status, Vote

from .factories import CallFactory, PartnershipMemberFactory, ProposalFactory, UserFactory


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


def seated(client, *, is_chair: bool = False):
    """A new sitting member (or the chair), signed in on the test client."""
    user = chair() if is_chair else members(1)[0]
    client.force_login(user)
    return user


def full_scores(proposal: Proposal, value: int = 4) -> dict[int, int]:
    return {c.pk: value for c in Criterion.objects.filter(call_id=proposal.call_id)}


def checklist_of(proposal: Proposal) -> list[int]:
    """Every item of the proposal's call's checklist: what an officer ticks to mark it eligible."""
    return list(ChecklistItem.objects.filter(call_id=proposal.call_id).values_list("pk", flat=True))


def vote(user, proposal: Proposal, *, choice=Vote.RECOMMEND, value: int = 4,
         comment: str = "良い提案です"):
    """`user` casts a ballot: `value` for every criterion."""
    return actions.cast_ballot(actor=user, proposal=proposal, vote=choice,
                               scores=full_scores(proposal, value), comment=comment)


def proposal_in(status: Status, *, proposal: Proposal | None = None, ballots: int = 3,
                the_chair=None, voters=None, officer=None, mayor=None,
                **factory_kwargs) -> Proposal:
    """A proposal brought to `status` by the actions a real user would take.

    The chair, voters, officer and mayor's office user are made afresh unless given
    (new sitting members raise the quorum of every later proposal: pass a fixed panel
    when making many).
    """
    proposal = _walk(status, proposal or ProposalFactory(**factory_kwargs), the_chair=the_chair,
                     voters=voters, officer=officer, mayor=mayor, ballots=ballots)
    proposal.refresh_from_db()
    return proposal


def _walk(status, proposal, *, the_chair, voters, officer, mayor, ballots) -> Proposal:
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
    actions.mark_eligible(actor=officer or UserFactory(roles=[Role.CITY_OFFICER]),
                          proposal=proposal, checked=checklist_of(proposal))
    if status == Status.ELIGIBLE:
        return proposal
    the_chair = the_chair or chair()
    actions.open_review(actor=the_chair, proposal=proposal)
    if status == Status.UNDER_REVIEW:
        return proposal
    recommend = status in (Status.RECOMMENDED, Status.CHOSEN, Status.DECLINED)
    for user in voters if voters is not None else members(ballots):
        vote(user, proposal, choice=Vote.RECOMMEND if recommend else Vote.NOT_RECOMMEND,
             value=4 if recommend else 1, comment="コメント")
    actions.close_review(actor=the_chair, proposal=proposal)
    proposal.refresh_from_db()
    if status in (Status.RECOMMENDED, Status.NOT_RECOMMENDED):
        return proposal
    mayor = mayor or UserFactory(roles=[Role.MAYORS_OFFICE])
    outcome = "chosen" if status == Status.CHOSEN else "declined"
    actions.decide(actor=mayor, proposal=proposal, outcome=outcome, reason="理由")
    proposal.refresh_from_db()
    return proposal


# -- many proposals of one call at once (the queue and board pages) ---------------------------

def submitted(n: int, *, call=None) -> list[Proposal]:
    call = call or CallFactory()
    return [proposal_in(Status.SUBMITTED, call=call) for _ in range(n)]


def eligible(n: int, *, call=None, officer=None) -> list[Proposal]:
    call = call or CallFactory()
    officer = officer or UserFactory(roles=[Role.CITY_OFFICER])
    return [proposal_in(Status.ELIGIBLE, call=call, officer=officer) for _ in range(n)]


def under_review(n: int, *, call=None, the_chair=None) -> list[Proposal]:
    """n proposals whose review `the_chair` (a new chair unless given) opened."""
    call = call or CallFactory()
    the_chair = the_chair or chair()
    return [proposal_in(Status.UNDER_REVIEW, call=call, the_chair=the_chair) for _ in range(n)]


def recommended(n: int, *, call=None) -> list[Proposal]:
    """n recommended proposals, each with recommending ballots and comments: three, or enough
    for the quorum of the members already sitting."""
    voters = members(max(3, sitting_members().count() + 2))
    the_chair = chair()
    proposals = under_review(n, call=call, the_chair=the_chair)
    for proposal in proposals:
        for i, user in enumerate(voters):
            vote(user, proposal, value=4, comment=f"委員{i}のコメント")
        actions.close_review(actor=the_chair, proposal=proposal)
    return proposals


def history(proposal: Proposal) -> list:
    """The proposal's public history: the audit rows of its changes of state."""
    from partnership import audit

    return list(audit.history(proposal, public_only=True))
