"""The invitations waiting for the signed-in person: accept or decline."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView

from . import actions
from .models import Invitation
from .selectors import invitations_for
from .view_mixins import ActionView, PermissionPage


class MyInvitationsView(PermissionPage, ListView):
    permission_required = "partnership.view_own_groups"
    template_name = "partnership/invitations.html"
    context_object_name = "invitations"
    paginate_by = 50

    def get_queryset(self):
        return invitations_for(user=self.request.user)


class InvitationAnswerView(ActionView):
    """Accept or decline (`answer`); another person's invitation is 404."""

    secret_permission = "partnership.read_invitation"
    answer = ""

    def get_object(self):
        return get_object_or_404(Invitation.objects.select_related("group"),
                                 pk=self.kwargs["pk"])

    def get_permission_required(self):
        return [f"partnership.{self.answer}_invitation"]

    def perform(self):
        if self.answer == "accept":
            return actions.accept_invitation(actor=self.request.user, invitation=self.object)
        return actions.decline_invitation(actor=self.request.user, invitation=self.object)

    def success_message(self, result) -> str:
        if self.answer == "accept":
            return _("You are now a member of %(group)s.") % {"group": self.object.group}
        return _("You declined to join %(group)s.") % {"group": self.object.group}

    def get_success_url(self) -> str:
        if self.answer == "accept":
            return reverse("group_detail", args=[self.object.group_id])
        return reverse("my_invitations")
