"""Arguments of a trigger from the parse: subjects, objects, passives, possessors and light verbs;
without a parse, word order."""

from __future__ import annotations

from graph.extract.events.found import Found
from graph.extract.events.nouns import NounArgumentPasses
from graph.extract.events.phrases import (
    _deep_against,
    _inner_actors,
    _unique,
    np_actors,
    owned_by,
    pobj_actors,
    prep_actors,
)
from graph.extract.events.places import _place, state_of
from graph.extract.events.subjects import glued_subject, inherited_subject, subject_actors
from graph.extract.events.surface import _adjacent_subject, _nearest, _nearest_person
from graph.extract.events.targets import (
    CONFLICT_ROOTS,
    RESPONSE_REACH,
    _conditional_target,
    _content_target,
    _coreferent_object_target,
    _goods_target,
    _inherited_target,
    _perpetrators,
    _responds_to,
)
from graph.extract.events.words import (
    ABOUT_PREPS,
    ADDRESSEE_ROOTS,
    AID_ROOT,
    BLAMED_PREP,
    FORCE_ROOTS,
    HARM_ROOTS,
    JUDGING_ROOTS,
    MEANS_NOUNS,
    MOTION_PREPS,
    OFFICIAL_NOUNS,
    ORDERING_VERBS,
    PARTNER_ROOTS,
    PRAISE_CODE,
    SANCTION_ROOT,
    SUMMONED_TO,
    TARGET_PREPS,
    TERRITORIAL_ROOTS,
    THREAT_ROOT,
)
from graph.extract.lexicon import Lexicon
from graph.extract.modality_words import PERMIT_HEADS
from graph.extract.nlp import Span, Token
from graph.extract.resolve import Resolved
from graph.model import ActorKind


