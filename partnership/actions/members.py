"""Members join a group only by accepting an invitation; the representative removes them."""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .. import audit, clock, group_notices
from ..models import CitizenGroup, GroupMembership, Invitation, User
from ..transitions import GROUP, INVITATION
from .groups import Representative, give_citizen_role, lock, require


def _membership_values(membership: GroupMembership) -> dict:
    return {"user": membership.user_id, "username": membership.user.username,
            "role": membership.role}


def _named_user(identifier: str) -> User | None:
    """The one active user this user name or e-mail address names, if any."""
    matches = list(User.objects.filter(is_active=True).filter(
        Q(username__iexact=identifier) | Q(email__iexact=identifier))[:2])
    return matches[0] if len(matches) == 1 else None


@transaction.atomic
def invite(*, actor: User, group: CitizenGroup, identifier: str,
           role: str = GroupMembership.GroupRole.MEMBER) -> Invitation:
    """Invite a person by user name or e-mail address. The answer is the same whether or
    not such an account exists (the representative learns nothing about accounts); the
    person, if they have an account, is told and may accept."""
    group = lock(group)
    transition = GROUP.authorize(actor, group, "invite")
    identifier = identifier.strip()
    require(bool(identifier) and "\x00" not in identifier,
            _("Give the person's user name or e-mail address."))
    require(role in GroupMembership.GroupRole.values, _("Choose the member's role."))
    # The representative knows the members: saying that one already is reveals nothing.
    require(not group.memberships.filter(Q(user__username__iexact=identifier)
                                         | Q(user__email__iexact=identifier)).exists(),
            _("%(who)s is already a member of this group.") % {"who": identifier})
    invitation = Invitation.objects.filter(group=group, identifier__iexact=identifier,
                                           status=Invitation.Status.OPEN).first()
    if invitation is None:
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(group=group, identifier=identifier,
                                                       role=role, invited_by=actor)
        except IntegrityError:  # invited at the same moment by another request
            invitation = Invitation.objects.get(group=group, identifier=identifier,
                                                status=Invitation.Status.OPEN)
            return invitation
        audit.record(actor=actor, action=transition.event, subject=invitation, parent=group,
                     after={"identifier": identifier, "role": role})
        invitee = _named_user(identifier)
        if invitee is not None and not group.memberships.filter(user=invitee).exists():
            group_notices.group_invitation(invitation, invitee)
    return invitation


def _lock_invitation(invitation: Invitation) -> Invitation:
    return Invitation.objects.select_for_update().select_related("group", "invited_by").get(
        pk=invitation.pk)


def _answer(invitation: Invitation, name: str, *, actor: User) -> Invitation:
    transition = INVITATION.authorize(actor, invitation, name)
    require(not invitation.expired,
            _("This invitation has expired: ask the group's representative for a new one."))
    before = invitation.status
    invitation.status, invitation.answered_at = transition.targets[0], clock.now()
    invitation.save(update_fields=["status", "answered_at"])
    audit.record(actor=actor, action=transition.event, subject=invitation,
                 parent=invitation.group, before={"status": before},
                 after={"status": invitation.status})
    for kind in transition.notices(invitation.status):
        getattr(group_notices, kind)(invitation)
    return invitation


@transaction.atomic
def accept_invitation(*, actor: User, invitation: Invitation) -> GroupMembership:
    invitation = _lock_invitation(invitation)
    lock(invitation.group)
    _answer(invitation, "accept", actor=actor)
    membership, created = GroupMembership.objects.get_or_create(
        group=invitation.group, user=actor, defaults={"role": invitation.role})
    if created:
        give_citizen_role(actor)
        audit.record(actor=actor, action="group.member_joined", subject=membership,
                     parent=invitation.group, after=_membership_values(membership))
    return membership


@transaction.atomic
def decline_invitation(*, actor: User, invitation: Invitation) -> Invitation:
    return _answer(_lock_invitation(invitation), "decline", actor=actor)


@transaction.atomic
def withdraw_invitation(*, actor: User, invitation: Invitation) -> Invitation:
    invitation = _lock_invitation(invitation)
    transition = INVITATION.authorize(actor, invitation, "withdraw_invitation")
    invitation.status, invitation.answered_at = Invitation.Status.WITHDRAWN, clock.now()
    invitation.save(update_fields=["status", "answered_at"])
    audit.record(actor=actor, action=transition.event, subject=invitation,
                 parent=invitation.group, before={"status": Invitation.Status.OPEN},
                 after={"status": invitation.status})
    return invitation


@transaction.atomic
def remove_member(*, actor: User, group: CitizenGroup, membership: GroupMembership) -> None:
    """The representative removes a member; the last representative always stays."""
    group = lock(group)
    transition = GROUP.authorize(actor, group, "remove_member")
    membership = (GroupMembership.objects.select_related("user")
                  .filter(pk=membership.pk, group=group).first())
    require(membership is not None, _("This person is not a member of the group."))
    if membership.role == Representative:
        others = GroupMembership.objects.filter(group=group, role=Representative).exclude(
            pk=membership.pk)
        require(others.exists(),
                _("A group always keeps a representative: appoint another one first."))
    audit.record(actor=actor, action=transition.event, subject=membership, parent=group,
                 before=_membership_values(membership))
    membership.delete()
