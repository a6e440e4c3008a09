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
# Whoever runs the site: the administrator role, a superuser, or staff who use the admin.
runs_the_site = is_administrator | rules.is_staff
is_auditor = role_predicate(Role.AUDITOR)

rules.add_perm("partnership.use_admin", rules.is_staff)
# For the navigation, asked on every page: a role check costs no query.
rules.add_perm("partnership.act_as_citizen", is_citizen)
rules.add_perm("partnership.view_audit_log", is_auditor)


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


@rules.predicate
def has_articles(user, group) -> bool:
    return group is not None and bool(group.articles.strip())


@rules.predicate
def is_invitee(user, invitation) -> bool:
    """The person an invitation names, by user name or e-mail address."""
    if invitation is None or not user.is_authenticated:
        return False
    named = invitation.identifier.casefold()
    return named in {user.username.casefold(), (user.email or "").casefold()} - {""}


@rules.predicate
def represents_inviting_group(user, invitation) -> bool:
    return invitation is not None and is_representative(user, invitation.group)


# Officers see a group's page: they check new groups. The steps of a group's and an
# invitation's life are registered from their tables (partnership.transitions).
rules.add_perm("partnership.view_group", is_member_of_group | is_city_officer)
rules.add_perm("partnership.read_invitation", is_invitee | represents_inviting_group)
rules.add_perm("partnership.check_groups", is_city_officer)
rules.add_perm("partnership.view_own_groups", rules.is_authenticated)
# A citizen (or a newcomer) registers a group; the council, the mayor's office, officers,
# auditors and a project's staff take part in the scheme in their own capacity, not as a
# proposing group (staff who are also citizens of a group may register another).
rules.add_perm("partnership.register_group",
               rules.is_authenticated
               & (is_citizen | ~(is_partnership_member | is_chair | is_mayors_office
                                 | is_city_officer | is_auditor | is_project_staff)))


# Notifications and settings: each person their own, nobody anyone else's.
@rules.predicate
def is_recipient(user, notification) -> bool:
    return notification is not None and notification.recipient_id == user.pk


rules.add_perm("partnership.view_notifications", rules.is_authenticated)
rules.add_perm("partnership.read_notification", rules.is_authenticated & is_recipient)
rules.add_perm("partnership.change_own_settings", rules.is_authenticated)

# A person's own account: signing up and verifying are for visitors not signed in.
rules.add_perm("partnership.sign_up", ~rules.is_authenticated)
rules.add_perm("partnership.change_own_email", rules.is_authenticated)
# Following: anyone signed in, what they may read (each kind's own permission decides).
rules.add_perm("partnership.follow", rules.is_authenticated)
