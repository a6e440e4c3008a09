"""The review's models: conflict declarations, ballots and their scores, the review's
result and the mayor's decision."""


from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partnership import clock
from partnership.models import PartnershipMember

from .models import Criterion, Proposal


class ConflictDeclaration(models.Model):
    """A partnership member's declared conflict of interest: they do not ballot on it.

    It lives here rather than in `partnership` because it names a proposal, and
    `partnership` must not depend on `proposals`.
    """

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="conflicts", verbose_name=_("proposal")
    )
    member = models.ForeignKey(
        PartnershipMember, on_delete=models.CASCADE, related_name="conflicts",
        verbose_name=_("member"),
    )
    reason = models.TextField(_("reason"))
    declared_at = models.DateTimeField(_("declared at"), auto_now_add=True)

    class Meta:
        verbose_name = _("conflict-of-interest declaration")
        verbose_name_plural = _("conflict-of-interest declarations")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "member"], name="one_conflict_per_member"),
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.proposal}"


class Vote(models.TextChoices):
    RECOMMEND = "recommend", _("Recommend")
    NOT_RECOMMEND = "not_recommend", _("Do not recommend")
    ABSTAIN = "abstain", _("Abstain")


class Ballot(models.Model):
    """One partnership member's ballot on one proposal: scores, a vote and a comment."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="ballots", verbose_name=_("proposal")
    )
    member = models.ForeignKey(
        PartnershipMember, on_delete=models.PROTECT, related_name="ballots",
        verbose_name=_("member"),
    )
    vote = models.CharField(_("vote"), max_length=20, choices=Vote.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("cast at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        ordering = ["proposal", "member"]
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "member"], name="one_ballot_per_member_and_proposal"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.proposal}: {self.get_vote_display()}"


class Score(models.Model):
    """A ballot's score on one criterion."""

    ballot = models.ForeignKey(
        Ballot, on_delete=models.CASCADE, related_name="scores", verbose_name=_("ballot")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="scores", verbose_name=_("criterion")
    )
    value = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "criterion"], name="one_score_per_criterion"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class ReviewResult(models.Model):
    """The tally frozen when the chair closed a proposal's review."""

    proposal = models.OneToOneField(
        Proposal, on_delete=models.CASCADE, related_name="review_result",
        verbose_name=_("proposal"),
    )
    recommend = models.PositiveSmallIntegerField(_("recommend"))
    not_recommend = models.PositiveSmallIntegerField(_("do not recommend"))
    abstain = models.PositiveSmallIntegerField(_("abstain"))
    eligible_members = models.PositiveSmallIntegerField(_("eligible members"))
    quorum_needed = models.PositiveSmallIntegerField(_("ballots needed"))
    weighted_score = models.DecimalField(
        _("weighted mean score (share of maximum)"), max_digits=5, decimal_places=4, null=True
    )
    threshold = models.DecimalField(_("threshold"), max_digits=4, decimal_places=3)
    casting_vote = models.CharField(
        _("chair's casting decision"), max_length=20, blank=True,
        choices=[(Vote.RECOMMEND, Vote.RECOMMEND.label),
                 (Vote.NOT_RECOMMEND, Vote.NOT_RECOMMEND.label)],
    )
    casting_reason = models.TextField(_("reason for the casting decision"), blank=True)
    recommended = models.BooleanField(_("recommended"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("closed by"),
    )
    closed_at = models.DateTimeField(_("closed at"), default=clock.now)

    class Meta:
        verbose_name = _("review result")
        verbose_name_plural = _("review results")

    def __str__(self) -> str:
        return str(self.proposal)


class Decision(models.Model):
    """The mayor's office's decision on a recommended proposal. One per proposal."""

    class Outcome(models.TextChoices):
        CHOSEN = "chosen", _("Chosen")
        DECLINED = "declined", _("Declined")

    proposal = models.OneToOneField(
        Proposal, on_delete=models.PROTECT, related_name="decision", verbose_name=_("proposal")
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), default=clock.now)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(outcome="declined") | ~models.Q(reason=""),
                name="declined_needs_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proposal}: {self.get_outcome_display()}"

    @property
    def chosen(self) -> bool:
        return self.outcome == self.Outcome.CHOSEN


# Defined in its own module; imported here so that Django finds it with the app's models.
