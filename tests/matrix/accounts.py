"""Matrix rows of signing up, verifying, resetting a password and changing e-mail.

Signing up and verifying are for visitors not signed in (403 for anyone signed in); the
password reset pages are for everyone; changing e-mail is for the signed-in person alone.
"""

from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories import UserFactory
from tests.url_matrix import ANON, Row, everyone, signed_in

ANONYMOUS_ONLY = {ANON: 200, "*": 403}


def build(objects: dict) -> None:
    objects["unverified"] = UserFactory(username="matrix-unverified", is_active=False)
    build_follow(objects)


def _verify(objects: dict, scope: str) -> dict:
    return {"uidb64": urlsafe_base64_encode(force_bytes(objects["unverified"].pk)),
            "token": "bad-token"}



ROWS = [
    Row("signup", ANONYMOUS_ONLY),
    # Nothing filled in: the form comes back with its errors.
    Row("signup", ANONYMOUS_ONLY, method="post", page=False),
    Row("signup_done", ANONYMOUS_ONLY),
    # A link that is not (or no longer) good: the page says so on its form.
    Row("account_verify", ANONYMOUS_ONLY, _verify),
    Row("account_verify", ANONYMOUS_ONLY, _verify, method="post", page=False),
    Row("password_reset", everyone(200)),
    Row("password_reset", everyone(200), method="post", page=False),
    Row("password_reset_done", everyone(200)),
    Row("password_reset_confirm", everyone(200), _verify),
    Row("password_reset_confirm", everyone(200), _verify, method="post", page=False),
    Row("password_reset_complete", everyone(200)),
    Row("email_change", signed_in(200)),
    Row("email_change", signed_in(200), method="post", page=False),
    Row("email_change_confirm", signed_in(200), lambda objects, scope: {"token": "bad"}),
    Row("email_change_confirm", signed_in(200), lambda objects, scope: {"token": "bad"},
        method="post", page=False),
]


def _follow(objects: dict, scope: str) -> dict:
    return {"kind": "call", "pk": objects["follow_call"].pk}


def build_follow(objects: dict) -> None:
    from tests.factories import CallFactory

    objects["follow_call"] = CallFactory()


ROWS += [
    Row("follow", signed_in(405), _follow, page=False),
    Row("follow", signed_in(302), _follow, method="post", page=False),
    Row("unfollow", signed_in(405), _follow, page=False),
    Row("unfollow", signed_in(302), _follow, method="post", page=False),
]
