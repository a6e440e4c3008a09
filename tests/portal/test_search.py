"""Public search: two-character Japanese words, combined filters kept in the address,
pages, only what is public, bad input answered clearly, constant queries."""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from proposals.models import Proposal, Status
from services.models import Project
from tests.factories import CallFactory, CitizenGroupFactory, DepartmentFactory, ProposalFactory
from tests.pages import queries_for, text
from tests.services.conftest import make_project

pytestmark = pytest.mark.django_db


def submitted(title: str, *, status=Status.SUBMITTED, **kwargs) -> Proposal:
    """A proposal as the public sees it once submitted (set directly: this tests reading)."""
    from django.utils import timezone

    proposal = ProposalFactory(title=title, **kwargs)
    Proposal.objects.filter(pk=proposal.pk).update(status=status, submitted_at=timezone.now())
    return proposal


def search(client, **params):
    return client.get(f"{reverse('search')}?{urlencode(params)}")


def test_two_character_japanese_words_are_found_and_drafts_never(client):
    submitted("子育て広場の運営")
    submitted("地域の防災マップづくり")
    ProposalFactory(title="子育て相談の下書き")  # a draft: private
    page = text(search(client, q="子育て"))
    assert "子育て広場の運営" in page and "子育て相談の下書き" not in page
    assert "地域の防災マップづくり" in text(search(client, q="防災"))
    assert "子育て広場の運営" not in text(search(client, q="防災"))


def test_words_and_filters_combine(client):
    department = DepartmentFactory(name="こども部")
    old_call, new_call = CallFactory(fiscal_year=2005), CallFactory(fiscal_year=2011)
    submitted("高齢者の見守り A", call=old_call, desired_department=department)
    submitted("高齢者の見守り B", call=new_call, desired_department=department,
              status=Status.RECOMMENDED)
    submitted("高齢者の見守り C", call=new_call)
    page = text(search(client, q="高齢 見守り", year=2011, status="recommended",
                       department=department.pk))
    assert "見守り B" in page and "見守り A" not in page and "見守り C" not in page


def test_the_field_of_activity_filters_combines_and_stays_in_the_links(client):
    call = CallFactory(fiscal_year=2011)
    submitted("高齢者の見守り", call=call, field_of_activity="welfare")
    submitted("高齢者と防災訓練", call=call, field_of_activity="disaster")
    submitted("高齢者の見守り 2005年度", call=CallFactory(fiscal_year=2005),
              field_of_activity="welfare")
    response = search(client, q="高齢", year=2011, field="welfare")
    page = text(response)
    assert "高齢者の見守り" in page and "防災訓練" not in page and "2005年度" not in page
    assert "Elderly and welfare" in page  # shown on each result
    for _value, _label, _count, link in response.context["tabs"]:
        assert "field=welfare" in link
    assert response.context["tabs"][0][2] == 1
    assert "防災訓練" in text(search(client, q="高齢", field="disaster"))


def test_a_project_has_its_proposal_s_field(client):
    project = make_project("mimamori")
    Proposal.objects.filter(pk=project.proposal_id).update(field_of_activity="welfare")
    link = reverse("services:project_detail", args=["mimamori"])
    assert link in text(search(client, kind="projects", field="welfare"))
    assert link not in text(search(client, kind="projects", field="health"))


def test_the_group_name_is_searched(client):
    submitted("公園の清掃", group=CitizenGroupFactory(name="NPO法人 みどりの会"))
    assert "公園の清掃" in text(search(client, q="みどり"))


def test_a_word_only_in_the_summary_finds_the_proposal(client):
    submitted("地域の集いの場", summary="空き店舗で高齢者の見守りと子育て相談を開く。")
    submitted("公園の清掃", summary="月に一度、公園を清掃する。")
    for word in ("見守り", "店舗"):  # three characters, and two (no trigram index)
        page = text(search(client, q=word))
        assert "地域の集いの場" in page and "公園の清掃" not in page, word


