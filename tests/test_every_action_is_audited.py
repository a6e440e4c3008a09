"""Every action of every app writes the audit log: the test lists the actions from the apps
themselves, so a new action without a case here fails `test_every_action_has_a_case`."""

import datetime
import importlib
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile

from partnership import actions as group_actions
from partnership.account_tokens import email_change_token, verification
from partnership.models import AuditEntry, CitizenGroup, GroupMembership
from partnership.roles import Role
from proposals import actions as proposal_actions
from proposals.consultations import ConsultationStatus
from proposals.models import Status, Vote
from services import actions as service_actions
from services import importing
from services.kinds import KINDS
from services.models import Activity
from tests.consultations import consultation_in, department_officer
from tests.factories import (
    CallFactory,
    CitizenGroupFactory,
    DepartmentFactory,
    ProposalFactory,
    UserFactory,
)
from tests.families.helpers import family_project, report_in, welfare_officer
from tests.hearings import asked, session_of, slot_for
from tests.hearings import officer as hearing_officer
from tests.lifecycle import chair, checklist_of, full_scores, group_member, members, proposal_in
from tests.services.agreement_data import TERMS as AGREEMENT_TERMS
from tests.services.agreement_data import agreement_in, agreement_project, representative_of
from tests.services.conftest import make_project, officer_of, staff_of
from tests.services.renewal_data import mayor as renewal_mayor
from tests.services.renewal_data import renewal_due
from tests.services.report_data import LINES as REPORT_LINES
from tests.services.report_data import NARRATIVE as REPORT_NARRATIVE
from tests.services.report_data import accepted as report_accepted
from tests.services.report_data import submitted as report_submitted

pytestmark = pytest.mark.django_db

ACTION_PACKAGES = ("partnership.actions", "proposals.actions", "services.actions",
                   "families.actions")
PDF = b"%PDF-1.4\n%%EOF\n"


def listed_actions() -> set[str]:
    names = set()
    for package in ACTION_PACKAGES:
        module = importlib.import_module(package)
        names |= {f"{package}.{name}" for name in module.__all__
                  if callable(getattr(module, name))}
    return names


def _group_with_rep(**kwargs):
    group = CitizenGroupFactory(**kwargs)
    rep = UserFactory()
    GroupMembership.objects.create(group=group, user=rep, role="representative")
    return group, rep


def _followed():
    user, target = UserFactory(), CallFactory()
    group_actions.follow(actor=user, target=target)
    return user, target


def _invitation():
    group, rep = _group_with_rep()
    invitee = UserFactory(username="invitee")
    invitation = group_actions.invite(actor=rep, group=group, identifier="invitee")
    return invitation, rep, invitee


def _under_review_with_quorum():
    proposal = proposal_in(Status.UNDER_REVIEW)
    the_chair = next(row.actor for row in AuditEntry.objects.filter(
        action="proposal.review_opened", subject_id=proposal.pk))
    for user in members(3):
        proposal_actions.cast_ballot(actor=user, proposal=proposal, vote=Vote.RECOMMEND,
                                     scores=full_scores(proposal, 5))
    return proposal, the_chair


def _draft_attachment():
    proposal = proposal_in(Status.DRAFT)
    author = group_member(proposal)
    attachment = proposal_actions.add_attachment(
        actor=author, proposal=proposal, upload=SimpleUploadedFile("a.pdf", PDF))
    return attachment, author


def _project_with(*, record=False, target=False):
    """A project running fiscal 2010–2012, with an activity or a target waiting in 2011."""
    project = make_project()
    if record:
        Activity.objects.create(project=project, date=datetime.date(2011, 6, 1), hours=1)
    if target:
        service_actions.set_targets(actor=staff_of(project), project=project, year=2011,
                                    values={"courses": Decimal(4)})
    return project


def _project_reported(status: str):
    """A project whose 2011 annual report is written (draft) or submitted."""
    project = _project_with()
    if status == "draft":
        service_actions.write_report(actor=staff_of(project), project=project, year=2011,
                                     narrative=REPORT_NARRATIVE, lines=REPORT_LINES)
    else:
        report_submitted(project, 2011)
    return project


def _services_file(project):
    data = f"project,date,hours,description\n{project.code},2011-06-02,2,預かり\n".encode()
    return importing.parse(data, kind="activities", filename="june.csv")


