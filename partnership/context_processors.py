"""What the base template shows on every page."""

from django.utils.functional import cached_property

from . import inbox


class _Unread:
    """The signed-in person's unread notifications, counted (one query) only if the page
    shows the count, and once however often it does."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def count(self) -> int:
        return inbox.unread_count(self.user)


def unread_notifications(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": _Unread(user)}
