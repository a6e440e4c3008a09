from django.db import models
from django.utils.translation import gettext_lazy as _

from .accounts import User


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
