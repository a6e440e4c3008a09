"""The public hearing in Chromium, through the pages only: an officer plans a session and
gives an eligible proposal its slot; the group sees it on its proposal and confirms it, on a
phone; a partnership member writes notes from the hearing and finds them on the ballot page,
and another member does not see them; both read the members' deliberation; the member
records a question from the hearing, the group answers it on its phone, and the member reads
the answer on the ballot page."""

import datetime

import pytest
from django.utils import timezone

from partnership.models import GroupMembership
from partnership.roles import Role
from proposals.hearings import (
    HearingQuestion,
    HearingSession,
    HearingSlot,
    QuestionStatus,
    SlotStatus,
)
from proposals.models import Status
from tests.browser_fixtures import fits_the_screen
from tests.factories import (
    CallFactory,
    CitizenGroupFactory,
    PartnershipMemberFactory,
    ProposalFactory,
    UserFactory,
)
from tests.lifecycle import proposal_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
PLACE = "大和市保健福祉センター 5階 研修室"
NOTES = "名簿の管理方法の説明が具体的だった。担い手の確保に課題。"
THREAD = "担い手の確保について、3年目の体制を条件に推薦してはどうか。"
QUESTION = "名簿の情報を扱う会員の研修は、誰がどのように行いますか。"
ANSWER = "市の個人情報保護の担当課に講師をお願いし、年2回の研修を行います。"


def _member(username: str):
    user = UserFactory(username=username, roles=[Role.PARTNERSHIP_MEMBER], password=PASSWORD)
    PartnershipMemberFactory(user=user)
    return user


