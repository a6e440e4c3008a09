"""The agreement pages: the officer drafts it, the representative and the officer confirm
it, an amendment needs its reason; bad input shows the error summary and saves nothing;
the page keeps its number of queries whatever the number of versions."""

import pytest
from django.urls import reverse

from services import actions
from services.models import Agreement

from .agreement_data import TERMS, agreement_in, agreement_project, representative_of
from .conftest import officer_of

pytestmark = pytest.mark.django_db
S = Agreement.Status


def _form(**changes) -> dict:
    data = {**TERMS, **changes}
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}


@pytest.fixture
def project():
    return agreement_project()


def test_drafted_on_the_page_and_confirmed_by_both_sides(client, project):
    officer, rep = officer_of(project), representative_of(project)
    client.force_login(officer)
    url = reverse("services:agreement_draft", kwargs={"code": project.code})
    page = client.get(url).content.decode()
    assert 'name="reason"' not in page  # the first version amends nothing
    response = client.post(url, _form())
    assert response.status_code == 302
    agreement = Agreement.objects.get(project=project)
    html = client.get(response.url).content.decode()
    assert "Confirm for the department" in html and "Confirm for the group" not in html
    assert "1,200,000 yen" in html
    client.post(reverse("services:agreement_confirm", kwargs={
        "code": project.code, "version": 1, "side": "department"}))
    client.force_login(rep)
    html = client.get(response.url).content.decode()
    assert "Confirm for the group" in html and "Edit the draft" not in html
    client.post(reverse("services:agreement_confirm", kwargs={
        "code": project.code, "version": 1, "side": "group"}))
    agreement.refresh_from_db()
    assert agreement.status == S.IN_FORCE


def test_an_amendment_page_asks_for_the_reason_and_starts_from_the_text_in_force(client,
                                                                                 project):
    agreement_in(project, S.IN_FORCE)
    client.force_login(officer_of(project))
    url = reverse("services:agreement_draft", kwargs={"code": project.code})
    page = client.get(url).content.decode()
    assert 'name="reason"' in page and TERMS["group_role"] in page
    response = client.post(url, _form())
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert Agreement.objects.filter(project=project).count() == 1
    response = client.post(url, _form(reason="家庭への直接支援を追加"))
    assert response.status_code == 302
    assert Agreement.objects.get(project=project, version=2).reason == "家庭への直接支援を追加"


@pytest.mark.parametrize("changes", [
    {"ends_on": "2009-03-31"}, {"city_contribution": "-5"}, {"group_share": "99999999999"},
    {"starts_on": "0001-01-01x"}, {"group_role": "相談\x00窓口"}, {"indicators": ""},
])
def test_bad_input_shows_the_error_summary_and_saves_nothing(client, project, changes):
    client.force_login(officer_of(project))
    url = reverse("services:agreement_draft", kwargs={"code": project.code})
    response = client.post(url, _form(**changes))
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not Agreement.objects.exists()


def _amend(project) -> None:
    officer, rep = officer_of(project), representative_of(project)
    draft = actions.draft_agreement(actor=officer, project=project, reason="変更", **TERMS)
    actions.confirm_agreement(actor=officer, agreement=draft, side="department")
    actions.confirm_agreement(actor=rep, agreement=draft, side="group")


def test_constant_queries(client, project, django_assert_max_num_queries):
    client.force_login(representative_of(project))
    url = reverse("services:agreement", kwargs={"code": project.code})
    agreement_in(project, S.IN_FORCE)
    counts = []
    for amendments in (0, 4):
        for _n in range(amendments):
            _amend(project)
        with django_assert_max_num_queries(30) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert response.content.decode().count('class="card mb-3"') == 5
    assert counts[0] == counts[1]
