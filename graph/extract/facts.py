"""Facts that are not events: posts held, agencies of states, family ties, and sanctions.

* Roles: every titled mention ("Colombian President Gustavo Petro", "Petro, a left-leaning
  leader since 2022") gives a tenure claim (person, state, title, role concepts, start if
  "since ..." follows).
* Agencies: every agency the article names is stated to belong to its state.
* Family: "Petro's relatives", "his wife Verónica Alcocer" give kinship facts.
* Sanctions: every sanctioning event (CAMEO 163) gives one :class:`Sanction` per target, with
  its imposer, date and program; a stated reason ("over alleged drug ties") becomes a
  :class:`Proposition` alleged by the imposer (plus an accusation event, CAMEO 112), and a
  denial in the same sentence ("which he denies") a denied claim by the denier.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph import ids
from graph.extract.assemble import evidence
from graph.extract.dates import DateMention
from graph.extract.nlp import Doc, doc_text, sentences
from graph.extract.resolve import Resolved
from graph.model import (
    ActorKind,
    Claim,
    DateRange,
    Event,
    Fact,
    FactKind,
    Modality,
    Proposition,
    Sanction,
)

REASON = re.compile(
    r"\b(?:over|for|because of|citing|due to)\s+(?:(?:their|his|her|its|the)\s+)?"
    r"(?P<hedge>alleged|suspected|purported|supposed|reported)\s+(?P<what>[\w\s'’-]{3,60}?)"
    r"(?=[,.;:]|\s+(?:which|that|in|on|and|while|but)\b|$)",
    re.IGNORECASE,
)
PROGRAM = re.compile(
    r"\bunder\s+(?:the\s+)?(?P<p>(?:[A-Z][\w.-]*\s+){0,5}(?:Act|Program|Programme|Order|"
    r"sanctions program|Magnitsky))\b"
)
DENY = re.compile(
    r"\b(?:which|that)\s+(?P<who>he|she|they|[A-Z][\w’'-]+)\s+(?:denies|denied|deny|rejects|rejected)\b"
    r"|\b(?P<who2>[A-Z][\w’'-]+)\s+(?:denies|denied|deny)\b"
)


def sentence_of(doc: Doc, token: int) -> tuple[int, int, int]:
    sents = sentences(doc)
    for i, s in enumerate(sents):
        if s.start <= token < s.end:
            return i, s.start_char, s.end_char
    return 0, 0, len(doc_text(doc))


def role_facts(doc: Doc, res: Resolved, dates: list[DateMention]) -> list[Fact]:
    out: dict[str, Fact] = {}
    text = doc_text(doc)
    for use in res.titles:
        person = res.actors[use.person]
        state = (
            use.state
            if use.state and res.actors[use.state].kind in (ActorKind.STATE, ActorKind.IGO)
            else person.nationality
        )
        if state is None:
            continue
        si, s, e = sentence_of(doc, use.token)
        start = _since(doc, use.end, e, dates)
        post = ids.post_key(res.actors[state].iso3 or state, use.title.title)
        key = ids.tenure_key(use.person, post)
        if key in out:
            continue
        out[key] = Fact(
            key=key,
            kind=FactKind.HOLDS_POST,
            subject=use.person,
            object=state,
            title=use.title.title,
            roles=use.title.roles,
            start=start,
            confidence=0.8 if use.state else 0.6,
            evidence=evidence(text, s, e, si, f"title:{use.title.title}"),
        )
    return _fold_generic_titles(list(out.values()))


GENERIC_TITLES = frozenset({"leader", "head", "official", "chief"})


def _fold_generic_titles(facts: list[Fact]) -> list[Fact]:
    """A generic title ("a leader since 2022") for someone who holds a specific post in the same
    state in this article is that post: its start date moves to the specific tenure.

    Example:
        >>> from graph.model import DateRange
        >>> p = Fact("t1", FactKind.HOLDS_POST, "person-x", "COL", title="President")
        >>> g = Fact("t2", FactKind.HOLDS_POST, "person-x", "COL", title="leader", start=DateRange.year(2022))
        >>> [(f.title, f.start.iso() if f.start else None) for f in _fold_generic_titles([p, g])]
        [('President', '2022')]
    """

    def generic(f: Fact) -> bool:
        return (f.title or "").lower() in GENERIC_TITLES

    specific = {(f.subject, f.object): f for f in facts if not generic(f)}
    for f in facts:
        target = specific.get((f.subject, f.object))
        if generic(f) and target is not None and f.start is not None and target.start is None:
            specific[(f.subject, f.object)] = replace(target, start=f.start)
    out: list[Fact] = []
    for f in facts:
        target = specific.get((f.subject, f.object))
        if target is None:
            out.append(f)
        elif not generic(f):
            out.append(target if target.key == f.key else f)
    return out


def _since(doc: Doc, token_end: int, sent_end_char: int, dates: list[DateMention]) -> DateRange | None:
    if token_end >= len(doc):
        return None
    start_char = doc[token_end - 1].idx
    for d in dates:
        if d.since and d.range and start_char <= d.start < min(sent_end_char, start_char + 40):
            return d.range
    return None


def agency_facts(doc: Doc, res: Resolved) -> list[Fact]:
    out = []
    for key, a in res.actors.items():
        if a.kind is ActorKind.AGENCY and a.part_of:
            first = next((i for i, k in enumerate(res.token_actor) if k == key), 0)
            si, s, e = sentence_of(doc, first)
            parent = res.actors.get(a.part_of)
            state = parent is not None and parent.kind is ActorKind.STATE  # a parent agency: part of it
            out.append(
                Fact(
                    key=("agencyof-" if state else "partof-") + ids.digest(key, a.part_of),
                    kind=FactKind.AGENCY_OF if state else FactKind.PART_OF,
                    subject=key,
                    object=a.part_of,
                    confidence=0.9,
                    evidence=evidence(doc_text(doc), s, e, si, "gazetteer"),
                )
            )
    return out


def kinship_facts(doc: Doc, res: Resolved) -> list[Fact]:
    out: dict[str, Fact] = {}
    for k in res.kin:
        key = ids.kinship_key(k.person, k.relative, k.kin)
        if key not in out:
            si, s, e = sentence_of(doc, k.token)
            out[key] = Fact(
                key=key,
                kind=FactKind.KINSHIP,
                subject=k.person,
                object=k.relative,
                title=k.kin,
                confidence=0.85,
                evidence=evidence(doc_text(doc), s, e, si, f"kinship:{k.kin}"),
            )
    return list(out.values())


def sanctions(
    doc: Doc, res: Resolved, events: list[Event]
) -> tuple[list[Sanction], list[Proposition], list[Claim], list[Event]]:
    """Sanctions from sanctioning events, with stated reasons, allegations and denials."""
    out: dict[str, Sanction] = {}
    props: dict[str, Proposition] = {}
    claims: list[Claim] = []
    extra: list[Event] = []
    for ev in events:
        if ev.cameo != "163" or not ev.evidence or ev.modality not in (Modality.ASSERTED, Modality.ALLEGED):
            continue
        imposers = ev.actors or ev.participants[:1]
        targets = ev.targets or ev.participants[1:]
        if not imposers or not targets:
            continue
        sentence = ev.evidence.sentence
        reason = REASON.search(sentence)
        prog = PROGRAM.search(sentence)
        prop_key = None
        if reason:
            what = " ".join(reason["what"].split())
            label = f"{', '.join(res.actors[t].name for t in targets)}: {what}"
            prop_key = ids.proposition_key(label, targets)
            props[prop_key] = Proposition(prop_key, label, tuple(targets))
            for imposer in imposers:
                claims.append(
                    Claim(
                        prop_key,
                        Modality.ALLEGED,
                        imposer,
                        round(ev.confidence * 0.9, 2),
                        replace(ev.evidence, rule="sanction-reason"),
                    )
                )
                accuse_key = ids.event_key("112", [imposer, *targets], *_bounds(ev.date))
                extra.append(
                    Event(
                        key=accuse_key,
                        cameo="112",
                        actors=(imposer,),
                        targets=tuple(targets),
                        date=ev.date,
                        modality=Modality.ASSERTED,
                        confidence=round(ev.confidence * 0.8, 2),
                        evidence=replace(ev.evidence, rule="sanction-reason->112"),
                        topic=prop_key,
                    )
                )
            denier = _denier(doc, res, ev)
            if denier:
                claims.append(
                    Claim(
                        prop_key,
                        Modality.DENIED,
                        denier,
                        round(ev.confidence * 0.9, 2),
                        replace(ev.evidence, rule="denial"),
                    )
                )
        for target in targets:
            start = ev.date
            key = ids.sanction_key(imposers, target, start.iso() if start else None)
            if key in out:
                continue
            out[key] = Sanction(
                key=key,
                imposers=tuple(imposers),
                target=target,
                start=start,
                program=prog["p"] if prog else None,
                reason=prop_key,
                event=ev.key,
                modality=ev.modality,
                confidence=ev.confidence,
                evidence=replace(ev.evidence, rule="sanction:" + ev.evidence.rule),
            )
    return list(out.values()), list(props.values()), claims, extra


def _bounds(d: DateRange | None) -> tuple[str | None, str | None]:
    return (d.earliest.isoformat(), d.latest.isoformat()) if d else (None, None)


def _denier(doc: Doc, res: Resolved, ev: Event) -> str | None:
    assert ev.evidence is not None and ev.evidence.start is not None
    m = DENY.search(ev.evidence.sentence)
    if not m:
        return None
    pos = ev.evidence.start + m.start("who" if m["who"] else "who2")
    span = doc.char_span(pos, pos + len(m["who"] or m["who2"]), alignment_mode="expand")
    key = res.at(span.start) if span is not None else None
    return key if key and res.actors[key].kind is ActorKind.PERSON else None
