"""Stages and the pipeline that runs them (after spaCy's ``requires``/``assigns`` analysis).

A stage is a callable ``Article -> Article`` that returns a new Article with the layers it
``assigns``; it reads only the layers it ``requires``.  A stage may also offer
``call_many(articles) -> list[Article]`` with the same result per article (`Pipeline.run_batch`).  `Pipeline` checks, once when it is built,
that every requirement is assigned by an earlier stage, so a misordered pipeline fails at start-up
rather than halfway through a million pages.

Stages load their lexicons/models in their factory (``make_stage()``), never at import time and
never into module-level mutable state, so the same pipeline gives the same output in any process.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from rasd.document import Article
from rasd.errors import RasdError

__all__ = ["DEFAULT_STAGES", "Pipeline", "Stage", "load_stage"]


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


#: Enrichment stages of `rasd.read`, in order, as "module:factory".  A module that is not
#: installed yet is skipped by `Pipeline.default` only if listed in ``OPTIONAL_STAGES``.
DEFAULT_STAGES: tuple[str, ...] = (
    "rasd.enrich.sentences:make_stage",
    "rasd.enrich.entities:make_stage",
    "rasd.enrich.times:make_stage",
    "rasd.enrich.quantities:make_stage",
    "rasd.enrich.quotes:make_stage",
    "rasd.enrich.events:make_stage",
)


def load_stage(ref: str) -> Stage:
    module_name, _, factory_name = ref.partition(":")
    module = importlib.import_module(module_name)
    factory = getattr(module, factory_name or "make_stage")
    stage = factory()
    if not isinstance(stage, Stage):
        raise RasdError(f"{ref} did not return a Stage (needs name, requires, assigns, __call__)")
    return stage


@dataclass(frozen=True)
class Pipeline:
    stages: tuple[Stage, ...]

    def __post_init__(self) -> None:
        available: set[str] = set()
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise RasdError(
                    f"stage {stage.name!r} requires {missing} but no earlier stage assigns them"
                )
            available.update(stage.assigns)

    @classmethod
    def from_refs(cls, refs: Sequence[str]) -> Pipeline:
        return cls(tuple(load_stage(r) for r in refs))

    @classmethod
    def default(cls) -> Pipeline:
        stages = []
        for ref in DEFAULT_STAGES:
            try:
                stages.append(load_stage(ref))
            except ModuleNotFoundError as exc:
                # A stage whose module is not part of this build yet; the others still run.
                if exc.name != ref.partition(":")[0]:
                    raise
        return cls(tuple(stages))

    @property
    def assigns(self) -> set[str]:
        return {a for s in self.stages for a in s.assigns}

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            article = stage(article)
        return article

    def run_many(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)

    def run_batch(self, articles: Sequence[Article]) -> list[Article]:
        """``[self(a) for a in articles]``, stage by stage: a stage with a ``call_many(articles)``
        method (the entity stage) handles the whole batch at once, which gives the same articles
        with less per-article overhead."""
        out = list(articles)
        for stage in self.stages:
            many = getattr(stage, "call_many", None)
            out = list(many(out)) if many is not None else [stage(a) for a in out]
        return out
