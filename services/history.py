"""A project's change history in words: the audit rows about the project and its parts
(records, imports, targets, evaluations, fiscal years), each with its field names and
values as people read them, not as the log stores them."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy

from partnership.audit_text import Reader, number
from partnership.models import AuditEntry

from .models import Indicator, ProjectYear

ACTIONS = {
    "project.created": gettext_lazy("Project created"),
    "project.changed": gettext_lazy("Project details changed"),
    "record.created": gettext_lazy("Record added"),
    "record.changed": gettext_lazy("Record changed"),
    "record.deleted": gettext_lazy("Record deleted"),
    "records.imported": gettext_lazy("Records imported"),
    "targets.set": gettext_lazy("Targets set"),
    "targets.agreed": gettext_lazy("Targets agreed"),
    "evaluation.written": gettext_lazy("Evaluation written"),
    "year.closed": gettext_lazy("Fiscal year closed"),
    "admin.added": gettext_lazy("Added in the admin"),
    "admin.changed": gettext_lazy("Changed in the admin"),
    "admin.deleted": gettext_lazy("Deleted in the admin"),
}


@dataclass(frozen=True)
class Change:
    label: str
    before: str | None  # None: the object was created
    after: str | None  # None: the object was deleted


@dataclass(frozen=True)
class HistoryRow:
    entry: AuditEntry
    action: str
    changes: list[Change]


def _in_order(model, keys: set[str]) -> list[str]:
    """The model's field order (a year's targets: the indicators'); the log keeps none."""
    order = list(Indicator.values) if model is ProjectYear else []
    if model is not None:
        order += [field.name for field in model._meta.get_fields()]
    return sorted(keys, key=lambda key: (order.index(key) if key in order else len(order), key))


class _Reader(Reader):
    """The audit log's reader, and a year's targets by their indicators."""

    def label(self, model, key: str) -> str:
        if model is ProjectYear and key in Indicator.values:  # a year's targets
            return str(Indicator(key).label)
        return super().label(model, key)

    def value(self, model, key: str, value) -> str:
        if model is ProjectYear and key in Indicator.values and value not in (None, ""):
            return number(value)
        return super().value(model, key, value)

    def row(self, entry: AuditEntry) -> HistoryRow:
        model = ContentType.objects.get_for_id(entry.subject_type_id).model_class()
        before, after = entry.before or {}, entry.after or {}
        changes = []
        for key in _in_order(model, {*before, *after}):
            old, new = before.get(key), after.get(key)
            if key in before and key in after and old == new:
                continue  # rows copied from the old record history kept every field
            # Only a change shows both sides; a field absent from one side had no value.
            changes.append(Change(
                label=self.label(model, key),
                before=None if entry.before is None else self.value(model, key, old),
                after=None if entry.after is None else self.value(model, key, new),
            ))
        return HistoryRow(entry=entry, action=str(ACTIONS.get(entry.action, entry.action)),
                          changes=changes)


def rows(entries) -> list[HistoryRow]:
    entries = list(entries)
    reader = _Reader(entries)
    return [reader.row(entry) for entry in entries]
