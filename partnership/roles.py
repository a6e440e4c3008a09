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
