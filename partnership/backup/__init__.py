"""Backups of the portal: the database, every uploaded file and a manifest of both.

`manage.py backup DIR` and `manage.py restore DIR` (partnership/management/commands) are
thin: the work is in `create` and `restore`, which use `database` (one module per engine:
`postgres`, `sqlite`), `media` (the uploaded files) and `manifest`.
"""


class BackupError(Exception):
    """A backup or a restore that cannot go on; the message is for the person who ran it."""
