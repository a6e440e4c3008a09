"""The group's hearing pages: confirming its slot, answering the partnership's questions."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnership.view_mixins import ActionFormView, ActionView

from .. import actions
from ..hearing_forms import AnswerForm
from ..hearings import HearingQuestion, HearingSlot

FORM = "proposals/hearing/form.html"


def _proposal_page(proposal_id: int) -> str:
    return reverse("proposals:proposal_detail", kwargs={"pk": proposal_id})


class ConfirmSlotView(ActionView):
    secret_permission = "proposals.read_hearing_slot"
    permission_required = "proposals.confirm_hearing_slot"

    def get_object(self):
        return get_object_or_404(HearingSlot.objects.select_related("session", "proposal"),
                                 pk=self.kwargs["pk"])

    def perform(self):
        return actions.confirm_hearing_slot(actor=self.request.user, slot=self.object)

    def success_message(self, slot) -> str:
        return _("Your slot is confirmed.")

    def get_success_url(self) -> str:
        return _proposal_page(self.object.proposal_id)


class AnswerQuestionView(ActionFormView):
    secret_permission = "proposals.read_hearing_question"
    permission_required = "proposals.answer_hearing_question"
    template_name = FORM
    form_class = AnswerForm
    extra_context = {"heading": gettext_lazy("Answer the partnership's question"),
                     "button": gettext_lazy("Send the answer")}

    def get_object(self):
        return get_object_or_404(HearingQuestion.objects.select_related("proposal"),
                                 pk=self.kwargs["pk"])

    def perform(self, form):
        return actions.answer_hearing_question(actor=self.request.user, question=self.object,
                                               **form.cleaned_data)

    def success_message(self, result) -> str:
        return _("Your answer is recorded.")

    def get_success_url(self, result=None) -> str:
        return _proposal_page(self.object.proposal_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(question=self.object, proposal=self.object.proposal,
                                        cancel=self.get_success_url(), **kwargs)
