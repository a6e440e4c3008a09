"""Guards of the foundation: migrations, deploy settings, headers, health, lock-out."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from unittest import mock

import psycopg2
import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import DatabaseError
from django.urls import reverse

from partnership.roles import Role

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_no_pending_migrations():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:  # pragma: no cover - only when a migration is missing
        pytest.fail(f"Models and migrations differ:\n{out.getvalue()}")


@pytest.mark.django_db
def test_every_role_is_a_group():
    assert set(Group.objects.values_list("name", flat=True)) >= {role.value for role in Role}


def _manage(*args, env_extra: dict[str, str], ):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "partnership.settings",
    "DJANGO_DOTENV": "0",
    "DJANGO_SECRET_KEY": "k8#Qe2vL!x9pZr4tW7yB0nM3cF6hJ1sD5gA8uE2iO4kT6wR9qY-production-like",
    "DJANGO_ALLOWED_HOSTS": "portal.city.yamato.example",
    # The family-situation reports' encryption key (README, "Production"); a test key.
    "DJANGO_FAMILY_REPORT_KEYS": "JQAX744t5MP2u6_60JPTCUHuC9Resm4Cw5DmLd9xMfQ=",
}


def test_deploy_check_is_clean_with_production_variables():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env_extra=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_server_ignores_the_development_env_file(tmp_path):
    """`make install` writes a .env with DJANGO_DEBUG=1; a process started with the
    README's production variables (its own secret key) must not pick it up."""
    dotenv = tmp_path / ".env"
    dotenv.write_text("DJANGO_DEBUG=1\n")
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_DOTENV"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING",
                     env_extra={**env, "DJANGO_DOTENV_FILE": str(dotenv)})
    assert result.returncode == 0, result.stdout + result.stderr
    development = _manage("shell", "-c", "from django.conf import settings; print(settings.DEBUG)",
                          env_extra={"DJANGO_DOTENV_FILE": str(dotenv)})
    assert development.stdout.strip().endswith("True"), development.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _manage("check", env_extra=env)
    assert result.returncode != 0
    assert f"{missing} is not set" in result.stderr


def test_dotenv_fills_only_what_the_environment_lacks(tmp_path):
    from partnership.settings import load_dotenv

    dotenv = tmp_path / ".env"
    dotenv.write_text("# local\nPORTAL_TEST_A=from-file\nPORTAL_TEST_B='quoted'\n")
    with mock.patch.dict(os.environ, {"PORTAL_TEST_A": "from-env", "DJANGO_DOTENV": "1"}):
        os.environ.pop("DJANGO_SECRET_KEY", None)  # a development shell has no key of its own
        load_dotenv(dotenv)
        assert os.environ["PORTAL_TEST_A"] == "from-env"
        assert os.environ["PORTAL_TEST_B"] == "quoted"
    with mock.patch.dict(os.environ, {"DJANGO_DOTENV": "0"}):
        os.environ.pop("PORTAL_TEST_B", None)
        load_dotenv(dotenv)
        assert "PORTAL_TEST_B" not in os.environ


def test_debug_is_off_unless_asked(settings):
    from partnership.settings import env_bool

    with mock.patch.dict(os.environ, {}, clear=True):
        assert env_bool("DJANGO_DEBUG") is False
    with mock.patch.dict(os.environ, {"DJANGO_DEBUG": "1"}):
        assert env_bool("DJANGO_DEBUG") is True


@pytest.mark.django_db
def test_csp_header_on_every_portal_response(client):
    response = client.get(reverse("home"))
    policy = response.headers["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_csp_relaxed_for_admin_only(admin_client):
    policy = admin_client.get("/admin/").headers["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy
    assert "frame-ancestors 'none'" in policy


def test_no_inline_scripts_or_styles_in_portal_templates():
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        if " style=" in text or "<style" in text or " onclick=" in text or (
            "<script>" in text or "<script " in text and "src=" not in text
        ):
            offenders.append(template.name)
    assert offenders == []


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["database"] == "up"


@pytest.mark.django_db
def test_healthz_503_when_database_is_down(client):
    with mock.patch("partnership.health.ask_django", side_effect=DatabaseError("down")), \
            mock.patch("partnership.health.ask_postgresql", side_effect=psycopg2.OperationalError):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503


@pytest.mark.django_db
def test_lockout_on_sixth_attempt_even_with_right_password(client, make_user):
    make_user(username="hanako", password="right-password-123")
    login = reverse("login")
    for _ in range(5):
        client.post(login, {"username": "hanako", "password": "wrong"})
    response = client.post(login, {"username": "hanako", "password": "right-password-123"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="hanako").failures_since_start >= 5


@pytest.mark.django_db
def test_successful_login_is_logged(client, make_user):
    make_user(username="taro", password="right-password-123")
    response = client.post(reverse("login"), {"username": "taro", "password": "right-password-123"})
    assert response.status_code == 302
    assert AccessLog.objects.filter(username="taro").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["password_change", "password_change_done"])
def test_login_required(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.django_db
def test_session_expires_after_inactivity(client, make_user, settings):
    client.force_login(make_user())
    assert client.get(reverse("password_change")).status_code == 200
    session = client.session
    session["_last_seen"] -= settings.SESSION_IDLE_SECONDS + 1
    session.save()
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.django_db
def test_session_ends_a_working_day_after_sign_in_however_active(client, make_user, settings):
    client.force_login(make_user())
    assert client.get(reverse("password_change")).status_code == 200
    session = client.session
    session["_signed_in_at"] -= settings.SESSION_COOKIE_AGE + 1  # signed in 12 h ago...
    session.save()  # ...and active a moment ago (_last_seen is fresh)
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.django_db
def test_active_session_is_not_written_on_every_request(client, make_user,
                                                        django_assert_max_num_queries):
    client.force_login(make_user())
    client.get(reverse("home"))
    # session, user, roles, the unread notifications in the navigation: no session write
    with django_assert_max_num_queries(4):
        client.get(reverse("home"))


@pytest.mark.django_db
def test_model_permissions_are_not_loaded_for_non_staff(make_user,
                                                        django_assert_num_queries):
    user = make_user()
    with django_assert_num_queries(0):
        assert not user.has_perm("proposals.change_call")


@pytest.mark.django_db
def test_failed_login_shows_error_summary(client):
    response = client.post(reverse("login"), {"username": "nobody", "password": "x"})
    assert response.status_code == 200
    assert b'id="error-summary"' in response.content
