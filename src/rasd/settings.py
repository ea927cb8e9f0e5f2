"""Settings: built-in defaults < user TOML (``~/.config/rasd/config.toml`` or ``$RASD_CONFIG``) < ``RASD_*``.

==================  ===============  ===========================================
setting             default          meaning
==================  ===============  ===========================================
``db``              ``rasd.db``      archive URL or SQLite path (``RASD_DB``)
``workers``         ``1``            ingest worker processes (``RASD_WORKERS``)
``batch_size``      ``200``          pages per committed transaction
``max_page_bytes``  ``20000000``     larger pages are rejected as too_large
==================  ===============  ===========================================
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from rasd.errors import InputError


@dataclass(frozen=True)
class Settings:
    db: str = "rasd.db"
    workers: int = 1
    batch_size: int = 200
    max_page_bytes: int = 20_000_000


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if environ is None else environ)
    values: dict[str, Any] = {}
    config = Path(env.get("RASD_CONFIG") or Path.home() / ".config" / "rasd" / "config.toml")
    if config.is_file():
        try:
            values.update(tomllib.loads(config.read_text("utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read settings file {config}: {exc}") from exc
    for f in fields(Settings):
        raw = env.get(f"RASD_{f.name.upper()}")
        if raw is not None:
            values[f.name] = raw
    known = {f.name: f for f in fields(Settings)}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise InputError(f"unknown setting {key!r} (known: {', '.join(known)})")
        try:
            out[key] = int(value) if known[key].type in (int, "int") else str(value)
        except ValueError as exc:
            raise InputError(f"setting {key} must be an integer, got {value!r}") from exc
    return Settings(**out)
