"""Writing and reading the audit log. Every action writes its change with `record`, inside
its own transaction, so a change and its audit row are saved together or not at all."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.functional import Promise

from . import page_cache, request_id
from .models import AuditEntry, User


def plain(value):
    """A value as JSON can hold it: dates as ISO text, decimals as text, objects by id."""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return value


def values_of(obj: models.Model, fields: Iterable[str]) -> dict:
    """The named fields of `obj`, ready for `before` or `after` (foreign keys by id)."""
    result = {}
    for name in fields:
        field = obj._meta.get_field(name)
        attname = getattr(field, "attname", name)
        result[name] = plain(getattr(obj, attname))
    return result


def _name(obj: models.Model) -> str:
    """The object's name as it reads in the portal's first language, whichever language
    the person who changed it used: one log, written alike."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(obj)[:200]


def record(*, actor: User | None, action: str, subject: models.Model,
           before: dict | None = None, after: dict | None = None,
           parent: models.Model | None = None, reason: str = "",
           public: bool = False) -> AuditEntry:
    """Append one row to the audit log. `actor` is None for a command run by the system.

    Whatever is recorded changed the portal's data: once it is committed, the cached public
    pages are old."""
    transaction.on_commit(page_cache.bump)
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        subject_repr=_name(subject),
        parent_type=ContentType.objects.get_for_model(parent) if parent is not None else None,
        parent_id=parent.pk if parent is not None else None,
        before=plain(before) if before is not None else None,
        after=plain(after) if after is not None else None,
        reason=reason,
        public=public,
        request_id=request_id.current(),
    )


def about(obj: models.Model) -> Q:
    """Rows about `obj` itself or about its parts (rows whose parent it is)."""
    content_type = ContentType.objects.get_for_model(obj)
    return (Q(subject_type=content_type, subject_id=obj.pk)
            | Q(parent_type=content_type, parent_id=obj.pk))


def history(obj: models.Model, *, public_only: bool = False) -> QuerySet[AuditEntry]:
    """The audit rows of `obj` and its parts, oldest first, with their actors."""
    rows = AuditEntry.objects.filter(about(obj)).select_related("actor")
    if public_only:
        rows = rows.filter(public=True)
    return rows.order_by("created_at", "id")
