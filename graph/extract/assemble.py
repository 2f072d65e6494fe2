"""Event mentions -> :class:`~graph.model.Event` objects, with coreference of repeated mentions.

Mentions of one event (same CAMEO root, same participants, compatible dates) become one event
whose extra mentions are kept as further :class:`~graph.model.Claim` s with their own evidence.
A mention that lacks a target or a date is folded into the one mention of the same root and
actor that has it ("Trump threatened action" + "Trump's threats against Colombia").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from graph import ids
from graph.extract.events import Found
from graph.model import Claim, Event, Evidence, Sanction

GENERIC_ROOTS = {"03", "04", "13", "14", "17", "18", "19"}


def same_kind(a: str, b: str) -> bool:
    """Codes that can name one event: equal, or a generic code (040) and a specific one (041) of some roots."""
    if a == b:
        return True
    return a[:2] == b[:2] and a[:2] in GENERIC_ROOTS and (a.endswith("0") or b.endswith("0"))


# nouns of meeting in person: never the same event as a phone call (041), though both are CAMEO 04
IN_PERSON_NOUNS = {"meeting", "summit", "visit", "talk"}


def _in_person(f: Found) -> bool:
    return f.entry.noun and (f.entry.lemma or "") in IN_PERSON_NOUNS


def _compatible(a: Found, b: Found) -> bool:
    """Whether b (less complete) can be the same event as a."""
    if a.modality is not b.modality or not same_kind(a.entry.code, b.entry.code):
        return False
    if (a.entry.code == "041" and _in_person(b)) or (b.entry.code == "041" and _in_person(a)):
        return False  # "their first in-person meeting" is not the phone call the article told before
    if set(a.actors) != set(b.actors) or set(a.participants) != set(b.participants):
        return False
    if b.targets and set(b.targets) != set(a.targets):
        return False
    if not (a.date and b.date) or a.date == b.date:
        return True
    if a.date_weak and b.date_weak:
        return True  # neither date is the act's own
    # one date taken from elsewhere in its sentence may be wrong, but not against the other's own date a month
    # or more away: "Last November, he also warned the US president" is another warning than Thursday's
    apart = a.date.earliest > b.date.latest or b.date.earliest > a.date.latest
    return (a.date_weak or b.date_weak) and not (apart and abs((a.date.earliest - b.date.earliest).days) > 27)


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


def build_events(
    found: list[Found], text: str, sentences: list[tuple[int, int]]
) -> tuple[list[Event], list[Claim], dict[int, str]]:
    """Events (one per group of mentions), extra claims, and the key of every mention's event."""
    events: dict[str, Event] = {}
    claims: list[Claim] = []
    key_of: dict[int, str] = {}
    index_of = {id(f): i for i, f in enumerate(found)}
    for main, rest in fold(found):
        strong = next((r.date for r in rest if r.date and not r.date_weak), None)
        date = (
            (strong if main.date_weak or main.date is None else None)
            or main.date
            or next((r.date for r in rest if r.date), None)
        )
        targets = main.targets or next((r.targets for r in rest if r.targets), [])
        key = ids.event_key(
            main.entry.code,
            main.actors + main.participants,
            date.earliest.isoformat() if date else None,
            date.latest.isoformat() if date else None,
            targets=targets,
        )
        code = main.entry.code
        for r in rest:  # "spoke" (040) and "their phone call" (041): keep the specific code
            if code.endswith("0") and len(code) == 3 and r.entry.code[:2] == code[:2] and r.entry.code != code:
                code = r.entry.code
        ev = Event(
            key=key,
            cameo=code,
            actors=tuple(main.actors),
            targets=tuple(targets),
            participants=tuple(sorted(main.participants)),
            date=date,
            place=main.place,
            modality=main.modality,
            claimant=main.claimant,
            confidence=main.confidence,
            evidence=evidence(text, *sentences[main.sent_index], main.sent_index, main.rule),
        )
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
            claims.append(
                Claim(
                    key,
                    r.modality,
                    r.claimant,
                    r.confidence,
                    evidence(text, *sentences[r.sent_index], r.sent_index, r.rule),
                )
            )
    for i, f in enumerate(found):
        if f.responds_to is not None and i in key_of and f.responds_to in key_of:
            k = key_of[i]
            target = key_of[f.responds_to]
            if target != k and events[k].responds_to is None:
                events[k] = replace(events[k], responds_to=target)
    return list(events.values()), claims, key_of


def _dates_agree(a: Event, b: Event) -> bool:
    return a.date is None or b.date is None or (a.date.earliest <= b.date.latest and b.date.earliest <= a.date.latest)


STATE_ROOTS = {"16"}  # acts only a state or an IGO performs: a person doing them acts for one


