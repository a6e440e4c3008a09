"""The consultation (事前相談) in Chromium, through the pages only: the group consults the
department from its draft, the department's officer records its view (raising an overlap with
a city service), the group replies; the public page shows none of it before the review."""

import pytest

from partnership.models import GroupMembership
from partnership.roles import Role
from proposals.consultations import Consultation, ConsultationStatus
from tests.browser_fixtures import fits_the_screen
from tests.factories import (
    CallFactory,
    CitizenGroupFactory,
    DepartmentFactory,
    ProposalFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
OVERLAP = "生涯学習課の公民館講座「シニアのためのスマホ講座」と対象が重なります。"
REPLY = "本事業は講座修了者の個別相談に絞り、重複を避けます。"


def test_the_group_consults_the_department_and_replies(new_page, check_a11y, sign_in):
    call = CallFactory(title="令和8年度 協働事業提案募集")
    group = CitizenGroupFactory(name="NPO法人 シニアネットやまと")
    citizen = UserFactory(username="hanako", roles=[Role.CITIZEN], password=PASSWORD)
    GroupMembership.objects.create(group=group, user=citizen,
                                   role=GroupMembership.GroupRole.REPRESENTATIVE)
    draft = ProposalFactory(call=call, group=group, created_by=citizen,
                            title="高齢者のスマートフォン教室事業")
    department = DepartmentFactory(name="高齢福祉課")
    officer = UserFactory(username="officer1", roles=[Role.CITY_OFFICER], password=PASSWORD)
    department.officers.add(officer)

    # 1. From its draft, the group opens a consultation; an empty form shows its errors.
    page = new_page()
    sign_in(page, citizen.username, PASSWORD)
    page.goto(f"/proposals/{draft.pk}/")
    page.get_by_role("link", name="提出前に担当課に相談する").click()
    page.locator("main form button[type=submit]").click()
    page.locator("#error-summary").wait_for()
    check_a11y(page)
    page.locator("#id_group").select_option(str(group.pk))
    page.locator("#id_call").select_option(str(call.pk))
    page.locator("#id_department").select_option(str(department.pk))
    page.locator("#id_subject").fill("高齢者向けスマートフォン教室")
    page.locator("#id_question").fill("地域センターで月2回の教室を開きたいと考えています。")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/consultations/*/")
    consultation = Consultation.objects.get()
    assert consultation.proposal == draft
    check_a11y(page)

    # 2. The department's officer records its view, with an overlap.
    officer_page = new_page()
    sign_in(officer_page, officer.username, PASSWORD)
    officer_page.goto("/consultations/")
    officer_page.get_by_role("link", name="高齢者向けスマートフォン教室").click()
    officer_page.get_by_role("link", name="担当課の意見を記入する").click()
    check_a11y(officer_page)
    officer_page.locator("#id_fit").fill("高齢者のデジタル活用支援は市の重点施策です。")
    officer_page.locator("#id_overlap").fill(OVERLAP)
    officer_page.locator("main form button[type=submit]").click()
    officer_page.wait_for_url(f"**/consultations/{consultation.pk}/")
    assert OVERLAP in officer_page.locator("main").inner_text()

    # 3. The group replies, on a phone.
    phone = new_page(mobile=True)
    sign_in(phone, citizen.username, PASSWORD)
    phone.goto(f"/consultations/{consultation.pk}/")
    assert fits_the_screen(phone)
    check_a11y(phone)
    phone.get_by_role("link", name="担当課に回答する").click()
    phone.locator("#id_reply").fill(REPLY)
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(f"**/consultations/{consultation.pk}/")
    consultation.refresh_from_db()
    assert (consultation.status, consultation.reply) == (ConsultationStatus.REPLIED, REPLY)

    # Nothing of it is public before the proposal's review closes.
    visitor = new_page()
    visitor.goto(f"/calls/{call.pk}/")
    assert OVERLAP not in visitor.locator("main").inner_text()
