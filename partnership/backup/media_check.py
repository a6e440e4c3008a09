"""Extracting the archived uploads beside MEDIA_ROOT, each file checked against the manifest
before anything is moved into place (a damaged archive restores nothing)."""

import hashlib
import tarfile
import zlib
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from . import BackupError


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts


def extract_verified(source: Path, expected: dict[str, str], staging: Path) -> None:
    """Extract the archive into `staging` and check every file against `expected`.

    Only names the manifest lists are written, under names this function builds (never
    the archive's own paths or links); any file missing, extra or different raises
    BackupError naming them all.
    """
    problems, seen = [], set()
    try:
        with tarfile.open(source, "r:gz") as tar:
            for member in tar:
                if not (member.isfile() and member.name in expected
                        and _safe_name(member.name)):
                    problems.append(_("%(name)s: not in the manifest") % {"name": member.name})
                    continue
                target = staging / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with tar.extractfile(member) as data, target.open("wb") as out:
                    for chunk in iter(lambda data=data: data.read(1024 * 1024), b""):
                        digest.update(chunk)
                        out.write(chunk)
                seen.add(member.name)
                if digest.hexdigest() != expected[member.name]:
                    problems.append(_("%(name)s: checksum does not match the manifest")
                                    % {"name": member.name})
    except (OSError, EOFError, tarfile.TarError, zlib.error) as error:
        problems.append(_("%(archive)s could not be extracted: %(error)s")
                        % {"archive": source.name, "error": error})
    problems += [_("%(name)s: missing from the archive") % {"name": name}
                 for name in sorted(set(expected) - seen)]
    if problems:
        raise BackupError("\n".join([_("The uploaded files of the backup are damaged; "
                                       "nothing was restored:"), *problems]))
