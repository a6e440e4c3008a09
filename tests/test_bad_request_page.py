"""Django's own refusals (a malformed upload, a file name too long for a form header) get
the portal's page, in both languages, not a bare "Bad Request (400)"."""

from django.views.defaults import bad_request


def test_the_400_page_is_the_portals(rf):
    response = bad_request(rf.get("/"), exception=None)
    html = response.content.decode()
    assert response.status_code == 400
    assert "不正なリクエスト" in html and 'lang="en"' in html and "Nothing was changed" in html
