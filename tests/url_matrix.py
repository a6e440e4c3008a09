"""The table of every URL of the portal: who gets which status, for own and others' objects.

A row names a URL pattern, how to build its arguments from the `matrix_objects`
fixture (for "own" and for "other" objects), and the status each visitor gets.
`test_permissions.py` walks the table; `test_every_url_has_a_row` fails when a
URL pattern has no row, so a new view cannot ship without its permission test.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from partnership.roles import Role

ANON = "anonymous"
VISITORS = (ANON, *[role.value for role in Role])
LOGIN = "login"  # a redirect to the sign-in page


@dataclass(frozen=True)
class Row:
    name: str
    expect: dict[str, object]  # visitor -> status (int) or LOGIN; "*" is everyone else
    kwargs: Callable[[dict, str], dict] | None = None  # (objects, "own"|"other") -> kwargs
    method: str = "get"
    page: bool = True  # an HTML page rendered for GET
    scopes: tuple[str, ...] = ("own",)
    other_expect: dict[str, object] = field(default_factory=dict)  # overrides for "other"
    query: dict[str, str] = field(default_factory=dict)  # a GET's query string

    def status_for(self, visitor: str, scope: str) -> object:
        table = {**self.expect, **self.other_expect} if scope == "other" else self.expect
        return table.get(visitor, table.get("*"))


def everyone(status) -> dict[str, object]:
    return {"*": status}


def signed_in(status) -> dict[str, object]:
    return {ANON: LOGIN, "*": status}


def _modules():
    from importlib import import_module

    from tests.matrix import MODULES

    return [import_module(f"tests.matrix.{name}") for name in MODULES]


ROWS: list[Row] = [row for module in _modules() for row in module.ROWS]


def build_objects() -> dict:
    objects: dict = {"users": {}}
    for module in _modules():
        build = getattr(module, "build", None)
        if build:
            build(objects)
    return objects


def all_page_requests(objects: dict, visitor: str) -> list[tuple[str, object]]:
    """(URL, the status `visitor` gets) of every HTML page row, for each of its scopes."""
    from django.urls import reverse

    requests = []
    for row in ROWS:
        if not row.page or row.method != "get":
            continue
        for scope in row.scopes:
            kwargs = row.kwargs(objects, scope) if row.kwargs else {}
            requests.append((reverse(row.name, kwargs=kwargs), row.status_for(visitor, scope)))
    return requests
