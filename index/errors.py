"""The one exception type the project raises for bad input or broken files."""


class QAError(Exception):
    """A user-facing error: bad input, an unreadable document, a broken model or index."""
