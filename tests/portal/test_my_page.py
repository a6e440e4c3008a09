"""My page: where each person lands after signing in, with what awaits them by role, in a
constant number of queries; and the navigation offering only what the person may do."""

import datetime

import pytest
from django.urls import reverse

from partnership.models import Invitation
from partnership.roles import Role
from proposals.consultations import Consultation
from proposals.models import Proposal, Status
from services.models import ProjectYear, Target
from tests.factories import (
    CallFactory,
    CitizenGroupFactory,
    DepartmentFactory,
    GroupMembershipFactory,
    PartnershipMemberFactory,
    ProposalFactory,
)
from tests.lifecycle import chair, members, proposal_in, vote
from tests.pages import queries_for, text
from tests.services.conftest import make_project

pytestmark = pytest.mark.django_db
ALL_DESK_ROLES = (Role.CITIZEN, Role.CITY_OFFICER, Role.PARTNERSHIP_MEMBER, Role.CHAIR,
                  Role.MAYORS_OFFICE, Role.PROJECT_STAFF)


def section(page: str, key: str) -> str:
    return page.split(f'id="section-{key}"', 1)[1].split("</section>", 1)[0]


def count_in(page: str, key: str) -> int:
    head = section(page, key).split("</h2>", 1)[0]
    return int(head.rsplit(">", 2)[-2].split("<")[0])


@pytest.fixture
def everyone_at_once(make_user):
    """One person holding every role with a desk: sees every section of My page."""
    user = make_user(*ALL_DESK_ROLES, language="en")
    PartnershipMemberFactory(user=user, is_chair=True)
    group = CitizenGroupFactory()
    GroupMembershipFactory(group=group, user=user, role="representative")
    department = DepartmentFactory()
    department.officers.add(user)
    return user, group, department


def add_rows(user, group, department, n: int, start: int) -> None:
    """n more of everything that waits for `user`."""
    call = CallFactory(consultation_closes_on=datetime.date(2031, 5, 20),
                       review_ends_on=datetime.date(2031, 9, 10),
                       decision_on=datetime.date(2031, 10, 1))
    for i in range(start, start + n):
        Consultation.objects.create(call=call, group=CitizenGroupFactory(), department=department,
                                    subject=f"相談{i}", question="連携の可能性について",
                                    opened_by=user)
        ProposalFactory(call=call, group=group, created_by=user, title=f"下書き{i}")
        for status in (Status.SUBMITTED, Status.UNDER_REVIEW, Status.RECOMMENDED):
            proposal = ProposalFactory(call=call, title=f"{status}{i}")
            Proposal.objects.filter(pk=proposal.pk).update(status=status)
        project = make_project(f"project-{i}", starts_on=datetime.date(2010, 4, 1))
        project.department = department
        project.save()
        Proposal.objects.filter(pk=project.proposal_id).update(status=Status.CHOSEN)
        GroupMembershipFactory(group=project.group, user=user)
        Target.objects.create(project=project, fiscal_year=2011, indicator="activity_hours",
                              value=100, set_by=user)
        Invitation.objects.create(group=CitizenGroupFactory(), identifier=user.username,
                                  invited_by=user)


def test_my_page_costs_the_same_queries_at_two_sizes(client, everyone_at_once):
    user, group, department = everyone_at_once
    client.force_login(user)
    add_rows(user, group, department, 1, 0)
    small = queries_for(client, reverse("my_page"))
    page = text(client.get(reverse("my_page")))
    add_rows(user, group, department, 12, 1)
    large = queries_for(client, reverse("my_page"))
    assert large == small, (small, large)
    page = text(client.get(reverse("my_page")))
    for key, expected in (("drafts", 13), ("consultations", 13), ("screenings", 13),
                          ("ballots", 13),
                          ("decisions", 13), ("targets", 13),
                          ("invitations", 13), ("projects", 13)):
        assert count_in(page, key) == expected, key
    past_open = ProjectYear.objects.filter(status="open", fiscal_year__lt=2026).count()
    assert past_open >= 13 and count_in(page, "years") == past_open
    assert section(page, "drafts").count("<li") == 10  # the first ten, and a link to all
    assert "See all 13" in section(page, "drafts")


def test_a_draft_shows_its_call_closing_date(client, make_user):
    user = make_user(Role.CITIZEN, language="en")
    group = CitizenGroupFactory()
    GroupMembershipFactory(group=group, user=user)
    call = CallFactory(closes_at=datetime.datetime(2031, 7, 15, 12, tzinfo=datetime.UTC))
    draft = ProposalFactory(call=call, group=group, created_by=user, title="防災マップづくり")
    client.force_login(user)
    drafts = section(text(client.get(reverse("my_page"))), "drafts")
    assert "防災マップづくり" in drafts and "2031-07-15" in drafts
    assert reverse("proposals:proposal_edit", args=[draft.pk]) in drafts


CALENDAR = {"consultation_closes_on": datetime.date(2031, 5, 20),
            "review_ends_on": datetime.date(2031, 9, 10),
            "decision_on": datetime.date(2031, 10, 1)}


def only_date_in(page: str, key: str, day: str) -> bool:
    """The section lists `day` as a deadline (and none of the call's other dates)."""
    shown = section(page, key)
    others = {str(d) for d in CALENDAR.values()} - {day}
    return f'<time datetime="{day}' in shown and not any(d in shown for d in others)


def test_a_consultation_to_answer_shows_the_call_s_end_of_consultations(client):
    from tests.consultations import consultation_in, department_officer

    draft = ProposalFactory(call=CallFactory(**CALENDAR))
    consultation = consultation_in("open", proposal=draft)
    client.force_login(department_officer(consultation.department))
    page = text(client.get(reverse("my_page")))
    assert consultation.subject in section(page, "consultations")
    assert only_date_in(page, "consultations", "2031-05-20")


