"""The proposal life cycle end to end in Chromium, through the pages only:
a group submits, an officer screens it against the call's checklist, the chair opens the
review, three members ballot (one on a phone, one after a failed form), the chair closes, the
mayor's office chooses with a reason, and an anonymous visitor reads the decision and its
reason on the public page."""

import re

import pytest

from partnership.models import GroupMembership
from partnership.roles import Role
from proposals.models import Ballot, ChecklistItem, Criterion, Proposal, Status, Vote
from tests.browser_fixtures import fits_the_screen
from tests.factories import (
    CallFactory,
    CitizenGroupFactory,
    PartnershipMemberFactory,
    ProposalFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
REASON = "地域の子育て家庭の孤立を防ぐ効果が大きく、市の施策とも合致するため採択します。"


def person(username: str, *roles: Role, seat: bool = False, chair: bool = False):
    user = UserFactory(username=username, roles=roles, password=PASSWORD)
    if seat:
        PartnershipMemberFactory(user=user, is_chair=chair)
    return user


def test_a_proposal_from_submission_to_the_public_decision(new_page, check_a11y, sign_in):
    call = CallFactory(title="令和8年度 協働事業提案募集")
    group = CitizenGroupFactory(name="NPO法人 子育てサポートやまと")
    citizen = person("hanako", Role.CITIZEN)
    GroupMembership.objects.create(group=group, user=citizen,
                                   role=GroupMembership.GroupRole.REPRESENTATIVE)
    draft = ProposalFactory(call=call, group=group, created_by=citizen, title="子育て支援事業")
    officer = person("officer1", Role.CITY_OFFICER)
    the_chair = person("chair1", Role.PARTNERSHIP_MEMBER, Role.CHAIR, seat=True, chair=True)
    voters = [person(f"member{i}", Role.PARTNERSHIP_MEMBER, seat=True) for i in range(3)]
    mayor = person("mayor1", Role.MAYORS_OFFICE)
    criteria = list(Criterion.objects.filter(call=call))

    # 1. The group's representative submits the draft from "my proposals".
    page = new_page()
    sign_in(page, citizen.username, PASSWORD)
    page.goto("/my/proposals/")
    page.locator(f'a[href="/proposals/{draft.pk}/submit/"]').click()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/proposals/{draft.pk}/")
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED

    # An officer screens it against the call's checklist: one box left unticked is refused
    # with the error summary, then every box ticked marks it eligible.
    page = new_page()
    sign_in(page, officer.username, PASSWORD)
    page.goto("/screening/")
    assert page.locator("h1").inner_text() == "要件審査"
    assert page.get_by_role("link", name="子育て支援事業", exact=True).is_visible()
    assert "0日" in page.locator("main table tbody tr", has_text="子育て支援事業").inner_text()
    check_a11y(page)
    page.get_by_role("link", name=re.compile("要件適合とする.*子育て支援事業")).click()
    boxes = page.locator("main form input[type=checkbox]")
    assert boxes.count() == ChecklistItem.objects.filter(call=call).count() > 0
    for i in range(1, boxes.count()):
        boxes.nth(i).check()
    page.locator("main form button[type=submit]").click()
    page.locator("#error-summary").wait_for()
    check_a11y(page)
    boxes.nth(0).check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/screening/")
    draft.refresh_from_db()
    assert draft.status == Status.ELIGIBLE
    phone = new_page(mobile=True)
    sign_in(phone, officer.username, PASSWORD)
    phone.goto("/screening/")
    assert fits_the_screen(phone)

    # The chair opens the review from the board.
    chair_page = new_page()
    sign_in(chair_page, the_chair.username, PASSWORD)
    chair_page.goto("/review/board/")
    chair_page.get_by_role("link", name=call.title).click()
    chair_page.get_by_role("button", name=re.compile("審査を開始")).click()
    chair_page.locator(".messages").wait_for()
    draft.refresh_from_db()
    assert draft.status == Status.UNDER_REVIEW
    check_a11y(chair_page)

    # 2. Three members ballot through the form.
    # The first forgets the scores: the error summary takes the focus, then they fix it.
    page = new_page()
    sign_in(page, voters[0].username, PASSWORD)
    page.goto("/review/")
    assert "投票 0 / 4 人" in page.locator("main table").inner_text()
    page.get_by_role("link", name=re.compile("子育て支援事業.*投票する")).click()
    check_a11y(page)
    page.locator("#id_vote_0").check()
    page.locator("main form button[type=submit]").first.click()
    page.locator("#error-summary").wait_for()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    check_a11y(page)
    for criterion in criteria:
        page.locator(f"#id_score_{criterion.pk}").select_option("4")
    page.locator("#id_comment").fill("地域に必要な事業です。")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/review/")
    assert "投票済み" in page.locator("main table").inner_text()

    # The second ballots on a phone.
    phone = new_page(mobile=True)
    sign_in(phone, voters[1].username, PASSWORD)
    phone.goto(f"/review/proposals/{draft.pk}/ballot/")
    assert fits_the_screen(phone)
    check_a11y(phone)
    for criterion in criteria:
        phone.locator(f"#id_score_{criterion.pk}").select_option("3")
    phone.locator("#id_vote_0").check()
    phone.locator("#id_comment").fill("役割分担が明確です。")
    phone.locator("main form button[type=submit]").first.click()
    phone.wait_for_url("**/review/")

    # The third votes against.
    page = new_page()
    sign_in(page, voters[2].username, PASSWORD)
    page.goto(f"/review/proposals/{draft.pk}/ballot/")
    for criterion in criteria:
        page.locator(f"#id_score_{criterion.pk}").select_option("2")
    page.locator("#id_vote_1").check()
    page.locator("#id_comment").fill("費用対効果に疑問があります。")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/review/")
    votes = dict(Ballot.objects.filter(proposal=draft).values_list("member__user__username",
                                                                   "vote"))
    assert votes == {"member0": Vote.RECOMMEND, "member1": Vote.RECOMMEND,
                     "member2": Vote.NOT_RECOMMEND}

    # 3. The chair sees the tally on the board and closes the review.
    chair_page.goto(f"/review/board/{call.pk}/")
    row = chair_page.locator("main table tbody tr", has_text="子育て支援事業")
    assert "2 / 1 / 0" in row.inner_text()
    assert "60.0% (60.0%)" in row.inner_text()
    check_a11y(chair_page)
    row.get_by_role("link", name=re.compile("審査を終了")).click()
    assert "この提案は市長室に推薦されます。" in chair_page.locator("main").inner_text()
    check_a11y(chair_page)
    chair_page.get_by_role("button", name="審査を終了する").click()
    chair_page.locator(".messages").wait_for()
    draft.refresh_from_db()
    assert draft.status == Status.RECOMMENDED
    # Once closed, everyone's ballots and comments are open to the members and the chair.
    chair_page.goto(f"/review/proposals/{draft.pk}/ballots/")
    assert "費用対効果に疑問があります。" in chair_page.locator("main table").inner_text()
    check_a11y(chair_page)

    # 4. The mayor's office reads the tally and the comments, and chooses with a reason.
    page = new_page()
    sign_in(page, mayor.username, PASSWORD)
    page.goto("/decisions/")
    card = page.locator("main section.card", has_text="子育て支援事業")
    comments = ("地域に必要な事業です。", "役割分担が明確です。", "費用対効果に疑問があります。")
    card.locator("details summary").click()  # the comments are folded away until asked for
    assert all(comment in card.inner_text() for comment in comments)
    check_a11y(page)
    card.get_by_role("link", name=re.compile("決定する")).click()
    page.locator("#id_outcome_0").check()
    page.locator("#id_reason").fill(REASON)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/decisions/")
    assert Proposal.objects.get(pk=draft.pk).status == Status.CHOSEN

    # 5. An anonymous visitor reads the decision and its reason on the public page.
    page = new_page()
    page.goto(f"/proposals/{draft.pk}/")
    assert page.locator("h1").inner_text() == "子育て支援事業"
    decision = page.locator("#decision-heading")
    assert "採択" in decision.inner_text()
    assert REASON in page.locator("main").inner_text()
    check_a11y(page)
