from partnership.errors import DomainError


class ServiceError(DomainError):
    """An action on a project or its records that the state or the actor does not allow."""
