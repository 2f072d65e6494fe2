"""Helpers for extractor tests: extraction of small hand-written articles, by actor name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.extract import extract
from graph.model import Article, Event, Extraction

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


class View:
    """An extraction with lookups by actor name."""

    def __init__(self, ex: Extraction) -> None:
        self.ex = ex
        self.names = {a.key: a.name for a in ex.actors}

    def n(self, keys: tuple[str, ...]) -> set[str]:
        return {self.names[k] for k in keys}

    def events(self, root: str) -> list[Event]:
        return [e for e in self.ex.events if e.cameo.startswith(root)]

    def directed(self, root: str) -> set[tuple[frozenset[str], frozenset[str]]]:
        return {(frozenset(self.n(e.actors)), frozenset(self.n(e.targets))) for e in self.events(root) if e.actors}

    def actor(self, name: str) -> str:
        return next(a.key for a in self.ex.actors if a.name == name)


def run(text: str, published: date | None = date(2025, 3, 14)) -> View:
    return View(extract(Article(text=text, published=published, origin="test")))


@pytest.fixture
def view() -> type[View]:
    return View
