"""Checking uploaded attachments: PDF, PNG or JPEG by their content, at most 10 MB.

The type is read from the file's first bytes (its "magic number"), never from its
name or the content type the browser sent, and the file is stored under a random
name so that nothing the uploader chose ends up in a path.
"""

import secrets
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

MAX_SIZE = 10 * 1024 * 1024  # bytes


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str
    signature: bytes


FILE_TYPES = (
    FileType("application/pdf", ".pdf", b"%PDF-"),
    FileType("image/png", ".png", b"\x89PNG\r\n\x1a\n"),
    FileType("image/jpeg", ".jpg", b"\xff\xd8\xff"),
)
ACCEPT = ",".join(sorted({t.extension for t in FILE_TYPES} | {".jpeg", *[
    t.content_type for t in FILE_TYPES
]}))


class AttachmentRejected(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def sniff(head: bytes) -> FileType | None:
    """The file type whose signature starts `head`, or None."""
    for file_type in FILE_TYPES:
        if head.startswith(file_type.signature):
            return file_type
    return None


def check_upload(upload: UploadedFile) -> FileType:
    """The upload's type, or AttachmentRejected when it is too big, empty or not allowed."""
    if upload.size is None or upload.size == 0:
        raise AttachmentRejected(_("The file is empty."))
    if upload.size > MAX_SIZE:
        raise AttachmentRejected(
            _("The file is %(size)s MB; attachments may be at most 10 MB.")
            % {"size": f"{upload.size / (1024 * 1024):.1f}"}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    file_type = sniff(head)
    if file_type is None:
        raise AttachmentRejected(
            _("Only PDF, PNG and JPEG files can be attached; this file is none of them.")
        )
    return file_type


def storage_name(file_type: FileType) -> str:
    """A random file name with the extension of the type found in the content."""
    return f"{secrets.token_urlsafe(18)}{file_type.extension}"


# Extensions a file of each type may keep; any other is replaced by the type's own.
KEPT_EXTENSIONS = {".pdf": {".pdf"}, ".png": {".png"}, ".jpg": {".jpg", ".jpeg"}}


def clean_original_name(name: str, file_type: FileType) -> str:
    """The name shown to readers and given to downloads: no path, no control characters,
    at most 255 characters, and ending with the extension of the type found in the
    content (a PDF named invoice.html is downloaded as invoice.pdf, never as HTML)."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if char.isprintable()).strip() or "attachment"
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    suffix = f".{extension}" if dot else ""
    if suffix.lower() not in KEPT_EXTENSIONS[file_type.extension]:
        suffix = file_type.extension
    return stem[: 255 - len(suffix)] + suffix
