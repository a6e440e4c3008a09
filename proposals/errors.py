from partnership.errors import DomainError


class ProposalError(DomainError):
    """A transition that the proposal's state, the call or the actor does not allow."""
