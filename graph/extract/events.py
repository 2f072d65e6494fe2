"""Typed, directed events from trigger words and the dependency parse.

For every sentence, triggers from the lexicon (verbs, event nouns, multi-word nouns) are
found; their arguments come from the parse: subject -> object ("Trump praised Petro"),
passives ("Y was sanctioned by X"), possessors and modifiers of event nouns ("Trump's threats
against Colombia", "U.S. sanctions on Y", "sanctions hit Y"), light verbs ("slapped sanctions
on Y"), subjects shared by coordinated or subordinate verbs ("fired back, rejecting ..."), and
symmetric events ("X and Y met", "their phone call") with participants. An object that is
itself an earlier event ("rejected the threats") points at that event's actor. Without a
parser, surface order (actor before and after the trigger) is used, with lower confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from graph.extract import modality as mod
from graph.extract.dates import DateMention
from graph.extract.dating import DateAssigner, date_tokens, last_dated
from graph.extract.lexicon import Entry, Lexicon
from graph.extract.nlp import Doc, Language, Span, Token, lex_columns, phrase_matcher, sentences, token_columns
from graph.extract.pairs import is_pair, pair_actors
from graph.extract.resolve import Resolved
from graph.model import ActorKind, DateRange, Modality

TARGET_PREPS = {"to", "with", "against", "on", "toward", "towards", "at", "upon", "into", "from"}
NOUN_TARGET_PREPS = {"against", "on", "to", "toward", "towards", "with", "upon", "at", "over"}
SYMMETRIC_PREPS = {"with", "between", "among"}
PLACE_PREPS = {"at", "in"}
WH_WORDS = {"who", "which", "that", "whom"}
# people who act for their states: "the foreign ministers of X and Y" are X and Y
OFFICIAL_NOUNS = {
    "minister",
    "leader",
    "official",
    "envoy",
    "representative",
    "delegation",
    "head",
    "president",
    "diplomat",
}
GROUP_PRONOUNS = {"their", "they", "them", "both"}
PLURAL_IT = {"it", "they", "we"}
ABOUT_PREPS = {"over", "about"}
TARGETLESS_ROOTS = {"01", "03", "08", "14", "15"}  # statements, intents, yielding, protest, force posture
DOMESTIC_ROOTS = {"08", "14", "17"}
ADDRESSEE_ROOTS = {"02", "10", "11", "13"}
CARRIER_NOUNS = {  # nouns that only carry an event noun used as their modifier ("mediation effort", "aid package")
    "effort",
    "bid",
    "attempt",
    "mission",
    "process",
    "campaign",
    "package",
    "programme",
    "program",
    "operation",
    "initiative",
    "plan",
}
ANNOUNCING = {"announce", "confirm", "unveil", "declare"}  # verbs whose object measure is taken by announcing it
SAY_LEMMAS = {"say", "reiterate", "insist", "conclude", "state", "stress", "tell", "declare", "add", "argue"}
OBLIGATION = {"must", "should"}
DEMAND = Entry(code="100", lemma="say", rule_name="say-that-must->100")


@dataclass
class Found:
    """An event mention before identifiers are assigned."""

    entry: Entry
    sent_index: int
    trigger: int
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    date: DateRange | None = None
    date_weak: bool = False  # taken from elsewhere in the sentence, not attached to the trigger
    place: str | None = None
    modality: Modality = Modality.ASSERTED
    claimant: str | None = None
    confidence: float = 0.7
    rule: str = ""
    responds_to: int | None = None  # index into the list of found events
    answers: Found | None = None  # the earlier mention this one responds to
    governor: int | None = None  # token that gave the modality ("refused" in "refused to deploy")
    refusal: bool = False  # a negated future act ("will not accept"): coded as a rejection

    @property
    def everyone(self) -> list[str]:
        return self.actors + self.targets + self.participants


class EventFinder:
    """Finds events in docs of one pipeline."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.phrases = phrase_matcher(nlp)
        for i, e in enumerate(lexicon.phrases):
            self.phrases.add(str(i), [nlp.make_doc(e.phrase or "")])

    def find(
        self, doc: Doc, res: Resolved, dates: list[DateMention], published: date | None, parsed: bool
    ) -> list[Found]:
        out: list[Found] = []
        history: list[Found] = []  # every mention with its arguments, kept or not, for "rejected the threats"
        date_spans = date_tokens(doc, dates)
        phrase_at: dict[int, Entry] = {}
        covered: set[int] = set()
        for mid, s, e in sorted(self.phrases(doc), key=lambda m: (m[1] - m[2], m[1])):
            if covered.isdisjoint(range(s, e)):
                covered.update(range(s, e))
                phrase_at[e - 1] = self.lex.phrases[int(doc.vocab.strings[mid])]
        for si, sent in enumerate(sentences(doc)):
            triggers = self._triggers(sent, res, phrase_at, covered, parsed)
            if parsed:
                triggers += _obligations(sent, {t.i for t, _e in triggers})
            consumed = {
                c.i
                for t, e in triggers
                if e.obj and not e.noun
                for c in t.children
                if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in e.obj
            }
            triggers = [(t, e) for t, e in triggers if t.i not in consumed]
            trigger_set = {t.i for t, _e in triggers}
            dating = DateAssigner(sent, date_spans, triggers, parsed, last_dated(out))
            for tok, entry in triggers:
                f = Found(entry, si, tok.i, rule=entry.rule)
                if parsed:
                    self._arguments(f, tok, res, history, sent)
                else:
                    self._surface(f, sent, tok, res)
                history.append(f)
                if not self._complete(f, tok, res, sent, parsed):
                    continue
                f.date, f.date_weak = dating.date_for(tok, entry, trigger_set)
                self._stance(f, tok, res, parsed, published)
                out.append(f)
        final = _drop_governed(_with_intents(_drop_reporting(_refusals(out), doc), doc), doc, history)
        index = {id(f): i for i, f in enumerate(final)}
        for f in final:
            if f.answers is not None:
                f.responds_to = index.get(id(f.answers))
        return final

    # -- triggers ----------------------------------------------------------------------------
    def _triggers(
        self, sent: Span, res: Resolved, phrase_at: dict[int, Entry], covered: set[int], parsed: bool
    ) -> list[tuple[Token, Entry]]:
        found: list[tuple[Token, Entry]] = []
        doc = sent.doc
        lowers, lemmas = lex_columns(doc)
        words = token_columns(doc)[0]
        verbs, nouns, verb_forms, noun_forms = self.lex.verbs, self.lex.nouns, self.lex.verb_forms, self.lex.noun_forms
        for i in range(sent.start, sent.end):
            if i in phrase_at:
                found.append((doc[i], phrase_at[i]))
                continue
            lower = lowers[i]
            if i in covered or res.at(i) or not words[i].isalpha() or lower in mod.HEDGES:
                continue
            if parsed:
                lemma = lemmas[i].lower()
                if lemma not in verbs and lemma not in nouns:
                    continue  # no entry can fit: skip without building the token
                tok = doc[i]
                if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and lemma not in ("be", "have", "do")):
                    entry = self.lex.verb(tok, lemma, lambda i: _is_kind(res, i, ActorKind.PERSON))
                elif (tok.pos_ in ("NOUN", "PROPN") and not tok.is_title) or tok.pos_ == "NOUN":
                    entry = self.lex.noun(lemma)
                else:
                    entry = None
            else:
                if lower not in verb_forms and lower not in noun_forms:
                    continue
                tok = doc[i]
                lemma = verb_forms.get(lower, "")
                entry = self.lex.bare_verb(lemma) if lemma and (lower != lemma or lower not in noun_forms) else None
                if entry is None and lower in noun_forms:
                    entry = self.lex.noun(noun_forms[lower])
            if entry is not None:
                found.append((tok, entry))
        return found

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
            if not f.actors:
                left = _nearest(tok, res, sent, -1)
                if left and subjects and not any(res.at(t.i) == left for c in subjects for t in c.subtree):
                    left = None  # "as the opposition threatened": the verb has a subject of its own
                if left:
                    f.actors.append(left)
                    f.confidence -= 0.15
                    f.rule += "/surface-source"
            if not f.targets and not f.entry.symmetric and f.actors:
                right = _nearest(tok, res, sent, +1, exclude=set(f.actors))
                if right:
                    f.targets.append(right)
                    f.confidence -= 0.15
                    f.rule += "/surface-target"
        if f.entry.needs_target and not f.targets and not f.participants and f.actors:
            other = _nearest_person(tok, res, sent, exclude=set(f.actors))
            if other:
                f.targets.append(other)
                f.confidence -= 0.2
                f.rule += "/nearest-person"
        f.place = f.place or _place(tok, res)
        for key in list(f.targets):
            if key in f.actors:
                f.targets.remove(key)
        if f.entry.symmetric or (len(f.actors) >= 2 and not f.targets and f.entry.code[:2] in ("03", "04", "05", "06")):
            f.participants = _unique(f.actors + f.targets + f.participants)
            f.actors, f.targets = [], []

    def _verb_arguments(self, f: Found, tok: Token, res: Resolved, history: list[Found]) -> None:
        children = list(tok.children)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
        if passive:
            for c in children:
                if c.dep_ == "nsubjpass":
                    f.targets += np_actors(c, res)
                if c.dep_ == "agent":
                    f.actors += [a for p in c.children if p.dep_ == "pobj" for a in np_actors(p, res)]
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
                if f.actors:
                    f.rule += "/amod-clause"
            if not f.actors:
                inherited = inherited_subject(tok, res)
                if inherited:
                    f.actors += inherited
                    f.confidence -= 0.1
                    f.rule += "/inherited-subject"
            objs = [c for c in children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
            for o in objs:
                found = np_actors(o, res) or _inner_actors(o, res)
                f.targets += found
                if not found:
                    ref = _responds_to(o, res, history, f.actors)
                    if ref is not None:
                        f.answers = history[ref]
                        f.targets += history[ref].actors or history[ref].participants
                        f.rule += "/responds-to"
        if f.entry.symmetric:  # "the accord signed between Kenya and Uganda"
            f.participants += [
                a
                for c in children
                if c.dep_ == "prep" and c.lower_ in ("between", "among")
                for p in c.children
                if p.dep_ == "pobj"
                for a in np_actors(p, res)
            ]
        if not f.targets:
            for c in children:
                if (c.dep_ == "prep" and c.lower_ in TARGET_PREPS) or (c.dep_ == "prt" and c.lower_ in ("to", "with")):
                    f.targets += [a for p in c.children if p.dep_ == "pobj" for a in np_actors(p, res)]
            if not f.targets and f.entry.code[:2] == "05":  # "pledged backing for Russia's war": Russia
                f.targets += [
                    a
                    for c in children
                    if c.dep_ == "prep" and c.lower_ == "for"
                    for p in c.children
                    if p.dep_ == "pobj"
                    for a in np_actors(p, res)
                ]
            if f.entry.code[:2] == "11":  # "complained to the UN over Israeli raids": the one complained about
                about = [
                    a
                    for c in children
                    if c.dep_ == "prep" and c.lower_ in ABOUT_PREPS
                    for p in c.children
                    if p.dep_ == "pobj"
                    for a in np_actors(p, res)
                    if a not in f.actors
                ]
                if about:
                    f.targets = about
                    f.rule += "/about-target"
        if not f.targets and f.entry.code[:2] in ADDRESSEE_ROOTS:  # "demanded that Sudan end ...": Sudan
            f.targets += [
                a
                for c in children
                if c.dep_ == "ccomp"
                for s in c.children
                if s.dep_ in ("nsubj", "nsubjpass")
                for a in np_actors(s, res)
            ]
        if not f.targets:
            for c in children:
                if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
                    for cc in c.children:
                        if cc.dep_ in ("dobj", "dative"):
                            f.targets += np_actors(cc, res) or _inner_actors(cc, res)
                        elif cc.dep_ == "prep" and cc.lower_ in TARGET_PREPS:
                            f.targets += [a for p in cc.children if p.dep_ == "pobj" for a in np_actors(p, res)]
        if f.entry.code.startswith("042") and not f.targets:
            place = _place(tok, res, kinds=(ActorKind.STATE,), preps=("to", "in"))
            if place:
                f.targets.append(place)
        if not f.targets:  # "mobilized reservists for a possible war against Iraq"
            f.targets += _deep_against(tok, res, f.actors)
            if f.targets:
                f.rule += "/against-target"
                f.confidence -= 0.1

    def _noun_arguments(self, f: Found, trigger: Token, res: Resolved, history: list[Found]) -> None:
        tok = trigger
        one_side = False
        if trigger.dep_ == "compound" and trigger.head.lemma_.lower() in CARRIER_NOUNS:
            tok = trigger.head  # "a mediation effort between X and Y": the arguments hang from "effort"
            f.rule += "/carrier-noun"
        for c in tok.children:
            if c.dep_ == "poss":
                if c.lower_ in GROUP_PRONOUNS:
                    f.participants += recent_actors(tok, res, 2)
                    f.rule += "/their"
                else:
                    f.actors += np_actors(c, res)
            elif c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i < tok.i:
                for k in np_actors(c, res):
                    if res.actors[k].kind is ActorKind.SITE:
                        f.place = f.place or k
                    elif f.entry.modifier_target and _named_state(c):
                        f.targets.append(k)  # "Venezuela sanctions": sanctions on Venezuela ("U.S. sanctions": by)
                        f.rule += "/modifier-target"
                    else:
                        f.actors.append(k)
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                f.actors += [a for p in c.children if p.dep_ == "pobj" for a in np_actors(p, res)]
            elif c.dep_ == "prep" and c.lower_ == "of" and f.entry.symmetric:  # "a summit of the two presidents"
                f.participants += [a for p in c.children if p.dep_ == "pobj" for a in np_actors(p, res)]
            elif c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS | SYMMETRIC_PREPS:
                pobj = [a for p in c.children if p.dep_ == "pobj" for a in np_actors(p, res)]
                if f.entry.symmetric and c.lower_ in SYMMETRIC_PREPS:
                    f.participants += pobj
                    one_side = one_side or c.lower_ == "with"  # "summits with X and Y": the other side only
                elif c.lower_ != "over":
                    f.targets += pobj
        head = tok.head
        verb = _governing_verb(tok)
        if (
            (len(f.actors) + len(f.participants) < 1 + f.entry.symmetric or one_side)
            and verb is not None
            and self.lex.is_light(verb)
        ):
            subject = subject_actors(verb, res) or inherited_subject(verb, res)
            if subject:
                (f.participants if f.entry.symmetric else f.actors).extend(subject)
                f.rule += "/light-verb"
            if not f.targets and not f.entry.symmetric:
                for c in verb.children:
                    if c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS:
                        f.targets += [a for p in c.children if p.dep_ == "pobj" for a in np_actors(p, res)]
        if not f.targets and not f.entry.symmetric:  # "a suspension of air links with Serbia"
            f.targets += [
                a
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
                for a in _inner_actors(p, res)
                if a not in f.actors
            ]
        if tok.dep_ in ("nsubj",) and head.pos_ == "VERB" and not f.targets:  # "sanctions hit Y"
            f.targets += [a for c in head.children if c.dep_ == "dobj" for a in np_actors(c, res)]
        if f.entry.needs_possessor and not (f.actors or f.participants):
            f.actors = []
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

    def _complete(self, f: Found, tok: Token, res: Resolved, sent: Span, parsed: bool) -> bool:
        f.actors, f.targets, f.participants = _unique(f.actors), _unique(f.targets), _unique(f.participants)
        if f.participants and len(f.participants) < 2:
            if f.entry.symmetric and not f.entry.noun:
                extra = [k for k in recent_actors(tok, res, 2) if k not in f.participants]
                if parsed and extra and any(c.lower_ in GROUP_PRONOUNS for c in tok.subtree):
                    f.participants += extra[:1]
            if len(f.participants) < 2:
                f.actors, f.participants = f.participants, []
        if f.entry.symmetric and not f.participants and not f.targets and not f.entry.noun:
            # "X signed for Kenya, and Y signed for Uganda": one signing, a side in each clause
            others = [a for v in _same_verb_clauses(tok) for a in subject_actors(v, res) if a not in f.actors]
            if others and f.actors:
                f.participants = _unique(f.actors + others)
                f.actors = []
                f.rule += "/coordinated-clauses"
        if f.entry.symmetric and not f.participants and not f.targets:
            return False  # a meeting with one known side says nothing about a relation
        if f.actors and not f.targets and not f.participants and parsed:
            where = _place(tok, res, kinds=(ActorKind.STATE,), preps=("in", "into", "to", "inside"), deep=True)
            if where and where not in f.actors:
                f.targets.append(where)  # CAMEO practice: the state where it happens is the target
                f.rule += "/place-target"
                f.confidence -= 0.15
            elif f.entry.code[:2] in DOMESTIC_ROOTS and (home := state_of(f.actors[0], res)):
                f.targets.append(home)  # protests, repression, concessions at home target one's own state
                f.rule += "/domestic-target"
                f.confidence -= 0.2
        if f.actors and not f.targets and not f.participants and f.entry.code[:2] not in TARGETLESS_ROOTS:
            return False
        if f.entry.code.startswith("01") and any(h in f.rule for h in GUESSED_TARGETS):
            return False  # a statement is about whom the text says, not about the nearest name
        if f.actors and f.targets and not any(r in f.rule for r in CAMEO_SETTINGS) and _own_state(f, res):
            return False  # "the Foreign Ministry in Baku ... Azerbaijan": an actor acting on its own state
        if parsed and "/surface-source" in f.rule:
            return False  # with a parse, a source found only by word order is a guess too weak to keep
        if f.entry.generated and any(h in f.rule for h in GUESSED_ARGUMENTS):
            return False  # a generated trigger is weaker evidence: it needs the arguments the parse gives
        if f.entry.needs_target and not f.targets and not f.participants:
            return False
        if f.entry.symmetric and not f.participants and f.actors and f.targets:
            f.participants = _unique(f.actors + f.targets)
            f.actors, f.targets = [], []
        return bool(f.actors or f.participants) and not (f.entry.noun and not f.everyone)

    def _stance(self, f: Found, tok: Token, res: Resolved, parsed: bool, published: date | None) -> None:
        if parsed:
            st = mod.stance(tok, noun=f.entry.noun)
            f.modality = st.modality
            f.governor = st.head.i if st.head is not None else None
            f.refusal = st.rule == "negation" and not f.entry.noun and mod.future_or_modal(tok)
            if st.holder is not None and (holder := _actor_of(st.holder, res)) and holder not in f.everyone:
                f.claimant = holder
            speaker = mod.reported_by(tok)
            if speaker is not None and f.claimant is None:
                who = _actor_of(speaker, res)
                if who and who not in f.everyone:
                    f.claimant = who
            if (
                st.modality is Modality.PLANNED
                and f.entry.noun
                and st.head is not None
                and st.head.lemma_.lower() in ANNOUNCING
                and f.entry.code[:2] not in SCHEDULED_ROOTS
                and not mod.future_or_modal(st.head)
            ):
                # "Italy announced a suspension of air links": announcing a measure is taking it;
                # only an announced meeting or visit lies ahead
                f.modality, f.governor = Modality.ASSERTED, None
                f.rule += f"/{st.rule}-done"
            elif st.rule != "default":
                f.rule += f"/{st.rule}"
        if f.modality is Modality.ASSERTED and f.date and published and f.date.earliest > published:
            f.modality = Modality.PLANNED
            f.rule += "/future-date"
        if any(i in res.via_pronoun for i in range(tok.sent.start, tok.sent.end) if res.at(i) in f.everyone):
            f.confidence -= 0.1
        if f.actors and f.targets:
            f.confidence += 0.1
        f.confidence = round(min(0.95, max(0.05, f.confidence)), 2)


def _obligations(sent: Span, taken: set[int]) -> list[tuple[Token, Entry]]:
    """ "X said (that) Y must do Z": a demand by X on Y (CAMEO 10)."""
    out = []
    doc = sent.doc
    _lowers, lemmas = lex_columns(doc)
    for i in range(sent.start, sent.end):
        if i in taken or lemmas[i].lower() not in SAY_LEMMAS:
            continue
        tok = doc[i]
        for c in tok.children:
            if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in OBLIGATION for a in c.children):
                out.append((tok, DEMAND))
                break
    return out


