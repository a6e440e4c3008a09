"""A project's change history in words: the audit rows about the project and its parts
(records, imports, targets, evaluations, fiscal years), each with its field names and
values as people read them, not as the log stores them."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnership.models import AuditEntry, Department

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
EMPTY = "—"


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


def _number(text) -> str:
    try:
        number = Decimal(str(text))
    except InvalidOperation:
        return str(text)
    if not number.is_finite():
        return str(text)
    return format(number.quantize(Decimal(1)) if number == number.to_integral()
                  else number.normalize(), "f")


def _in_order(model, keys: set[str]) -> list[str]:
    """The model's field order (a year's targets: the indicators'); the log keeps none."""
    order = list(Indicator.values) if model is ProjectYear else []
    if model is not None:
        order += [field.name for field in model._meta.get_fields()]
    return sorted(keys, key=lambda key: (order.index(key) if key in order else len(order), key))


class _Reader:
    """Field labels and readable values of one page of rows (one query for departments)."""

    def __init__(self, entries: list[AuditEntry]) -> None:
        department_ids = {side.get("department") for entry in entries
                          for side in (entry.before or {}, entry.after or {})} - {None}
        self.departments = dict(Department.objects.filter(pk__in=department_ids)
                                .values_list("pk", "name")) if department_ids else {}

    def label(self, model, key: str) -> str:
        if model is ProjectYear and key in Indicator.values:  # a year's targets
            return str(Indicator(key).label)
        try:
            return capfirst(str(model._meta.get_field(key).verbose_name))
        except (AttributeError, FieldDoesNotExist):
            return key

    def value(self, model, key: str, value) -> str:
        if value is None or value == "":
            return EMPTY
        if model is ProjectYear and key in Indicator.values:
            return _number(value)
        try:
            field = model._meta.get_field(key)
        except (AttributeError, FieldDoesNotExist):
            return str(value)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(field, models.BooleanField):
            return _("yes") if value else _("no")
        if isinstance(field, models.ForeignKey) and field.related_model is Department:
            return self.departments.get(value, str(value))
        if isinstance(field, models.DecimalField):
            return _number(value)
        return str(value)

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
