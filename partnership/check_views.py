"""The city officers' check of new citizen groups: the queue, verify, return for changes,
and the representative's request to check the group again."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView

from . import actions
from .forms import ReturnGroupForm
from .group_views import GroupPage
from .selectors import groups_to_check
from .view_mixins import ActionFormView, ActionView, PermissionPage


class GroupCheckQueueView(PermissionPage, ListView):
    permission_required = "partnership.check_groups"
    template_name = "partnership/group_checks.html"
    context_object_name = "groups"
    paginate_by = 50

    def get_queryset(self):
        return groups_to_check()


class GroupVerifyView(GroupPage, ActionView):
    permission_required = "partnership.verify_group"

    def perform(self):
        return actions.verify_group(actor=self.request.user, group=self.group)

    def success_message(self, group) -> str:
        return _("%(group)s is verified: it may submit proposals.") % {"group": group}

    def get_success_url(self) -> str:
        return reverse("group_checks")


class GroupReturnView(GroupPage, ActionFormView):
    permission_required = "partnership.return_group"
    template_name = "partnership/group_return.html"
    form_class = ReturnGroupForm

    def perform(self, form):
        return actions.return_group(actor=self.request.user, group=self.group,
                                    reason=form.cleaned_data["reason"])

    def success_message(self, group) -> str:
        return _("%(group)s is returned to its representative with your comment.") % {
            "group": group}

    def get_success_url(self, result=None) -> str:
        return reverse("group_checks")


class GroupResubmitView(GroupPage, ActionView):
    permission_required = "partnership.resubmit_group"

    def perform(self):
        return actions.resubmit_group(actor=self.request.user, group=self.group)

    def success_message(self, group) -> str:
        return _("The city is asked to check the group again.")