# -- statements of intent ----------------------------------------------------------------------------
INTENT_CODES = {
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "16": "131",
    "17": "137",
    "18": "138",
    "19": "138",
    "20": "138",
}
INTENT_RULES = (
    "future-auxiliary",
    "planned-by-agree",
    "planned-by-promise",
    "planned-by-pledge",
    "planned-by-vow",
    "planned-by-offer",
    "planned-by-ready",
    "planned-by-prepared",
    "planned-by-willing",
    "planned-by-intend",
    "planned-by-decide",
    "planned-by-plan",
    "planned-by-prepare",
)


SCHEDULED_ROOTS = {"04"}  # planned meetings and visits stay events of their own beside the intent
REFUSAL_CODES = {"04": "1246", "05": "1212", "06": "1211", "07": "121", "08": "124", "03": "125"}


def _refusals(found: list[Found]) -> list[Found]:
    """ "X will not / would not do Y" is a refusal now (CAMEO 12), not a denied act."""
    out = []
    for f in found:
        if f.refusal and (f.actors or f.participants):
            code = REFUSAL_CODES.get(f.entry.code[:2], "120")
            actors = f.actors or f.participants[:1]
            targets = f.targets or f.participants[1:]
            f = replace(
                f,
                entry=replace(f.entry, code=code, symmetric=False),
                actors=list(actors),
                targets=list(targets),
                participants=[],
                modality=Modality.ASSERTED,
                rule=f.rule + "/refusal",
            )
        out.append(f)
    return out


