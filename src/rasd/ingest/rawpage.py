"""`RawPage`: bytes as they arrived, with whatever the container told us about them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class RawPage:
    """One page before extraction.

    ``media_type`` is what sniffing decided (``text/html``, ``text/plain``, ``application/json``);
    ``hints`` carries fields a container already knows (JSONL ``title``/``text``/``date``/``src``,
    WARC headers), which extraction prefers over guessing.
    """

    data: bytes
    source: str  # path, path#line, warc-path#record, "-" for stdin
    url: str | None = None
    fetched_at: datetime | None = None
    media_type: str = "application/octet-stream"
    encoding: str | None = None  # declared by the container (HTTP header, BOM), not guessed
    hints: dict[str, str] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()
