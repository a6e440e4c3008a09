"""The call's screening checklist: what an officer confirms before a proposal is eligible."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChecklistItem(models.Model):
    """One requirement of a call (the group is based in the city, the project is not for
    profit, ...). An officer ticks every item to mark a proposal eligible."""

    call = models.ForeignKey(
        "proposals.Call", on_delete=models.CASCADE, related_name="checklist",
        verbose_name=_("call"),
    )
    text = models.CharField(_("requirement"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["call", "position", "id"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("screening checklist")
        constraints = [
            models.UniqueConstraint(fields=["call", "text"], name="checklist_text_per_call"),
        ]

    def __str__(self) -> str:
        return self.text
