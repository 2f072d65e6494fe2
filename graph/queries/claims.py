"""Claims about content nodes, read in bulk: from the claim digests (:mod:`graph.digests`) when the
store has them all, else from flat property scans joined here; and the helpers both reads share.

A claim's source is the document its extraction run used (or the claim itself when that is unknown):
what "number of sources" counts. Claims of one node are sorted by source, sentence and claim.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from graph.digests import expand
from graph.prefixes import PREFIXES
from graph.queries.digests import Digests
from graph.queries.table import ValuesRunner, gc_paused, read_properties

_DIP, _PROV = PREFIXES["dip"], PREFIXES["prov"]
CLAIM_PROPERTIES = {
    "about": _DIP + "about",
    "modality": _DIP + "modality",
    "claimant": _DIP + "claimant",
    "confidence": _DIP + "confidence",
    "sentence": _PROV + "wasDerivedFrom",
    "run": _PROV + "wasGeneratedBy",
    "used": _PROV + "used",
}


@dataclass(frozen=True)
class ClaimInfo:
    """One claim as ``lookup/claims`` packs it; ``source`` is its document (or the claim itself when the
    document is unknown), what "number of sources" counts."""

    claim: str
    about: str
    document: str | None
    modality: str
    claimant: str | None
    confidence: float | None
    sentence: str | None

    @property
    def source(self) -> str:
        return self.document or self.claim


def claims_from_triples(
    values: ValuesRunner, about: Collection[str] | None, *, concurrent: bool
) -> dict[str, list[ClaimInfo]]:
    """Every claim (about ``about`` when given), from flat property scans joined here: on a large
    store the packed ``lookup/claims`` spends its time building strings."""
    with gc_paused():
        p = read_properties(values, CLAIM_PROPERTIES, concurrent=concurrent)
        first = {key: lowest(pairs) for key, pairs in p.items() if key != "about"}
        runs = first["run"]
        used = first["used"]
        out: dict[str, list[ClaimInfo]] = {}
        modality = first["modality"]
        for claim, node in p["about"]:
            if (about is not None and node not in about) or claim not in modality:
                continue
            doc = used.get(runs.get(claim, ""))
            out.setdefault(node, []).append(
                ClaimInfo(
                    claim,
                    node,
                    doc,
                    modality[claim].rsplit("/", 1)[-1],
                    first["claimant"].get(claim),
                    to_float(first["confidence"].get(claim, "")),
                    first["sentence"].get(claim),
                )
            )
        for items in out.values():
            items.sort(key=lambda c: (c.source, c.sentence or "", c.claim))
    return out


def claims_from_digests(digests: Digests, about: Collection[str] | None) -> dict[str, list[ClaimInfo]]:
    """Claims by node, from claim digests (graph.digests.CLAIM_FIELDS), by the rules of the flat
    scans: the lowest value of each field, claims without a modality left out."""
    out: dict[str, list[ClaimInfo]] = {}
    for f in claim_records(digests):
        name = f[0]
        if not f[2]:
            continue
        claim = expand(name)
        document = expand(f[6]) if f[6] else None
        if document is None and f[5]:  # the write did not say which document the run used
            document = digests.run_document(f[5])
        sentence = expand(f[7]) if f[7] else None
        claimant = expand(f[3]) if f[3] else None
        confidence = to_float(f[4])
        for node in map(expand, f[1].split(" ")):
            if about is None or node in about:
                out.setdefault(node, []).append(ClaimInfo(claim, node, document, f[2], claimant, confidence, sentence))
    for items in out.values():
        items.sort(key=lambda c: (c.source, c.sentence or "", c.claim))
    return out


def claim_records(digests: Digests) -> list[list[str]]:
    """The fields of each claim digest (graph.digests.CLAIM_FIELDS); a claim that two graphs state is
    merged: the union of what it is about, the lowest of the rest."""
    rows = [text.split("\t", 11) for text in digests.texts]
    if len({f[0] for f in rows}) == len(rows):  # the usual case: each claim stated by one graph
        return rows
    by_claim: dict[str, list[str]] = {}
    for f in rows:
        seen = by_claim.get(f[0])
        if seen is None:
            by_claim[f[0]] = f
        else:
            merged = [seen[0], " ".join(sorted(set(f"{seen[1]} {f[1]}".split()))), *map(lower, seen[2:7], f[2:7])]
            merged += f[7:] if f[7] and (not seen[7] or f[7] < seen[7]) else seen[7:]
            by_claim[f[0]] = merged
    return list(by_claim.values())


def claim_order(entry: tuple[str | None, str | None, str, object]) -> tuple[str, str, str]:
    """Sorts (document, sentence, claim, evidence) entries, names compacted or not, as
    :meth:`Fetcher.claims` sorts claims: by source (the document, else the claim), sentence and claim."""
    document, sentence, name, _ = entry
    claim = expand(name)
    return (document or claim, expand(sentence) if sentence else "", claim)


def lower(a: str, b: str) -> str:
    return min(a, b) if a and b else a or b


def lowest(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """One value per subject, the lowest when a subject has several (so the choice never depends on
    the order a set happens to iterate in)."""
    out: dict[str, str] = {}
    for subject, value in pairs:
        have = out.get(subject)
        if have is None or value < have:
            out[subject] = value
    return out


def to_float(text: str) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def to_int(text: str) -> int | None:
    return int(text) if text and text.lstrip("-").isdigit() else None
