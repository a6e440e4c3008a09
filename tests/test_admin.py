"""Every model of the portal is in the admin, and each admin list page opens."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

PORTAL_APPS = ("partnership", "proposals", "services", "reports")


def test_every_model_is_registered():
    missing = [
        model._meta.label
        for name in PORTAL_APPS
        for model in apps.get_app_config(name).get_models()
        if model not in admin.site._registry
    ]
    assert missing == []


@pytest.mark.django_db
def test_every_admin_changelist_opens(admin_client):
    for model in admin.site._registry:
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert admin_client.get(url).status_code == 200, url
