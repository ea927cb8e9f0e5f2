"""One exception tree for rasd.

::

    RasdError                      anything rasd raises on purpose
    ├── InputError                 the user's input is unusable (missing path, bad argument)
    ├── RejectedPage               a page that cannot become an Article; ``reason`` is a short code
    │   ├── DecodeError            bytes that decode to no text
    │   ├── EmptyPage              nothing left after boilerplate removal
    │   ├── NotAnArticle           text, but not a news article (index page, too short...)
    │   └── TooLarge               bigger than the configured limit
    ├── StoreError                 the archive cannot be opened or written
    ├── QueryError                 a search query that cannot be parsed
    └── ModelError                 a shipped model or lexicon is missing or corrupt
"""

from __future__ import annotations


class RasdError(Exception):
    """Base class of every error rasd raises deliberately."""


class InputError(RasdError):
    """The user's input is unusable: a missing path, an unknown format, a bad argument."""


class RejectedPage(RasdError):
    """A page that cannot become an Article.  ``reason`` is a short machine-readable code."""

    reason = "rejected"

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason


class DecodeError(RejectedPage):
    """Bytes that decode to no text (binary data, unknown encoding)."""

    reason = "undecodable"


class EmptyPage(RejectedPage):
    """Nothing left after navigation and boilerplate were removed."""

    reason = "empty"


class NotAnArticle(RejectedPage):
    """Text, but not a news article (an index page, too short, no Arabic)."""

    reason = "not_article"


class TooLarge(RejectedPage):
    """A page bigger than the configured limit."""

    reason = "too_large"


class StoreError(RasdError):
    """The archive cannot be opened, migrated or written."""


class NeedsMigration(StoreError):
    """A read-only open of an archive written by an older rasd: ``rasd upgrade`` (or any writable
    open) applies the pending migrations."""


class QueryError(RasdError):
    """A search query that cannot be parsed; the message says where and why."""


class ModelError(RasdError):
    """A shipped model or lexicon is missing or corrupt."""
