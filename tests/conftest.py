import pytest
from pytest_factoryboy import register

from partnership.roles import Role

from . import factories

# The Playwright fixtures, shared by every browser test wherever it lives: one
# session-wide browser (a second sync Playwright in the same run would fail).
pytest_plugins = ["tests.browser_fixtures"]

register(factories.UserFactory)


@pytest.fixture
def make_user(db):
    """make_user(Role.CITY_OFFICER) -> a saved user holding that role."""

    def make(*roles: Role, **kwargs):
        return factories.UserFactory(roles=roles, **kwargs)

    return make


@pytest.fixture
def role_client(client, make_user):
    """role_client(Role.X) -> a test client signed in as a new user with that role."""

    def login_as(*roles: Role):
        user = make_user(*roles)
        client.force_login(user)
        client.user = user
        return client

    return login_as


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    # Assertions read English text; the Japanese interface has tests of its own.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    # Uploads (attachments, the matrix's PDFs) go to the test's own temporary directory,
    # which pytest deletes, never to a MEDIA_ROOT shared by every run.
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(scope="module")
def _matrix_data(django_db_setup, django_db_blocker, tmp_path_factory):
    """The matrix objects and the folder of their uploads, built once for a module's tests
    (about a thousand rows), in a transaction rolled back at the module's end."""
    from django.test import override_settings

    from .shared_data import rolled_back
    from .url_matrix import build_objects

    media = tmp_path_factory.mktemp("matrix-media")
    with rolled_back(django_db_blocker), override_settings(MEDIA_ROOT=media):
        yield build_objects(), media


@pytest.fixture
def matrix_objects(_matrix_data, settings):
    """Objects the URL matrix builds its URLs from (see tests/matrix/). Each test, marked
    `django_db`, changes them only inside its own savepoint."""
    objects, settings.MEDIA_ROOT = _matrix_data
    return objects


@pytest.fixture
def run_tasks(db, monkeypatch):
    """run_tasks() -> runs every queued task that is due, as the worker would
    (`manage.py db_worker --batch`), in this test's transaction."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    # Between tasks the worker drops connections it thinks stale: inside the test's
    # transaction (not in autocommit) PostgreSQL's would be closed under the test's feet.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> None:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload",
                     "--interval", "0", verbosity=0)

    return run


@pytest.fixture
def broken_templates(settings):
    """broken_templates({name: source}): these template sources are served in front of the
    real ones (to prove that a template error is caught where it must be)."""

    def serve(broken: dict[str, str]) -> None:
        engine = {**settings.TEMPLATES[0], "APP_DIRS": False}
        engine["OPTIONS"] = {**engine["OPTIONS"], "loaders": [
            ("django.template.loaders.locmem.Loader", broken),
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ]}
        settings.TEMPLATES = [engine]

    return serve
