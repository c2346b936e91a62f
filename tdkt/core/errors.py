class DomainError(Exception):
    """A business rule refused an action. The message is Vietnamese and shown to the user as is."""

    def __init__(self, message: str, *, code: str = "invalid", details: object = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = details
