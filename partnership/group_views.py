"""Citizen-group pages: my groups, register and edit a group, its members, invitations."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from . import actions
from .forms import ConfirmForm, GroupForm, InviteForm
from .models import CitizenGroup, GroupMembership, Invitation
from .selectors import groups_of, memberships_of, open_invitations_of
from .view_mixins import ActionFormView, ActionView, PermissionPage


class MyGroupsView(PermissionPage, ListView):
    permission_required = "partnership.view_own_groups"
    template_name = "partnership/group_list.html"
    context_object_name = "groups"
    paginate_by = 50

    def get_queryset(self):
        return groups_of(user=self.request.user).order_by("name")


class GroupCreateView(ActionFormView):
    permission_required = "partnership.register_group"
    template_name = "partnership/group_form.html"
    form_class = GroupForm

    def perform(self, form):
        return actions.create_group(actor=self.request.user, **form.cleaned_data)

    def success_message(self, group) -> str:
        return _("The group is registered and you are its representative. The city checks "
                 "it before it may submit proposals.")

    def get_success_url(self, group=None) -> str:
        return reverse("group_detail", args=[group.pk])


class GroupPage(PermissionPage):
    """A page about one group: 404 for anyone who may not see it (not a member, not an
    officer), 403 for those who may see it but not do this."""

    secret_permission = "partnership.view_group"
    permission_required = "partnership.view_group"

    def get_object(self):
        return get_object_or_404(CitizenGroup, pk=self.kwargs["pk"])

    @property
    def group(self) -> CitizenGroup:
        return self.object

    def get_context_data(self, **kwargs):
        return super().get_context_data(group=self.group, **kwargs)

    def get_success_url(self, result=None) -> str:
        return reverse("group_detail", args=[self.group.pk])


class GroupDetailView(GroupPage, TemplateView):
    template_name = "partnership/group_detail.html"

    def get_context_data(self, **kwargs):
        memberships = list(memberships_of(group=self.group))
        representatives = [m.pk for m in memberships
                           if m.role == GroupMembership.GroupRole.REPRESENTATIVE]
        # The only representative is not offered "remove": the action would refuse.
        sole = representatives[0] if len(representatives) == 1 else None
        return super().get_context_data(memberships=memberships, sole_representative=sole,
                                        invitations=open_invitations_of(group=self.group),
                                        **kwargs)


class GroupEditView(GroupPage, ActionFormView):
    permission_required = "partnership.change_group"
    template_name = "partnership/group_form.html"
    form_class = GroupForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.group}

    def perform(self, form):
        fresh = CitizenGroup.objects.get(pk=self.group.pk)  # the form changed the instance
        return actions.update_group(actor=self.request.user, group=fresh, **form.cleaned_data)

    def success_message(self, group) -> str:
        return _("The group's details are saved.")


class InviteView(GroupPage, ActionFormView):
    permission_required = "partnership.invite_member"
    template_name = "partnership/member_invite.html"
    form_class = InviteForm
    error_field = "identifier"

    def perform(self, form):
        return actions.invite(actor=self.request.user, group=self.group,
                              identifier=form.cleaned_data["identifier"],
                              role=form.cleaned_data["role"])

    def success_message(self, invitation) -> str:
        # The same words whether or not the person has an account.
        return _("The invitation to %(who)s is saved. If they have an account on the portal, "
                 "they are told and may accept.") % {"who": invitation.identifier}


class InvitationWithdrawView(GroupPage, ActionView):
    permission_required = "partnership.invite_member"

    def perform(self):
        invitation = get_object_or_404(Invitation, pk=self.kwargs["invitation_pk"],
                                       group=self.group)
        return actions.withdraw_invitation(actor=self.request.user, invitation=invitation)

    def success_message(self, invitation) -> str:
        return _("The invitation to %(who)s is withdrawn.") % {"who": invitation.identifier}


class MemberRemoveView(GroupPage, ActionFormView):
    """A confirmation page; the POST removes the member."""

    permission_required = "partnership.remove_member"
    template_name = "partnership/member_remove.html"
    form_class = ConfirmForm

    def membership(self) -> GroupMembership:
        return get_object_or_404(GroupMembership.objects.select_related("user"),
                                 pk=self.kwargs["membership_pk"], group=self.group)

    def get_context_data(self, **kwargs):
        return super().get_context_data(membership=self.membership(), **kwargs)

    def perform(self, form):
        membership = self.membership()
        actions.remove_member(actor=self.request.user, group=self.group, membership=membership)
        return membership

    def success_message(self, membership) -> str:
        return _("%(user)s was removed from the group.") % {"user": membership.user}

    def get_success_url(self, membership=None) -> str:
        if membership is not None and membership.user_id == self.request.user.pk:
            return reverse("group_list")
        return super().get_success_url()
