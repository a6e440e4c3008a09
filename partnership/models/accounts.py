import rules
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partnership.translated import in_language


class User(AbstractUser):
    """A person who signs in; what they may do comes from their roles (groups)."""

    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE,
        help_text=_("The language of the portal and of the e-mails you receive."),
    )
    # Notification kinds (partnership.notices) the user does not want by e-mail; the
    # portal's own list always shows them.
    email_muted = models.JSONField(_("kinds not sent by e-mail"), default=list, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = pgettext_lazy("accounts", "users")
        # An address is verified before its account is active (sign-up, change of e-mail),
        # and invitations and password resets find people by it: one active account each.
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="user_active_email_unique",
                condition=models.Q(is_active=True) & ~models.Q(email=""),
                violation_error_message=_("Another account uses this e-mail address."),
            ),
        ]

    def __str__(self) -> str:
        return self.name_from(self.display_name, self.first_name, self.last_name, self.username)

    @staticmethod
    def name_from(display_name: str, first_name: str, last_name: str, username: str) -> str:
        """The name a page shows, from the four columns (for rows read as plain values)."""
        return display_name or f"{first_name} {last_name}".strip() or username

    def has_perm(self, perm: str, obj=None) -> bool:
        """The portal's own permissions (`rules`, named in each app's rules.py and transition
        tables) hold for superusers too: running the site does not let an administrator
        cast a ballot or decide on a proposal. Django's model permissions, which the admin
        asks, keep the superuser's shortcut."""
        if rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    def wants_email(self, kind: str) -> bool:
        return bool(self.email) and kind not in (self.email_muted or [])

    def has_role(self, role: str) -> bool:
        # Group names are cached per instance: templates ask several times a page.
        if not hasattr(self, "_cached_role_names"):
            self._cached_role_names = set(self.groups.values_list("name", flat=True))
        return role in self._cached_role_names


class Department(models.Model):
    """A city department: a project's partner, and the home of city officers."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    officers = models.ManyToManyField(
        User, blank=True, related_name="departments", verbose_name=_("officers")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("city department")
        verbose_name_plural = _("city departments")

    def __str__(self) -> str:
        return in_language(self.name, self.name_en)
