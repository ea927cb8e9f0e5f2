"""Helpers shared by test modules (importable as ``support``: pyproject puts ``tests`` on the path)."""
