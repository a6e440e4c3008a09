from partnership.roles import Role
from tests.factories import UserFactory
from tests.url_matrix import ANON, LOGIN, Row, everyone, signed_in

ROWS = [
    Row("home", everyone(200)),
    Row("healthz", everyone(200), page=False),
    Row("login", everyone(200)),
    # Nothing filled in: the form comes back with its errors.
    Row("login", everyone(200), method="post", page=False),
    Row("logout", everyone(405), page=False),
    # Signed in or not, the visitor is signed out and sent home.
    Row("logout", everyone(302), method="post", page=False),
    Row("password_change", signed_in(200)),
    # Nothing filled in: the form comes back with its errors.
    Row("password_change", signed_in(200), method="post", page=False),
    Row("password_change_done", signed_in(200)),
    Row("set_language", everyone(302), method="post", page=False),
    Row("audit_log", {ANON: LOGIN, Role.AUDITOR.value: 200, "*": 403}),
    # Each person's own page: nobody sees another's.
    Row("my_page", signed_in(200)),
    Row("search", everyone(200)),
]


def build(objects: dict) -> None:
    """One user per role; later modules give them their groups, seats and projects."""
    for role in Role:
        roles = [role]
        if role == Role.CHAIR:
            roles.append(Role.PARTNERSHIP_MEMBER)
        objects["users"][role.value] = UserFactory(username=f"matrix-{role.value}", roles=roles)
