"""Matrix rows of the citizen-group proposal pages (objects from proposals_public.build).

Own = the matrix citizen's group (citizen is its representative, project_staff a member);
other = another group. Another group's draft is 404; a proposal the visitor may see but not
act on is 403; signed-out visitors are sent to the sign-in page.
"""

from partnership.roles import Role
from tests.url_matrix import ANON, LOGIN, Row

from .proposals_public import _attachment, _proposal

CITIZEN = Role.CITIZEN.value
STAFF = Role.PROJECT_STAFF.value
BOTH = ("own", "other")


def group_members(status: int, others: int) -> dict[str, object]:
    return {ANON: LOGIN, CITIZEN: status, STAFF: status, "*": others}


# Acting on a draft: the group may, everyone else does not know it exists.
ON_DRAFT = group_members(200, 404)
HIDDEN = {CITIZEN: 404, STAFF: 404}
# Acting on a submitted proposal that may not be changed: public, so 403.
NOT_ANY_MORE = {ANON: LOGIN, "*": 403}

ROWS = [
    Row("proposals:my_proposals", group_members(200, 403)),
    Row("proposals:proposal_create", group_members(200, 403)),
    # An empty form comes back with its errors (200) for the group.
    Row("proposals:proposal_create", group_members(200, 403), method="post", page=False),
    Row("proposals:proposal_edit", ON_DRAFT, _proposal("draft"), scopes=BOTH,
        other_expect=HIDDEN),
    Row("proposals:proposal_edit", ON_DRAFT, _proposal("draft"), method="post", page=False,
        scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:proposal_edit", NOT_ANY_MORE, _proposal("submitted"), scopes=BOTH),
    Row("proposals:proposal_submit", ON_DRAFT, _proposal("draft"), scopes=BOTH,
        other_expect=HIDDEN),
    Row("proposals:proposal_submit", group_members(302, 404), _proposal("draft"),
        method="post", page=False, scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:proposal_submit", NOT_ANY_MORE, _proposal("submitted"), method="post",
        page=False, scopes=BOTH),
    Row("proposals:proposal_withdraw", ON_DRAFT, _proposal("draft"), scopes=BOTH,
        other_expect=HIDDEN),
    Row("proposals:proposal_withdraw", group_members(200, 403), _proposal("submitted"),
        scopes=BOTH, other_expect={CITIZEN: 403, STAFF: 403}),
    Row("proposals:proposal_withdraw", group_members(302, 403), _proposal("submitted"),
        method="post", page=False, scopes=BOTH, other_expect={CITIZEN: 403, STAFF: 403}),
    Row("proposals:attachment_upload", ON_DRAFT, _proposal("draft"), scopes=BOTH,
        other_expect=HIDDEN),
    # No file: the form comes back with its error.
    Row("proposals:attachment_upload", ON_DRAFT, _proposal("draft"), method="post",
        page=False, scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:attachment_upload", NOT_ANY_MORE, _proposal("submitted"), scopes=BOTH),
    Row("proposals:attachment_delete", ON_DRAFT, _attachment("draft"), scopes=BOTH,
        other_expect=HIDDEN),
    Row("proposals:attachment_delete", group_members(302, 404), _attachment("draft"),
        method="post", page=False, scopes=BOTH, other_expect=HIDDEN),
    Row("proposals:attachment_delete", NOT_ANY_MORE, _attachment("submitted"),
        method="post", page=False, scopes=BOTH),
]