def test_a_department_is_found_by_its_japanese_and_its_english_name(client):
    department = DepartmentFactory(name="危機管理課", name_en="Crisis Management Division")
    submitted("避難所の運営訓練", desired_department=department)
    submitted("花壇づくり", desired_department=DepartmentFactory(name="公園緑地課",
                                                                   name_en="Parks Division"))
    make_project("bousai-kunren")
    Project.objects.filter(code="bousai-kunren").update(department=department)
    for word in ("危機管理", "crisis", "MANAGEMENT"):
        page = text(search(client, q=word))
        assert "避難所の運営訓練" in page and "花壇づくり" not in page, word
        projects = text(search(client, q=word, kind="projects"))
        assert reverse("services:project_detail", args=["bousai-kunren"]) in projects, word


def test_a_call_is_found_by_its_english_title_and_description_and_shows_it(client):
    CallFactory(title="令和8年度 協働事業提案募集", title_en="Partnership proposals, fiscal 2026",
                description_en="Groups may propose projects on disaster readiness.")
    CallFactory(title="令和7年度 協働事業提案募集", title_en="Partnership proposals, fiscal 2025")
    page = text(search(client, q="fiscal 2026", kind="calls"))
    assert "Partnership proposals, fiscal 2026" in page and "fiscal 2025" not in page
    assert "Partnership proposals, fiscal 2026" in text(
        search(client, q="readiness", kind="calls"))


def test_calls_and_projects_are_found(client):
    CallFactory(title="令和8年度 協働事業提案募集", fiscal_year=2026)
    make_project("kosodate-advice")
    assert "令和8年度 協働事業提案募集" in text(search(client, q="令和8年度", kind="calls"))
    assert reverse("services:project_detail", args=["kosodate-advice"]) in text(
        search(client, q="kosodate", kind="projects"))


def test_results_are_paginated_and_the_links_keep_the_query(client):
    call = CallFactory()
    for i in range(25):
        submitted(f"子育て支援 {i}", call=call)
    page = text(search(client, q="子育て", year=call.fiscal_year))
    assert page.count('class="list-group-item"') == 20
    assert f"q=%E5%AD%90%E8%82%B2%E3%81%A6&amp;year={call.fiscal_year}" in page
    assert "page=2" in page
    second = text(search(client, q="子育て", year=call.fiscal_year, page=2))
    assert second.count('class="list-group-item"') == 5


def test_constant_queries_at_two_sizes(client):
    call = CallFactory()
    submitted("子育て 0", call=call)
    url = f"{reverse('search')}?{urlencode({'q': '子育て'})}"
    small = queries_for(client, url)
    for i in range(1, 30):
        submitted(f"子育て {i}", call=call, group=CitizenGroupFactory())
    assert queries_for(client, url) == small


def test_the_rows_shown_are_counted_once(client):
    for i in range(3):
        submitted(f"子育て {i}")
    with CaptureQueriesContext(connection) as queries:
        response = search(client, q="子育て")
    assert response.context["page_obj"].paginator.count == 3
    counts = [q["sql"] for q in queries.captured_queries
              if q["sql"].startswith('SELECT COUNT(*) AS "__count" FROM "proposals_proposal"')]
    assert len(counts) == 1, counts


@pytest.mark.parametrize("params", [
    {"q": "a\x1bb"}, {"q": "子" * 201}, {"year": "1200"}, {"year": "abc"},
    {"status": "draft"}, {"department": "999999"}, {"kind": "users"},
    {"field": "sports"},
])
def test_bad_input_gets_the_error_summary(client, params):
    response = search(client, **params)
    assert response.status_code == 200
    assert 'id="error-summary"' in text(response)
    assert 'class="nav nav-tabs' not in text(response)  # no results: the search was not run


def test_a_nul_is_refused_before_any_query(client):
    assert search(client, q="a\x00b").status_code == 400
