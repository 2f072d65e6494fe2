"""How the modalities of an event's claims rank: which one leads, and whether the event happened."""

from __future__ import annotations

from functools import lru_cache

MODALITY_ORDER = ("asserted", "alleged", "denied", "planned", "hypothetical")
"""Precedence when one event has claims of several modalities: the first present is its modality."""


def modality_rank(m: str) -> tuple[int, str]:
    """Sort key: modalities by :data:`MODALITY_ORDER`, unknown ones last by name."""
    return (MODALITY_ORDER.index(m) if m in MODALITY_ORDER else len(MODALITY_ORDER), m)


@lru_cache(maxsize=512)
def leading_modality(modalities: tuple[str, ...]) -> str | None:
    """The first of :data:`MODALITY_ORDER` among ``modalities`` (cached: a large graph has few distinct
    combinations and asks for each of its events)."""
    return next((m for m in MODALITY_ORDER if m in modalities), None)


NOT_HAPPENED = frozenset({"planned", "hypothetical"})


def happened(modalities: tuple[str, ...]) -> bool:
    """False when every claim about an event is planned or hypothetical (and it has claims)."""
    return not modalities or not NOT_HAPPENED.issuperset(modalities)
