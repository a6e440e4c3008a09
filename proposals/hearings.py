"""Public hearings (公開プレゼンテーション): the call's sessions, a slot for each eligible
proposal, the partnership's questions with the group's answers, and each member's own notes.

A session is the city's plan until an officer publishes it; then it is on the call's public
page. The questions and answers are published with the proposal once its review closes; a
member's notes are theirs alone.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from partnership import clock

# A slot's length, and the most public seats a session may offer (a city hall's largest room).
MIN_MINUTES, MAX_MINUTES, MAX_SEATS = 5, 120, 2000


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned (not public yet)")
    PUBLISHED = "published", _("Published")


class SlotStatus(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for the group's confirmation")
    CONFIRMED = "confirmed", _("Confirmed by the group")


class QuestionStatus(models.TextChoices):
    ASKED = "asked", _("Waiting for the group's answer")
    ANSWERED = "answered", _("Answered")


class HearingSession(models.Model):
    call = models.ForeignKey("proposals.Call", on_delete=models.PROTECT,
                             related_name="hearing_sessions", verbose_name=_("call"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200)
    seats = models.PositiveSmallIntegerField(
        _("public seats"), validators=[MaxValueValidator(MAX_SEATS)])
    status = models.CharField(_("status"), max_length=20, choices=SessionStatus.choices,
                              default=SessionStatus.PLANNED, db_index=True)
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("planned by"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("hearing session")
        verbose_name_plural = _("hearing sessions")
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")),
                                              name="hearing_session_order")]

    def __str__(self) -> str:
        return f"{self.place} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_public(self) -> bool:
        return self.status == SessionStatus.PUBLISHED


class HearingSlot(models.Model):
    """A proposal's turn at a session. One slot per proposal (a database constraint)."""

    session = models.ForeignKey(HearingSession, on_delete=models.PROTECT, related_name="slots",
                                verbose_name=_("session"))
    proposal = models.OneToOneField("proposals.Proposal", on_delete=models.PROTECT,
                                    related_name="hearing_slot", verbose_name=_("proposal"))
    position = models.PositiveSmallIntegerField(_("order"), validators=[MinValueValidator(1)])
    starts_at = models.DateTimeField(_("starts at"))
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), validators=[MinValueValidator(MIN_MINUTES), MaxValueValidator(MAX_MINUTES)])
    status = models.CharField(_("status"), max_length=20, choices=SlotStatus.choices,
                              default=SlotStatus.PROPOSED, db_index=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("confirmed by"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        ordering = ["session", "position"]
        verbose_name = _("hearing slot")
        verbose_name_plural = _("hearing slots")
        constraints = [models.UniqueConstraint(fields=["session", "position"],
                                               name="one_slot_per_position")]

    def __str__(self) -> str:
        return f"{self.session} #{self.position}"


class HearingQuestion(models.Model):
    """A question the partnership asked at the hearing, and the group's answer."""

    proposal = models.ForeignKey("proposals.Proposal", on_delete=models.PROTECT,
                                 related_name="hearing_questions", verbose_name=_("proposal"))
    question = models.TextField(_("question"))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("recorded by"))
    asked_at = models.DateTimeField(_("asked at"), default=clock.now)
    status = models.CharField(_("status"), max_length=20, choices=QuestionStatus.choices,
                              default=QuestionStatus.ASKED, db_index=True)
    answer = models.TextField(_("the group's answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("answered by"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["proposal", "asked_at", "id"]
        verbose_name = _("hearing question")
        verbose_name_plural = _("hearing questions")

    def __str__(self) -> str:
        return self.question[:60]


class HearingNote(models.Model):
    """A partnership member's own notes from a proposal's hearing, for their ballot."""

    proposal = models.ForeignKey("proposals.Proposal", on_delete=models.CASCADE,
                                 related_name="hearing_notes", verbose_name=_("proposal"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("member"))
    text = models.TextField(_("notes"))
    updated_at = models.DateTimeField(_("changed at"), default=clock.now)

    class Meta:
        verbose_name = _("hearing note")
        verbose_name_plural = _("hearing notes")
        constraints = [models.UniqueConstraint(fields=["proposal", "author"],
                                               name="one_hearing_note_per_member")]

    def __str__(self) -> str:
        return f"{self.author} — {self.proposal}"
