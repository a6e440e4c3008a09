"""Audit rows as people read them: each field by its name in the reader's language, each
value as the pages show it (a choice's label, yes/no, a related object's name), not as
the log stores it. One query per kind of related object on a page, whatever its rows."""

from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import AuditEntry

EMPTY = "—"


def number(text) -> str:
    """1 for 1.00, 1.5 for 1.50; anything else as it came."""
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        return str(text)
    if not value.is_finite():
        return str(text)
    return format(value.quantize(Decimal(1)) if value == value.to_integral()
                  else value.normalize(), "f")


def model_of(entry: AuditEntry):
    return ContentType.objects.get_for_id(entry.subject_type_id).model_class()


def _field(model, key: str):
    try:
        return model._meta.get_field(key)
    except (AttributeError, FieldDoesNotExist):
        return None


class Reader:
    """Labels and values of a page of audit rows."""

    def __init__(self, entries: list[AuditEntry]) -> None:
        wanted: dict[type, set] = defaultdict(set)
        for entry in entries:
            model = model_of(entry)
            for side in (entry.before or {}, entry.after or {}):
                for key, value in side.items():
                    field = _field(model, key)
                    if isinstance(field, models.ForeignKey) and value is not None:
                        wanted[field.related_model].add(value)
        self.names = {related: {obj.pk: str(obj) for obj in
                                related._default_manager.filter(pk__in=ids)}
                      for related, ids in wanted.items()}

    def label(self, model, key: str) -> str:
        field = _field(model, key)
        return capfirst(str(field.verbose_name)) if field is not None and hasattr(
            field, "verbose_name") else key

    def value(self, model, key: str, value) -> str:
        if value is None or value == "":
            return EMPTY
        field = _field(model, key)
        if field is None:
            return str(value)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(field, models.BooleanField):
            return _("yes") if value else _("no")
        if isinstance(field, models.ForeignKey):
            return self.names.get(field.related_model, {}).get(value, f"#{value}")
        if isinstance(field, models.DecimalField):
            return number(value)
        return str(value)
