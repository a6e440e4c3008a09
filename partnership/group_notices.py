"""Who hears of a group's check and of invitations, and where their link leads (the kinds
named in partnership.transitions)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import notices
from .models import CitizenGroup, GroupMembership, Invitation, User
from .roles import Role

notices.register("group_registered", label=_("A citizen group waits for the city's check "
                                             "(city officers)"),
                 template="partnership/notices/group_registered")
notices.register("group_status", label=_("The city checked my group"),
                 template="partnership/notices/group_status")
notices.register("group_invitation", label=_("I am invited to join a group"),
                 template="partnership/notices/group_invitation")
notices.register("invitation_answered", label=_("Someone answered my group's invitation"),
                 template="partnership/notices/invitation_answered")


def group_registered(group: CitizenGroup) -> None:
    notices.notify(recipients=User.objects.filter(groups__name=Role.CITY_OFFICER.value),
                   kind="group_registered", path=reverse("group_detail", args=[group.pk]),
                   params={"group": group.name})


def group_status(group: CitizenGroup) -> None:
    representatives = User.objects.filter(
        group_memberships__group=group,
        group_memberships__role=GroupMembership.GroupRole.REPRESENTATIVE)
    notices.notify(recipients=representatives, kind="group_status",
                   path=reverse("group_detail", args=[group.pk]),
                   params={"group": group.name, "verified": group.verified,
                           "reason": group.status_reason})


def group_invitation(invitation: Invitation, invitee: User | None) -> None:
    if invitee is not None:
        notices.notify(recipients=[invitee], kind="group_invitation",
                       path=reverse("my_invitations"),
                       params={"group": invitation.group.name, "role": invitation.role})


def invitation_answered(invitation: Invitation) -> None:
    notices.notify(recipients=[invitation.invited_by], kind="invitation_answered",
                   path=reverse("group_detail", args=[invitation.group_id]),
                   params={"group": invitation.group.name, "who": invitation.identifier,
                           "accepted": invitation.status == Invitation.Status.ACCEPTED})