CONTENT_ROOTS = {"02", "10", "13"}  # appeals, demands, threats: their object clause is what is wished, not done
CONTENT_DEPS = {"ccomp", "xcomp", "acl", "pcomp", "prep", "advcl", "pobj", "relcl"}


def _drop_governed(found: list[Found], doc: Doc, mentioned: list[Found]) -> list[Found]:
    """Content of another event of the sentence is not an event of its own; the governing event stands for it.

    That is: a hypothetical act under another trigger ("refused to deploy", "if Y accepted"), a planned
    one (but planned meetings and visits stay, as scheduled happenings), an act asked for, demanded or
    threatened ("demanded that the EC refuse", "threatened to storm"), and an act named inside an event
    noun ("a demand to sever ties", "an appeal for deploying troops").
    """
    by_token = {(f.sent_index, f.trigger): f for f in mentioned}
    by_token.update({(f.sent_index, f.trigger): f for f in found})
    keep = []
    for f in found:
        gov = by_token.get((f.sent_index, f.governor)) if f.governor is not None else None
        if gov is None and f.governor is not None and f.modality is Modality.HYPOTHETICAL:
            node = doc[f.governor]
            for _ in range(2):  # "threatened to launch ... unless Baghdad accepted": the condition of a threat
                node = node.head
                gov = by_token.get((f.sent_index, node.i)) or gov
        if (
            gov is not None
            and gov.trigger != f.trigger
            and (
                f.modality is Modality.HYPOTHETICAL
                or (f.modality is Modality.PLANNED and f.entry.code[:2] not in SCHEDULED_ROOTS)
            )
        ):
            continue
        if not f.entry.noun and _content_of(doc[f.trigger], f, by_token):
            continue
        keep.append(f)
    return keep


