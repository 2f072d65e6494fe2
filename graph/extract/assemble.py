"""Event mentions -> :class:`~graph.model.Event` objects, with coreference of repeated mentions.

Mentions of one event (same CAMEO root, same participants, compatible dates) become one event
whose extra mentions are kept as further :class:`~graph.model.Claim` s with their own evidence.
A mention that lacks a target or a date is folded into the one mention of the same root and
actor that has it ("Trump threatened action" + "Trump's threats against Colombia").
"""

from __future__ import annotations

from dataclasses import replace

from graph import ids
from graph.extract.events import Found
from graph.model import Claim, Event, Evidence

GENERIC_ROOTS = {"03", "04", "13", "14", "17", "18", "19"}


def same_kind(a: str, b: str) -> bool:
    """Codes that can name one event: equal, or a generic code (040) and a specific one (041) of some roots."""
    if a == b:
        return True
    return a[:2] == b[:2] and a[:2] in GENERIC_ROOTS and (a.endswith("0") or b.endswith("0"))


def _compatible(a: Found, b: Found) -> bool:
    """Whether b (less complete) can be the same event as a."""
    if a.modality is not b.modality or not same_kind(a.entry.code, b.entry.code):
        return False
    if set(a.actors) != set(b.actors) or set(a.participants) != set(b.participants):
        return False
    if b.targets and set(b.targets) != set(a.targets):
        return False
    return not (b.date and a.date and b.date != a.date and not (a.date_weak or b.date_weak))


def fold(found: list[Found]) -> list[tuple[Found, list[Found]]]:
    """Group mentions of one event: (the most complete mention, the other mentions)."""
    groups: list[tuple[Found, list[Found]]] = []
    order = sorted(range(len(found)), key=lambda i: (-(bool(found[i].targets) + bool(found[i].date)), i))
    for i in order:
        f = found[i]
        home = None
        for g, (main, _rest) in enumerate(groups):
            if _compatible(main, f):
                home = g
                break
        if home is None:
            groups.append((f, []))
        else:
            groups[home][1].append(f)
    return groups


def evidence(text: str, sent_start: int, sent_end: int, index: int, rule: str) -> Evidence:
    """Evidence for a sentence, trimmed of surrounding whitespace (offsets stay exact)."""
    s, e = sent_start, sent_end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Evidence(sentence=text[s:e], start=s, end=e, sentence_index=index, rule=rule)


def build_events(found: list[Found], text: str, sentences: list[tuple[int, int]]) -> tuple[list[Event], list[Claim],
                                                                                            dict[int, str]]:
    """Events (one per group of mentions), extra claims, and the key of every mention's event."""
    events: dict[str, Event] = {}
    claims: list[Claim] = []
    key_of: dict[int, str] = {}
    index_of = {id(f): i for i, f in enumerate(found)}
    for main, rest in fold(found):
        strong = next((r.date for r in rest if r.date and not r.date_weak), None)
        date = (strong if main.date_weak or main.date is None else None) or main.date or \
            next((r.date for r in rest if r.date), None)
        targets = main.targets or next((r.targets for r in rest if r.targets), [])
        everyone = main.actors + targets + main.participants
        key = ids.event_key(main.entry.code, everyone, date.earliest.isoformat() if date else None,
                            date.latest.isoformat() if date else None)
        code = main.entry.code
        for r in rest:  # "spoke" (040) and "their phone call" (041): keep the specific code
            if code.endswith("0") and len(code) == 3 and r.entry.code[:2] == code[:2] and r.entry.code != code:
                code = r.entry.code
        ev = Event(key=key, cameo=code, actors=tuple(main.actors), targets=tuple(targets),
                   participants=tuple(sorted(main.participants)), date=date, place=main.place,
                   modality=main.modality, claimant=main.claimant, confidence=main.confidence,
                   evidence=evidence(text, *sentences[main.sent_index], main.sent_index, main.rule))
        if key in events:  # the same event reached by two groups (e.g. 130 and 138 on one day)
            old = events[key]
            if ev.confidence > old.confidence:
                claims.append(Claim(key, old.modality, old.claimant, old.confidence, old.evidence))
                events[key] = replace(ev, place=ev.place or old.place)
            else:
                claims.append(Claim(key, ev.modality, ev.claimant, ev.confidence, ev.evidence))
        else:
            events[key] = ev
        for f in (main, *rest):
            key_of[index_of[id(f)]] = key
        seen = {(main.sent_index, main.modality)}
        for r in rest:
            if (r.sent_index, r.modality) in seen:
                continue
            seen.add((r.sent_index, r.modality))
            claims.append(Claim(key, r.modality, r.claimant, r.confidence,
                                evidence(text, *sentences[r.sent_index], r.sent_index, r.rule)))
    for i, f in enumerate(found):
        if f.responds_to is not None and i in key_of and f.responds_to in key_of:
            k = key_of[i]
            target = key_of[f.responds_to]
            if target != k and events[k].responds_to is None:
                events[k] = replace(events[k], responds_to=target)
    return list(events.values()), claims, key_of
