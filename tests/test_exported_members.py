"""The public API is what __all__ says (after httpx's test_exported_members)."""

from __future__ import annotations

import rasd


def test_all_names_exist_and_are_documented() -> None:
    for name in rasd.__all__:
        member = getattr(rasd, name)
        if callable(member):
            assert member.__doc__, f"rasd.{name} has no docstring"


def test_design_api_names_are_exported() -> None:
    for name in ("read", "tag_entities", "find_times", "open_store", "Article", "Span"):
        assert name in rasd.__all__