def _content_of(tok: Token, f: Found, by_token: dict[tuple[int, int], Found]) -> bool:
    node = tok
    for _ in range(3):
        if node.dep_ not in CONTENT_DEPS or node.head is node:
            return False
        via = node.dep_
        node = node.head
        gov = by_token.get((f.sent_index, node.i))
        if gov is None or gov.trigger == f.trigger:
            continue
        if gov.entry.noun and via in ("acl", "pcomp", "prep", "pobj", "relcl"):
            return True
        if gov.entry.code[:2] in CONTENT_ROOTS and gov.entry.rule_name is None and via in ("ccomp", "xcomp"):
            return True
    return False


THREAT_CODES = {"04": "131", "05": "131", "06": "131", "07": "131", "08": "131", "16": "131", "17": "137"}


def _on_condition(tok: Token) -> bool:
    """Whether the act is made to depend on another's conduct: "will withdraw ... unless Y arranges a ceasefire"."""
    for node in (tok, *[c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]):
        for c in node.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
                return True
    return False


def _with_intents(found: list[Found], doc: Doc) -> list[Found]:
    """A planned act the actor announces ("X will send aid to Y") is a statement of intent now (CAMEO 03/13).

    The planned act itself stays an event only when it is a meeting or visit (a scheduled happening
    with its own date and place); otherwise the intent stands for it. A planned act made conditional
    on the target's conduct ("X will withdraw its troops unless Y ...") is a threat (CAMEO 13).
    """
    out = list(found)
    for f in found:
        if f.modality is not Modality.PLANNED or not any(r in f.rule for r in INTENT_RULES):
            continue
        code = INTENT_CODES.get(f.entry.code[:2])
        if code is None or not (f.actors or f.participants):
            continue
        suffix = "/intent"
        if _on_condition(doc[f.trigger]):
            code = THREAT_CODES.get(f.entry.code[:2], "138" if f.entry.code[:2] in ("18", "19", "20") else "130")
            suffix = "/threat-on-condition"
        if f.entry.code[:2] not in SCHEDULED_ROOTS:
            out.remove(f)
        entry = replace(f.entry, code=code, symmetric=False)
        actors = f.actors or f.participants[:1]
        targets = f.targets or f.participants[1:]
        out.append(
            replace(
                f,
                entry=entry,
                actors=list(actors),
                targets=list(targets),
                participants=[],
                modality=Modality.ASSERTED,
                date=None,
                date_weak=False,
                rule=f.rule + suffix,
                confidence=round(max(0.05, f.confidence - 0.1), 2),
            )
        )
    return out


