"""One click to follow, or stop following, a call, a proposal or a project: a plain form
that posts here and comes back to the page."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from . import actions, follows
from .view_mixins import ActionView


class FollowView(ActionView):
    """`stop` is False to follow, True to stop following. What the person may not read is
    404 to them, as on its own page."""

    permission_required = "partnership.follow"
    stop = False

    def get_object(self):
        kind = follows.KINDS.get(self.kwargs["kind"])
        if kind is None:
            raise Http404
        self.secret_permission = kind.permission
        self.kind = kind
        return get_object_or_404(kind.model, pk=self.kwargs["pk"])

    def perform(self):
        if self.stop:
            return actions.unfollow(actor=self.request.user, target=self.object)
        return actions.follow(actor=self.request.user, target=self.object)

    def success_message(self, changed) -> str:
        if self.stop:
            return _("You no longer follow this.") if changed else ""
        return (_("You follow this now: its changes are listed in your notifications.")
                if changed else _("You already follow this."))

    def get_success_url(self) -> str:
        back = self.request.POST.get("next", "")
        if back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts=None):
            return back
        return self.kind.page(self.object)
