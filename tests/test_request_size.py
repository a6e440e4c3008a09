"""A request body over the limit is refused before anything reads it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse

from partnership.middleware import RequestSizeLimitMiddleware
from proposals.models import Attachment, Status
from tests.lifecycle import group_member, proposal_in

pytestmark = pytest.mark.django_db


class Unreadable:
    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def test_a_huge_body_is_refused_unread(rf, settings):
    request = rf.generic("POST", "/proposals/1/attachments/", data=b"",
                         CONTENT_LENGTH=str(100 * 1024 * 1024))
    request._stream = Unreadable()
    called = []
    response = RequestSizeLimitMiddleware(lambda r: called.append(r) or HttpResponse())(request)
    assert response.status_code == 413 and called == []
    assert "11 MB" in response.content.decode()


def test_the_attachment_page_refuses_a_body_over_the_limit(client, settings):
    settings.MAX_REQUEST_BYTES = 64 * 1024
    proposal = proposal_in(Status.DRAFT)
    client.force_login(group_member(proposal))
    upload = b"%PDF-1.4\n" + b"0" * (80 * 1024)
    response = client.post(f"/proposals/{proposal.pk}/attachments/",
                           {"file": SimpleUploadedFile("big.pdf", upload)})
    assert response.status_code == 413
    assert not Attachment.objects.exists()


def test_a_body_within_the_limit_goes_through(rf):
    request = rf.post("/", data={"a": "b"})
    response = RequestSizeLimitMiddleware(lambda r: HttpResponse("ok"))(request)
    assert response.status_code == 200
