"""The auditor's page: the audit log, filtered by object, person and dates."""

import datetime
import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.views.generic import ListView

from .audit_text import Reader, model_of
from .forms import AuditFilterForm
from .models import AuditEntry
from .view_mixins import PermissionPage

PORTAL_APPS = ("partnership", "proposals", "services", "reports")


def object_kinds() -> list[tuple[str, str]]:
    """("app_label.model", verbose name) of every portal model, for the filter."""
    models = [model for label in PORTAL_APPS for model in apps.get_app_config(label).get_models()]
    return sorted(((f"{m._meta.app_label}.{m._meta.model_name}", str(m._meta.verbose_name))
                   for m in models), key=lambda kind: kind[1])


def filtered(rows: QuerySet[AuditEntry], data: dict) -> QuerySet[AuditEntry]:
    if data.get("kind"):
        content_type = ContentType.objects.get_by_natural_key(*data["kind"].split("."))
        if data.get("object_id"):
            rows = rows.filter(Q(subject_type=content_type, subject_id=data["object_id"])
                               | Q(parent_type=content_type, parent_id=data["object_id"]))
        else:
            rows = rows.filter(subject_type=content_type)
    if data.get("actor"):
        rows = rows.filter(actor__username__iexact=data["actor"].strip())
    zone = timezone.get_current_timezone()
    if data.get("date_from"):
        start = datetime.datetime.combine(data["date_from"], datetime.time.min, zone)
        rows = rows.filter(created_at__gte=start)
    if data.get("date_to"):
        end = datetime.datetime.combine(data["date_to"] + datetime.timedelta(days=1),
                                        datetime.time.min, zone)
        rows = rows.filter(created_at__lt=end)
    return rows


def changes(reader: Reader, entry: AuditEntry) -> list[tuple[str, str, str]]:
    """(field, before, after) of a row, in words, for the page."""
    model = model_of(entry)
    before, after = entry.before or {}, entry.after or {}
    return [(reader.label(model, key), _text(reader, model, key, before.get(key)),
             _text(reader, model, key, after.get(key)))
            for key in sorted(set(before) | set(after))]


def _text(reader: Reader, model, key: str, value) -> str:
    if isinstance(value, dict | list):  # a ballot's scores, a review's counts
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return reader.value(model, key, value)


class AuditLogView(PermissionPage, ListView):
    permission_required = "partnership.view_audit_log"
    template_name = "partnership/audit_log.html"
    paginate_by = 50
    context_object_name = "entries"

    def get_queryset(self):
        self.form = AuditFilterForm(self.request.GET or None, kinds=object_kinds())
        rows = AuditEntry.objects.select_related("actor", "subject_type", "parent_type")
        if self.form.is_bound and self.form.is_valid():
            rows = filtered(rows, self.form.cleaned_data)
        elif self.form.is_bound:
            rows = rows.none()
        return rows.order_by("-created_at", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, **kwargs)
        entries = list(context["entries"])
        reader = Reader(entries)
        context["rows"] = [(entry, changes(reader, entry)) for entry in entries]
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query"] = query.urlencode()
        return context
