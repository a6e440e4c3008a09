from django.contrib import admin

from partnership.admin_audit import AuditedAdmin

from .models import (
    Activity,
    Agreement,
    AnnualReport,
    Course,
    Evaluation,
    EvaluationComment,
    ImportBatch,
    MemberJoined,
    Project,
    ProjectYear,
    Renewal,
    ServiceRequest,
    SettlementLine,
    Target,
    Visit,
)


@admin.register(Project)
class ProjectAdmin(AuditedAdmin):
    list_display = ("code", "title", "group", "department", "starts_on", "ends_on")
    search_fields = ("code", "title", "group__name")
    list_select_related = ("group", "department")
    raw_id_fields = ("proposal",)


class RecordAdmin(admin.ModelAdmin):
    """Service records: changes belong in the portal, which keeps their audit history."""

    list_select_related = ("project",)
    list_filter = ("project",)
    raw_id_fields = ("batch", "created_by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ServiceRequest)
class ServiceRequestAdmin(RecordAdmin):
    list_display = ("project", "received_on", "category", "status")
    date_hierarchy = "received_on"


@admin.register(Activity)
class ActivityAdmin(RecordAdmin):
    list_display = ("project", "date", "hours", "description")
    date_hierarchy = "date"


@admin.register(Visit)
class VisitAdmin(RecordAdmin):
    list_display = ("project", "date", "users", "facility")
    date_hierarchy = "date"


@admin.register(Course)
class CourseAdmin(RecordAdmin):
    list_display = ("project", "title", "organiser", "start_date", "participants")
    date_hierarchy = "start_date"


@admin.register(MemberJoined)
class MemberJoinedAdmin(RecordAdmin):
    list_display = ("project", "joined_on", "former_user")
    date_hierarchy = "joined_on"


@admin.register(ImportBatch)
class ImportBatchAdmin(AuditedAdmin):
    list_display = ("kind", "filename", "rows", "imported_by", "imported_at")
    list_filter = ("kind",)
    list_select_related = ("imported_by",)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Target)
class TargetAdmin(AuditedAdmin):
    list_display = ("project", "fiscal_year", "indicator", "value", "agreed_by")
    list_filter = ("fiscal_year", "indicator")
    list_select_related = ("project", "agreed_by")


@admin.register(Evaluation)
class EvaluationAdmin(AuditedAdmin):
    list_display = ("project", "fiscal_year", "evaluator", "progress", "division_of_roles",
                    "satisfaction", "outcomes")
    list_filter = ("fiscal_year", "evaluator")
    list_select_related = ("project",)


@admin.register(ProjectYear)
class ProjectYearAdmin(RecordAdmin):
    """Read-only too: a year opens with its project's period and closes in the portal."""

    list_display = ("project", "fiscal_year", "status", "closed_by", "closed_at")
    list_filter = ("status", "fiscal_year")
    list_select_related = ("project", "closed_by")
    raw_id_fields = ("closed_by",)


@admin.register(Agreement)
class AgreementAdmin(RecordAdmin):
    """Agreements change through their life cycle in the portal (drafts, confirmations,
    amendments), which the audit log records: the admin may look, not touch."""

    list_display = ("project", "version", "status", "starts_on", "ends_on")
    list_filter = ("status",)
    raw_id_fields = ()


@admin.register(Renewal)
class RenewalAdmin(RecordAdmin):
    """The mayor's office's decisions, taken in the portal and in the audit log."""

    list_display = ("project", "fiscal_year", "outcome", "ends_on", "decided_at")
    list_filter = ("outcome",)
    raw_id_fields = ()


class SettlementLineInline(admin.TabularInline):
    model = SettlementLine
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AnnualReport)
class AnnualReportAdmin(RecordAdmin):
    """Annual reports change through their life cycle in the portal (written, submitted,
    returned, accepted), which the audit log records: the admin may look, not touch. An
    accepted report's figures are what the reports read for its closed year."""

    list_display = ("year", "status", "submitted_at", "decided_at")
    list_select_related = ("year__project",)
    list_filter = ("status",)
    raw_id_fields = ()
    inlines = [SettlementLineInline]


@admin.register(SettlementLine)
class SettlementLineAdmin(RecordAdmin):
    list_display = ("report", "position", "item", "city_amount", "group_amount")
    list_select_related = ("report__year__project",)
    list_filter = ()
    raw_id_fields = ()


@admin.register(EvaluationComment)
class EvaluationCommentAdmin(RecordAdmin):
    """Members' comments are kept as written: the admin may look, not touch."""

    list_display = ("project", "fiscal_year", "author", "created_at")
    raw_id_fields = ()