def _drop_reporting(found: list[Found], doc: Doc) -> list[Found]:
    """ "X announced it will Y": the announcement is coded by its content, not as a bare statement (010)."""
    verbs = {f.trigger for f in found if not f.entry.noun}
    keep = []
    for f in found:
        if f.entry.code == "010" and any(
            t.i in verbs and t.i != f.trigger
            for c in doc[f.trigger].children
            if c.dep_ in ("ccomp", "xcomp")
            for t in c.subtree
        ):
            continue
        keep.append(f)
    return keep


# -- targets from elsewhere ------------------------------------------------------------------------------
CONFLICT_ROOTS = {"10", "11", "12", "13", "16", "17"}
AGAINST_PREPS = {"against", "on", "upon", "toward", "towards"}
CONDITION_MARKS = {"unless", "until"}


def _object_nouns(tok: Token) -> list[Token]:
    """The nouns an event trigger is about: itself (a noun), its objects, the noun a participle modifies."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return [tok]
    out = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "oprd") and c.pos_ == "NOUN"]
    if tok.dep_ in ("amod", "acl") and tok.head.pos_ == "NOUN":
        out.append(tok.head)
    return out


def _coreferent_object_target(f: Found, tok: Token, res: Resolved) -> None:
    """ "Trump threatened action ... action against Colombia": the target named at another mention of the object.

    The other mention must carry its own "against/on X" and must not belong to another actor
    ("Y's action against Z"); the nearest such mention in the article wins.
    """
    doc = tok.doc
    own = set(f.actors or f.participants)
    for noun in _object_nouns(tok):
        lemma = noun.lemma_.lower()
        best: tuple[int, list[str]] | None = None
        for other in _nouns_by_lemma(doc).get(lemma, ()):
            if other.i == noun.i:
                continue
            owners = [
                k
                for c in other.children
                if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < other.i
                for k in np_actors(c, res)
            ]
            if owners and not set(owners) & own:
                continue
            found = [
                a
                for c in other.children
                if c.dep_ == "prep" and c.lower_ in AGAINST_PREPS
                for p in c.children
                if p.dep_ == "pobj"
                for a in np_actors(p, res)
                if a not in own
            ]
            if found and (best is None or abs(other.i - tok.i) < best[0]):
                best = (abs(other.i - tok.i), found)
        if best is not None:
            f.targets += best[1]
            f.confidence -= 0.15
            f.rule += "/object-coref"
            return


def _nouns_by_lemma(doc: Doc) -> dict[str, list[Token]]:
    """Common nouns of the doc by lower-case lemma (built once per doc)."""
    index = doc.user_data.get("diplograph_nouns")
    if index is None:
        index = {}
        for t in doc:
            if t.pos_ == "NOUN":
                index.setdefault(t.lemma_.lower(), []).append(t)
        doc.user_data["diplograph_nouns"] = index
    return dict(index)


def _inherited_target(f: Found, tok: Token, history: list[Found]) -> None:
    """ "hit back, calling out threats and hinting at ...": a conflict act coordinated with or subordinate to
    another act of the same actor takes that act's target."""
    node = tok
    for _ in range(3):
        if node.dep_ not in ("conj", "advcl", "xcomp", "pcomp") or node.head is node:
            return
        node = node.head
        for g in reversed(history):
            if g.trigger == node.i and g.targets and g.actors == f.actors and g.entry.code[:2] in CONFLICT_ROOTS:
                f.targets += [t for t in g.targets if t not in f.actors]
                f.confidence -= 0.1
                f.rule += "/inherited-target"
                return


