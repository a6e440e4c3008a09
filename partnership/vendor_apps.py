"""The installed apps whose names the admin shows, named in the reader's language (the
packages give English only)."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class LoginAttemptsConfig(AxesAppConfig):
    verbose_name = _("Sign-in attempts")


class NotificationQueueConfig(TasksAppConfig):
    verbose_name = _("Queued e-mail tasks")
