from partnership.errors import DomainError


class FamilyReportError(DomainError):
    """A step on a family-situation report that the state, the actor or the data refuses."""
