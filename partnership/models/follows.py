from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import clock


class Follow(models.Model):
    """A person follows a call, a proposal or a project: its changes reach them. The object
    is named by its type and id, as `partnership` may not import the apps that define them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="follows", verbose_name=_("person"))
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+",
                                    verbose_name=_("kind of object"))
    target_id = models.PositiveBigIntegerField(_("object number"))
    created_at = models.DateTimeField(_("since"), default=clock.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["user", "target_type", "target_id"],
                                    name="one_follow_per_person_and_object"),
        ]
        indexes = [models.Index(fields=["target_type", "target_id"], name="follow_target_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.target_type_id}:{self.target_id}"
