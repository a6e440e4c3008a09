"""The officer's hearing pages (公開プレゼンテーション): a call's schedule, planning a session,
giving a proposal its slot, publishing the session."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from partnership.view_mixins import ActionFormView, ActionView, PermissionPage

from .. import actions
from ..hearing_forms import PlanSessionForm, ScheduleSlotForm
from ..hearing_selectors import sessions_of, unscheduled
from ..hearings import HearingSession
from ..models import Call

FORM = "proposals/hearing/form.html"


def _schedule(call_id: int) -> str:
    return reverse("proposals:hearing_schedule", kwargs={"pk": call_id})


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
