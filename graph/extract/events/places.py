"""Where an act happens and which state an actor belongs to: places named by a trigger's prepositions
(not inside its reasons), regions named with their state, and the state of any actor."""

from __future__ import annotations

from graph.extract.events.words import PLACE_PREPS
from graph.extract.nlp import Token
from graph.extract.resolve import Resolved
from graph.model import ActorKind

REASON_PREPS = {"over", "about", "for", "regarding", "concerning", "amid", "despite", "because"}


def _place(
    tok: Token,
    res: Resolved,
    kinds: tuple[ActorKind, ...] = (ActorKind.SITE,),
    preps: tuple[str, ...] = tuple(PLACE_PREPS),
    deep: bool = False,
) -> str | None:
    """A place named by a preposition of the trigger ("at the White House"); ``deep``: also inside its objects."""
    nodes = [tok]
    if deep:  # not into the reasons: "sanctions over the crisis in Ukraine" happen in no Ukraine
        nodes += [
            c
            for c in tok.children
            if c.dep_ in ("dobj", "xcomp", "advcl", "prep", "pobj") and c.lower_ not in REASON_PREPS
        ]
        nodes += [g for n in nodes[1:] for g in n.children if g.dep_ in ("dobj", "prep", "pobj", "xcomp")]
    for node in nodes:
        for c in node.children if node.dep_ != "prep" or node is tok else [node]:
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    key = res.at(p.i) if p.dep_ == "pobj" else None
                    if key is None and p.dep_ == "pobj" and ActorKind.STATE in kinds:
                        key = _region_state(p, res)  # "in Pakistan's southwestern Balochistan region"
                    if key and res.actors[key].kind in kinds:
                        return key
                    if key and ActorKind.STATE in kinds and key in res.place_state:
                        return res.place_state[key]  # "arrived in Pyongyang": in North Korea
    return None


REGION_NOUNS = set("region province area territory border district state city town village coast".split())  # noqa: SIM905


def _region_state(noun: Token, res: Resolved) -> str | None:
    """The state a region named by a common noun lies in: "Pakistan's Balochistan region", "the Pakistani border
    town"."""
    if noun.lemma_.lower() not in REGION_NOUNS:
        return None
    return next(
        (
            k
            for c in noun.children
            if c.dep_ in ("poss", "amod", "compound")
            and c.i < noun.i
            and (k := res.at(c.i)) is not None
            and res.actors[k].kind is ActorKind.STATE
        ),
        None,
    )


def state_of(key: str, res: Resolved) -> str | None:
    """The state an actor is, belongs to, or is a national of."""
    seen = 0
    while key and seen < 4:
        a = res.actors.get(key)
        if a is None:
            return None
        if a.kind is ActorKind.STATE:
            return key
        key = a.part_of or a.nationality or ""
        seen += 1
    return None
