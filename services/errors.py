class ServiceError(Exception):
    """An action on a project or its records that the state or the actor does not allow.

    The message is translatable and shown to the person who tried.
    """

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)
