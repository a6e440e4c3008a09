"""Who hears of a consultation's steps: the department of a new consultation and of the
group's reply, the group of the department's answer. The link opens the consultation."""

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnership import notices

from .consultations import Consultation

notices.register("consultation_opened",
                 label=_("A group opens a consultation with my department (officers)"),
                 template="proposals/notices/consultation_opened")
notices.register("consultation_answered",
                 label=_("The department answers my group's consultation"),
                 template="proposals/notices/consultation_answered")
notices.register("consultation_replied",
                 label=_("A group replies to my department's view (officers)"),
                 template="proposals/notices/consultation_replied")


def _department(consultation: Consultation) -> QuerySet:
    return consultation.department.officers.all()


def _group(consultation: Consultation) -> QuerySet:
    return consultation.group.members.all()


RECIPIENTS = {
    "consultation_opened": _department,
    "consultation_answered": _group,
    "consultation_replied": _department,
}


def send(kind: str, consultation: Consultation) -> None:
    notices.notify(
        recipients=RECIPIENTS[kind](consultation), kind=kind,
        path=reverse("proposals:consultation_detail", kwargs={"pk": consultation.pk}),
        params={"subject": consultation.subject, "group": consultation.group.name,
                "department": consultation.department.name, "call": consultation.call.title},
    )
