import datetime
import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import clock
from .accounts import User

INVITATION_DAYS = 14


def fold_name(name: str) -> str:
    """A group's name as people read it: full-width and half-width alike (NFKC), any case,
    runs of spaces of any width as one."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


class CitizenGroup(models.Model):
    """A citizen group (NPO, volunteer group, neighbourhood association) that proposes projects."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the city's check")
        VERIFIED = "verified", _("Verified by the city")
        RETURNED = "returned", _("Returned for changes")

    class Kind(models.TextChoices):
        NPO = "npo", _("NPO corporation")
        VOLUNTEER = "volunteer", _("Volunteer group")
        NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood association")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    # The name as people read it (NFKC, case and spaces folded): "ＮＰＯ法人　会" and
    # "npo法人 会" are one group, which the database keeps unique.
    name_key = models.CharField(_("name, folded"), max_length=200, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NPO)
    contact_email = models.EmailField(_("contact e-mail"))
    articles = models.TextField(
        _("rules of the group (articles)"), blank=True,
        help_text=_("The group's purpose, how decisions are taken and how money is handled, "
                    "as its articles (規約) say."),
    )
    # A city officer checks a new group (members, rules, a representative) before it may
    # submit proposals (partnership.transitions.GROUP).
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PENDING, db_index=True)
    status_reason = models.TextField(_("the city's comment"), blank=True)
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

    def save(self, *args, **kwargs):
        self.name_key = fold_name(self.name)
        super().save(*args, **kwargs)

    @property
    def verified(self) -> bool:
        return self.status == self.Status.VERIFIED


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


def _invitation_expiry() -> datetime.datetime:
    return clock.now() + datetime.timedelta(days=INVITATION_DAYS)


class Invitation(models.Model):
    """An invitation to join a group. It names the person as the representative typed it
    (a user name or an e-mail address) and becomes a membership only when that person,
    signed in, accepts it: nobody is put in a group without their consent."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    group = models.ForeignKey(CitizenGroup, on_delete=models.CASCADE, related_name="invitations",
                              verbose_name=_("group"))
    identifier = models.CharField(_("user name or e-mail address"), max_length=254)
    role = models.CharField(_("role"), max_length=20, choices=GroupMembership.GroupRole.choices,
                            default=GroupMembership.GroupRole.MEMBER)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.OPEN)
    invited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("invited by"))
    created_at = models.DateTimeField(_("invited at"), default=clock.now)
    expires_at = models.DateTimeField(_("expires at"), default=_invitation_expiry)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["group", "identifier"],
                                    condition=models.Q(status="open"),
                                    name="one_open_invitation_per_person"),
        ]
        indexes = [models.Index(fields=["identifier", "status"], name="invitation_person_idx")]

    def __str__(self) -> str:
        return f"{self.identifier} → {self.group}"

    @property
    def expired(self) -> bool:
        return self.expires_at <= clock.now()
