"""Matrix rows of the citizen-group pages (objects from proposals_public.build and below).

Own = the matrix citizen's group (citizen represents it, project_staff is a plain member);
other = someone else's group. Members and city officers (who check groups) see a group;
for anyone else it does not exist (404). Only the representative manages members, only
officers check groups (403 for the others who may see the group). An invitation is
answered by the person it names only; its group's representative may see it (403).
"""

from partnership.models import Invitation
from partnership.roles import Role
from tests.url_matrix import ANON, LOGIN, Row, signed_in

CITIZEN = Role.CITIZEN.value
STAFF = Role.PROJECT_STAFF.value
OFFICER = Role.CITY_OFFICER.value
BOTH = ("own", "other")
HIDDEN = {CITIZEN: 404, STAFF: 404}


def _group(objects: dict, scope: str) -> dict:
    return {"pk": objects["groups"][scope].pk}


def _membership(objects: dict, scope: str) -> dict:
    membership = objects["memberships"][scope]
    return {"pk": membership.group_id, "membership_pk": membership.pk}


def _sent(objects: dict, scope: str) -> dict:
    invitation = objects["invitations"]["sent"][scope]
    return {"pk": invitation.group_id, "invitation_pk": invitation.pk}


def _received(objects: dict, scope: str) -> dict:
    return {"pk": objects["invitations"]["received"][scope].pk}


def representative(status: int) -> dict[str, object]:
    return {ANON: LOGIN, CITIZEN: status, STAFF: 403, OFFICER: 403, "*": 404}


def officer(status: int) -> dict[str, object]:
    return {ANON: LOGIN, OFFICER: status, CITIZEN: 403, STAFF: 403, "*": 404}


# Own: an invitation naming the matrix citizen (from the other group); other: one of the
# citizen's own group naming somebody else, which the citizen may see but not answer.
ANSWER = {ANON: LOGIN, CITIZEN: 302, "*": 404}
REGISTER = {ANON: LOGIN, **{role.value: 403 for role in (
    Role.PARTNERSHIP_MEMBER, Role.CHAIR, Role.MAYORS_OFFICE, Role.CITY_OFFICER, Role.AUDITOR,
    Role.PROJECT_STAFF)},
    "*": 200}
ANSWER_OTHER = {CITIZEN: 403}

ROWS = [
    Row("group_list", signed_in(200)),
    # Citizens and newcomers register groups; the council, the mayor's office, officers and
    # auditors take part in their own capacity.
    Row("group_create", REGISTER),
    Row("group_create", REGISTER, method="post", page=False),  # empty: errors shown
    Row("my_invitations", signed_in(200)),
    Row("group_checks", {ANON: LOGIN, OFFICER: 200, "*": 403}),
    Row("group_detail", {ANON: LOGIN, CITIZEN: 200, STAFF: 200, OFFICER: 200, "*": 404},
        _group, scopes=BOTH, other_expect=HIDDEN),
    Row("group_edit", representative(200), _group, scopes=BOTH, other_expect=HIDDEN),
    Row("group_edit", representative(200), _group, method="post", page=False, scopes=BOTH,
        other_expect=HIDDEN),
    # The own group is verified already (403: nothing to check); the other one waits for
    # the city's check (`build` below).
    Row("group_verify", officer(403), _group, method="post", page=False, scopes=BOTH,
        other_expect={**HIDDEN, OFFICER: 302}),
    Row("group_return", officer(403), _group, scopes=BOTH,
        other_expect={**HIDDEN, OFFICER: 200}),
    Row("group_return", officer(403), _group, method="post", page=False, scopes=BOTH,
        other_expect={**HIDDEN, OFFICER: 200}),  # no reason given: the form's error
    # Only a returned group is sent back to the city: 403 for both groups here.
    Row("group_resubmit", representative(403), _group, method="post", page=False,
        scopes=BOTH, other_expect=HIDDEN),
    Row("group_member_invite", representative(200), _group, scopes=BOTH, other_expect=HIDDEN),
    Row("group_member_invite", representative(200), _group, method="post", page=False,
        scopes=BOTH, other_expect=HIDDEN),
    Row("group_invitation_withdraw", representative(302), _sent, method="post", page=False,
        scopes=BOTH, other_expect=HIDDEN),
    Row("group_member_remove", representative(200), _membership, scopes=BOTH,
        other_expect=HIDDEN),
    Row("group_member_remove", representative(302), _membership, method="post", page=False,
        scopes=BOTH, other_expect=HIDDEN),
    Row("invitation_accept", ANSWER, _received, method="post", page=False, scopes=BOTH,
        other_expect=ANSWER_OTHER),
    Row("invitation_decline", ANSWER, _received, method="post", page=False, scopes=BOTH,
        other_expect=ANSWER_OTHER),
]


def build(objects: dict) -> None:
    own, other = objects["groups"]["own"], objects["groups"]["other"]
    citizen = objects["users"][CITIZEN]
    own_rep = own.memberships.get(user=citizen).user
    other_rep = other.memberships.filter(role="representative").first().user
    to_citizen = Invitation.objects.create(group=other, identifier=citizen.username,
                                           invited_by=other_rep)
    from_own = Invitation.objects.create(group=own, identifier="someone@example.jp",
                                         invited_by=own_rep)
    from_other = Invitation.objects.create(group=other, identifier="another@example.jp",
                                           invited_by=other_rep)
    other.status = other.Status.PENDING  # after proposals_public submitted its proposal
    other.save(update_fields=["status"])
    objects["invitations"] = {
        "received": {"own": to_citizen, "other": from_own},
        "sent": {"own": from_own, "other": from_other},
    }
