"""The encryption key: rotation re-encrypts every report with the new key (the old one can
then go), and a production without a key fails `check --deploy` and refuses to write."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from families import checks, crypto
from families.models import FamilyReport
from partnership.models import AuditEntry

from .helpers import NOTES, SECRET, family_project, report_in

pytestmark = pytest.mark.django_db


def _tokens():
    with connection.cursor() as cursor:
        cursor.execute("SELECT observed, city_notes FROM families_familyreport ORDER BY id")
        return cursor.fetchall()


def test_rotation(settings):
    old = settings.FAMILY_REPORT_KEYS[0]
    project = family_project()
    reports = [report_in("intervened", project), report_in("filed", project)]
    new = Fernet.generate_key().decode()
    settings.FAMILY_REPORT_KEYS = [new, old]
    call_command("rotate_family_report_key", stdout=None)
    for observed, _notes in _tokens():
        Fernet(new.encode()).decrypt(observed.encode())  # the new key alone reads them
    assert AuditEntry.objects.filter(action="family_report.reencrypted").count() == 2
    settings.FAMILY_REPORT_KEYS = [new]
    fresh = FamilyReport.objects.get(pk=reports[0].pk)
    assert (fresh.observed, fresh.city_notes) == (SECRET, NOTES)
    assert FamilyReport.objects.get(pk=reports[1].pk).city_notes == ""


def test_a_report_under_a_removed_key_is_a_clear_error(settings):
    report = report_in("filed")
    settings.FAMILY_REPORT_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(ImproperlyConfigured, match="no longer holds"):
        FamilyReport.objects.get(pk=report.pk)


def test_production_without_a_key(settings):
    settings.FAMILY_REPORT_KEYS = []
    settings.DEBUG = False
    errors = checks.family_report_keys()
    assert [error.id for error in errors] == ["families.E001"]
    with pytest.raises(ImproperlyConfigured, match="DJANGO_FAMILY_REPORT_KEYS"):
        crypto.encrypt("x")


def test_a_key_that_is_not_a_key(settings):
    settings.FAMILY_REPORT_KEYS = ["not-a-key"]
    assert [error.id for error in checks.family_report_keys()] == ["families.E001"]


def test_development_without_a_key_works(settings):
    settings.FAMILY_REPORT_KEYS = []
    settings.DEBUG = True
    assert checks.family_report_keys() == []
    assert crypto.decrypt(crypto.encrypt("家庭")) == "家庭"
