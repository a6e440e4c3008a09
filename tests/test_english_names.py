"""Reference data (departments, calls, criteria) in the page's language, Japanese where no
English name was given."""

import pytest
from django.urls import reverse
from django.utils import translation

from partnership.models import Department
from tests.factories import CallFactory

pytestmark = pytest.mark.django_db


def test_names_follow_the_active_language_with_japanese_as_fallback():
    department = Department.objects.create(name="こども家庭課",
                                           name_en="Children and Families Division")
    bare = Department.objects.create(name="市民活動課")
    with translation.override("en"):
        assert str(department) == "Children and Families Division"
        assert str(bare) == "市民活動課"
    with translation.override("ja"):
        assert str(department) == "こども家庭課"


def test_call_pages_show_the_english_title_and_description_on_english_pages(client):
    call = CallFactory(title="協働事業提案募集", title_en="Call for partnership proposals",
                       description="提案を募集します。", description_en="Proposals are invited.")
    url = reverse("proposals:call_detail", args=[call.pk])
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Call for partnership proposals" in english and "Proposals are invited." in english
    assert "協働事業提案募集" not in english
    japanese = client.get(url, HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "協働事業提案募集" in japanese and "提案を募集します。" in japanese
    assert "Call for partnership proposals" not in japanese


def test_a_call_without_english_keeps_its_japanese_title_marked_as_japanese(client):
    call = CallFactory(title="協働事業提案募集")
    english = client.get(reverse("proposals:call_list"), HTTP_ACCEPT_LANGUAGE="en")
    assert f'<span lang="ja">{call.title}</span>' in english.content.decode()
