from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from partnership.admin_audit import AuditedAdmin

from .models import (
    Attachment,
    Ballot,
    Call,
    ChecklistItem,
    ConflictDeclaration,
    Consultation,
    Criterion,
    Decision,
    Proposal,
    ReviewResult,
    Score,
)


class CriterionInline(admin.TabularInline):
    """A call's criteria: fixed once its first review opened (`Call.frozen_at`)."""

    model = Criterion
    extra = 0

    def _open(self, obj) -> bool:
        return obj is None or obj.frozen_at is None

    def has_add_permission(self, request, obj=None):
        return self._open(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._open(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._open(obj) and super().has_delete_permission(request, obj)


class ChecklistInline(admin.TabularInline):
    """The call's screening checklist: what an officer confirms before a proposal is
    eligible."""

    model = ChecklistItem
    extra = 0


@admin.register(Call)
class CallAdmin(AuditedAdmin):
    list_display = ("title", "fiscal_year", "opens_at", "closes_at", "quorum", "threshold")
    list_filter = ("fiscal_year",)
    search_fields = ("title",)
    inlines = [CriterionInline, ChecklistInline]
    fieldsets = [
        (None, {"fields": ("fiscal_year", "title", "description", "consultation_required")}),
        (_("Calendar"), {"fields": ("consultation_opens_on", "consultation_closes_on",
                                    "opens_at", "closes_at", "hearing_on", "hearing_required",
                                    "review_ends_on", "decision_on")}),
        (_("Review rules"), {"fields": ("quorum", "threshold", "frozen_at")}),
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.frozen_at is not None:
            return ("quorum", "threshold", "frozen_at")
        return ("frozen_at",)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written by the life-cycle actions only: the admin may look, not touch."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    """Proposals change state only through the portal's actions, which keep the history."""

    list_display = ("title", "call", "group", "status", "submitted_at")
    list_filter = ("status", "call__fiscal_year", "field_of_activity")
    search_fields = ("title", "group__name")
    list_select_related = ("call", "group")


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0


@admin.register(Ballot)
class BallotAdmin(ReadOnlyAdmin):
    list_display = ("proposal", "member", "vote", "updated_at")
    list_filter = ("vote",)
    list_select_related = ("proposal", "member__user")
    inlines = [ScoreInline]


# Each list names the related rows its lines show, so a page of 100 costs one query.
@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(ReadOnlyAdmin):
    list_display = ("proposal", "member", "declared_at")
    list_select_related = ("proposal", "member__user")


@admin.register(ReviewResult)
class ReviewResultAdmin(ReadOnlyAdmin):
    list_display = ("proposal", "recommend", "not_recommend", "abstain", "recommended")
    list_select_related = ("proposal",)


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("proposal", "outcome", "decided_at")
    list_select_related = ("proposal",)


@admin.register(Score)
class ScoreAdmin(ReadOnlyAdmin):
    list_display = ("ballot", "criterion", "value")
    list_select_related = ("ballot__proposal", "ballot__member__user", "criterion")


@admin.register(Criterion)
class CriterionAdmin(AuditedAdmin):
    list_display = ("name", "call", "max_score", "weight")
    list_select_related = ("call",)

    def has_change_permission(self, request, obj=None):
        frozen = obj is not None and obj.call.frozen_at is not None
        return not frozen and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        frozen = obj is not None and obj.call.frozen_at is not None
        return not frozen and super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "call":  # no new criterion for a call whose review began
            kwargs["queryset"] = Call.objects.filter(frozen_at__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


admin.site.register(Attachment, ReadOnlyAdmin)


@admin.register(ChecklistItem)
class ChecklistItemAdmin(AuditedAdmin):
    """Usually edited on its call's page; listed here so that every portal model has a page."""

    list_display = ("text", "call", "position")
    list_filter = ("call",)
    list_select_related = ("call",)


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdmin):
    list_display = ("subject", "group", "department", "status", "opened_at")
    list_filter = ("status",)
    list_select_related = ("group", "department")

from . import hearing_admin  # noqa: E402, F401 (the hearing's pages, in a module of their own)