# Each case returns (the action's keyword arguments, its actor), made through real actions.
CASES = {
    # partnership
    "partnership.actions.create_group": lambda: (
        {"name": "新しい会", "kind": "npo", "contact_email": "a@example.jp"}, UserFactory()),
    "partnership.actions.update_group": lambda: (lambda g, rep: (
        {"group": g, "name": "改名した会", "kind": g.kind, "contact_email": g.contact_email,
         "articles": g.articles}, rep))(*_group_with_rep()),
    "partnership.actions.verify_group": lambda: (lambda g, rep: (
        {"group": g}, UserFactory(roles=[Role.CITY_OFFICER])))(
        *_group_with_rep(status=CitizenGroup.Status.PENDING)),
    "partnership.actions.return_group": lambda: (lambda g, rep: (
        {"group": g, "reason": "規約がない"}, UserFactory(roles=[Role.CITY_OFFICER])))(
        *_group_with_rep(status=CitizenGroup.Status.PENDING)),
    "partnership.actions.resubmit_group": lambda: (lambda g, rep: ({"group": g}, rep))(
        *_group_with_rep(status=CitizenGroup.Status.RETURNED)),
    "partnership.actions.invite": lambda: (lambda g, rep: (
        {"group": g, "identifier": "someone@example.jp"}, rep))(*_group_with_rep()),
    "partnership.actions.accept_invitation": lambda: (lambda inv, rep, invitee: (
        {"invitation": inv}, invitee))(*_invitation()),
    "partnership.actions.decline_invitation": lambda: (lambda inv, rep, invitee: (
        {"invitation": inv}, invitee))(*_invitation()),
    "partnership.actions.withdraw_invitation": lambda: (lambda inv, rep, invitee: (
        {"invitation": inv}, rep))(*_invitation()),
    "partnership.actions.remove_member": lambda: (lambda g, rep: (
        {"group": g, "membership": GroupMembership.objects.create(group=g, user=UserFactory())},
        rep))(*_group_with_rep()),
    "partnership.actions.sign_up": lambda: (
        {"username": "newcomer", "email": "newcomer@example.jp", "password": "long-pass-2026",
         "language": "ja"}, AnonymousUser()),
    "partnership.actions.verify_account": lambda: (lambda user: (
        {"token": verification.make_token(user)}, user))(UserFactory(is_active=False)),
    "partnership.actions.request_email_change": lambda: (
        {"new_address": "moved@example.jp"}, UserFactory()),
    "partnership.actions.confirm_email_change": lambda: (lambda user: (
        {"token": email_change_token(user, "moved@example.jp")}, user))(UserFactory()),
    "partnership.actions.follow": lambda: (
        {"target": proposal_in(Status.SUBMITTED)}, UserFactory()),
    "partnership.actions.unfollow": lambda: (lambda user, target: (
        {"target": target}, user))(*_followed()),
    # proposals
    "proposals.actions.create_proposal": lambda: (lambda g, rep: (
        {"call": CallFactory(), "group": g, "title": "新しい提案", "summary": "概要"}, rep))(
        *_group_with_rep()),
    "proposals.actions.update_draft": lambda: (lambda p: (
        {"proposal": p, "title": "改めた題名"}, group_member(p)))(proposal_in(Status.DRAFT)),
    "proposals.actions.add_attachment": lambda: (lambda p: (
        {"proposal": p, "upload": SimpleUploadedFile("b.pdf", PDF)}, group_member(p)))(
        proposal_in(Status.DRAFT)),
    "proposals.actions.remove_attachment": lambda: (lambda a, author: (
        {"attachment": a}, author))(*_draft_attachment()),
    "proposals.actions.submit": lambda: (lambda p: ({"proposal": p}, group_member(p)))(
        proposal_in(Status.DRAFT)),
    "proposals.actions.withdraw": lambda: (lambda p: ({"proposal": p}, group_member(p)))(
        proposal_in(Status.SUBMITTED)),
    "proposals.actions.mark_ineligible": lambda: (
        {"proposal": proposal_in(Status.SUBMITTED), "reason": "対象外"},
        UserFactory(roles=[Role.CITY_OFFICER])),
    "proposals.actions.mark_eligible": lambda: (lambda p: (
        {"proposal": p, "checked": checklist_of(p)}, UserFactory(roles=[Role.CITY_OFFICER])))(
        proposal_in(Status.SUBMITTED)),
    "proposals.actions.open_review": lambda: (
        {"proposal": proposal_in(Status.ELIGIBLE)}, chair()),
    "proposals.actions.cast_ballot": lambda: (lambda p: (
        {"proposal": p, "vote": Vote.ABSTAIN, "scores": {}}, members(1)[0]))(
        proposal_in(Status.UNDER_REVIEW)),
    "proposals.actions.declare_conflict": lambda: (
        {"proposal": proposal_in(Status.UNDER_REVIEW), "reason": "親族が関係者"}, members(1)[0]),
    "proposals.actions.close_review": lambda: (lambda p, c: ({"proposal": p}, c))(
        *_under_review_with_quorum()),
    "proposals.actions.decide": lambda: (
        {"proposal": proposal_in(Status.RECOMMENDED), "outcome": "chosen"},
        UserFactory(roles=[Role.MAYORS_OFFICE])),
    "proposals.actions.open_consultation": lambda: (lambda p: (
        {"group": p.group, "call": p.call, "department": DepartmentFactory(), "subject": "相談",
         "question": "協働できますか", "proposal": p}, group_member(p)))(
        proposal_in(Status.DRAFT)),
    "proposals.actions.answer_consultation": lambda: (lambda c: (
        {"consultation": c, "fit": "合致します", "overlap": "重複あり"},
        department_officer(c.department)))(consultation_in(ConsultationStatus.OPEN)),
    "proposals.actions.reply_consultation": lambda: (lambda c: (
        {"consultation": c, "reply": "対応します"}, c.group.memberships.first().user))(
        consultation_in(ConsultationStatus.ANSWERED)),
    "proposals.actions.link_consultation": lambda: (lambda c: (
        {"consultation": c, "proposal": ProposalFactory(call=c.call, group=c.group)},
        c.group.memberships.first().user))(
        consultation_in(ConsultationStatus.OPEN, with_draft=False)),
    "proposals.actions.plan_hearing_session": lambda: (lambda c: (
        {"call": c, "starts_at": c.opens_at, "ends_at": c.opens_at + datetime.timedelta(hours=2),
         "place": "市役所", "seats": 30}, hearing_officer()))(CallFactory()),
    "proposals.actions.schedule_hearing_slot": lambda: (lambda p: (lambda s: (
        {"session": s, "proposal": p, "position": 1, "starts_at": s.starts_at, "minutes": 20},
        hearing_officer()))(session_of(p.call)))(proposal_in(Status.ELIGIBLE)),
    "proposals.actions.publish_hearing_session": lambda: (
        {"session": session_of(CallFactory())}, hearing_officer()),
    "proposals.actions.confirm_hearing_slot": lambda: (lambda p: (
        {"slot": slot_for(p, session_of(p.call))}, group_member(p)))(
        proposal_in(Status.ELIGIBLE)),
    "proposals.actions.ask_hearing_question": lambda: (
        {"proposal": proposal_in(Status.ELIGIBLE), "question": "費用の根拠は？"}, members(1)[0]),
    "proposals.actions.answer_hearing_question": lambda: (lambda q: (
        {"question": q, "answer": "見積書のとおりです。"}, group_member(q.proposal)))(
        asked(proposal_in(Status.UNDER_REVIEW))),
    "proposals.actions.save_hearing_note": lambda: (
        {"proposal": proposal_in(Status.UNDER_REVIEW), "text": "説明が明快"}, members(1)[0]),
    "proposals.actions.post_deliberation": lambda: (
        {"proposal": proposal_in(Status.UNDER_REVIEW), "text": "賛成です"}, members(1)[0]),
    # services
    "services.actions.update_project": lambda: (lambda p: (
        {"project": p, "code": "renamed", "department": p.department, "starts_on": p.starts_on,
         "ends_on": p.ends_on, "agreement_date": None}, officer_of(p)))(_project_with()),
    "services.actions.create_records": lambda: (lambda p: (
        {"project": p, "kind": KINDS["activities"],
         "rows": [{"date": datetime.date(2011, 6, 1), "hours": Decimal(2)}]}, staff_of(p)))(
        _project_with()),
    "services.actions.update_record": lambda: (lambda p: (
        {"record": Activity.objects.get(project=p), "hours": Decimal(3)}, staff_of(p)))(
        _project_with(record=True)),
    "services.actions.delete_record": lambda: (lambda p: (
        {"record": Activity.objects.get(project=p)}, staff_of(p)))(_project_with(record=True)),
    "services.actions.import_records": lambda: (lambda p: (
        {"parsed": _services_file(p)}, staff_of(p)))(_project_with()),
    "services.actions.set_targets": lambda: (lambda p: (
        {"project": p, "year": 2011, "values": {"courses": Decimal(5)}}, staff_of(p)))(
        _project_with()),
    "services.actions.agree_targets": lambda: (lambda p: (
        {"project": p, "year": 2011}, officer_of(p)))(_project_with(target=True)),
    "services.actions.save_evaluation": lambda: (lambda p: (
        {"project": p, "year": 2011, "evaluator": "group", "progress": 4,
         "division_of_roles": 3, "satisfaction": 4, "outcomes": 3, "verdict": "end"},
        staff_of(p)))(
        _project_with()),
    "services.actions.close_year": lambda: (lambda p: (
        {"project": p, "year": 2011}, officer_of(p)))(
        (lambda p: (report_accepted(p, 2011), p)[1])(_project_with())),
    "services.actions.comment_on_evaluation": lambda: (lambda p: (
        {"project": p, "year": 2011, "text": "意見"}, members(1)[0]))(_project_with()),
    "services.actions.write_report": lambda: (lambda p: (
        {"project": p, "year": 2011, "narrative": REPORT_NARRATIVE, "lines": REPORT_LINES},
        staff_of(p)))(_project_with()),
    "services.actions.submit_report": lambda: (lambda p: (
        {"project": p, "year": 2011}, staff_of(p)))(_project_reported("draft")),
    "services.actions.return_report": lambda: (lambda p: (
        {"project": p, "year": 2011, "comments": "内訳を"}, officer_of(p)))(
        _project_reported("submitted")),
    "services.actions.accept_report": lambda: (lambda p: (
        {"project": p, "year": 2011}, officer_of(p)))(_project_reported("submitted")),
    "services.actions.draft_agreement": lambda: (lambda p: (
        {"project": p, **AGREEMENT_TERMS}, officer_of(p)))(agreement_project()),
    "services.actions.edit_agreement": lambda: (lambda p: (
        {"agreement": agreement_in(p, "draft"), **{**AGREEMENT_TERMS, "group_share": 1}},
        officer_of(p)))(agreement_project()),
    "services.actions.confirm_agreement": lambda: (lambda p: (
        {"agreement": agreement_in(p, "draft"), "side": "group"}, representative_of(p)))(
        agreement_project()),
    "services.actions.decide_renewal": lambda: (lambda p: (
        {"project": p, "year": 2011, "outcome": "end", "reasons": "目的を達した"},
        renewal_mayor()))(renewal_due()),
    # families
    "families.actions.file_report": lambda: (lambda p: (
        {"project": p, "family_reference": "K-1", "category": "financial",
         "urgency": "routine", "observed": "家賃の滞納", "npo_action": "", "consent": False},
        staff_of(p)))(family_project()),
    "families.actions.read_report": lambda: (
        {"report": report_in("filed")}, welfare_officer()),
    "families.actions.acknowledge_report": lambda: (
        {"report": report_in("filed")}, welfare_officer()),
    "families.actions.record_intervention": lambda: (
        {"report": report_in("acknowledged"), "intervention": "support"}, welfare_officer()),
    "families.actions.close_report": lambda: (
        {"report": report_in("intervened")}, welfare_officer()),
}


def test_every_action_has_a_case():
    assert set(CASES) == listed_actions()


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_action_writes_the_audit_log(name):
    kwargs, actor = CASES[name]()
    last = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    package, function = name.rsplit(".", 1)
    getattr(importlib.import_module(package), function)(actor=actor, **kwargs)
    rows = AuditEntry.objects.filter(id__gt=last)
    assert rows.exists(), f"{name} wrote no audit row"
    assert {row.actor_id for row in rows} == {actor.pk}
    assert all(row.action for row in rows)
