"""The portal's roles (DESIGN section 2). Each role is a Django group of this name."""

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
