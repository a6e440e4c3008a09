"""Role x URL x own/other object: every visitor gets exactly the expected status."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, include, path, reverse
from django.urls.resolvers import RegexPattern

from partnership.roles import Role

from .url_matrix import ANON, LOGIN, ROWS, VISITORS

# One test a row, for all its visitors and scopes: the objects the matrix needs are built
# once for the module (`matrix_objects`).
CASES = [pytest.param(row, id=f"{row.name}-{row.method}") for row in ROWS]


def _patterns(resolver, namespace=""):
    """(full name, pattern, view class or None) of every URL pattern outside the admin."""
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # Django's own admin checks is_staff on every view
            inner = ":".join(filter(None, (namespace, entry.namespace)))
            yield from ((name, f"{entry.pattern}{pattern}", view)
                        for name, pattern, view in _patterns(entry, inner))
        elif isinstance(entry, URLPattern):
            name = ":".join(filter(None, (namespace, entry.name))) if entry.name else None
            yield name, str(entry.pattern), getattr(entry.callback, "view_class", None)


def test_every_url_has_a_row():
    patterns = list(_patterns(get_resolver()))
    unnamed = [pattern for name, pattern, _view in patterns if name is None]
    assert unnamed == [], "name these URL patterns, so that the matrix can cover them"
    covered = {row.name for row in ROWS}
    missing = {name for name, _pattern, _view in patterns} - covered
    assert missing == set(), "add these URLs to tests/matrix/"


def test_every_url_that_takes_a_post_has_a_post_row():
    posted = {row.name for row in ROWS if row.method == "post"}
    missing = {name for name, _pattern, view in _patterns(get_resolver())
               if view is not None and hasattr(view, "post")} - posted
    assert missing == set(), "add a method='post' row for these URLs to tests/matrix/"


def test_nested_namespaces_are_joined_and_unnamed_patterns_found():
    def view(request):
        raise AssertionError  # never called

    inner = ([path("x/", view, name="leaf")], "inner")
    outer = ([path("in/", include(inner)), path("", view)], "outer")
    resolver = URLResolver(RegexPattern(r"^/"), [path("out/", include(outer))])
    assert set(_patterns(resolver)) == {
        ("outer:inner:leaf", "out/in/x/", None),
        (None, "out/", None),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("row", CASES)
def test_permission_matrix(make_user, matrix_objects, row):
    users = {visitor: matrix_objects.get("users", {}).get(visitor) or make_user(Role(visitor))
             for visitor in VISITORS if visitor != ANON}
    wrong = []
    for scope in row.scopes:
        kwargs = row.kwargs(matrix_objects, scope) if row.kwargs else {}
        url = reverse(row.name, kwargs=kwargs)
        for visitor in VISITORS:
            got = _status(url, row, users.get(visitor))
            expected = row.status_for(visitor, scope)
            if got != expected:
                wrong.append(f"{visitor}, {scope}: {url} gave {got}, expected {expected}")
    assert not wrong, f"{row.method.upper()}:\n" + "\n".join(wrong)


def _status(url: str, row, user) -> object:
    """What one visitor gets, in a savepoint rolled back afterwards: a POST that succeeds
    changes nothing that the next visitor sees."""
    client = Client()
    if user is not None:
        client.force_login(user)
    savepoint = transaction.savepoint()
    try:
        response = getattr(client, row.method)(url, row.query if row.method == "get" else None)
    finally:
        transaction.savepoint_rollback(savepoint)
    if response.status_code == 302 and response.url.startswith(reverse("login")):
        return LOGIN
    return response.status_code
