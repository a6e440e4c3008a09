"""Family-situation reports in the admin: that they exist and where they stand, never what
they say. No field of free text or family reference is shown, and nothing can be changed:
reports change only through their life cycle, which the audit log records."""

from django.contrib import admin

from .models import FamilyReport


@admin.register(FamilyReport)
class FamilyReportAdmin(admin.ModelAdmin):
    list_display = ("__str__", "project", "category", "urgency", "status", "filed_at",
                    "acknowledged_at", "closed_at")
    list_filter = ("status", "urgency", "category")
    list_select_related = ("project",)
    fields = ("project", "category", "urgency", "status", "consent", "filed_at",
              "acknowledged_at", "intervention_at", "closed_at", "anonymised_at")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).defer(*FamilyReport.TEXT_FIELDS)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