def _conditional_target(f: Found, tok: Token, res: Resolved) -> None:
    """ "X threatened to attack unless Y accepted": Y, the one who must meet the condition, is the target."""
    nodes = [tok, *[c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]]
    for node in nodes:
        for c in node.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
                found = [k for k in subject_actors(c, res) if k not in f.actors]
                if found:
                    f.targets += found
                    f.rule += "/condition-target"
                    return


# -- helpers ---------------------------------------------------------------------------------------
def _named_state(tok: Token) -> bool:
    """A state written as its name ("Venezuela", "Iran"), not an abbreviation ("U.S.", "UK") or a demonym."""
    return tok.ent_id_.startswith("state:") and "." not in tok.text and not tok.text.isupper()


def _unique(keys: list[str]) -> list[str]:
    return list(dict.fromkeys(k for k in keys if k))


def _is_kind(res: Resolved, i: int, kind: ActorKind) -> bool:
    key = res.at(i)
    return bool(key) and res.actors[key or ""].kind is kind


def _actor_of(tok: Token, res: Resolved) -> str | None:
    found = np_actors(tok, res)
    return found[0] if found else None


def _of_object(tok: Token) -> Token | None:
    """The object of "of" after ``tok``, through "heads of state of X" to X."""
    for _ in range(2):
        found = next(
            (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"),
            None,
        )
        if found is None or found.lemma_.lower() not in ("state", "government"):
            return found
        tok = found
    return None


def np_actors(tok: Token, res: Resolved, depth: int = 2) -> list[str]:
    """Actors named by the noun phrase headed by ``tok`` (and its coordinated phrases)."""
    out: list[str] = []
    key = res.at(tok.i)
    if key and (res.actors[key].kind is not ActorKind.SITE or tok.dep_ in ("nsubj", "nsubjpass")):
        out.append(key)
    elif key and key in res.place_state:
        out.append(res.place_state[key])  # "arrived in Pyongyang": a capital as an argument is its state
    elif tok.lower_ in WH_WORDS and tok.dep_.startswith("nsubj"):
        rel = tok.head
        if rel.dep_ == "relcl":
            out += np_actors(rel.head, res, depth)
    elif is_pair(tok) and (pair := pair_actors(tok, res)):
        out += pair  # "the two sides", "both countries"
    elif depth > 0 and tok.lemma_.lower() in OFFICIAL_NOUNS and (of := _of_object(tok)) is not None:
        out += np_actors(of, res, depth - 1)  # "the foreign ministers of Rwanda and DR Congo"
    elif depth > 0:
        for c in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
            if (c.dep_ in ("compound", "poss", "amod", "nmod", "appos", "nummod") and c.i < tok.i) or c.dep_ == "appos":
                found = np_actors(c, res, depth - 1)
                if found:
                    out += found
                    break
    for conj in tok.conjuncts:
        if conj.i > tok.i:
            k = res.at(conj.i)
            if k:
                out.append(k)
            elif depth > 0:
                out += np_actors(conj, res, depth - 1)[:1]
    return _unique(out)


def _deep_against(tok: Token, res: Resolved, exclude: list[str]) -> list[str]:
    """An "against X" anywhere in the trigger's objects and adjuncts (not in a clause with its own subject)."""
    todo = [(c, 1) for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass", "csubj", "ccomp", "parataxis")]
    while todo:
        node, depth = todo.pop(0)
        if node.dep_ == "prep" and node.lower_ == "against":
            found = [a for p in node.children if p.dep_ == "pobj" for a in np_actors(p, res) if a not in exclude]
            if found:
                return found
        if depth < 4 and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            todo += [(c, depth + 1) for c in node.children if c.dep_ not in ("relcl", "ccomp", "parataxis")]
    return []


def _inner_actors(tok: Token, res: Resolved) -> list[str]:
    """Actors inside an object phrase: "action against Colombia", "North Korea's demand"."""
    for c in tok.children:
        if c.dep_ == "poss":
            found = np_actors(c, res)
            if found:
                return found
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS | {"of", "from", "by"}:
            found = [a for p in c.children if p.dep_ == "pobj" for a in np_actors(p, res)]
            if found:
                return found
    return []


# targets CAMEO practice sets to the state where an act happens, which may be the actor's own
CAMEO_SETTINGS = ("/domestic-target", "/place-target")


def _own_state(f: Found, res: Resolved) -> bool:
    """Whether every source is an agency of the one state that every target is."""
    if any(res.actors[a].kind is not ActorKind.AGENCY for a in f.actors):
        return False  # rebels, opposition or citizens against their own state are a relation (CAMEO codes them)
    homes = {state_of(a, res) for a in f.actors}
    return len(homes) == 1 and None not in homes and set(f.targets) <= homes


def _same_verb_clauses(tok: Token) -> list[Token]:
    """Verbs of the same lemma coordinated with ``tok`` ("X signed ..., and Y signed ...")."""
    group = [tok, *tok.conjuncts]
    return [v for v in group if v is not tok and v.lemma_ == tok.lemma_]


def subject_actors(verb: Token, res: Resolved) -> list[str]:
    """Actors of the verb's subject (the nearest one before the verb when the parse gives two)."""
    for c in sorted(verb.children, key=lambda c: (c.i > verb.i, abs(c.i - verb.i))):
        if c.dep_ in ("nsubj", "csubj", "expl"):
            found = np_actors(c, res)
            if found:
                return found
    return []


# clauses that take their subject from the verb above them ("are due to meet": through "due")
INHERITING_DEPS = ("conj", "xcomp", "advcl", "acl", "ccomp", "pcomp", "parataxis", "acomp")


def inherited_subject(verb: Token, res: Resolved) -> list[str]:
    """Subject of the verb this one is coordinated with or subordinate to.

    A verb with a subject of its own that names no actor ("as the opposition threatened") inherits
    nothing; a verb coordinated with a passive one shares its subject ("X was indicted and will resign").
    """
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in WH_WORDS | PLURAL_IT for c in verb.children):
        return []  # "it"/"they" in "X said it would ..." stand for the subject of the clause above
    node = verb
    for _ in range(3):
        if node.dep_ not in INHERITING_DEPS or node.head is node:
            return []
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return []
        conj = node.dep_ == "conj"
        raised = node.dep_ == "xcomp"  # "China is scheduled to visit": the passive subject above
        node = node.head
        if node.dep_ == "pcomp":
            node = node.head
        found = subject_actors(node, res)
        if not found and (conj or raised):
            found = [k for c in node.children if c.dep_ == "nsubjpass" for k in np_actors(c, res)]
        if found:
            return found
    return []


def recent_actors(tok: Token, res: Resolved, n: int) -> list[str]:
    """The ``n`` most recently mentioned distinct persons (else any actors) before and around ``tok``."""
    sents = sentences(tok.doc)
    sent = tok.sent
    start = sent.start
    idx = next((i for i, s in enumerate(sents) if s.start == sent.start), 0)
    start = sents[max(0, idx - 2)].start
    window = list(range(start, sent.end))
    window.sort(key=lambda i: abs(i - tok.i))
    persons = _unique([k for i in window if (k := res.at(i)) and res.actors[k].kind is ActorKind.PERSON])
    return persons[:n]


def _governing_verb(tok: Token) -> Token | None:
    """The verb whose object (possibly through a preposition or apposition) an event noun is."""
    node = tok
    for _ in range(3):
        if node.head is node:
            return None
        if node.dep_ not in ("dobj", "pobj", "attr", "appos", "npadvmod", "prep", "conj", "oprd"):
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


# rule suffixes of arguments found by word order or proximity rather than by the parse
GUESSED_ARGUMENTS = ("/surface", "/nearest-person", "/place-target", "/domestic-target")
GUESSED_TARGETS = ("/surface-target", "/place-target")
STOP_SURFACE = {";", ":", ".", "!", "?", "—", "–"}


def _nearest(
    tok: Token, res: Resolved, sent: Span, step: int, exclude: set[str] | None = None, limit: int = 10
) -> str | None:
    """Nearest actor (not a place) left (-1) or right (+1) of ``tok`` within its clause."""
    i = tok.i + step
    while sent.start <= i < sent.end and abs(i - tok.i) <= limit:
        t = tok.doc[i]
        if t.text in STOP_SURFACE or (step > 0 and t.pos_ == "VERB" and t.i != tok.i):
            return None
        if step > 0 and t.pos_ == "ADP" and t.lower_ not in TARGET_PREPS:
            return None
        key = res.at(i)
        if key and res.actors[key].kind is not ActorKind.SITE and key not in (exclude or set()):
            return key
        i += step
    return None


def _nearest_person(tok: Token, res: Resolved, sent: Span, exclude: set[str]) -> str | None:
    cands = sorted(
        (abs(i - tok.i), k)
        for i in range(sent.start, sent.end)
        if (k := res.at(i)) and k not in exclude and res.actors[k].kind is ActorKind.PERSON
    )
    return cands[0][1] if cands else None


def _place(
    tok: Token,
    res: Resolved,
    kinds: tuple[ActorKind, ...] = (ActorKind.SITE,),
    preps: tuple[str, ...] = tuple(PLACE_PREPS),
    deep: bool = False,
) -> str | None:
    """A place named by a preposition of the trigger ("at the White House"); ``deep``: also inside its objects."""
    nodes = [tok]
    if deep:
        nodes += [c for c in tok.children if c.dep_ in ("dobj", "xcomp", "advcl", "prep", "pobj")]
        nodes += [g for n in nodes[1:] for g in n.children if g.dep_ in ("dobj", "prep", "pobj", "xcomp")]
    for node in nodes:
        for c in node.children if node.dep_ != "prep" or node is tok else [node]:
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    key = res.at(p.i) if p.dep_ == "pobj" else None
                    if key and res.actors[key].kind in kinds:
                        return key
                    if key and ActorKind.STATE in kinds and key in res.place_state:
                        return res.place_state[key]  # "arrived in Pyongyang": in North Korea
    return None


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


TRIP_NOUNS = {"trip", "visit", "tour", "journey"}
TALK_NOUNS = {"talk", "exchange", "conversation", "call", "meeting", "discussion", "summit", "dialogue"}
ACCUSATION_NOUNS = {"charge", "allegation", "accusation", "claim", "criticism", "assertion"}


def _responds_to(obj: Token, res: Resolved, history: list[Found], actors: list[str]) -> int | None:
    """The earlier event an object like "the threats" refers to (same kind, someone else's)."""
    lemma = obj.lemma_.lower()
    for i in range(len(history) - 1, -1, -1):
        f = history[i]
        trigger = obj.doc[f.trigger]
        same = trigger.lemma_.lower() == lemma or bool(f.entry.lemma and lemma.startswith(f.entry.lemma[:5]))
        same = same or (lemma in ACCUSATION_NOUNS and f.entry.code.startswith("11"))  # "rejects the charge"
        same = same or (lemma in TRIP_NOUNS and f.entry.code.startswith(("042", "043")))  # "regarded the trip as"
        if same and (f.actors or f.participants) and not set(f.actors or f.participants) & set(actors):
            return i
        if lemma in TALK_NOUNS and f.entry.code.startswith("04") and set(actors) & set(f.participants):
            return i  # "called the talks productive": the talks the speaker took part in (the others are the target)
    return None
