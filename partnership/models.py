from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in; what they may do comes from their roles (groups)."""

    display_name = models.CharField(_("display name"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name_from(self.display_name, self.first_name, self.last_name, self.username)

    @staticmethod
    def name_from(display_name: str, first_name: str, last_name: str, username: str) -> str:
        """The name a page shows, from the four columns (for rows read as plain values)."""
        return display_name or f"{first_name} {last_name}".strip() or username

    def has_role(self, role: str) -> bool:
        # Group names are cached per instance: templates ask several times a page.
        if not hasattr(self, "_role_names"):
            self._role_names = set(self.groups.values_list("name", flat=True))
        return role in self._role_names


class Department(models.Model):
    """A city department: a project's partner, and the home of city officers."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    officers = models.ManyToManyField(
        User, blank=True, related_name="departments", verbose_name=_("officers")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("city department")
        verbose_name_plural = _("city departments")

    def __str__(self) -> str:
        return self.name


class CitizenGroup(models.Model):
    """A citizen group (NPO, volunteer group, neighbourhood association) that proposes projects."""

    class Kind(models.TextChoices):
        NPO = "npo", _("NPO corporation")
        VOLUNTEER = "volunteer", _("Volunteer group")
        NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood association")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NPO)
    contact_email = models.EmailField(_("contact e-mail"))
    members = models.ManyToManyField(
        User, through="GroupMembership", related_name="citizen_groups", verbose_name=_("members")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("citizen group")
        verbose_name_plural = _("citizen groups")

    def __str__(self) -> str:
        return self.name


class GroupMembership(models.Model):
    """A user's place in a citizen group: the representative or a member."""

    class GroupRole(models.TextChoices):
        REPRESENTATIVE = "representative", _("Representative")
        MEMBER = "member", _("Member")

    group = models.ForeignKey(
        CitizenGroup, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("group")
    )
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="group_memberships", verbose_name=_("user")
    )
    role = models.CharField(
        _("role"), max_length=20, choices=GroupRole.choices, default=GroupRole.MEMBER
    )
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.group} ({self.get_role_display()})"


class PartnershipMember(models.Model):
    """A seat on the Citizen Partnership council for one term."""

    class Category(models.TextChoices):
        CITIZEN = "citizen", _("Citizen recruited by public call")
        NPO = "npo", _("NPO representative")
        ACADEMIC = "academic", _("Academic")
        OFFICIAL = "official", _("City official")

    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="partnership_terms", verbose_name=_("user")
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(_("term end"))
    is_chair = models.BooleanField(_("chair"), default=False)

    class Meta:
        ordering = ["-is_chair", "user__username"]
        verbose_name = _("partnership member")
        verbose_name_plural = _("partnership members")
        constraints = [
            models.UniqueConstraint(fields=["user", "term_start"], name="one_term_per_start"),
            models.CheckConstraint(
                condition=models.Q(term_end__gte=models.F("term_start")),
                name="term_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_category_display()})"
