"""Nationality of titled persons from the one state their sentence names."""

from __future__ import annotations

from graph.extract.nlp import sentences
from graph.extract.resolve.base import Resolved, _state_key
from graph.extract.resolve.words import HONORIFICS
from graph.model import ActorKind

CONTEXT_SKIP_RULES = ("place-target", "domestic-target", "surface-target")


def context_nationality(r: Resolved, co_arguments: dict[str, set[str]]) -> list[str]:
    """Titled persons whose state the article never gives take the one state their sentence names.

    "President Omar El Bashir ... the curfew imposed in Sudan", "Ousted President Askar Akayev ...
    returning to Kyrgyzstan": a person named with a title or honorific ("President", "Lt. Gen.") but
    no nationality gets the state when the sentence of that titled mention names exactly one state
    (by its name or demonym, not a capital, which is more often a venue), no other person of unknown
    state stands in that sentence, and the state is not a direct argument of the person's own events
    (``co_arguments``: "President Bush threatened Russia" says nothing about Bush's state). Returns
    the persons so completed.
    """
    doc = r.doc
    titled: dict[str, int] = {}
    for u in r.titles:
        if u.state is None:
            titled.setdefault(u.person, u.token)
    for s, _e, key in r.mention_spans():
        if s > 0 and doc[s - 1].text in HONORIFICS and s - 1 not in r.via_pronoun:
            titled.setdefault(key, s - 1)
    done: list[str] = []
    sents = sentences(doc)
    for person, tok in titled.items():
        rec = r.actors.get(person)
        if rec is None or rec.kind is not ActorKind.PERSON or rec.nationality:
            continue
        sent = next((s for s in sents if s.start <= tok < s.end), None)
        if sent is None:
            continue
        states: set[str] = set()
        strangers: set[str] = set()
        for t in sent:
            found = r.at(t.i)
            if found is None:
                continue
            a = r.actors[found]
            if (
                a.kind is ActorKind.PERSON
                and found != person
                and not a.nationality
                and t.i not in r.via_pronoun
                and not any(u.person == found and u.state for u in r.titles)
            ):
                strangers.add(found)
            prefix = t.ent_id_.partition(":")[0]
            if prefix in ("state", "demonym"):
                home = _state_key(r, found)
                if home:
                    states.add(home)
        if len(states) != 1 or strangers:
            continue
        state = next(iter(states))
        if state in co_arguments.get(person, set()):
            continue
        rec.nationality = state
        done.append(person)
    return done
