"""State changes of citizen groups: creating a group and managing its members.

Each action runs in one transaction, locks the group row, checks the actor and the
group's state, raises `GroupError` otherwise (changing nothing) and writes the audit log.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import audit
from .errors import GroupError
from .lifecycle import forget_cached_answers
from .models import CitizenGroup, GroupMembership, User
from .roles import Role, role_groups
from .selectors import is_representative

Representative = GroupMembership.GroupRole.REPRESENTATIVE


def _require(condition: bool, message) -> None:
    if not condition:
        raise GroupError(message)


def _lock(group: CitizenGroup) -> CitizenGroup:
    return CitizenGroup.objects.select_for_update().get(pk=group.pk)


def _give_citizen_role(user: User) -> None:
    user.groups.add(*role_groups(Role.CITIZEN))
    forget_cached_answers(user)  # the cached role names are stale now


@transaction.atomic
def create_group(*, actor: User, name: str, kind: str, contact_email: str) -> CitizenGroup:
    """A signed-in user registers a citizen group and becomes its representative."""
    _require(actor.is_authenticated and actor.is_active,
             _("Sign in to register a citizen group."))
    name = name.strip()
    _require(bool(name), _("Give the group's name."))
    _require(kind in CitizenGroup.Kind.values, _("Choose the kind of group."))
    _require(not CitizenGroup.objects.filter(name__iexact=name).exists(),
             _("A citizen group with this name is already registered."))
    group = CitizenGroup.objects.create(name=name, kind=kind, contact_email=contact_email)
    membership = GroupMembership.objects.create(group=group, user=actor, role=Representative)
    _give_citizen_role(actor)
    audit.record(actor=actor, action="group.created", subject=group,
                 after=audit.values_of(group, ("name", "kind", "contact_email")))
    _record_membership(actor, "group.member_added", membership, after=True)
    return group


def _record_membership(actor: User, action: str, membership: GroupMembership, *,
                       after: bool) -> None:
    values = {"user": membership.user_id, "username": membership.user.username,
              "role": membership.role}
    audit.record(actor=actor, action=action, subject=membership, parent=membership.group,
                 before=None if after else values, after=values if after else None)


def find_user(identifier: str) -> User | None:
    """The active user whose user name or e-mail address is `identifier` (any case)."""
    identifier = identifier.strip()
    if not identifier:
        return None
    matches = list(
        User.objects.filter(is_active=True)
        .filter(Q(username__iexact=identifier) | Q(email__iexact=identifier))[:2]
    )
    return matches[0] if len(matches) == 1 else None


@transaction.atomic
def add_member(*, actor: User, group: CitizenGroup, identifier: str,
               role: str = GroupMembership.GroupRole.MEMBER) -> GroupMembership:
    """The representative adds an existing user, named by user name or e-mail."""
    group = _lock(group)
    _require(is_representative(actor, group),
             _("Only the group's representative adds members."))
    _require(role in GroupMembership.GroupRole.values, _("Choose the member's role."))
    user = find_user(identifier)
    _require(user is not None,
             _("No user has this user name or e-mail address. They must have an account first."))
    _require(not GroupMembership.objects.filter(group=group, user=user).exists(),
             _("%(user)s is already a member of this group.") % {"user": user})
    membership = GroupMembership.objects.create(group=group, user=user, role=role)
    _give_citizen_role(user)
    _record_membership(actor, "group.member_added", membership, after=True)
    return membership


@transaction.atomic
def remove_member(*, actor: User, group: CitizenGroup, membership: GroupMembership) -> None:
    """The representative removes a member; the last representative always stays."""
    group = _lock(group)
    _require(is_representative(actor, group),
             _("Only the group's representative removes members."))
    membership = GroupMembership.objects.filter(pk=membership.pk, group=group).first()
    _require(membership is not None, _("This person is not a member of the group."))
    if membership.role == Representative:
        others = GroupMembership.objects.filter(group=group, role=Representative).exclude(
            pk=membership.pk
        )
        _require(others.exists(),
                 _("A group always keeps a representative: appoint another one first."))
    _record_membership(actor, "group.member_removed", membership, after=False)
    membership.delete()
