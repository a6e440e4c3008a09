"""Matrix rows of the hearing pages (公開プレゼンテーション).

Sessions: "own" is a planned session, private to the officers (404 for everyone else);
"other" a published one, which anyone may know (403 to act). Slots and questions: "own"
belong to the matrix citizen's group, "other" to another group. Questions and notes pages of
a proposal: "own" is the own group's eligible proposal, "other" another group's.
"""

from partnership.models import GroupMembership
from partnership.roles import Role
from proposals.hearings import SessionStatus
from proposals.models import Status
from tests.factories import CitizenGroupFactory, ProposalFactory, UserFactory
from tests.hearings import asked, session_of, slot_for
from tests.lifecycle import proposal_in
from tests.url_matrix import ANON, LOGIN, Row

CITIZEN = Role.CITIZEN.value
STAFF = Role.PROJECT_STAFF.value
OFFICER = Role.CITY_OFFICER.value
MEMBER = Role.PARTNERSHIP_MEMBER.value
CHAIR = Role.CHAIR.value
MAYOR = Role.MAYORS_OFFICE.value
BOTH = ("own", "other")


def only(*visitors, status=200, others=403) -> dict[str, object]:
    return {ANON: LOGIN, "*": others, **dict.fromkeys(visitors, status)}


def _key(kind: str):
    def kwargs(objects: dict, scope: str) -> dict:
        return {"pk": objects["hearings"][scope][kind].pk}

    return kwargs


def _call(objects: dict, scope: str) -> dict:
    return {"pk": objects["call"].pk}


SECRET_SESSION = only(OFFICER, others=404)
PUBLIC_SESSION = {"*": 403, OFFICER: 200}
GROUP_SLOT = {**only(CITIZEN, STAFF, status=302, others=404), OFFICER: 403}
OTHER_SLOT = {CITIZEN: 404, STAFF: 404}
INSIDERS = {OFFICER: 403, MEMBER: 403, CHAIR: 403, MAYOR: 403}
GROUP_QUESTION = {**only(CITIZEN, STAFF, others=404), **INSIDERS}
OTHER_QUESTION = {CITIZEN: 404, STAFF: 404}
MEMBERS = only(MEMBER, CHAIR)

ROWS = [
    Row("proposals:hearing_schedule", only(OFFICER), _call),
    Row("proposals:hearing_plan", only(OFFICER), _call),
    # An empty form comes back with its errors.
    Row("proposals:hearing_plan", only(OFFICER), _call, method="post", page=False),
    Row("proposals:hearing_slot_new", SECRET_SESSION, _key("session"), scopes=BOTH,
        other_expect=PUBLIC_SESSION),
    Row("proposals:hearing_slot_new", SECRET_SESSION, _key("session"), method="post",
        page=False, scopes=BOTH, other_expect=PUBLIC_SESSION),
    # A published session is published already: nobody publishes it again.
    Row("proposals:hearing_publish", only(OFFICER, status=302, others=404), _key("session"),
        method="post", page=False, scopes=BOTH, other_expect={"*": 403, OFFICER: 403}),
    Row("proposals:hearing_slot_confirm", GROUP_SLOT, _key("slot"), method="post", page=False,
        scopes=BOTH, other_expect=OTHER_SLOT),
    Row("proposals:hearing_answer", GROUP_QUESTION, _key("question"), scopes=BOTH,
        other_expect=OTHER_QUESTION),
    Row("proposals:hearing_answer", GROUP_QUESTION, _key("question"), method="post",
        page=False, scopes=BOTH, other_expect=OTHER_QUESTION),
    Row("proposals:hearing_question_new", MEMBERS, _key("proposal"), scopes=BOTH),
    Row("proposals:hearing_question_new", MEMBERS, _key("proposal"), method="post",
        page=False, scopes=BOTH),
    Row("proposals:hearing_notes", MEMBERS, _key("proposal"), scopes=BOTH),
    Row("proposals:hearing_notes", MEMBERS, _key("proposal"), method="post", page=False,
        scopes=BOTH),
    Row("proposals:deliberation", MEMBERS, _key("proposal"), scopes=BOTH),
    # Before the review opens the thread is read-only: the post comes back refused.
    Row("proposals:deliberation", MEMBERS, _key("proposal"), method="post", page=False,
        scopes=BOTH),
]


def _group(objects: dict, scope: str):
    """A verified group of its own (the groups' rows change the others' checks): the matrix
    citizen and staff belong to the "own" one."""
    group = CitizenGroupFactory(name=f"公開プレゼン{scope}団体")
    if scope == "own":
        users = [objects["users"][CITIZEN], objects["users"][STAFF]]
    else:
        users = [UserFactory()]
    roles = GroupMembership.GroupRole
    for i, user in enumerate(users):
        GroupMembership.objects.create(group=group, user=user,
                                       role=roles.REPRESENTATIVE if i == 0 else roles.MEMBER)
    return group, users[0]


def build(objects: dict) -> None:
    call, officer = objects["call"], objects["users"][OFFICER]
    objects["hearings"] = {"own": {}, "other": {}}
    planned = session_of(call, by=officer)
    objects["hearings"]["own"]["session"] = planned
    objects["hearings"]["other"]["session"] = session_of(call, by=officer, days=4,
                                                         status=SessionStatus.PUBLISHED)
    for position, scope in enumerate(BOTH, start=1):
        group, author = _group(objects, scope)
        proposal = proposal_in(Status.ELIGIBLE, proposal=ProposalFactory(
            call=call, group=group, created_by=author), officer=officer)
        objects["hearings"][scope].update(
            proposal=proposal,
            slot=slot_for(proposal, planned, position=position, by=officer),
            question=asked(proposal, by=objects["users"][MEMBER]))
