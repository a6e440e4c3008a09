"""A person's own pages: their notifications, and their language and e-mail settings."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from . import inbox, preferences
from .forms import SettingsForm
from .language import follow as follow_language
from .models import Notification
from .view_mixins import ActionFormView, ActionView, PermissionPage


class NotificationListView(PermissionPage, TemplateView):
    permission_required = "partnership.view_notifications"
    template_name = "partnership/notifications.html"
    page_size = 25

    def get_context_data(self, **kwargs):
        page = self.paginate(inbox.of(self.request.user))
        return super().get_context_data(
            page_obj=page, rows=inbox.lines(page.object_list, self.request.user), **kwargs)


class NotificationOpenView(PermissionPage, View):
    """The link of a notification in the list: marks it read, then opens its page."""

    permission_required = "partnership.view_notifications"
    secret_permission = "partnership.read_notification"  # another person's: 404

    def get_object(self):
        return get_object_or_404(Notification, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return redirect(inbox.read(request.user, self.object) or "notification_list")


class MarkAllReadView(ActionView):
    permission_required = "partnership.view_notifications"

    def perform(self):
        return inbox.mark_all_read(self.request.user)

    def success_message(self, count) -> str:
        return ngettext("%(count)d notification marked as read.",
                        "%(count)d notifications marked as read.", count) % {"count": count}

    def get_success_url(self) -> str:
        return reverse("notification_list")


class AccountSettingsView(ActionFormView):
    permission_required = "partnership.change_own_settings"
    template_name = "partnership/account_settings.html"
    form_class = SettingsForm

    def get_initial(self):
        user = self.request.user
        return {"display_name": user.display_name, "language": user.language,
                "email_kinds": preferences.email_kinds(user)}

    def perform(self, form):
        changed = preferences.update(actor=self.request.user, **form.cleaned_data)
        # This response and the next pages are in the saved language.
        translation.activate(form.cleaned_data["language"])
        follow_language(self.request, form.cleaned_data["language"])
        return changed

    def success_message(self, changed) -> str:
        return _("Your settings are saved.") if changed else _("Nothing was changed.")

    def get_success_url(self, result=None) -> str:
        return reverse("account_settings")
