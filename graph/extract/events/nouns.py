"""Arguments of an event noun from the parse: its possessor and modifiers, its prepositions, the verb that
carries it (a light verb, a verb of meeting), and the clause it stands in."""

from __future__ import annotations

from graph.extract.events.found import Found
from graph.extract.events.phrases import (
    _governing_verb,
    _inner_actors,
    _named_state,
    _unique,
    np_actors,
    pobj_actors,
    prep_actors,
    recent_actors,
)
from graph.extract.events.subjects import inherited_subject, subject_actors
from graph.extract.events.targets import _goods_target
from graph.extract.events.words import (
    AID_ROOT,
    CARRIER_NOUNS,
    CLAUSE_TIME_PREPS,
    GROUP_PRONOUNS,
    NOUN_TARGET_PREPS,
    PRESENCE_NOUNS,
    RECEIVING_VERBS,
    SANCTION_ROOT,
    SYMMETRIC_PREPS,
    VISIT_CODE,
)
from graph.extract.lexicon import Lexicon
from graph.extract.nlp import Token
from graph.extract.resolve import Resolved
from graph.model import ActorKind

DECLARING_VERBS = {"declare", "deem", "name", "make", "pronounce"}


class NounArgumentPasses:
    """Finds the actors, targets and participants of an event noun."""

    lex: Lexicon

    def _noun_arguments(self, f: Found, trigger: Token, res: Resolved, history: list[Found]) -> None:
        tok = trigger
        one_side = False
        if trigger.dep_ == "compound" and trigger.head.lemma_.lower() in CARRIER_NOUNS:
            tok = trigger.head  # "a mediation effort between X and Y": the arguments hang from "effort"
            f.rule += "/carrier-noun"
        for c in tok.children:
            if c.dep_ == "poss":
                if c.lower_ in GROUP_PRONOUNS and _owned_by_subject(tok, res):
                    continue  # "politicians sent their congratulations": theirs are the subject's, found below
                if c.lower_ in GROUP_PRONOUNS:
                    f.participants += recent_actors(tok, res, 2)
                    f.rule += "/their"
                else:
                    f.actors += np_actors(c, res)
            elif c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i < tok.i:
                stance = _stance_prefix(c)
                for k in np_actors(c, res):
                    if stance == "anti":
                        f.targets.append(k)  # "anti-American protests": against the US, not by it
                        f.rule += "/anti-target"
                    elif stance == "pro":
                        continue  # "pro-Russian protests": for Russia, not by it
                    elif res.actors[k].kind is ActorKind.SITE:
                        f.place = f.place or k
                    elif f.entry.modifier_target and _named_state(c):
                        f.targets.append(k)  # "Venezuela sanctions": sanctions on Venezuela ("U.S. sanctions": by)
                        f.rule += "/modifier-target"
                    else:
                        f.actors.append(k)
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                f.actors += pobj_actors(c, res)
            elif c.dep_ == "prep" and c.lower_ == "of" and f.entry.symmetric:  # "a summit of the two presidents"
                f.participants += pobj_actors(c, res)
            elif c.dep_ == "prep" and c.lower_ == "of" and f.entry.code.startswith(VISIT_CODE):
                f.actors += pobj_actors(c, res)  # "the visit of envoy X to Minsk": X travels
            elif c.dep_ == "prep" and c.lower_ in ("between", "among") and not f.entry.code.startswith("045"):
                # "cooperation between Seoul and Tokyo": both sides (a mediation's are its targets)
                f.participants += pobj_actors(c, res)
            elif c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS | SYMMETRIC_PREPS:
                pobj = pobj_actors(c, res)
                if f.entry.symmetric and c.lower_ in SYMMETRIC_PREPS:
                    f.participants += pobj
                    one_side = one_side or c.lower_ == "with"  # "summits with X and Y": the other side only
                elif c.lower_ != "over":
                    f.targets += pobj
            elif c.dep_ == "prep" and c.lower_ == "for" and f.entry.code[:2] == AID_ROOT:
                f.targets += pobj_actors(c, res)  # "aid for Gaza"
        if f.entry.symmetric:  # "a summit ..., with the participation of Presidents X and Y"
            f.participants += [
                k
                for node in (tok, *list(tok.ancestors)[:3])  # the parse may hang the phrase on the verb
                for c in node.children
                if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children
                if p.dep_ == "pobj" and p.lemma_.lower() in PRESENCE_NOUNS
                for k in prep_actors(p, res, ("of",))
                if k not in f.participants
            ]
        head = tok.head
        if (one_side or len(f.actors) + len(f.participants) == 1) and f.entry.symmetric:
            # "commitments made by X during a call with Y", "Before a call with Y, X accused ...": the clause's actor
            side = [k for k in _clause_actor(tok, res) if k not in f.participants + f.actors]
            if side:
                f.participants = _unique(f.actors + f.participants + side)
                f.actors = []
                one_side = False
                f.rule += "/clause-side"
        verb = _governing_verb(tok)
        if verb is not None and verb.lemma_.lower() in RECEIVING_VERBS and f.actors and not f.entry.symmetric:
            # "six diplomats received a notice of expulsion from Canada": who receives it is its target
            f.targets += [k for k in subject_actors(verb, res) or inherited_subject(verb, res) if k not in f.actors]
        if (
            (len(f.actors) + len(f.participants) < 1 + f.entry.symmetric or one_side)
            and verb is not None
            and (self.lex.is_light(verb) or self._meets_in(verb, tok))
        ):
            subject = subject_actors(verb, res) or inherited_subject(verb, res)
            if subject:
                (f.participants if f.entry.symmetric else f.actors).extend(subject)
                f.rule += "/light-verb"
            if not f.targets and not f.entry.symmetric:  # "imposed curbs on exports to X": X
                f.targets += [
                    a
                    for c in verb.children
                    if c.dep_ in ("prep", "dative") and c.lower_ in NOUN_TARGET_PREPS
                    for p in c.children
                    if p.dep_ == "pobj"
                    for a in np_actors(p, res) or _inner_actors(p, res, exclude=f.actors)
                ]
        if not f.targets and not f.entry.symmetric:  # "the expulsion of the Lithuanian envoy", "a suspension of air
            f.targets += [  # links with Serbia"
                a
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
                for a in (np_actors(p, res) or _inner_actors(p, res))
                if a not in f.actors
            ]
        if not f.targets and f.entry.code[:2] == SANCTION_ROOT:  # "tariffs on $200 billion of Chinese goods"
            f.targets += _goods_target(tok, res, f.actors)
            if not f.targets and verb is not None and self.lex.is_light(verb):
                f.targets += _goods_target(verb, res, f.actors)  # "imposed tariffs of 25% on US imports"
            if f.targets:
                f.rule += "/goods-target"
        if tok.dep_ in ("nsubj",) and head.pos_ == "VERB" and not f.targets:  # "sanctions hit Y"
            f.targets += [a for c in head.children if c.dep_ == "dobj" for a in np_actors(c, res)]
        if f.entry.phrase and not f.actors:
            self._declared(f, tok, res)
        if f.entry.needs_possessor and not (f.actors or f.participants):
            f.actors = []
        f.confidence -= 0.1

    def _declared(self, f: Found, last: Token, res: Resolved) -> None:
        """ "Rubio declared Ebrahim Rasool persona non grata": a status phrase declared of someone is the
        declarer's act on them (the parse of such a small clause is seldom clean: the words between the
        verb and the phrase name who is declared)."""
        start = last.i - len((f.entry.phrase or "").split()) + 1
        doc = last.doc
        verb = next(
            (
                doc[j]
                for j in range(start - 1, max(last.sent.start, start - 12) - 1, -1)
                if doc[j].lemma_.lower() in DECLARING_VERBS
            ),
            None,
        )
        if verb is None:
            return
        declared = [
            k for j in range(verb.i + 1, start) if (k := res.at(j)) and res.actors[k].kind is not ActorKind.SITE
        ]
        passive = [k for c in verb.children if c.dep_ == "nsubjpass" for k in np_actors(c, res)]
        f.actors += (
            prep_actors(verb, res, ("by",)) if passive else subject_actors(verb, res) or inherited_subject(verb, res)
        )
        f.targets += _unique(passive or declared)
        f.trigger = verb.i
        f.rule += "/declared"

    def _meets_in(self, verb: Token, noun: Token) -> bool:
        """ "discussed trade in a phone conversation": a verb of meeting whose "in" names the event noun
        carries it (the finder keeps the noun only), so the verb's subject are the noun's sides."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.head.head.i != verb.i:
            return False
        entry = self.lex.bare_verb(verb.lemma_.lower())
        return entry is not None and entry.code.startswith("04")


def _owned_by_subject(noun: Token, res: Resolved) -> bool:
    """Whether "their" on an object noun is its verb's subject ("X sent their congratulations")."""
    verb = _governing_verb(noun)
    return verb is not None and noun.dep_ == "dobj" and bool(subject_actors(verb, res))


def _stance_prefix(modifier: Token) -> str | None:
    """ "anti" or "pro" when a modifier is prefixed with it ("anti-American", "pro - Russian"), else None."""
    for prefix in ("anti", "pro"):
        if modifier.lower_.startswith(prefix + "-"):
            return prefix
    doc, i = modifier.doc, modifier.i
    before = [doc[j].lower_ for j in range(max(0, i - 2), i)]
    if before[-1:] == ["-"] and before[:1] in (["anti"], ["pro"]):
        return before[0]
    return before[-1] if before[-1:] in (["anti"], ["pro"]) else None


def _clause_actor(noun: Token, res: Resolved) -> list[str]:
    """The actor of the clause an event noun is a time adverbial of ("during a call with X", "before talks")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in CLAUSE_TIME_PREPS or prep.head.i == prep.i:
        return []
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    agent = [k for c in verb.children if c.dep_ == "agent" for k in pobj_actors(c, res)]
    # "activists were killed in clashes with X": the passive subject is the other side
    patient = [k for c in verb.children if c.dep_ == "nsubjpass" for k in np_actors(c, res)]
    return agent or subject_actors(verb, res) or patient or inherited_subject(verb, res)
