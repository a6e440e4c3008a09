"""Reading the account e-mails the queue's worker sent: the one link each holds."""

import re
from urllib.parse import urlsplit


def link_in(message) -> str:
    """The path of the first portal link in `message`'s body."""
    url = re.search(r"https?://\S+", message.body).group(0)
    return urlsplit(url).path


def sent_to(outbox, address: str) -> list:
    return [message for message in outbox if message.to == [address]]
