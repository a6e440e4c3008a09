"""Role x URL x own/other object: every visitor gets exactly the expected status."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from partnership.roles import Role

from .url_matrix import ANON, LOGIN, ROWS, VISITORS

CASES = [
    pytest.param(row, visitor, scope, id=f"{row.name}-{visitor}-{scope}")
    for row in ROWS
    for scope in row.scopes
    for visitor in VISITORS
]


def _pattern_names(resolver, namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # Django's own admin checks is_staff on every view
            yield from _pattern_names(entry, entry.namespace or namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}:{entry.name}" if namespace else entry.name


def test_every_url_has_a_row():
    names = set(_pattern_names(get_resolver()))
    covered = {row.name for row in ROWS}
    assert names - covered == set(), "add these URLs to tests/url_matrix.py"


@pytest.mark.django_db
@pytest.mark.parametrize(("row", "visitor", "scope"), CASES)
def test_permission_matrix(client, make_user, matrix_objects, row, visitor, scope):
    if visitor != ANON:
        user = matrix_objects.get("users", {}).get(visitor) or make_user(Role(visitor))
        client.force_login(user)
    kwargs = row.kwargs(matrix_objects, scope) if row.kwargs else {}
    url = reverse(row.name, kwargs=kwargs)
    response = getattr(client, row.method)(url)
    expected = row.status_for(visitor, scope)
    if expected == LOGIN:
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url
    else:
        assert response.status_code == expected, url
