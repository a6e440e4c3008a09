"""Matrix rows of the review pages: partnership members, the chair, the mayor's office, officers.

Scopes: "own" is a proposal in the state the page acts on (public, so a visitor without the
role gets 403); "other" is another group's draft, whose existence is private (404).
"""

from partnership.roles import Role
from partnership.selectors import sitting_members
from proposals.models import Status
from tests.factories import CallFactory, PartnershipMemberFactory, ProposalFactory
from tests.lifecycle import proposal_in
from tests.url_matrix import ANON, LOGIN, VISITORS, Row

MEMBER = Role.PARTNERSHIP_MEMBER.value
CHAIR = Role.CHAIR.value
MAYOR = Role.MAYORS_OFFICE.value
OFFICER = Role.CITY_OFFICER.value

BOTH = ("own", "other")
# Another group's draft: every signed-in visitor gets 404.
HIDDEN = {**{visitor: 404 for visitor in VISITORS}, ANON: LOGIN}


def only(*visitors: str, status: int = 200) -> dict[str, object]:
    return {ANON: LOGIN, "*": 403, **dict.fromkeys(visitors, status)}


def _proposal(key: str):
    def kwargs(objects: dict, scope: str) -> dict:
        target = objects["review"][key] if scope == "own" else objects["review"]["draft"]
        return {"pk": target.pk}

    return kwargs


def _call(objects: dict, scope: str) -> dict:
    return {"call": objects["review"]["call"].pk}


ROWS = [
    Row("proposals:review_queue", only(MEMBER, CHAIR)),
    Row("proposals:ballot", only(MEMBER, CHAIR), _proposal("under_review"), scopes=BOTH,
        other_expect=HIDDEN),
    # An empty ballot is refused by the form: the page comes back with its errors.
    Row("proposals:ballot", only(MEMBER, CHAIR), _proposal("under_review"), method="post",
        page=False, scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:declare_conflict", only(MEMBER, CHAIR), _proposal("under_review"),
        scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:declare_conflict", only(MEMBER, CHAIR), _proposal("under_review"),
        method="post", page=False, scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:ballots", only(MEMBER, CHAIR, MAYOR), _proposal("recommended"), scopes=BOTH,
        other_expect=HIDDEN),
    Row("proposals:review_boards", only(CHAIR)),
    Row("proposals:review_board", only(CHAIR), _call),
    Row("proposals:open_review", only(CHAIR, status=302), _proposal("eligible"),
        method="post", page=False, scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:close_review", only(CHAIR), _proposal("under_review"), scopes=BOTH,
        other_expect=HIDDEN),
    # Without a quorum the action refuses: the confirmation page comes back with the error.
    Row("proposals:close_review", only(CHAIR), _proposal("under_review"), method="post",
        page=False, scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:decision_queue", only(MAYOR)),
    Row("proposals:decide", only(MAYOR), _proposal("recommended"), scopes=BOTH,
        other_expect=HIDDEN),
    Row("proposals:decide", only(MAYOR), _proposal("recommended"), method="post", page=False,
        scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:screening_queue", only(OFFICER)),
    Row("proposals:mark_eligible", only(OFFICER), _proposal("submitted"), scopes=BOTH,
        other_expect=HIDDEN),
    # No box ticked: the form comes back with its errors.
    Row("proposals:mark_eligible", only(OFFICER), _proposal("submitted"), method="post",
        page=False, scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:mark_ineligible", only(OFFICER), _proposal("submitted"), scopes=BOTH,
        other_expect=HIDDEN),
    Row("proposals:mark_ineligible", only(OFFICER), _proposal("submitted"), method="post",
        page=False, scopes=BOTH, other_expect=HIDDEN),
]


def build(objects: dict) -> None:
    """Seats for the member and the chair; proposals in each state the pages act on."""
    users = objects["users"]
    for role, chair in ((MEMBER, False), (CHAIR, True)):
        PartnershipMemberFactory(user=users[role], is_chair=chair)
    call = CallFactory()
    objects["review"] = {
        "call": call,
        "draft": ProposalFactory(call=call),
        "submitted": proposal_in(Status.SUBMITTED, call=call),
        "eligible": proposal_in(Status.ELIGIBLE, call=call),
        # No ballot yet: closing it is refused for want of a quorum.
        "under_review": proposal_in(Status.UNDER_REVIEW, call=call),
        # The new ballots must reach the quorum of all sitting members, theirs included.
        "recommended": proposal_in(Status.RECOMMENDED, call=call,
                                   ballots=sitting_members().count() + 2),
    }
