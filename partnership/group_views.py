"""Citizen-group pages: register a group, see its members, add and remove members."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from . import actions
from .errors import GroupError
from .forms import GroupForm, MemberAddForm
from .models import CitizenGroup, GroupMembership
from .selectors import groups_of, memberships_of


class MyGroupsView(LoginRequiredMixin, ListView):
    template_name = "partnership/group_list.html"
    context_object_name = "groups"
    paginate_by = 50

    def get_queryset(self):
        return groups_of(user=self.request.user).order_by("name")


class GroupCreateView(LoginRequiredMixin, FormView):
    template_name = "partnership/group_form.html"
    form_class = GroupForm

    def form_valid(self, form):
        try:
            group = actions.create_group(actor=self.request.user, **form.cleaned_data)
        except GroupError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("The group is registered; you are its representative."))
        return redirect("group_detail", pk=group.pk)


class GroupMixin(LoginRequiredMixin):
    """Loads the group: 404 for anyone not in it, 403 for members who may not manage it."""

    manage = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.group = get_object_or_404(CitizenGroup, pk=kwargs["pk"])
        if not request.user.has_perm("partnership.view_group", self.group):
            raise Http404
        if self.manage and not request.user.has_perm("partnership.manage_group", self.group):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(group=self.group, **kwargs)


class GroupDetailView(GroupMixin, TemplateView):
    template_name = "partnership/group_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(memberships=memberships_of(group=self.group), **kwargs)


class MemberAddView(GroupMixin, FormView):
    template_name = "partnership/member_add.html"
    form_class = MemberAddForm
    manage = True

    def form_valid(self, form):
        try:
            membership = actions.add_member(
                actor=self.request.user, group=self.group,
                identifier=form.cleaned_data["identifier"], role=form.cleaned_data["role"],
            )
        except GroupError as error:
            form.add_error("identifier", error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("%(user)s was added to the group.")
                         % {"user": membership.user})
        return redirect("group_detail", pk=self.group.pk)


class MemberRemoveView(GroupMixin, TemplateView):
    template_name = "partnership/member_remove.html"
    manage = True

    def get_membership(self) -> GroupMembership:
        return get_object_or_404(
            GroupMembership.objects.select_related("user"),
            pk=self.kwargs["membership_pk"], group=self.group,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(membership=self.get_membership(), **kwargs)

    def post(self, request, *args, **kwargs):
        membership = self.get_membership()
        try:
            actions.remove_member(actor=request.user, group=self.group, membership=membership)
        except GroupError as error:
            messages.error(request, error.message)
            return redirect("group_detail", pk=self.group.pk)
        messages.success(request, _("%(user)s was removed from the group.")
                         % {"user": membership.user})
        if membership.user_id == request.user.pk:
            return redirect("group_list")
        return redirect("group_detail", pk=self.group.pk)
