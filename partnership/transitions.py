"""The life cycles of a citizen group (checked by the city before it may submit) and of an
invitation to join one (docs/architecture.md, "Transition tables")."""

from django.utils.translation import gettext_lazy as _

from .errors import GroupError
from .lifecycle import Lifecycle, Transition
from .models import CitizenGroup, Invitation
from .rules import (
    has_articles,
    is_city_officer,
    is_invitee,
    is_member_of_group,
    is_representative_of_group,
    represents_inviting_group,
)

G = CitizenGroup.Status
I = Invitation.Status  # noqa: E741 (the table reads better with a one-letter name)
ANY = tuple(G)
REPRESENTATIVE_ONLY = _("Only the group's representative does this.")
# An officer never checks a group they belong to.
CHECKER = is_city_officer & ~is_member_of_group
CHECKERS_ONLY = _("Only city officers who are not members of the group check it.")

GROUP = Lifecycle(
    model=CitizenGroup,
    state_field="status",
    error=GroupError,
    state_message=_("This group is %(status)s; this is only possible when it is %(allowed)s."),
    transitions=[
        Transition("edit_group", ANY, (), is_representative_of_group,
                   "partnership.change_group", "group.edited", REPRESENTATIVE_ONLY,
                   label=_("Edit the group")),
        Transition("invite", ANY, (), is_representative_of_group, "partnership.invite_member",
                   "group.member_invited", REPRESENTATIVE_ONLY, label=_("Invite a member")),
        Transition("remove_member", ANY, (), is_representative_of_group,
                   "partnership.remove_member", "group.member_removed", REPRESENTATIVE_ONLY),
        Transition("verify", (G.PENDING,), (G.VERIFIED,), CHECKER & has_articles,
                   "partnership.verify_group", "group.verified",
                   _("Only city officers who are not members of the group verify it, and only "
                     "once the group has described its rules."),
                   notify={G.VERIFIED: ("group_status",)}, label=_("Verify the group")),
        Transition("return_group", (G.PENDING,), (G.RETURNED,), CHECKER,
                   "partnership.return_group", "group.returned", CHECKERS_ONLY,
                   notify={G.RETURNED: ("group_status",)}, label=_("Return for changes")),
        Transition("resubmit", (G.RETURNED,), (G.PENDING,), is_representative_of_group,
                   "partnership.resubmit_group", "group.resubmitted", REPRESENTATIVE_ONLY,
                   notify={G.PENDING: ("group_registered",)},
                   label=_("Ask the city to check the group again")),
    ],
)

INVITATION = Lifecycle(
    model=Invitation,
    state_field="status",
    error=GroupError,
    state_message=_("This invitation is %(status)s; this is only possible when it is "
                    "%(allowed)s."),
    transitions=[
        Transition("accept", (I.OPEN,), (I.ACCEPTED,), is_invitee,
                   "partnership.accept_invitation", "invitation.accepted",
                   _("Only the person invited answers an invitation."),
                   notify={I.ACCEPTED: ("invitation_answered",)}, label=_("Accept")),
        Transition("decline", (I.OPEN,), (I.DECLINED,), is_invitee,
                   "partnership.decline_invitation", "invitation.declined",
                   _("Only the person invited answers an invitation."),
                   notify={I.DECLINED: ("invitation_answered",)}, label=_("Decline")),
        Transition("withdraw_invitation", (I.OPEN,), (I.WITHDRAWN,),
                   represents_inviting_group, "partnership.withdraw_invitation",
                   "invitation.withdrawn", REPRESENTATIVE_ONLY, label=_("Withdraw")),
    ],
)
