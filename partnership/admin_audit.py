"""The Django admin writes the audit log too: every add, change and delete of a portal
model there, inlines and many-to-many fields (a user's roles) included."""

from django.contrib import admin
from django.db import models

from . import audit
from .models import AuditEntry

# Never copied into the log, even as a hash.
SECRET_FIELDS = frozenset({"password"})


def snapshot(obj: models.Model) -> dict:
    """Every field's value as JSON can hold it; many-to-many fields as sorted ids."""
    values = audit.values_of(obj, [field.name for field in obj._meta.concrete_fields
                                   if field.name not in SECRET_FIELDS])
    if obj.pk is not None:
        for field in obj._meta.many_to_many:
            values[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return values


def _stored(obj: models.Model) -> dict | None:
    """The object as the database holds it now (before the admin's change)."""
    if obj.pk is None:
        return None
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    return snapshot(stored) if stored is not None else None


def _changed_only(before: dict | None, after: dict | None) -> tuple[dict | None, dict | None]:
    if before is None or after is None:
        return before, after
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose every add, change and delete goes in the audit log."""

    def save_model(self, request, obj, form, change):
        # Recorded in save_related, once the many-to-many fields are saved as well.
        request._audit_before = _stored(obj) if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        before, after = _changed_only(getattr(request, "_audit_before", None), snapshot(obj))
        if not change or after:
            audit.record(actor=request.user, action="admin.changed" if change else "admin.added",
                         subject=obj, before=before, after=after)

    def save_formset(self, request, form, formset, change):
        stored = {f.instance.pk: _stored(f.instance) for f in formset.forms
                  if f.instance.pk is not None}
        # Deleting an object sets its pk to None: kept here to name the deleted row.
        pks = {id(f.instance): f.instance.pk for f in formset.forms}
        super().save_formset(request, form, formset, change)
        parent = form.instance
        for obj in formset.new_objects:
            audit.record(actor=request.user, action="admin.added", subject=obj, parent=parent,
                         after=snapshot(obj))
        for obj, _fields in formset.changed_objects:
            before, after = _changed_only(stored.get(obj.pk), snapshot(obj))
            audit.record(actor=request.user, action="admin.changed", subject=obj,
                         parent=parent, before=before, after=after)
        for obj in formset.deleted_objects:
            obj.pk = pks[id(obj)]
            audit.record(actor=request.user, action="admin.deleted", subject=obj,
                         parent=parent, before=stored.get(obj.pk))

    def delete_model(self, request, obj):
        audit.record(actor=request.user, action="admin.deleted", subject=obj,
                     before=snapshot(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.record(actor=request.user, action="admin.deleted", subject=obj,
                         before=snapshot(obj))
        super().delete_queryset(request, queryset)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log in the admin: to read, never to add, change or delete."""

    list_display = ("created_at", "actor", "action", "subject_type", "subject_id",
                    "subject_repr", "request_id")
    list_filter = ("action", "subject_type")
    search_fields = ("subject_repr", "actor__username", "request_id")
    list_select_related = ("actor", "subject_type")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
