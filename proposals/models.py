import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership import clock
from partnership.models import CitizenGroup, Department
from partnership.translated import in_language

from .call_calendar import CALENDAR_CONSTRAINTS, CallCalendar


class Call(CallCalendar):
    """A call for proposals (募集) of one fiscal year, with its submission window and rules."""

    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"), db_index=True)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    opens_at = models.DateTimeField(_("submissions open"))
    closes_at = models.DateTimeField(_("submissions close"))
    quorum = models.DecimalField(
        _("quorum"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.5"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text=_("Share of sitting, non-recused members whose ballots are needed (0–1)."),
    )
    threshold = models.DecimalField(
        _("score threshold"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.6"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text=_("Weighted mean score needed, as a share of the maximum (0–1)."),
    )
    consultation_required = models.BooleanField(
        _("consultation required"), default=False,
        help_text=_("A proposal can be submitted only after the group has consulted the "
                    "department (事前相談)."),
    )
    # Set when the call's first review opens: from then on its criteria, quorum and
    # threshold cannot change, so that every proposal of the call is judged alike.
    frozen_at = models.DateTimeField(_("rules frozen at"), null=True, blank=True)

    class Meta:
        ordering = ["-fiscal_year", "-opens_at"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="call_window_order"
            ),
            *CALENDAR_CONSTRAINTS,
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return in_language(self.title, self.title_en)

    @property
    def display_description(self) -> str:
        return in_language(self.description, self.description_en)

    def is_open(self, at: datetime.datetime | None = None) -> bool:
        moment = at or clock.now()
        return self.opens_at <= moment < self.closes_at


class Criterion(models.Model):
    """An evaluation criterion of a call, scored 0..max_score and weighted."""

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("call")
    )
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    max_score = models.PositiveSmallIntegerField(
        _("maximum score"), default=5, validators=[MinValueValidator(1)]
    )
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=2, default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["call", "position", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["call", "name"], name="criterion_name_per_call"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_en)

    @property
    def display_description(self) -> str:
        return in_language(self.description, self.description_en)


MAX_YEN = 10_000_000_000


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Ineligible")
    UNDER_REVIEW = "under_review", _("Under review")
    RECOMMENDED = "recommended", _("Recommended")
    NOT_RECOMMENDED = "not_recommended", _("Not recommended")
    CHOSEN = "chosen", _("Chosen")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ActivityField(models.TextChoices):
    """A proposal's field of activity (活動分野): what the public search filters by."""

    CHILDCARE = "childcare", _("Childcare")
    WELFARE = "welfare", _("Elderly and welfare")
    DISASTER = "disaster", _("Disaster prevention")
    ENVIRONMENT = "environment", _("Environment")
    EDUCATION = "education", _("Education and culture")
    MULTICULTURAL = "multicultural", _("Multicultural community")
    COMMUNITY = "community", _("Community building")
    HEALTH = "health", _("Health")
    OTHER = "other", _("Other")


# Statuses that count as "recommended" in reports, whatever the mayor then decided.
RECOMMENDED_STATUSES = (Status.RECOMMENDED, Status.CHOSEN, Status.DECLINED)
# Statuses after the partnership's review closed.
REVIEW_CLOSED_STATUSES = (*RECOMMENDED_STATUSES, Status.NOT_RECOMMENDED)


class Proposal(models.Model):
    """A citizen group's proposal for a co-produced public-service project."""

    call = models.ForeignKey(
        Call, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("call")
    )
    group = models.ForeignKey(
        CitizenGroup, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("group")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    # Blank while a draft: asked at submission (REQUIRED_FOR_SUBMISSION).
    field_of_activity = models.CharField(
        _("field of activity"), max_length=20, choices=ActivityField.choices, blank=True,
        db_index=True,
    )
    problem = models.TextField(_("local problem it answers"), blank=True)
    group_role = models.TextField(_("what the group will do"), blank=True)
    city_role = models.TextField(_("what the city is asked to do"), blank=True)
    beneficiaries = models.TextField(_("who benefits"), blank=True)
    expected_outcomes = models.TextField(_("expected outcomes and measurable targets"), blank=True)
    # Up to ten billion yen: a city's whole co-production scheme is far smaller, and a
    # figure beyond it is a typing mistake, not a budget.
    budget_total = models.PositiveBigIntegerField(
        _("total budget (yen)"), default=0, validators=[MaxValueValidator(MAX_YEN)])
    budget_city_share = models.PositiveBigIntegerField(
        _("city's share (yen)"), default=0, validators=[MaxValueValidator(MAX_YEN)])
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), default=12, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    desired_department = models.ForeignKey(
        Department, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="desired_by_proposals", verbose_name=_("desired partner department"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Set once on first submission and never cleared: reports count withdrawn and
    # ineligible proposals as submitted.
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["call", "id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(budget_city_share__lte=models.F("budget_total")),
                name="city_share_within_budget",
            ),
        ]
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self) -> str:
        return self.title

    # What the partnership needs to judge a proposal: asked at submission, not while the
    # group is still writing its draft.
    REQUIRED_FOR_SUBMISSION = ("field_of_activity", "summary", "problem", "group_role", "city_role",
                               "beneficiaries", "expected_outcomes")

    def missing_for_submission(self) -> list:
        """The labels of the parts a submission needs that are still empty."""
        missing = [self._meta.get_field(name).verbose_name
                   for name in self.REQUIRED_FOR_SUBMISSION if not getattr(self, name).strip()]
        if not self.budget_total:
            missing.append(self._meta.get_field("budget_total").verbose_name)
        return missing

    @property
    def budget_group_share(self) -> int:
        """What the group raises itself: the total less the city's share (a constraint keeps
        the city's share within the total)."""
        return self.budget_total - self.budget_city_share

    @property
    def is_public(self) -> bool:
        """A proposal is public once it was submitted: a draft, and a draft withdrawn
        before it was ever submitted, stay the group's own business."""
        return self.submitted_at is not None

    @property
    def review_closed(self) -> bool:
        return self.status in REVIEW_CLOSED_STATUSES


def attachment_path(instance, filename: str) -> str:
    return f"proposals/{instance.proposal_id}/{timezone.now():%Y%m%d%H%M%S}-{filename}"


class Attachment(models.Model):
    """A PDF, PNG or JPEG file attached to a proposal (at most 10 MB)."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("proposal")
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


from .checklists import ChecklistItem as ChecklistItem  # noqa: E402
from .consultations import Consultation as Consultation  # noqa: E402
from .deliberation import DeliberationMessage as DeliberationMessage  # noqa: E402
from .hearings import HearingNote, HearingQuestion, HearingSession, HearingSlot  # noqa: E402, F401
from .review_models import (  # noqa: E402, F401 (the review's models: their own module)
    Ballot,
    ConflictDeclaration,
    Decision,
    ReviewResult,
    Score,
    Vote,
)
