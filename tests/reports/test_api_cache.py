"""Open-data answers come from the cache until the data changes, and say for how long
browsers and proxies may keep them."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from partnership import audit
from services.models import Project

from .data import chosen_project, records

pytestmark = pytest.mark.django_db


@pytest.fixture
def caching(settings):
    settings.API_CACHE_SECONDS = 120
    cache.clear()
    yield
    cache.clear()


def test_a_stored_answer_until_an_audited_change(client, caching,
                                                 django_assert_num_queries):
    project = chosen_project("centre", 2011, 2011)
    records(project, datetime.date(2011, 5, 1), requests=3, handled=1)
    url = reverse("api:projects")
    first = client.get(url)
    assert "public" in first["Cache-Control"] and "max-age=120" in first["Cache-Control"]
    with django_assert_num_queries(1):  # the data's version, nothing else
        second = client.get(url)
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]

    Project.objects.filter(pk=project.pk).update(title="新しい名前")
    audit.record(actor=None, action="project.updated", subject=project,
                 after={"title": "新しい名前"})
    assert "新しい名前" in client.get(url).content.decode()


def test_csv_headers_are_kept(client, caching):
    chosen_project("centre", 2011, 2011)
    url = reverse("api:projects_csv")
    first, second = client.get(url), client.get(url)
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert second.content == first.content and second.content.startswith(b"\xef\xbb\xbf")


def test_errors_are_not_stored(client, caching):
    url = reverse("api:indicators")
    assert client.get(url, {"year": 1800}).status_code == 400
    assert client.get(url, {"year": 1800}).status_code == 400
    assert "Cache-Control" not in client.get(url, {"year": 1800})


def test_a_signed_in_persons_copy_stays_private(client, caching, make_user):
    client.force_login(make_user())
    response = client.get(reverse("api:calls"))
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
