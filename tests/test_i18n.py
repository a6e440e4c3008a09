"""Japanese first: the catalogue is complete and the compiled file matches it."""

from pathlib import Path

import polib
import pytest
from django.urls import reverse

PO = Path(__file__).resolve().parent.parent / "locale" / "ja" / "LC_MESSAGES" / "django.po"


def test_japanese_catalogue_is_complete():
    catalogue = polib.pofile(str(PO))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert len(catalogue.translated_entries()) > 50


def test_compiled_catalogue_matches_the_source():
    source = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(PO))
              if not e.obsolete}
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
                for e in polib.mofile(str(PO.with_suffix(".mo")))}
    assert source == compiled, "run `make messages` to compile locale/ja"


@pytest.mark.django_db
def test_japanese_is_the_default(client, settings):
    settings.LANGUAGE_CODE = "ja"
    response = client.get(reverse("home"))
    assert response.headers["Content-Language"] == "ja"
    assert "市民協働" in response.content.decode()


@pytest.mark.django_db
def test_browser_language_is_honoured(client, settings):
    settings.LANGUAGE_CODE = "ja"
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.headers["Content-Language"] == "en"


@pytest.mark.django_db
def test_language_choice_is_remembered(client, settings):
    settings.LANGUAGE_CODE = "ja"
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="ja")
    assert response.headers["Content-Language"] == "en"
