"""Partnership members' comments on the partnership's evaluation of a project's year.

The chair writes the partnership's evaluation on its behalf; each member's view is kept
beside it, as written (a comment is never changed, only added), instead of members taking
turns overwriting one text."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Project


class EvaluationComment(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE,
                                related_name="evaluation_comments", verbose_name=_("project"))
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("member"))
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["project", "fiscal_year", "created_at", "id"]
        verbose_name = _("member's comment on the evaluation")
        verbose_name_plural = _("members' comments on the evaluation")
        indexes = [models.Index(fields=["project", "fiscal_year"])]

    def __str__(self) -> str:
        return f"{self.project} {self.fiscal_year} ({self.author})"
