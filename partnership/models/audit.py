"""The append-only audit log: one row for every change made by a person or a command."""

import pgtrigger
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import clock


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Audit entries cannot be changed.")

    def delete(self):
        raise TypeError("Audit entries cannot be deleted.")


class AuditEntry(models.Model):
    """Who did what to which object, when, with the values before and after.

    `subject` is the object changed; `parent` the object it belongs to (a ballot's
    proposal, a record's project), so that one object's history includes its parts.
    Rows marked `public` make the public history of a proposal.
    """

    created_at = models.DateTimeField(_("when"), default=clock.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("object type"),
    )
    subject_id = models.BigIntegerField(_("object id"))
    subject_repr = models.CharField(_("object"), max_length=200)
    parent_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("belongs to (type)"),
    )
    parent_id = models.BigIntegerField(_("belongs to (id)"), null=True, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    public = models.BooleanField(_("public"), default=False)
    request_id = models.CharField(_("request id"), max_length=32, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "created_at"],
                         name="audit_subject_idx"),
            models.Index(fields=["parent_type", "parent_id", "created_at"],
                         name="audit_parent_idx"),
            models.Index(fields=["actor", "created_at"], name="audit_actor_idx"),
        ]
        # On PostgreSQL the database itself refuses to change or delete a row, whoever asks.
        triggers = [
            pgtrigger.Protect(name="audit_append_only",
                              operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.subject_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Audit entries cannot be deleted.")
