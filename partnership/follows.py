"""Following a call, a proposal or a project: which kinds may be followed, who follows an
object, and telling them of its changes (as a notice, which each person's settings send by
e-mail or not).

Each app registers its kinds (`register`) with the permission that lets a person see the
object: nobody follows, or hears of, what they may not read.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import notices
from .models import Follow, User

notices.register("followed_change", label=_("Something I follow changes"),
                 template="partnership/notices/followed_change")


@dataclass(frozen=True)
class Followable:
    kind: str  # as the address names it: "call", "proposal", "project"
    model: type[models.Model]
    permission: str  # who may read it, and so follow it
    page: Callable[[models.Model], str]


KINDS: dict[str, Followable] = {}


def register(kind: str, *, model, permission: str, page) -> None:
    KINDS[kind] = Followable(kind=kind, model=model, permission=permission, page=page)


def kind_of(obj: models.Model) -> Followable:
    return next(k for k in KINDS.values() if isinstance(obj, k.model))


def key(obj: models.Model) -> dict:
    return {"target_type": ContentType.objects.get_for_model(obj), "target_id": obj.pk}


def is_following(user: User, obj: models.Model) -> bool:
    return user.is_authenticated and Follow.objects.filter(user=user, **key(obj)).exists()


def followers(*objects: models.Model) -> models.QuerySet[User]:
    """The people who follow any of `objects`."""
    query = models.Q(pk__in=[])
    for obj in objects:
        query |= models.Q(follows__target_type=ContentType.objects.get_for_model(obj),
                          follows__target_id=obj.pk)
    return User.objects.filter(query).distinct()


def tell_followers(*objects: models.Model, subject: models.Model, change,
                   told: Iterable[User] = ()) -> None:
    """Tell the followers of `objects` (the thing and what it belongs to) that `subject`
    changed (`change`, a translatable text, e.g. a status label), except those already
    `told` of it; call inside the action's transaction."""
    skip = {user.pk for user in told}
    # Saved as the portal's source text, each reader's notice translates it.
    with translation.override("en"):
        change = str(change)
    kind = kind_of(subject)
    recipients = [user for user in followers(*objects) if user.pk not in skip
                  and user.has_perm(kind.permission, subject)]
    notices.notify(recipients=recipients, kind="followed_change", path=kind.page(subject),
                   params={"kind": kind.kind, "title": str(subject), "change": change})