def test_officer_schedules_group_confirms_member_keeps_notes(new_page, check_a11y, sign_in):
    call = CallFactory(title="令和8年度 協働事業提案募集")
    group = CitizenGroupFactory(name="やまと防災ネット")
    citizen = UserFactory(username="hanako", roles=[Role.CITIZEN], password=PASSWORD)
    GroupMembership.objects.create(group=group, user=citizen,
                                   role=GroupMembership.GroupRole.REPRESENTATIVE)
    proposal = proposal_in(Status.UNDER_REVIEW, proposal=ProposalFactory(
        call=call, group=group, created_by=citizen, title="災害時要援護者支援ネットワーク事業"))
    officer = UserFactory(username="officer1", roles=[Role.CITY_OFFICER], password=PASSWORD)
    member, other_member = _member("member1"), _member("member2")
    day = timezone.localdate() + datetime.timedelta(days=3)

    # 1. The officer plans a session from the call's page; an empty form shows its errors.
    page = new_page()
    sign_in(page, officer.username, PASSWORD)
    page.goto(f"/calls/{call.pk}/")
    page.locator(f"main a[href='/calls/{call.pk}/hearings/']").click()
    page.locator(f"main a[href='/calls/{call.pk}/hearings/new/']").click()
    page.locator("main form button[type=submit]").click()
    page.locator("#error-summary").wait_for()
    check_a11y(page)
    page.locator("#id_day").fill(day.isoformat())
    page.locator("#id_starts").fill("13:00")
    page.locator("#id_ends").fill("16:00")
    page.locator("#id_place").fill(PLACE)
    page.locator("#id_seats").fill("50")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/calls/{call.pk}/hearings/")
    session = HearingSession.objects.get()
    check_a11y(page)

    # 2. ... gives the proposal its slot, and publishes the session.
    page.locator(f"main a[href='/hearings/{session.pk}/slots/new/']").click()
    check_a11y(page)
    page.locator("#id_proposal").select_option(str(proposal.pk))
    page.locator("#id_position").fill("1")
    page.locator("#id_starts").fill("13:10")
    page.locator("#id_minutes").fill("25")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/calls/{call.pk}/hearings/")
    assert proposal.title in page.locator("main").inner_text()
    page.locator(f"main form[action='/hearings/{session.pk}/publish/'] button").click()
    page.wait_for_url(f"**/calls/{call.pk}/hearings/")
    visitor = new_page()
    visitor.goto(f"/calls/{call.pk}/")
    assert PLACE in visitor.locator("main").inner_text()

    # 3. The group sees its slot on its proposal and confirms it, on a phone.
    slot = HearingSlot.objects.get()
    phone = new_page(mobile=True)
    sign_in(phone, citizen.username, PASSWORD)
    phone.goto(f"/proposals/{proposal.pk}/")
    assert fits_the_screen(phone)
    check_a11y(phone)
    phone.locator(f"main form[action='/hearings/slots/{slot.pk}/confirm/'] button").click()
    phone.wait_for_url(f"**/proposals/{proposal.pk}/")
    slot.refresh_from_db()
    assert slot.status == SlotStatus.CONFIRMED
    assert phone.locator(f"main form[action='/hearings/slots/{slot.pk}/confirm/']").count() == 0

    # 4. A member writes notes from the ballot page and finds them there.
    desk = new_page()
    sign_in(desk, member.username, PASSWORD)
    desk.goto(f"/review/proposals/{proposal.pk}/ballot/")
    desk.locator(f"main a[href='/review/proposals/{proposal.pk}/hearing-notes/']").click()
    desk.locator("#id_text").fill(NOTES)
    check_a11y(desk)
    desk.locator("main form button[type=submit]").click()
    desk.wait_for_url(f"**/review/proposals/{proposal.pk}/ballot/")
    assert NOTES in desk.locator("#my-hearing-notes").inner_text()
    check_a11y(desk)

    # ... and takes part in the members' deliberation from there.
    desk.locator(f"main a[href='/review/proposals/{proposal.pk}/deliberation/']").click()
    desk.locator("#id_text").fill(THREAD)
    desk.locator("main form button[type=submit]").click()
    desk.wait_for_url(f"**/review/proposals/{proposal.pk}/deliberation/")
    assert THREAD in desk.locator("main").inner_text()
    check_a11y(desk)

    # Another member's ballot page shows none of the notes; the thread is shared.
    other = new_page()
    sign_in(other, other_member.username, PASSWORD)
    other.goto(f"/review/proposals/{proposal.pk}/ballot/")
    assert NOTES not in other.locator("main").inner_text()
    other.goto(f"/review/proposals/{proposal.pk}/deliberation/")
    assert THREAD in other.locator("main").inner_text()

    # 5. The member records a question from the hearing; an empty form shows its errors.
    desk.goto(f"/review/proposals/{proposal.pk}/ballot/")
    desk.locator(f"main a[href='/review/proposals/{proposal.pk}/questions/new/']").click()
    desk.locator("main form button[type=submit]").click()
    desk.locator("#error-summary").wait_for()
    check_a11y(desk)
    desk.locator("#id_question").fill(QUESTION)
    desk.locator("main form button[type=submit]").click()
    desk.wait_for_url(f"**/proposals/{proposal.pk}/")
    assert QUESTION in desk.locator("#questions-heading + dl").inner_text()
    check_a11y(desk)
    question = HearingQuestion.objects.get(proposal=proposal)

    # 6. The group answers it from its proposal's page, on the phone.
    phone.goto(f"/proposals/{proposal.pk}/")
    assert QUESTION in phone.locator("main").inner_text()
    phone.locator(f"main a[href='/hearings/questions/{question.pk}/answer/']").click()
    assert fits_the_screen(phone)
    check_a11y(phone)
    phone.locator("#id_answer").fill(ANSWER)
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(f"**/proposals/{proposal.pk}/")
    assert ANSWER in phone.locator("#questions-heading + dl").inner_text()
    assert phone.locator(f"main a[href='/hearings/questions/{question.pk}/answer/']").count() == 0
    assert fits_the_screen(phone)
    check_a11y(phone)
    question.refresh_from_db()
    assert (question.status, question.answer) == (QuestionStatus.ANSWERED, ANSWER)

    # ... and the member reads the answer on the ballot page.
    desk.goto(f"/review/proposals/{proposal.pk}/ballot/")
    assert ANSWER in desk.locator("#questions-heading + dl").inner_text()
