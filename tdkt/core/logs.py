"""Logging glue: a refused request is one line in the log, not a traceback."""

import logging


class OneLineForbidden(logging.Filter):
    """Drop the traceback Django attaches to "Forbidden (Permission denied): /path" (a PermissionDenied is an
    answer, not a fault): the record keeps its message, status and path, and names the account that was refused."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403 and record.exc_info:
            exc = record.exc_info[1]
            record.exc_info = None
            record.exc_text = None
            request = getattr(record, "request", None)
            user = getattr(request, "user", None)
            who = user.get_username() if getattr(user, "is_authenticated", False) else "-"
            reason = str(exc) if exc is not None and str(exc) else ""
            extra = f" (user {who}{'; ' + reason if reason else ''})".replace("%", "%%")
            record.msg = f"{record.msg}{extra}"
        return True
