"""Citizen-group pages: my proposals, write and edit a draft, submit, withdraw, attachments."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from partnership.forms import ConfirmForm
from partnership.view_mixins import ActionFormView, ActionView, PermissionPage

from .. import actions
from ..forms import AttachmentForm, ProposalCreateForm, ProposalForm, WithdrawForm
from ..models import Attachment
from ..selectors import attachments_of, open_calls, proposals_of_user
from .mixins import ProposalPage


class MyProposalsView(PermissionPage, ListView):
    """All proposals of the user's groups, with their status and the steps they may take."""

    permission_required = "proposals.view_own_proposals"
    template_name = "proposals/my_proposals.html"
    context_object_name = "proposals"
    paginate_by = 50

    def get_queryset(self):
        return proposals_of_user(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(open_calls=open_calls(), **kwargs)


class ProposalCreateView(ActionFormView):
    permission_required = "proposals.create_draft"
    template_name = "proposals/proposal_form.html"
    form_class = ProposalCreateForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        initial = super().get_initial()
        if self.request.GET.get("call", "").isdigit():
            initial["call"] = int(self.request.GET["call"])
        return initial

    def perform(self, form):
        return actions.create_proposal(actor=self.request.user, call=form.cleaned_data["call"],
                                       group=form.cleaned_data["group"],
                                       **form.proposal_fields())

    def success_message(self, proposal) -> str:
        return _("The draft is saved. Only your group can see it.")

    def get_success_url(self, proposal=None) -> str:
        return reverse("proposals:proposal_detail", kwargs={"pk": proposal.pk})


class GroupActionFormView(ProposalPage, ActionFormView):
    """A form of the proposing group's; afterwards, back to the proposal."""

    def get_success_url(self, result=None) -> str:
        return reverse("proposals:proposal_detail", kwargs={"pk": self.proposal.pk})


class ProposalEditView(GroupActionFormView):
    template_name = "proposals/proposal_form.html"
    form_class = ProposalForm
    permission_required = "proposals.edit_draft"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.proposal}

    def perform(self, form):
        return actions.update_draft(actor=self.request.user, proposal=self.proposal,
                                    **form.proposal_fields())

    def success_message(self, result) -> str:
        return _("The draft is saved.")


class ProposalSubmitView(GroupActionFormView):
    """A confirmation page; the POST submits the draft to its call."""

    template_name = "proposals/proposal_submit.html"
    permission_required = "proposals.submit_proposal"

    form_class = ConfirmForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(call_open=self.proposal.call.is_open(), **kwargs)

    def perform(self, form):
        return actions.submit(actor=self.request.user, proposal=self.proposal)

    def success_message(self, result) -> str:
        return _("The proposal is submitted. It can no longer be changed.")


class ProposalWithdrawView(GroupActionFormView):
    template_name = "proposals/proposal_withdraw.html"
    form_class = WithdrawForm
    permission_required = "proposals.withdraw_proposal"

    def perform(self, form):
        return actions.withdraw(actor=self.request.user, proposal=self.proposal,
                                reason=form.cleaned_data["reason"])

    def success_message(self, result) -> str:
        return _("The proposal is withdrawn.")


class AttachmentUploadView(GroupActionFormView):
    """The draft's attachments and a form to add one."""

    template_name = "proposals/attachments.html"
    form_class = AttachmentForm
    permission_required = "proposals.add_attachment"
    error_field = "file"

    def get_context_data(self, **kwargs):
        return super().get_context_data(attachments=attachments_of(self.proposal), **kwargs)

    def perform(self, form):
        return actions.add_attachment(actor=self.request.user, proposal=self.proposal,
                                      upload=form.cleaned_data["file"])

    def success_message(self, attachment) -> str:
        return _("%(name)s is attached.") % {"name": attachment.original_name}

    def get_success_url(self, result=None) -> str:
        return reverse("proposals:attachment_upload", kwargs={"pk": self.proposal.pk})


class AttachmentDeleteView(ProposalPage, TemplateView, ActionView):
    """A confirmation page; the POST removes the attachment."""

    http_method_names = ["get", "post"]
    template_name = "proposals/attachment_delete.html"
    permission_required = "proposals.remove_attachment"

    def attachment(self) -> Attachment:
        return get_object_or_404(Attachment, pk=self.kwargs["attachment_pk"],
                                 proposal=self.proposal)

    def get_context_data(self, **kwargs):
        return super().get_context_data(attachment=self.attachment(), **kwargs)

    def perform(self):
        attachment = self.attachment()
        actions.remove_attachment(actor=self.request.user, attachment=attachment)
        return attachment

    def success_message(self, attachment) -> str:
        return _("%(name)s is removed.") % {"name": attachment.original_name}

    def get_success_url(self) -> str:
        return reverse("proposals:attachment_upload", kwargs={"pk": self.proposal.pk})
