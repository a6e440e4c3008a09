class DomainError(Exception):
    """An action that the object's state or the actor does not allow.

    The message is translatable and shown to the person who tried. Each app's
    actions raise their own subclass.
    """

    def __init__(self, message, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        # The form field the refusal is about, marked on the form (None: the form as a whole).
        self.field = field

    def __str__(self) -> str:
        return str(self.message)


class GroupError(DomainError):
    """A change to a citizen group that its state or the actor does not allow."""


class AccountError(DomainError):
    """A change to a person's own settings that the portal does not allow."""
