"""The event-type concepts of a store (CAMEO codes, labels, roots, Goldstein values, quad classes),
read once per session by the lookups."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph.store.base import Term


@dataclass(frozen=True)
class EventType:
    """An event-type concept: CAMEO code, label, root code, Goldstein value, quad class."""

    iri: str
    code: str | None
    label: str | None
    root: str | None
    goldstein: float | None
    quad_class: int | None


class TypeTable:
    """The event-type concepts of the store, by IRI (read once per session)."""

    def __init__(self, rows: Iterable[dict[str, Term]]) -> None:
        raw: dict[str, dict[str, str]] = {}
        for row in rows:
            entry = raw.setdefault(row["type"].value, {})
            for key in ("code", "label", "broader", "goldstein", "quadClass"):
                if key in row and key not in entry:
                    entry[key] = row[key].value
        self.types: dict[str, EventType] = {}
        for iri, e in raw.items():
            root = iri
            seen = {iri}
            while (up := raw.get(root, {}).get("broader")) and up not in seen:
                root, seen = up, seen | {up}
            self.types[iri] = EventType(
                iri,
                e.get("code"),
                e.get("label"),
                raw.get(root, {}).get("code") or (e.get("code") or "")[:2] or None,
                float(e["goldstein"]) if "goldstein" in e else None,
                int(float(e["quadClass"])) if "quadClass" in e else None,
            )

        self.codes = {t.code: t for t in sorted(self.types.values(), key=lambda t: t.iri, reverse=True) if t.code}

    def get(self, iri: str) -> EventType:
        return self.types.get(iri) or EventType(iri, None, iri.rsplit("/", 1)[-1], None, None, None)

    def kind(self, code_or_iri: str) -> tuple[str | None, str | None, str | None, int | None, float | None]:
        """(code, label, root, quad class, Goldstein) of a type given by its code or, lacking one, its IRI."""
        t = self.codes.get(code_or_iri) or self.get(code_or_iri)
        return t.code, t.label, t.root, t.quad_class, t.goldstein
