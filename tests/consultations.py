"""Consultations brought to any state through the real actions, for the tests."""

from partnership.models import Department
from partnership.roles import Role
from proposals import actions
from proposals.consultations import Consultation, ConsultationStatus
from proposals.models import Proposal, Status

from .factories import DepartmentFactory, ProposalFactory, UserFactory
from .lifecycle import group_member, proposal_in


def department_officer(department: Department):
    officer = UserFactory(roles=[Role.CITY_OFFICER])
    department.officers.add(officer)
    return officer


def consultation_in(status: str, *, proposal: Proposal | None = None, with_draft: bool = True,
                    **answer) -> Consultation:
    """A consultation of a draft (or of none) brought to `status`."""
    proposal = proposal or ProposalFactory()
    department = DepartmentFactory()
    consultation = actions.open_consultation(
        actor=group_member(proposal), group=proposal.group, call=proposal.call,
        department=department, subject="子育て支援の協働について",
        question="市の子育て支援センターと連携した学習支援を考えています。",
        proposal=proposal if with_draft else None)
    if status == ConsultationStatus.OPEN:
        return consultation
    actions.answer_consultation(
        actor=department_officer(department), consultation=consultation,
        fit=answer.get("fit", "市の学習支援事業を補う内容です。"),
        overlap=answer.get("overlap", ""), contribution="会場の提供", concerns="人員の確保")
    if status == ConsultationStatus.ANSWERED:
        return Consultation.objects.get(pk=consultation.pk)
    actions.reply_consultation(actor=group_member(proposal), consultation=consultation,
                               reply="人員は会員の中から確保します。")
    return Consultation.objects.get(pk=consultation.pk)


def consulted_proposal_in(status: Status, **kwargs) -> Proposal:
    """A proposal with a replied consultation, brought to `status`."""
    draft = ProposalFactory(**kwargs)
    consultation_in(ConsultationStatus.REPLIED, proposal=draft)
    return proposal_in(status, proposal=draft)
