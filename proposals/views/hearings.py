"""Hearing pages (公開プレゼンテーション): the officer's schedule of a call, planning a session,
giving a proposal its slot, publishing; the group's confirmation and answers; the members'
questions and their own notes."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from partnership.view_mixins import ActionFormView, ActionView, PermissionPage

from .. import actions
from ..hearing_forms import AnswerForm, NoteForm, PlanSessionForm, QuestionForm, ScheduleSlotForm
from ..hearing_selectors import note_of, sessions_of, unscheduled
from ..hearings import HearingQuestion, HearingSession, HearingSlot
from ..models import Call
from .mixins import ProposalPage

FORM = "proposals/hearing/form.html"


def _schedule(call_id: int) -> str:
    return reverse("proposals:hearing_schedule", kwargs={"pk": call_id})


def _proposal_page(proposal_id: int) -> str:
    return reverse("proposals:proposal_detail", kwargs={"pk": proposal_id})


class CallHearingPage(PermissionPage):
    """An officer's page about a call's hearings; the call itself is public (403)."""

    permission_required = "proposals.manage_hearings"

    def get_object(self):
        return get_object_or_404(Call, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(call=self.object, **kwargs)


class HearingScheduleView(CallHearingPage, TemplateView):
    template_name = "proposals/hearing/schedule.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sessions=sessions_of(self.object, public_only=False),
            waiting=list(unscheduled(self.object).select_related("group")), **kwargs)


class PlanSessionView(CallHearingPage, ActionFormView):
    template_name = FORM
    form_class = PlanSessionForm
    extra_context = {"heading": gettext_lazy("Plan a hearing session"),
                     "button": gettext_lazy("Plan the session")}

    def perform(self, form):
        return actions.plan_hearing_session(actor=self.request.user, call=self.object,
                                            **form.action_kwargs())

    def success_message(self, session) -> str:
        return _("The session is planned. It is not public until you publish it.")

    def get_success_url(self, result=None) -> str:
        return _schedule(self.object.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(cancel=_schedule(self.object.pk), **kwargs)


class SessionPage(PermissionPage):
    """A page about one session: private to the officers until it is published (404)."""

    secret_permission = "proposals.read_hearing_session"

    def get_object(self):
        return get_object_or_404(HearingSession.objects.select_related("call"),
                                 pk=self.kwargs["pk"])

    def get_success_url(self, result=None) -> str:
        return _schedule(self.object.call_id)


class ScheduleSlotView(SessionPage, ActionFormView):
    permission_required = "proposals.schedule_hearing_slot"
    template_name = FORM
    form_class = ScheduleSlotForm
    extra_context = {"heading": gettext_lazy("Give a proposal a slot"),
                     "button": gettext_lazy("Give the slot")}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "session": self.object}

    def perform(self, form):
        return actions.schedule_hearing_slot(actor=self.request.user, session=self.object,
                                             **form.action_kwargs())

    def success_message(self, slot) -> str:
        return _("The slot is given; the group is asked to confirm it.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.object,
                                        cancel=_schedule(self.object.call_id), **kwargs)


class PublishSessionView(SessionPage, ActionView):
    permission_required = "proposals.publish_hearing_session"

    def perform(self):
        return actions.publish_hearing_session(actor=self.request.user, session=self.object)

    def success_message(self, session) -> str:
        return _("The session and its slots are on the call's public page.")


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
