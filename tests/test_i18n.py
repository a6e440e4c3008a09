"""Japanese first: the catalogue is complete and the compiled file matches it."""

import ast
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


ROOT = PO.parents[3]
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext",
                 "ngettext_lazy", "npgettext"}


def gettext_calls_inside_fstrings(tree: ast.AST) -> list[int]:
    """Lines where a translation function is called inside an f-string's braces: makemessages
    cannot read such a call, so its string stays English on Japanese pages."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name)
                        and inner.func.id in GETTEXT_NAMES):
                    lines.append(inner.lineno)
    return lines


def test_the_guard_sees_gettext_inside_an_fstring():
    assert gettext_calls_inside_fstrings(ast.parse('x = f"{_(\'Weighted score\')}: 1"')) == [1]
    assert gettext_calls_inside_fstrings(ast.parse('x = _("Weighted score") + f"{y}"')) == []


def test_no_translated_string_hides_inside_an_fstring():
    found = []
    for app in ("partnership", "proposals", "services", "reports"):
        for path in (ROOT / app).rglob("*.py"):
            lines = gettext_calls_inside_fstrings(ast.parse(path.read_text(encoding="utf-8")))
            found += [f"{path.relative_to(ROOT)}:{line}" for line in lines]
    assert found == []


def test_the_catalogue_has_no_string_the_code_no_longer_marks():
    catalogue = polib.pofile(str(PO))
    assert [e.msgid for e in catalogue.obsolete_entries()] == []


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


def test_third_party_admin_pages_speak_japanese():
    """django-axes and django-tasks-db ship no Japanese: locale_vendor carries it."""
    from axes.models import AccessAttempt
    from django.apps import apps
    from django.utils import translation

    with translation.override("ja"):
        assert str(apps.get_app_config("axes").verbose_name) == "ログイン試行の記録"
        assert str(apps.get_app_config("django_tasks_database").verbose_name) == "メール送信のキュー"
        assert str(AccessAttempt._meta.verbose_name_plural) == "アクセス試行"
        assert str(AccessAttempt._meta.get_field("ip_address").verbose_name) == "IPアドレス"


def test_accounts_and_visitors_are_not_the_same_word():
    from django.utils import translation

    from partnership.models import User
    from services.models import Visit

    with translation.override("ja"):
        assert str(User._meta.verbose_name_plural) == "利用者"
        assert str(Visit._meta.get_field("users").verbose_name) == "利用者数"
