from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .admin_audit import AuditedAdmin
from .models import (
    CitizenGroup,
    Department,
    Follow,
    GroupMembership,
    Invitation,
    Notification,
    PartnershipMember,
    RecentSubmission,
    User,
)
from .roles import designation_refusal

admin.site.site_header = _("Citizen Partnership portal administration")
admin.site.site_title = _("Citizen Partnership portal")


class PortalUserChangeForm(UserChangeForm):
    """The admin's form of an account: it refuses roles the account may not hold (an
    administrator, or oneself, as a child-welfare officer). `editor` is the administrator
    using the form, given by `PortalUserAdmin.get_form` for each request."""

    editor = None

    def clean(self):
        cleaned = super().clean()
        user = self.instance
        # A field left out of the form (or refused already) keeps the account's value.
        groups = cleaned["groups"] if "groups" in cleaned else user.groups.all()
        refusal = designation_refusal(
            roles={group.name for group in groups},
            is_staff=cleaned.get("is_staff", user.is_staff),
            is_superuser=cleaned.get("is_superuser", user.is_superuser),
            oneself=self.editor is not None and user.pk == self.editor.pk)
        if refusal:
            self.add_error("groups" if "groups" in self.fields else None, refusal)
        return cleaned


@admin.register(User)
class PortalUserAdmin(AuditedAdmin, UserAdmin):
    form = PortalUserChangeForm
    fieldsets = (*UserAdmin.fieldsets,
                 (_("Portal"), {"fields": ("display_name", "language", "email_muted")}))
    list_display = ("username", "display_name", "email", "is_staff", "is_active")
    search_fields = ("username", "display_name", "email")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class ForThisEditor(form):
            editor = request.user

        return ForThisEditor


class GroupMembershipInline(admin.TabularInline):
    model = GroupMembership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(CitizenGroup)
class CitizenGroupAdmin(AuditedAdmin):
    list_display = ("name", "kind", "status", "contact_email", "created_at")
    list_filter = ("kind", "status")
    search_fields = ("name", "contact_email")
    inlines = [GroupMembershipInline]


@admin.register(Invitation)
class InvitationAdmin(AuditedAdmin):
    list_display = ("identifier", "group", "role", "status", "created_at", "expires_at")
    list_filter = ("status",)
    list_select_related = ("group",)
    search_fields = ("identifier", "group__name")
    raw_id_fields = ("invited_by",)


@admin.register(Department)
class DepartmentAdmin(AuditedAdmin):
    search_fields = ("name",)
    filter_horizontal = ("officers",)


@admin.register(PartnershipMember)
class PartnershipMemberAdmin(AuditedAdmin):
    list_display = ("user", "category", "term_start", "term_end", "is_chair")
    list_filter = ("category", "is_chair")
    search_fields = ("user__username", "user__display_name")
    autocomplete_fields = ["user"]


@admin.register(GroupMembership)
class GroupMembershipAdmin(AuditedAdmin):
    list_display = ("group", "user", "role", "joined_at")
    list_filter = ("role",)
    list_select_related = ("group", "user")
    autocomplete_fields = ["user"]


# Roles are Django groups: changing one's permissions is a change like any other.
admin.site.unregister(Group)


@admin.register(Group)
class RoleAdmin(AuditedAdmin, GroupAdmin):
    pass


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read only: what was told to whom, and how its e-mail fared."""

    list_display = ("created_at", "recipient", "kind", "read_at", "emailed_at",
                    "email_attempts", "email_given_up_at")
    list_filter = ("kind", ("emailed_at", admin.EmptyFieldListFilter),
                   ("email_given_up_at", admin.EmptyFieldListFilter))
    list_select_related = ("recipient",)
    search_fields = ("recipient__username", "recipient__email")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RecentSubmission)
class RecentSubmissionAdmin(admin.ModelAdmin):
    """Digests of forms sent in the last seconds (to do each once): nothing to edit."""

    list_display = ("key", "created_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    """Read only: who follows what (each person changes their own on the object's page)."""

    list_display = ("user", "target_type", "target_id", "created_at")
    list_filter = ("target_type",)
    list_select_related = ("user", "target_type")
    search_fields = ("user__username",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