def merge_officials(
    events: list[Event], claims: list[Claim], state_of: Callable[[str], str | None], is_state: Callable[[str], bool]
) -> tuple[list[Event], list[Claim]]:
    """One act reported once with an official as its source and once with the official's state.

    "Trump slapped sanctions on X" and "U.S. sanctions hit X" (same kind of act, same targets,
    same modality, overlapping dates, and the person is a national or office holder of that
    state): one event, whose source is the state; the official's mention stays as a claim about
    that event, with its own evidence. A body of an organisation and the organisation ("the EU
    Council", "the EU") are taken the same way (``state_of`` gives the organisation of a body). A
    person whose state the article does not give is taken to act for the state only for acts that
    only states perform (sanctions, cutting relations: CAMEO 16). Without a mention by the state,
    the person's event stands.
    """
    out = list(events)
    alias: dict[str, str] = {}
    for a in events:
        if len(a.actors) != 1 or not a.targets or a.key in alias:
            continue
        home = state_of(a.actors[0])
        if home == a.actors[0] or (home is None and (a.cameo[:2] not in STATE_ROOTS or is_state(a.actors[0]))):
            continue  # a state or a body of states acting is no official of one
        for b in out:
            if b.key == a.key or b.key in alias or len(b.actors) != 1 or set(b.targets) != set(a.targets):
                continue
            if b.actors != (home,) and not (home is None and is_state(b.actors[0])):
                continue
            if not same_kind(a.cameo, b.cameo) or a.modality is not b.modality or not _dates_agree(a, b):
                continue
            alias[a.key] = b.key
            merged = replace(b, date=b.date or a.date, confidence=max(a.confidence, b.confidence))
            out[out.index(b)] = merged
            claims.append(
                Claim(
                    b.key,
                    a.modality,
                    a.claimant,
                    a.confidence,
                    replace(a.evidence, rule=a.evidence.rule + "/official-of-state") if a.evidence else None,
                )
            )
            break
    if not alias:
        return events, claims
    out = [replace(e, responds_to=alias.get(e.responds_to or "", e.responds_to)) for e in out if e.key not in alias]
    claims = [replace(c, about=alias.get(c.about, c.about)) for c in claims]
    return out, claims


def merge_agency_targets(
    events: list[Event], claims: list[Claim], state_of_agency: Callable[[str], str | None]
) -> tuple[list[Event], list[Claim]]:
    """One act told once with a state's agency as its target and once with the state: "expel 12 French
    embassy officials" and "expel 12 French officials" (same kind, source, modality, overlapping dates):
    one event, on the state; the agency's mention stays a claim about it, with its own evidence."""
    alias: dict[str, str] = {}
    for a in events:
        rolled = tuple(state_of_agency(t) or t for t in a.targets)
        if rolled == a.targets:
            continue
        b = next(
            (
                b
                for b in events
                if b is not a
                and b.key not in alias
                and b.actors == a.actors
                and set(b.targets) == set(rolled)
                and same_kind(a.cameo, b.cameo)
                and a.modality is b.modality
                and _dates_agree(a, b)
            ),
            None,
        )
        if b is not None:
            alias[a.key] = b.key
            claims.append(Claim(b.key, a.modality, a.claimant, a.confidence, a.evidence))
    if not alias:
        return events, claims
    kept = [replace(e, responds_to=alias.get(e.responds_to or "", e.responds_to)) for e in events if e.key not in alias]
    return kept, [replace(c, about=alias.get(c.about, c.about)) for c in claims]


def dedupe(events: list[Event], claims: list[Claim]) -> tuple[list[Event], list[Claim]]:
    """The same act reached twice (one key, or one kind and one cast where one of them has no date):
    the first stays, the others become claims about it."""
    seen: dict[str, Event] = {}
    alias: dict[str, str] = {}
    for e in events:
        key = e.key
        if key not in seen:
            cast = (e.cameo, e.actors, e.targets, e.participants)
            key = next(
                (
                    k
                    for k, o in seen.items()
                    if (o.cameo, o.actors, o.targets, o.participants) == cast and (o.date is None or e.date is None)
                ),
                key,
            )
        if key in seen:
            alias[e.key] = key
            claims.append(Claim(key, e.modality, e.claimant, e.confidence, e.evidence))
            old = seen[key]
            seen[key] = replace(
                old, topic=old.topic or e.topic, responds_to=old.responds_to or e.responds_to, date=old.date or e.date
            )
        else:
            seen[key] = e
    if alias:
        claims = [replace(c, about=alias.get(c.about, c.about)) for c in claims]
    return list(seen.values()), claims


# statements and intents need someone they are addressed to: "India did not agree", "Kurti offered no
# evidence" relate the speaker to nobody and are not relations (a denial gets its target from the
# accusation it answers, before this runs)
ADDRESSED_ROOTS = ("01", "03")


def drop_unaddressed(events: list[Event], claims: list[Claim]) -> tuple[list[Event], list[Claim]]:
    """Events of a kind that needs an addressee but names none, and the claims about them, removed."""
    gone = {e.key for e in events if e.cameo.startswith(ADDRESSED_ROOTS) and not e.targets and len(e.participants) < 2}
    if not gone:
        return events, claims
    kept = [replace(e, responds_to=None) if e.responds_to in gone else e for e in events if e.key not in gone]
    return kept, [c for c in claims if c.about not in gone]


def unique_claims(claims: list[Claim]) -> list[Claim]:
    """One claim per content node, stance, claimant and sentence: two mentions of one act in one sentence
    ("accused ... and said ... had attacked") are one claim, with the higher confidence."""
    best: dict[tuple[object, ...], Claim] = {}
    for c in claims:
        span = (c.evidence.start, c.evidence.end) if c.evidence else None
        key = (c.about, c.modality, c.claimant, span)
        if key not in best or c.confidence > best[key].confidence:
            best[key] = c
    return list(best.values())


def scope_to_article(
    article_key: str, events: list[Event], claims: list[Claim], sanctions: list[Sanction]
) -> tuple[list[Event], list[Claim], list[Sanction]]:
    """Every event keyed as this article's own report of it (:func:`graph.ids.mention_key`), and every
    reference to it (claims, answers, designations) following: reports of one event by different
    articles meet in the store-wide coreference (:mod:`graph.coreference`), where a merge is explained
    and can be undone, never by sharing a node."""
    scoped = {e.key: ids.mention_key(article_key, e.key) for e in events}
    events = [replace(e, key=scoped[e.key], responds_to=scoped.get(e.responds_to or "", e.responds_to)) for e in events]
    claims = [replace(c, about=scoped.get(c.about, c.about)) for c in claims]
    sanctions = [replace(s, event=scoped.get(s.event or "", s.event)) for s in sanctions]
    return events, claims, sanctions
