"""Citizen-group pages: my proposals, write and edit a draft, submit, withdraw, attachments.

Views are thin: they check the permission (404 when the visitor may not see the
proposal at all, 403 when they may see it but not do this), call an action of
`proposals.actions`, and show its `ProposalError` with the form kept.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from .. import actions
from ..errors import ProposalError
from ..forms import AttachmentForm, ProposalCreateForm, ProposalForm, WithdrawForm
from ..models import Attachment
from ..selectors import attachments_of, open_calls, proposals_of_user
from .mixins import ProposalActionMixin


class MyProposalsView(LoginRequiredMixin, ListView):
    """All proposals of the user's groups, with their status and the next possible action."""

    template_name = "proposals/my_proposals.html"
    context_object_name = "proposals"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(
            "proposals.view_own_proposals"
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return proposals_of_user(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(open_calls=open_calls(), **kwargs)


class ProposalCreateView(LoginRequiredMixin, FormView):
    template_name = "proposals/proposal_form.html"
    form_class = ProposalCreateForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("proposals.add_proposal"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        initial = super().get_initial()
        if self.request.GET.get("call", "").isdigit():
            initial["call"] = int(self.request.GET["call"])
        return initial

    def form_valid(self, form):
        try:
            proposal = actions.create_proposal(
                actor=self.request.user, call=form.cleaned_data["call"],
                group=form.cleaned_data["group"], **form.proposal_fields(),
            )
        except ProposalError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("The draft is saved. Only your group can see it."))
        return redirect("proposals:proposal_detail", pk=proposal.pk)


class GroupProposalMixin(ProposalActionMixin):
    """A page of the proposing group's: the proposal in the context, `done` back to it."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal, **kwargs)

    def done(self, message: str):
        messages.success(self.request, message)
        return redirect("proposals:proposal_detail", pk=self.proposal.pk)


class ProposalEditView(GroupProposalMixin, FormView):
    template_name = "proposals/proposal_form.html"
    form_class = ProposalForm
    permission = "proposals.change_proposal"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.proposal}

    def form_valid(self, form):
        try:
            actions.update_draft(actor=self.request.user, proposal=self.proposal,
                                 **form.proposal_fields())
        except ProposalError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        return self.done(_("The draft is saved."))


class ProposalSubmitView(GroupProposalMixin, TemplateView):
    """A confirmation page; the POST submits the draft to its call."""

    template_name = "proposals/proposal_submit.html"
    permission = "proposals.submit_proposal"

    def get_context_data(self, **kwargs):
        return super().get_context_data(call_open=self.proposal.call.is_open(), **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            actions.submit(actor=request.user, proposal=self.proposal)
        except ProposalError as error:
            return self.render_to_response(self.get_context_data(error=error.message))
        return self.done(_("The proposal is submitted. It can no longer be changed."))


class ProposalWithdrawView(GroupProposalMixin, FormView):
    template_name = "proposals/proposal_withdraw.html"
    form_class = WithdrawForm
    permission = "proposals.withdraw_proposal"

    def form_valid(self, form):
        try:
            actions.withdraw(actor=self.request.user, proposal=self.proposal,
                             reason=form.cleaned_data["reason"])
        except ProposalError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        return self.done(_("The proposal is withdrawn."))


class AttachmentUploadView(GroupProposalMixin, FormView):
    """The draft's attachments and a form to add one."""

    template_name = "proposals/attachments.html"
    form_class = AttachmentForm
    permission = "proposals.change_proposal"

    def get_context_data(self, **kwargs):
        return super().get_context_data(attachments=attachments_of(self.proposal), **kwargs)

    def form_valid(self, form):
        try:
            attachment = actions.add_attachment(actor=self.request.user, proposal=self.proposal,
                                                upload=form.cleaned_data["file"])
        except ProposalError as error:
            form.add_error("file", error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s is attached.")
                         % {"name": attachment.original_name})
        return redirect("proposals:attachment_upload", pk=self.proposal.pk)


class AttachmentDeleteView(GroupProposalMixin, TemplateView):
    template_name = "proposals/attachment_delete.html"
    permission = "proposals.change_proposal"

    def get_attachment(self) -> Attachment:
        return get_object_or_404(Attachment, pk=self.kwargs["attachment_pk"],
                                 proposal=self.proposal)

    def get_context_data(self, **kwargs):
        return super().get_context_data(attachment=self.get_attachment(), **kwargs)

    def post(self, request, *args, **kwargs):
        attachment = self.get_attachment()
        try:
            actions.remove_attachment(actor=request.user, attachment=attachment)
        except ProposalError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(name)s is removed.")
                             % {"name": attachment.original_name})
        return redirect("proposals:attachment_upload", pk=self.proposal.pk)
