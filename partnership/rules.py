"""Permission predicates of the partnership app: roles, checked in one place."""

import rules

from .roles import Role
from .selectors import is_representative


def role_predicate(role: Role) -> rules.Predicate:
    @rules.predicate(name=f"has_role_{role.value}")
    def has_role(user) -> bool:
        return bool(user and user.is_authenticated and user.has_role(role.value))

    return has_role


is_citizen = role_predicate(Role.CITIZEN)
is_partnership_member = role_predicate(Role.PARTNERSHIP_MEMBER)
is_chair = role_predicate(Role.CHAIR)
is_mayors_office = role_predicate(Role.MAYORS_OFFICE)
is_city_officer = role_predicate(Role.CITY_OFFICER)
is_project_staff = role_predicate(Role.PROJECT_STAFF)
is_administrator = role_predicate(Role.ADMINISTRATOR) | rules.is_superuser

rules.add_perm("partnership.use_admin", rules.is_staff)
# For the navigation, asked on every page: a role check costs no query.
rules.add_perm("partnership.act_as_citizen", is_citizen)


# Citizen groups: only members see a group's page; its representative manages members.
@rules.predicate
def is_member_of_group(user, group) -> bool:
    return bool(
        group is not None and user.is_authenticated
        and group.memberships.filter(user=user).exists()
    )


@rules.predicate
def is_representative_of_group(user, group) -> bool:
    return group is not None and is_representative(user, group)


rules.add_perm("partnership.view_group", is_member_of_group)
rules.add_perm("partnership.manage_group", is_representative_of_group)


# Notifications and settings: each person their own, nobody anyone else's.
@rules.predicate
def is_recipient(user, notification) -> bool:
    return notification is not None and notification.recipient_id == user.pk


rules.add_perm("partnership.view_notifications", rules.is_authenticated)
rules.add_perm("partnership.read_notification", rules.is_authenticated & is_recipient)
rules.add_perm("partnership.change_own_settings", rules.is_authenticated)
