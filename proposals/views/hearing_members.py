"""The partnership members' hearing pages: recording a question, keeping one's own notes."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnership.view_mixins import ActionFormView

from .. import actions
from ..hearing_forms import NoteForm, QuestionForm
from ..hearing_selectors import note_of
from .mixins import ProposalPage

FORM = "proposals/hearing/form.html"


def _proposal_page(proposal_id: int) -> str:
    return reverse("proposals:proposal_detail", kwargs={"pk": proposal_id})


class AskQuestionView(ProposalPage, ActionFormView):
    permission_required = "proposals.ask_hearing_question"
    template_name = FORM
    form_class = QuestionForm
    extra_context = {"heading": gettext_lazy("Record a question from the hearing"),
                     "button": gettext_lazy("Record the question")}

    def perform(self, form):
        return actions.ask_hearing_question(actor=self.request.user, proposal=self.proposal,
                                            **form.cleaned_data)

    def success_message(self, result) -> str:
        return _("The question is recorded; the group is asked to answer it.")

    def get_success_url(self, result=None) -> str:
        return _proposal_page(self.proposal.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(cancel=self.get_success_url(), **kwargs)


class HearingNoteView(ProposalPage, ActionFormView):
    permission_required = "proposals.write_hearing_note"
    template_name = FORM
    form_class = NoteForm
    extra_context = {"heading": gettext_lazy("My hearing notes"),
                     "button": gettext_lazy("Save my notes")}

    def get_initial(self):
        note = note_of(self.proposal, self.request.user)
        return {"text": note.text} if note else {}

    def perform(self, form):
        return actions.save_hearing_note(actor=self.request.user, proposal=self.proposal,
                                         **form.cleaned_data)

    def success_message(self, result) -> str:
        return _("Your notes are saved. Only you see them.")

    def get_success_url(self, result=None) -> str:
        if self.request.user.has_perm("proposals.cast_ballot", self.proposal):
            return reverse("proposals:ballot", kwargs={"pk": self.proposal.pk})
        return _proposal_page(self.proposal.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(cancel=self.get_success_url(), **kwargs)
