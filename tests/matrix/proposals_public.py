"""Matrix rows of the public proposal pages; `build` makes the groups and proposals that the
citizen-group rows (proposals_group, partnership_groups) use too.

The matrix user `citizen` is the representative of the "own" group and `project_staff` a
plain member of it; the "other" group belongs to someone else. Drafts are private to their
group (404 to everyone else); submitted proposals are public.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from partnership.models import GroupMembership
from partnership.roles import Role
from proposals import actions
from tests.factories import CallFactory, CitizenGroupFactory, ProposalFactory, UserFactory
from tests.url_matrix import Row, everyone

CITIZEN = Role.CITIZEN.value
STAFF = Role.PROJECT_STAFF.value
BOTH = ("own", "other")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# A draft: its group's members see it, everyone else gets 404 (even signed out).
DRAFT_SEEN_BY_GROUP = {CITIZEN: 200, STAFF: 200, "*": 404}
OTHER_DRAFT = {CITIZEN: 404, STAFF: 404}


def _proposal(kind: str):
    def kwargs(objects: dict, scope: str) -> dict:
        return {"pk": objects["proposals"][scope][kind].pk}

    return kwargs


def _attachment(kind: str):
    def kwargs(objects: dict, scope: str) -> dict:
        attachment = objects["attachments"][scope][kind]
        return {"pk": attachment.proposal_id, "attachment_pk": attachment.pk}

    return kwargs


def _call(objects: dict, scope: str) -> dict:
    return {"pk": objects["call"].pk}


ROWS = [
    Row("proposals:call_list", everyone(200)),
    Row("proposals:call_detail", everyone(200), _call),
    Row("proposals:call_calendar", everyone(200), _call, page=False),
    Row("proposals:proposal_detail", DRAFT_SEEN_BY_GROUP, _proposal("draft"), scopes=BOTH,
        other_expect=OTHER_DRAFT),
    Row("proposals:proposal_detail", everyone(200), _proposal("submitted"), scopes=BOTH),
    Row("proposals:attachment_download", DRAFT_SEEN_BY_GROUP, _attachment("draft"),
        page=False, scopes=BOTH, other_expect=OTHER_DRAFT),
    Row("proposals:attachment_download", everyone(200), _attachment("submitted"), page=False,
        scopes=BOTH),
]


def _attach(proposal, user):
    upload = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    return actions.add_attachment(actor=user, proposal=proposal, upload=upload)


def build(objects: dict) -> None:
    citizen, staff = objects["users"][CITIZEN], objects["users"][STAFF]
    outsider = UserFactory(username="matrix-other-group")
    own = CitizenGroupFactory(name="マトリクス自団体")
    other = CitizenGroupFactory(name="マトリクス他団体")
    representative = GroupMembership.GroupRole.REPRESENTATIVE
    GroupMembership.objects.create(group=own, user=citizen, role=representative)
    staff_membership = GroupMembership.objects.create(group=own, user=staff)
    GroupMembership.objects.create(group=other, user=outsider, role=representative)
    other_member = GroupMembership.objects.create(group=other, user=UserFactory())
    call = CallFactory()
    objects.update(
        call=call,
        groups={"own": own, "other": other},
        memberships={"own": staff_membership, "other": other_member},
        proposals={"own": {}, "other": {}},
        attachments={"own": {}, "other": {}},
    )
    for scope, group, author in (("own", own, citizen), ("other", other, outsider)):
        for kind in ("draft", "submitted"):
            proposal = ProposalFactory(call=call, group=group, created_by=author,
                                       title=f"{scope}-{kind}")
            objects["attachments"][scope][kind] = _attach(proposal, author)
            if kind == "submitted":
                actions.submit(actor=author, proposal=proposal)
            objects["proposals"][scope][kind] = proposal
