class DomainError(Exception):
    """A business rule refused an action. The message is Vietnamese and shown to the user as is."""

    def __init__(self, message: str, *, code: str = "invalid", details: object = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = details


class Forbidden(DomainError):
    """The actor may not do this (a service's own permission check): shown as a form error, 403 in the API."""

    def __init__(self, message: str = "Bạn không có quyền thực hiện thao tác này.", *, details: object = None):
        super().__init__(message, code="forbidden", details=details)
