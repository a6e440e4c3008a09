"""A citizen group is registered by its representative and checked by the city."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .. import audit, group_notices
from ..errors import GroupError
from ..lifecycle import forget_cached_answers
from ..models import CitizenGroup, GroupMembership, User
from ..models.groups import fold_name
from ..roles import Role, role_groups
from ..transitions import GROUP

Representative = GroupMembership.GroupRole.REPRESENTATIVE
GROUP_FIELDS = ("name", "kind", "contact_email", "articles")


def require(condition: bool, message) -> None:
    if not condition:
        raise GroupError(message)


def lock(group: CitizenGroup) -> CitizenGroup:
    return CitizenGroup.objects.select_for_update().get(pk=group.pk)


def give_citizen_role(user: User) -> None:
    user.groups.add(*role_groups(Role.CITIZEN))
    forget_cached_answers(user)  # the cached role names are stale now


def _clean_fields(name: str, kind: str, contact_email: str, articles: str,
                  group: CitizenGroup | None = None) -> dict:
    name = name.strip()
    require(bool(name), _("Give the group's name."))
    require(kind in CitizenGroup.Kind.values, _("Choose the kind of group."))
    require(bool(contact_email.strip()), _("Give the group's contact e-mail address."))
    others = CitizenGroup.objects.filter(name_key=fold_name(name))
    if group is not None:
        others = others.exclude(pk=group.pk)
    require(not others.exists(), _("A citizen group with this name is already registered."))
    return {"name": name, "kind": kind, "contact_email": contact_email.strip(),
            "articles": articles.strip()}


@transaction.atomic
def create_group(*, actor: User, name: str, kind: str, contact_email: str,
                 articles: str = "") -> CitizenGroup:
    """A signed-in user registers a group and becomes its representative; the city checks
    the group before it may submit proposals."""
    require(actor.is_authenticated and actor.is_active, _("Sign in to register a citizen group."))
    fields = _clean_fields(name, kind, contact_email, articles)
    group = CitizenGroup.objects.create(**fields)
    membership = GroupMembership.objects.create(group=group, user=actor, role=Representative)
    give_citizen_role(actor)
    audit.record(actor=actor, action="group.created", subject=group,
                 after={**audit.values_of(group, GROUP_FIELDS), "status": group.status})
    audit.record(actor=actor, action="group.member_joined", subject=membership, parent=group,
                 after={"user": actor.pk, "username": actor.username, "role": Representative})
    group_notices.group_registered(group)
    return group


@transaction.atomic
def update_group(*, actor: User, group: CitizenGroup, name: str, kind: str,
                 contact_email: str, articles: str = "") -> CitizenGroup:
    group = lock(group)
    transition = GROUP.authorize(actor, group, "edit_group")
    fields = _clean_fields(name, kind, contact_email, articles, group=group)
    before = audit.values_of(group, GROUP_FIELDS)
    for key, value in fields.items():
        setattr(group, key, value)
    group.save(update_fields=list(fields))
    changed = {key: value for key, value in fields.items() if before[key] != value}
    if changed:
        audit.record(actor=actor, action=transition.event, subject=group,
                     before={key: before[key] for key in changed}, after=changed)
    return group


def _move(group: CitizenGroup, name: str, *, actor: User, reason: str = "") -> CitizenGroup:
    transition = GROUP.authorize(actor, group, name)
    before = group.status
    group.status, group.status_reason = transition.targets[0], reason
    group.save(update_fields=["status", "status_reason"])
    audit.record(actor=actor, action=transition.event, subject=group,
                 before={"status": before}, after={"status": group.status}, reason=reason)
    for kind in transition.notices(group.status):
        getattr(group_notices, kind)(group)
    return group


@transaction.atomic
def verify_group(*, actor: User, group: CitizenGroup) -> CitizenGroup:
    """An officer confirms the group has members, rules and a representative."""
    group = lock(group)
    GROUP.authorize(actor, group, "verify")
    require(group.memberships.filter(role=Representative).exists(),
            _("The group has no representative."))
    require(bool(group.articles.strip()),
            _("The group has not described its rules yet: return it with a comment."))
    return _move(group, "verify", actor=actor)


@transaction.atomic
def return_group(*, actor: User, group: CitizenGroup, reason: str) -> CitizenGroup:
    group = lock(group)
    GROUP.authorize(actor, group, "return_group")
    require(bool(reason.strip()), _("Say what the group must change."))
    return _move(group, "return_group", actor=actor, reason=reason.strip())


@transaction.atomic
def resubmit_group(*, actor: User, group: CitizenGroup) -> CitizenGroup:
    group = lock(group)
    return _move(group, "resubmit", actor=actor)
