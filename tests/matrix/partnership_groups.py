"""Matrix rows of the citizen-group pages (objects from proposals_public.build).

Own = the matrix citizen's group (citizen represents it, project_staff is a plain member);
other = someone else's group. Only members see a group (404 for others); only its
representative manages members (403 for the other members).
"""

from partnership.roles import Role
from tests.url_matrix import ANON, LOGIN, Row, signed_in

CITIZEN = Role.CITIZEN.value
STAFF = Role.PROJECT_STAFF.value
BOTH = ("own", "other")
HIDDEN = {CITIZEN: 404, STAFF: 404}


def _group(objects: dict, scope: str) -> dict:
    return {"pk": objects["groups"][scope].pk}


def _membership(objects: dict, scope: str) -> dict:
    membership = objects["memberships"][scope]
    return {"pk": membership.group_id, "membership_pk": membership.pk}


def representative(status: int) -> dict[str, object]:
    return {ANON: LOGIN, CITIZEN: status, STAFF: 403, "*": 404}


ROWS = [
    Row("group_list", signed_in(200)),
    Row("group_create", signed_in(200)),
    Row("group_create", signed_in(200), method="post", page=False),  # empty: errors shown
    Row("group_detail", {ANON: LOGIN, CITIZEN: 200, STAFF: 200, "*": 404}, _group,
        scopes=BOTH, other_expect=HIDDEN),
    Row("group_member_add", representative(200), _group, scopes=BOTH, other_expect=HIDDEN),
    Row("group_member_add", representative(200), _group, method="post", page=False,
        scopes=BOTH, other_expect=HIDDEN),
    Row("group_member_remove", representative(200), _membership, scopes=BOTH,
        other_expect=HIDDEN),
    Row("group_member_remove", representative(302), _membership, method="post", page=False,
        scopes=BOTH, other_expect=HIDDEN),
]
