"""What the proposal pages share: sign-in, then 404 for what the visitor may not know
exists (drafts of other groups), 403 for what they may know but not do."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Criterion, Proposal

PAGE_SIZE = 50


class RolePageMixin(LoginRequiredMixin):
    """A list page for one role: sign-in, then the `permission` (no object), else 403."""

    permission = ""
    page_size = PAGE_SIZE

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def paginate(self, queryset):
        return Paginator(queryset, self.page_size).get_page(self.request.GET.get("page"))


class ProposalActionMixin(LoginRequiredMixin):
    """A page about one proposal: 404 if the visitor may not know it, 403 if they may not act."""

    permission = ""

    def get_queryset(self):
        return Proposal.objects.select_related("call", "group")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.proposal = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        if not request.user.has_perm("proposals.view_proposal", self.proposal):
            raise Http404
        denied = self.check_permission()
        if denied is not None:
            return denied
        return super().dispatch(request, *args, **kwargs)

    def check_permission(self):
        if not self.request.user.has_perm(self.permission, self.proposal):
            raise PermissionDenied
        return None

    def criteria(self) -> list[Criterion]:
        return list(Criterion.objects.filter(call_id=self.proposal.call_id))