def test_a_decision_waiting_shows_the_call_s_decision_day(client, make_user):
    proposal = ProposalFactory(call=CallFactory(**CALENDAR), title="防災マップづくり")
    Proposal.objects.filter(pk=proposal.pk).update(status=Status.RECOMMENDED)
    client.force_login(make_user(Role.MAYORS_OFFICE, language="en"))
    page = text(client.get(reverse("my_page")))
    assert "防災マップづくり" in section(page, "decisions")
    assert only_date_in(page, "decisions", "2031-10-01")


def test_a_ballot_to_cast_and_a_review_at_quorum_show_the_review_s_end(client):
    the_chair = chair()
    proposal = proposal_in(Status.UNDER_REVIEW, the_chair=the_chair, ballots=0,
                           call=CallFactory(**CALENDAR))
    for voter in members(3):
        vote(voter, proposal)
    client.force_login(the_chair)
    page = text(client.get(reverse("my_page")))
    assert count_in(page, "ballots") == 1 and count_in(page, "quorum") == 1
    assert only_date_in(page, "ballots", "2031-09-10")
    assert only_date_in(page, "quorum", "2031-09-10")


def test_an_invitation_shows_its_expiry(client, make_user):
    user = make_user(language="en")
    Invitation.objects.create(group=CitizenGroupFactory(name="NPO法人 みどりの会"),
                              identifier=user.username, invited_by=make_user(),
                              expires_at=datetime.datetime(2031, 3, 31, 12, tzinfo=datetime.UTC))
    client.force_login(user)
    invitations = section(text(client.get(reverse("my_page"))), "invitations")
    assert "みどりの会" in invitations
    assert '<time datetime="2031-03-31T21:00:00+09:00' in invitations  # Tokyo time


@pytest.mark.parametrize(("roles", "shown", "hidden"), [
    ((Role.CITIZEN,), {"drafts", "invitations", "projects"},
     {"screenings", "ballots", "decisions", "targets"}),
    ((Role.CITY_OFFICER,), {"consultations", "screenings", "targets", "projects"},
     {"drafts", "ballots", "decisions"}),
    ((Role.PARTNERSHIP_MEMBER,), {"ballots"}, {"quorum", "drafts", "decisions", "screenings"}),
    ((Role.MAYORS_OFFICE,), {"decisions"}, {"drafts", "ballots", "screenings", "targets"}),
    ((), {"invitations", "projects"}, {"drafts", "ballots", "decisions", "screenings"}),
])
def test_each_role_is_offered_its_own_sections(client, make_user, roles, shown, hidden):
    client.force_login(make_user(*roles, language="en"))
    page = text(client.get(reverse("my_page")))
    for key in shown:
        assert f'id="section-{key}"' in page, key
    for key in hidden:
        assert f'id="section-{key}"' not in page, key


def test_the_chair_sees_a_review_that_reached_its_quorum(client):
    the_chair = chair()
    proposal = proposal_in(Status.UNDER_REVIEW, the_chair=the_chair)
    client.force_login(the_chair)
    assert count_in(text(client.get(reverse("my_page"))), "quorum") == 0
    for voter in members(3):
        vote(voter, proposal)
    page = text(client.get(reverse("my_page")))
    assert count_in(page, "quorum") == 1
    assert reverse("proposals:review_board", args=[proposal.call_id]) in section(page, "quorum")


def test_a_ballot_already_cast_no_longer_waits(client):
    the_chair = chair()
    proposal = proposal_in(Status.UNDER_REVIEW, the_chair=the_chair, ballots=0)
    client.force_login(the_chair)
    assert count_in(text(client.get(reverse("my_page"))), "ballots") == 1
    vote(the_chair, proposal)
    assert count_in(text(client.get(reverse("my_page"))), "ballots") == 0


def test_signing_in_lands_on_my_page(client, make_user):
    make_user(username="lands", password="correct-horse-battery")
    response = client.post(reverse("login"), {"username": "lands",
                                              "password": "correct-horse-battery"})
    assert response.status_code == 302 and response.url == reverse("my_page")


@pytest.mark.parametrize("roles", [(Role.CITY_OFFICER,), (Role.PARTNERSHIP_MEMBER,),
                                   (Role.MAYORS_OFFICE,), (Role.AUDITOR,)])
def test_the_navigation_offers_no_group_creation_to_those_who_may_not(client, make_user, roles):
    client.force_login(make_user(*roles, language="en"))
    page = text(client.get(reverse("my_page")))
    assert "Create a group" not in page
    assert f'href="{reverse("my_page")}"' in page


def test_project_staff_of_a_group_see_their_groups_not_create_a_group(client):
    project = make_project("staffed")
    staff = project.group.memberships.first().user
    client.force_login(staff)
    page = text(client.get(reverse("my_page")))
    assert "Create a group" not in page
    assert reverse("services:project_detail", args=["staffed"]) in section(page, "projects")


def test_a_newcomer_is_offered_to_create_a_group(client, make_user):
    client.force_login(make_user(language="en"))
    assert "Create a group" in text(client.get(reverse("my_page")))


def test_past_open_years_come_latest_first_with_a_link_to_the_rest(client):
    project = make_project("long-running", starts_on=datetime.date(2005, 4, 1), years=12)
    staff = project.group.memberships.first().user
    client.force_login(staff)
    years = section(text(client.get(reverse("my_page"))), "years")
    assert years.index("(2016)") < years.index("(2015)")
    assert "(2005)" not in years  # the eleventh and older: behind the link
    assert f'href="{reverse("services:project_list")}"' in years
