"""Who hears of the hearing's steps: the group, when it has a slot to confirm and when the
partnership asks it a question. The link opens the proposal, where both wait."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership import notices

from .models import Proposal

notices.register("hearing_slot_scheduled",
                 label=_("My group's proposal is given a hearing slot to confirm"),
                 template="proposals/notices/hearing_slot_scheduled")
notices.register("hearing_question_asked",
                 label=_("The partnership asks my group a question from the hearing"),
                 template="proposals/notices/hearing_question_asked")


def send(kind: str, proposal: Proposal, *, starts_at=None, place: str = "") -> None:
    starts = f"{timezone.localtime(starts_at):%Y-%m-%d %H:%M}" if starts_at else ""
    notices.notify(
        recipients=proposal.group.members.all(), kind=kind,
        path=reverse("proposals:proposal_detail", kwargs={"pk": proposal.pk}),
        params={"title": proposal.title, "call": proposal.call.title, "starts": starts,
                "place": place},
    )
