"""The portal's roles. Each role is a Django group of this name."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CITIZEN = "citizen", _("Citizen group member")
    PARTNERSHIP_MEMBER = "partnership_member", _("Partnership member")
    CHAIR = "partnership_chair", _("Partnership chair")
    MAYORS_OFFICE = "mayors_office", _("Mayor's office")
    CITY_OFFICER = "city_officer", _("City officer")
    PROJECT_STAFF = "project_staff", _("Project staff")
    ADMINISTRATOR = "administrator", _("Administrator")
    AUDITOR = "auditor", _("Auditor")
    CHILD_WELFARE_OFFICER = "child_welfare_officer", _("Child-welfare officer")


def role_groups(*roles: Role):
    """The Django groups of these roles, created when missing.

    The data migration creates them; a database emptied since (a test's flush,
    a hand-made database) must not silently lose every role.
    """
    from django.contrib.auth.models import Group

    return [Group.objects.get_or_create(name=Role(role).value)[0] for role in roles]


# Roles that read what administrators may not (family-situation reports): no administrator
# holds one, and nobody gives one to themselves.
NOT_FOR_ADMINISTRATORS = frozenset({Role.CHILD_WELFARE_OFFICER.value})


def designation_refusal(*, roles: set[str], is_staff: bool, is_superuser: bool,
                        oneself: bool) -> str | None:
    """Why an account may not have these roles (with these rights), or None.

    `oneself`: the account is the one of the administrator changing it."""
    if not NOT_FOR_ADMINISTRATORS & set(roles):
        return None
    if oneself:
        return str(_("You cannot designate yourself as a child-welfare officer."))
    if is_staff or is_superuser or Role.ADMINISTRATOR.value in roles:
        return str(_("An administrator cannot be a child-welfare officer: administrators do "
                     "not read family-situation reports. Remove either the child-welfare "
                     "officer role or the administrator rights (staff status, superuser "
                     "status, the administrator role)."))
    return None
