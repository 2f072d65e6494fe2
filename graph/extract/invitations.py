"""Invitations named by a noun: "a summit ... at the invitation of President Trump", "the visit, made at
the invitation of the Emir".

The event noun (a meeting, summit, visit or talks) has its sides from its own arguments; the phrase
"at the invitation of X" (or "on X's invitation") adds X's invitation to them: one CAMEO 036 event
(as the lexicon codes "X invited Y") from X to the event's sides other than X, asserted whatever the
modality of the event invited to, with the rule ``invitation:noun``.
"""

from __future__ import annotations

from graph.extract.events import Found, np_actors, prep_actors, state_of
from graph.extract.lexicon import Entry
from graph.extract.nlp import Doc, Token
from graph.extract.resolve import Resolved

INVITE = Entry(code="036", lemma="invite", rule_name="invitation")
INVITED_TO = ("04",)  # meetings, summits, visits, talks
REACH = 3  # head steps from the event noun to the phrase's attachment (the parse may hang it on the verb)


def find(doc: Doc, res: Resolved, found: list[Found]) -> list[Found]:
    """``found`` plus one invitation per meeting or visit whose phrase names who invited to it."""
    out = list(found)
    for f in found:
        if not f.entry.code.startswith(INVITED_TO):
            continue
        host = _inviter(doc[f.trigger], res)
        home = {state_of(h, res) for h in host} - {None}
        # the guests: the event's sides but the host and the host's own state ("visited Russia at Putin's invitation")
        guests = [k for k in f.participants or f.actors + f.targets if k not in host and state_of(k, res) not in home]
        if not host or not guests:
            continue
        out.append(
            Found(INVITE, f.sent_index, f.trigger, actors=host, targets=guests, confidence=0.6, rule="invitation:noun")
        )
    return out


def _inviter(tok: Token, res: Resolved) -> list[str]:
    """Who "at the invitation of X" / "on X's invitation" names, on the event noun or the words above it."""
    node = tok
    for _ in range(REACH + 1):
        for c in node.children:
            if c.dep_ != "prep" or c.lower_ not in ("at", "on", "upon"):
                continue
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() == "invitation":
                    named = [k for g in p.children if g.dep_ == "poss" for k in np_actors(g, res)]
                    named += prep_actors(p, res, ("of",))
                    if named:
                        return named
        if node.head.i == node.i:
            break
        node = node.head
    return []
