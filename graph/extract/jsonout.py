"""The stable JSON form of an extraction (documented by ``schema/extraction.schema.json``).

Example:
    >>> from graph.model import Article, Extraction, Extractor
    >>> ex = Extraction(article=Article(text="Nothing happened.", id="a1"), extractor=Extractor("x", "1"))
    >>> d = extraction_to_dict(ex)
    >>> d["article"]["id"], d["events"], d["schema_version"]
    ('a1', [], '1')
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from graph.model import Actor, Claim, DateRange, Event, Evidence, Extraction, Fact, Proposition, Sanction

SCHEMA_VERSION = "1"


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    try:
        from graph.ontology import cameo_types

        return {code: t.label for code, t in cameo_types().items()}
    except Exception:  # labels are a convenience: the codes stand without them
        return {}


def _date(d: DateRange | None) -> dict[str, Any]:
    if d is None:
        return {"date": None, "date_precision": None, "date_earliest": None, "date_latest": None}
    return {
        "date": d.iso(),
        "date_precision": d.precision.value,
        "date_earliest": d.earliest.isoformat(),
        "date_latest": d.latest.isoformat(),
    }


def _evidence(e: Evidence | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {"sentence": e.sentence, "start": e.start, "end": e.end, "sentence_index": e.sentence_index, "rule": e.rule}


def _actor(a: Actor) -> dict[str, Any]:
    external = {
        k: v for k, v in (("iso2", a.iso2), ("iso3", a.iso3), ("cameo", a.cameo_code), ("wikidata", a.wikidata)) if v
    }
    return {
        "id": a.key,
        "name": a.name,
        "kind": a.kind.value,
        "aliases": list(a.aliases),
        "external_ids": external,
        "nationality": a.nationality,
        "part_of": a.part_of,
        "kind_confidence": a.kind_confidence,
    }


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.key,
        "cameo": e.cameo,
        "type": _labels().get(e.cameo, ""),
        "directed": e.directed,
        "source": list(e.actors),
        "target": list(e.targets),
        "participants": list(e.participants),
        **_date(e.date),
        "modality": e.modality.value,
        "claimant": e.claimant,
        "place": e.place,
        "topic": e.topic,
        "responds_to": e.responds_to,
        "confidence": e.confidence,
        "evidence": _evidence(e.evidence),
    }


def _fact(f: Fact) -> dict[str, Any]:
    start = f.start.iso() if f.start else None
    return {
        "id": f.key,
        "subject": f.subject,
        "predicate": f.kind.value,
        "object": f.object,
        "title": f.title,
        "roles": list(f.roles),
        "start": start,
        "end": f.end.iso() if f.end else None,
        "modality": f.modality.value,
        "claimant": f.claimant,
        "confidence": f.confidence,
        "evidence": _evidence(f.evidence),
    }


def _sanction(s: Sanction) -> dict[str, Any]:
    return {
        "id": s.key,
        "imposers": list(s.imposers),
        "target": s.target,
        "start": s.start.iso() if s.start else None,
        "program": s.program,
        "legal_basis": s.legal_basis,
        "reason": s.reason,
        "event": s.event,
        "modality": s.modality.value,
        "confidence": s.confidence,
        "evidence": _evidence(s.evidence),
    }


def _proposition(p: Proposition) -> dict[str, Any]:
    return {"id": p.key, "label": p.label, "concerns": list(p.concerns)}


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "about": c.about,
        "modality": c.modality.value,
        "claimant": c.claimant,
        "confidence": c.confidence,
        "evidence": _evidence(c.evidence),
    }


def extraction_to_dict(ex: Extraction) -> dict[str, Any]:
    """A JSON-ready dict: article, extractor, actors, events, facts, sanctions, propositions, claims, notes."""
    art = ex.article
    return {
        "schema_version": SCHEMA_VERSION,
        "article": {
            "id": art.id,
            "key": art.key,
            "title": art.title,
            "url": art.url,
            "outlet": art.outlet,
            "published": art.published.isoformat() if art.published else None,
            "origin": art.origin,
            "wire": ex.wire,
        },
        "extractor": {"name": ex.extractor.name, "version": ex.extractor.version, "model": ex.extractor.model},
        "actors": [_actor(a) for a in ex.actors],
        "events": [_event(e) for e in ex.events],
        "facts": [_fact(f) for f in ex.facts],
        "sanctions": [_sanction(s) for s in ex.sanctions],
        "propositions": [_proposition(p) for p in ex.propositions],
        "claims": [_claim(c) for c in ex.claims],
        "notes": list(ex.notes),
    }
