"""Shared fixtures.  Tests that read ``../shared`` skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def _shared_subdir(shared_dir: Path, name: str) -> Path:
    path = shared_dir / name
    if not path.is_dir():
        pytest.skip(f"../shared/{name} is not present")
    return path


@pytest.fixture(scope="session")
def shared_data(shared_dir: Path) -> Path:
    return _shared_subdir(shared_dir, "data")


@pytest.fixture(scope="session")
def seed_dir(shared_dir: Path) -> Path:
    return _shared_subdir(shared_dir, "seeds")


@pytest.fixture()
def fixtures_dir() -> Path:
    return FIXTURES
