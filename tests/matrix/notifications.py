"""Matrix rows of a person's own pages: notifications and settings.

Own = a notification of the matrix citizen; other = one of a user outside the matrix.
Nobody but its recipient may open a notification, or learn that it exists (404).
"""

from partnership.models import Notification
from partnership.roles import Role
from tests.factories import UserFactory
from tests.url_matrix import ANON, LOGIN, Row, signed_in

CITIZEN = Role.CITIZEN.value


def build(objects: dict) -> None:
    params = {"title": "子育て支援", "call": "2026年度募集", "status": "submitted", "reason": ""}
    outsider = UserFactory(username="matrix-outsider")
    objects["notifications"] = {
        scope: Notification.objects.create(recipient=user, kind="proposal_status",
                                           path="/calls/", params=params)
        for scope, user in (("own", objects["users"][CITIZEN]), ("other", outsider))
    }


def _notification(objects: dict, scope: str) -> dict:
    return {"pk": objects["notifications"][scope].pk}


ROWS = [
    Row("notification_list", signed_in(200)),
    Row("notification_open", {ANON: LOGIN, CITIZEN: 302, "*": 404}, _notification, page=False,
        scopes=("own", "other"), other_expect={CITIZEN: 404}),
    Row("notifications_read_all", signed_in(405), page=False),
    Row("notifications_read_all", signed_in(302), method="post", page=False),
    Row("account_settings", signed_in(200)),
    # Nothing filled in: the form comes back with its errors.
    Row("account_settings", signed_in(200), method="post", page=False),
]