class ArgumentPasses(NounArgumentPasses):
    """Finds the actors, targets and participants of one trigger."""

    lex: Lexicon

    # -- arguments from the parse -------------------------------------------------------------
    def _arguments(self, f: Found, tok: Token, res: Resolved, history: list[Found], sent: Span) -> None:
        if f.entry.noun:
            self._noun_arguments(f, tok, res, history)
        else:
            self._verb_arguments(f, tok, res, history)
            if not f.targets:
                _conditional_target(f, tok, res)
            if not f.targets and f.entry.code[:2] in CONFLICT_ROOTS:
                _inherited_target(f, tok, history)
            if not f.targets and not f.entry.symmetric and f.actors:
                _coreferent_object_target(f, tok, res)
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not f.actors and (named := _adjacent_subject(tok, res, sent)):
                f.actors.append(named)
                f.confidence -= 0.1
                f.rule += "/adjacent-subject"
            if not f.actors:
                left = _nearest(tok, res, sent, -1)
                if left and subjects and not any(res.at(t.i) == left for c in subjects for t in c.subtree):
                    left = None  # "as the opposition threatened": the verb has a subject of its own
                if left:
                    f.actors.append(left)
                    f.confidence -= 0.15
                    f.rule += "/surface-source"
            # "what he calls a bloodbath": a naming verb judges its own object, never a name further on
            if (
                not f.targets
                and not f.entry.symmetric
                and f.actors
                and not f.entry.oprd
                and not self._judges_a_harm(f, tok)
            ):
                right = _nearest(tok, res, sent, +1, exclude=set(f.actors))
                if right:
                    f.targets.append(right)
                    f.confidence -= 0.15
                    f.rule += "/surface-target"
        partners = f.entry.code[:2] in PARTNER_ROOTS and len(f.actors) > 1
        if partners and f.entry.needs_target and not f.targets and not f.participants:
            f.participants, f.actors = f.actors, []  # "X and Y seek to deepen a partnership": each other's partners
            f.rule += "/co-actors"
        if f.entry.needs_target and not f.targets and not f.participants and f.actors:
            other = _nearest_person(tok, res, sent, exclude=set(f.actors), statement=f.entry.code.startswith("01"))
            if other:
                f.targets.append(other)
                f.confidence -= 0.2
                f.rule += "/nearest-person"
        f.place = f.place or _place(tok, res)
        for key in list(f.targets):
            if key in f.actors:
                f.targets.remove(key)
        joint = f.entry.code[:2] in ("03", "04", "05", "06") and f.entry.code != "045"  # co-mediators are no sides
        if f.entry.initiated and len(f.actors) == 1 and f.targets and not f.participants:
            f.rule += "/initiator"  # "Trump called Petro": who called whom is part of the report
        elif f.entry.symmetric or (len(f.actors) >= 2 and not f.targets and joint):
            f.participants = _unique(f.actors + f.targets + f.participants)
            f.actors, f.targets = [], []

    def _judges_a_harm(self, f: Found, tok: Token) -> bool:
        """ "condemned the sanctions on Peru": a judgement of a harmful act, whose victim (the next name)
        is not its target."""
        if f.entry.code[:2] not in JUDGING_ROOTS and not f.entry.code.startswith(PRAISE_CODE):
            return False
        nouns = (self.lex.noun(c.lemma_.lower()) for c in tok.children if c.dep_ == "dobj")
        return any(n is not None and n.code[:2] in HARM_ROOTS for n in nouns)

    @staticmethod
    def _owner_hit(f: Found, thing: Token, res: Resolved) -> list[str]:
        """Whose thing a hostile act hits: "hacked into the computers of South Korean officers", "fired on the
        embassy of Iran" (not "met on the sidelines of the summit": only hostile acts)."""
        if f.entry.code[:2] not in HARM_ROOTS:
            return []
        return _inner_actors(thing, res, exclude=f.actors)

    def _verb_arguments(self, f: Found, tok: Token, res: Resolved, history: list[Found]) -> None:
        children = list(tok.children)
        # "ordered Colombia's top diplomat expelled": a participle clause under a verb of ordering is done by
        # the one who orders it, to its subject
        ordered = (
            tok.dep_ in ("ccomp", "xcomp")
            and tok.tag_ == "VBN"
            and tok.head.lemma_.lower() in ORDERING_VERBS
            and not any(c.dep_ in ("aux", "auxpass") for c in children)
        )
        passive = (
            ordered
            or any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
            or (
                # "When asked about X, Trump said": a bare past participle clause is passive, its subject the patient
                tok.dep_ == "advcl" and tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in children)
            )
        )
        if passive:
            for c in children:
                if c.dep_ == "nsubjpass" or (ordered and c.dep_ == "nsubj"):
                    # "evidence against Russia was presented by the US": Russia
                    f.targets += np_actors(c, res) or _inner_actors(c, res)
                if c.dep_ == "agent":
                    f.actors += pobj_actors(c, res)
            if ordered and not f.actors:
                f.actors += subject_actors(tok.head, res) or inherited_subject(tok.head, res)
                f.rule += "/ordered"

            if not f.actors and tok.lemma_.lower() in SUMMONED_TO:
                # "the envoy was summoned to the foreign ministry in New Delhi": who summons is where to
                for c in children:
                    if c.dep_ == "prep" and c.lower_ == "to":
                        for p in c.children:
                            if p.dep_ != "pobj":
                                continue
                            found = (
                                np_actors(p, res)
                                or [
                                    res.place_state[k] for q in p.subtree if (k := res.at(q.i)) and k in res.place_state
                                ][:1]
                            )
                            f.actors += [k for k in found if k not in f.targets]
                if f.actors:
                    f.rule += "/summoned-to"
            if not f.actors and f.entry.code[:2] in FORCE_ROOTS:
                # "four children were killed in Israeli tank shelling": who shells kills
                f.actors += [
                    k
                    for c in children
                    if c.dep_ == "prep" and c.lower_ in ("in", "during")
                    for p in c.children
                    if p.dep_ == "pobj" and (noun := self.lex.noun(p.lemma_.lower())) and noun.code[:2] in FORCE_ROOTS
                    for k in np_actors(p, res)
                    if k not in f.targets
                ]
                if f.actors:
                    f.rule += "/by-means"
            if not f.actors and f.entry.code[:2] in TERRITORIAL_ROOTS:
                # "a Canadian citizen was detained in Moscow": the state where one is arrested arrests
                where = _place(tok, res, kinds=(ActorKind.STATE,), preps=("in",))
                if where is not None and where not in f.targets:
                    f.actors.append(where)
                    f.rule += "/territorial-actor"
                    f.confidence -= 0.1
            if not f.actors and not f.targets and tok.dep_ in ("acl", "amod"):
                f.targets += np_actors(tok.head, res)
        else:
            f.actors += subject_actors(tok, res)
            if (
                not f.actors
                and tok.dep_ == "amod"
                and tok.tag_ in ("VBD", "VBN")
                and tok.i > 0
                and tok.doc[tok.i - 1].whitespace_
                and res.at(tok.i - 1)
            ):
                # "when Trump threatened action" misparsed as one noun phrase [Trump threatened action]
                f.actors += [
                    k
                    for c in tok.head.children
                    if c.i < tok.i and c.dep_ in ("nmod", "compound", "poss")
                    for k in np_actors(c, res)
                ]
                before = res.at(tok.i - 1)
                if not f.actors and before and res.actors[before].kind is not ActorKind.SITE:
                    f.actors.append(before)  # "ECOWAS imposed sanctions": the acronym tagged as a verb, the root
                if f.actors:
                    f.rule += "/amod-clause"
            if not f.actors and tok.dep_ == "conj" and (glued := glued_subject(tok, res)):
                f.actors += glued
                f.rule += "/glued-subject"
            if not f.actors:
                inherited = inherited_subject(tok, res)
                if inherited:
                    f.actors += inherited
                    f.confidence -= 0.1
                    f.rule += "/inherited-subject"
            objs = [c for c in children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
            for o in objs:
                noun = self.lex.noun(o.lemma_.lower())
                # "held his summit with X": the subject's own possessive is no target, X is
                found = [k for k in np_actors(o, res) if k not in f.actors]
                if _own_official(o, f.actors, res):  # "recalled its ambassador to Kenya, X": where X serves
                    found = _inner_actors(o, res, exclude=f.actors)
                elif owned_by(o, f.actors, res) and o.lemma_.lower() in MISSION_NOUNS:
                    # "closed its embassy in Niger": the state it is in, not a body of that state
                    found = _unique([state_of(k, res) or k for k in found])
                judging = f.entry.code[:2] in JUDGING_ROOTS or f.entry.code.startswith(PRAISE_CODE)
                if not found and judging and noun and noun.code[:2] in HARM_ROOTS:
                    # "condemned (praised) the invasion of Venezuela": whoever invades is judged, not Venezuela
                    found = _perpetrators(o, res, exclude=f.actors)
                elif not found:
                    # "extended an invitation from X to Y": the one it goes to, not the one it comes from
                    addressed = [k for k in prep_actors(tok, res, ("to",)) if k not in f.actors]
                    found = addressed or _inner_actors(o, res, exclude=f.actors)
                f.targets += found
                if not found:
                    ref = _responds_to(o, res, history, f.actors, noun.code if noun else None)
                    # "imposed sanctions on ...": the act's own object names no earlier act to answer, unless a
                    # joint one its sides took part in ("reach the agreement")
                    if ref is not None and o.lemma_.lower() in f.entry.obj and history[ref].actors:
                        ref = None
                    if ref is None and f.entry.code[:2] in FORCE_ROOTS:
                        ref = _force_answered(f, history, res)  # "returned fire": at whoever fired on them
                    if ref is not None:
                        f.answers = history[ref]
                        f.targets += history[ref].actors or history[ref].participants
                        f.rule += "/responds-to"
            if not f.targets and f.entry.code[:2] in FORCE_ROOTS:  # "pounded Kharkiv": force against Ukraine
                f.targets += [
                    res.place_state[k]
                    for o in objs
                    if (k := res.at(o.i)) and k in res.place_state and res.place_state[k] not in f.actors
                ]
        if f.targets:  # "gratitude to Iraq and Oman, and to China": a preposition coordinated with the verb
            f.targets += [
                a
                for c in children
                if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in TARGET_PREPS
                for a in pobj_actors(c, res)
                if a not in f.targets
            ]
        if f.entry.symmetric:  # "the accord signed between Kenya and Uganda"
            f.participants += prep_actors(tok, res, ("between", "among"))
        if not f.targets:
            for c in children:
                own = c.dep_ == "prep" and c.lower_ in f.entry.prep and bool(f.entry.pobj)  # "called in X's envoy"
                if (
                    (c.dep_ == "prep" and c.lower_ in TARGET_PREPS)
                    or (c.dep_ == "prt" and c.lower_ in ("to", "with"))
                    or own
                ):
                    f.targets += [
                        a
                        for p in c.children
                        if p.dep_ == "pobj" and p.lemma_.lower() not in MEANS_NOUNS  # "with UAE mediation": a helper
                        for a in (np_actors(p, res) or self._owner_hit(f, p, res))
                    ]
            if not f.targets and f.entry.code[:2] == AID_ROOT:  # "sent military aid for Ukraine": Ukraine
                f.targets += [
                    a for o in children if o.dep_ in ("dobj", "nsubjpass") for a in prep_actors(o, res, ("for",))
                ]
            if not f.targets and f.entry.code[:2] == "05":  # "pledged backing for Russia's war": Russia
                f.targets += prep_actors(tok, res, ("for",))
            if f.entry.code[:2] == "11" and (prep := BLAMED_PREP.get(tok.lemma_.lower())):
                # "blamed the tensions on the attitude of Retailleau": the one the blame is put on
                f.targets += [
                    a
                    for node in (tok, *[o for o in children if o.dep_ == "dobj"])  # "on" may hang from the object
                    for c in node.children
                    if c.dep_ == "prep" and c.lower_ == prep
                    for p in c.children
                    if p.dep_ == "pobj"
                    for a in (np_actors(p, res) or _inner_actors(p, res, exclude=f.actors))
                ]
                if f.targets:
                    f.rule += "/blamed-on"
            if f.entry.code[:2] == "11":  # "complained to the UN over Israeli raids": the one complained about
                about = [a for a in prep_actors(tok, res, ABOUT_PREPS) if a not in f.actors]
                if about:
                    f.targets = about
                    f.rule += "/about-target"
        if not f.targets and tok.lemma_.lower() in PERMIT_HEADS:  # "will allow Petro to visit Washington": Petro
            f.targets += [
                a
                for c in children
                if c.dep_ in ("ccomp", "xcomp")
                for s in c.children
                if s.dep_ == "nsubj"
                for a in np_actors(s, res)
                if a not in f.actors
            ]
        if not f.targets and f.entry.code[:2] in ADDRESSEE_ROOTS:  # "demanded that Sudan end ...": Sudan
            f.targets += [
                a
                for c in children
                if c.dep_ == "ccomp"
                for s in c.children
                if s.dep_ in ("nsubj", "nsubjpass")
                for a in np_actors(s, res)
                if a not in f.actors  # "warned his government would act": the speaker's own side
            ]
        if not f.targets:
            for c in children:
                if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
                    for cc in c.children:
                        if cc.dep_ in ("dobj", "dative"):
                            f.targets += np_actors(cc, res) or _inner_actors(cc, res)
                        elif cc.dep_ == "prep" and cc.lower_ in TARGET_PREPS - MOTION_PREPS:
                            f.targets += pobj_actors(cc, res)  # "crossed into Lithuania, X confirmed": a place
        if f.entry.code.startswith("042") and not f.targets:
            place = _place(tok, res, kinds=(ActorKind.STATE,), preps=("to", "in"))
            if place:
                f.targets.append(place)
        if not f.targets:  # "mobilized reservists for a possible war against Iraq"
            f.targets += _deep_against(tok, res, f.actors)
            if f.targets:
                f.rule += "/against-target"
                f.confidence -= 0.1
        if not f.targets and f.entry.code[:2] == SANCTION_ROOT:
            f.targets += _goods_target(tok, res, f.actors)
            if f.targets:
                f.rule += "/goods-target"
        if not f.targets and f.entry.code[:2] == THREAT_ROOT:
            # "warned it could intervene militarily in Niger", "warned his government would take action
            # against attacks by X": a threat is against whom its content clause acts
            f.targets += _content_target(tok, res, f.actors)
            if f.targets:
                f.rule += "/content-target"
                f.confidence -= 0.1

    # -- arguments from word order (no parser) ---------------------------------------------------
    def _surface(self, f: Found, sent: Span, tok: Token, res: Resolved) -> None:
        before = [k for i in range(max(sent.start, tok.i - 8), tok.i) if (k := res.at(i))]
        after = [k for i in range(tok.i + 1, min(sent.end, tok.i + 8)) if (k := res.at(i))]
        passive = (
            tok.i + 1 < sent.end
            and tok.doc[tok.i + 1].lower_ == "by"
            and tok.i > sent.start
            and tok.doc[tok.i - 1].lower_ in ("was", "were", "been", "be", "is", "are")
        )
        if passive:
            f.actors, f.targets = after[:1], before[-1:]
        else:
            f.actors, f.targets = before[-1:], after[:1]
        if f.entry.symmetric:
            f.participants = _unique(f.actors + f.targets)
            f.actors, f.targets = [], []
        f.confidence -= 0.25
        f.rule += "/surface"


def _force_answered(f: Found, history: list[Found], res: Resolved) -> int | None:
    """The latest earlier use of force aimed at the actor or the actor's state, if any."""
    sides = set(f.actors) | {state_of(a, res) for a in f.actors}
    for i in range(len(history) - 1, max(-1, len(history) - 1 - RESPONSE_REACH), -1):
        earlier = history[i]
        if earlier.entry.code[:2] in FORCE_ROOTS and sides & set(earlier.targets) and earlier.actors:
            return i
    return None


MISSION_NOUNS = {"embassy", "consulate", "mission", "legation"}


def _own_official(thing: Token, actors: list[str], res: Resolved) -> bool:
    """ "its ambassador", "Somalia's envoy" after Somalia: the actor's own official, no other side."""
    if thing.lemma_.lower() not in OFFICIAL_NOUNS:
        return False
    if any(k not in actors for c in thing.children if c.dep_ in ("amod", "compound") for k in np_actors(c, res, 0)):
        return False  # "expelled their Syrian ambassadors": Syria's, hosted by them
    return owned_by(thing, actors, res)
