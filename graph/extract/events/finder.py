"""The event finder: trigger words of each sentence (verbs, event nouns, phrases), their arguments, and
the checks an event must pass before it is kept. The package docstring says what the arguments are."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from graph.extract import modality as mod
from graph.extract.dates import DateMention
from graph.extract.dating import DateAssigner, date_tokens
from graph.extract.events.arguments import ArgumentPasses
from graph.extract.events.found import Found
from graph.extract.events.phrases import (
    CAMEO_SETTINGS,
    _actor_of,
    _governing_verb,
    _is_kind,
    _own_state,
    _same_verb_clauses,
    _unique,
    recent_actors,
)
from graph.extract.events.places import _place, state_of
from graph.extract.events.scope import SCHEDULED_ROOTS, _drop_governed, _drop_reporting, _refusals, _with_intents
from graph.extract.events.subjects import subject_actors
from graph.extract.events.surface import GUESSED_ARGUMENTS, GUESSED_TARGETS
from graph.extract.events.targets import floated_by
from graph.extract.events.words import (
    ANNOUNCING,
    DEMAND,
    DOMESTIC_ROOTS,
    FORCE_ROOTS,
    GROUP_PRONOUNS,
    JOINT_WORDS,
    OBLIGATION,
    PARTNER_ROOTS,
    SAY_LEMMAS,
    TARGETLESS_ROOTS,
)
from graph.extract.lexicon import Entry, Lexicon
from graph.extract.modality_words import HEDGES
from graph.extract.nlp import Doc, Language, Span, Token, lex_columns, phrase_matcher, sentences, token_columns
from graph.extract.pairs import coordinated_pair, noun_side_pair, subject_pair
from graph.extract.resolve import Resolved
from graph.model import ActorKind, DateRange, Modality


class EventFinder(ArgumentPasses):
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
        last_date: DateRange | None = None
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
            nouns = {t.i for t, e in triggers if e.noun}
            triggers = [(t, e) for t, e in triggers if t.i not in consumed and not _carries_a_noun(t, e, nouns)]
            trigger_set = {t.i for t, _e in triggers}
            dating = DateAssigner(sent, date_spans, triggers, parsed, last_date)
            for tok, entry in triggers:
                f = Found(entry, si, tok.i, rule=entry.rule)
                if parsed:
                    self._arguments(f, tok, res, history, sent)
                    tok = doc[f.trigger]  # a pass may move the act to its verb ("declared X persona non grata")
                else:
                    self._surface(f, sent, tok, res)
                if parsed:
                    _joint_action(f, tok)
                history.append(f)
                if not self._complete(f, tok, res, sent, parsed):
                    continue
                f.date, f.date_weak = dating.date_for(tok, entry, trigger_set)
                self._stance(f, tok, res, parsed, published)
                out.append(f)
                if f.date and not f.date_weak:
                    last_date = f.date  # what "the next day" counts from (kept as we go: no rescan)
        final = _drop_governed(_with_intents(_drop_reporting(_refusals(out), doc), doc, res), doc, history)
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
                if phrase_at[i].code:  # a phrase with no code blocks its words ("trade war" is no war)
                    found.append((doc[i], phrase_at[i]))
                continue
            lower = lowers[i]
            if i in covered or res.at(i) or not words[i].isalpha() or lower in HEDGES:
                continue
            if parsed:
                lemma = lemmas[i].lower()
                if lemma not in verbs and lemma not in nouns:
                    continue  # no entry can fit: skip without building the token
                tok = doc[i]
                if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and lemma not in ("be", "have", "do")):
                    entry = self.lex.verb(tok, lemma, lambda i: _is_kind(res, i, ActorKind.PERSON))
                elif (tok.pos_ in ("NOUN", "PROPN") and not tok.is_title) or tok.pos_ == "NOUN":
                    entry = self.lex.noun(lemma, tok)
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
            elif parsed and (not f.actors or "/surface-source" in f.rule or len(f.actors) == 1):
                # a parse that lost the subject ("date 2024-06-19 Following talks ..., X and Y signed") or
                # half of it ("President X and President Y held talks": X as a modifier of Y): the two
                # actors coordinated right before the verb in its sentence (with the one side found)
                pair = coordinated_pair(tok, res, range(sent.start, tok.i)) or subject_pair(tok, res)
                if pair and (not f.actors or "/surface-source" in f.rule or f.actors[0] in pair):
                    f.participants, f.actors = pair, []
                    f.rule = f.rule.replace("/surface-source", "") + "/coordinated-before"
                    f.confidence -= 0.15
        if f.entry.symmetric and f.entry.noun and len(f.actors) == 1 and not f.participants and parsed:
            # a parse that split "X and Y" ("X and Y held a conversation": X as a modifier of Y), or
            # "a summit between X and Y" with Y hung elsewhere: the coordination the side belongs to
            pair = noun_side_pair(tok, res, sent)
            if f.actors[0] in pair:
                f.participants, f.actors = pair, []
                f.rule += "/coordinated-pair"
                f.confidence -= 0.1
        if f.entry.noun and f.entry.code[:2] in FORCE_ROOTS and parsed and _verbal(tok):
            return False  # "clashes on social media", "a verbal attack": words, not force
        if f.entry.code[:2] == FIGHT_ROOT and _all_persons(f.actors + f.targets + f.participants, res):
            # "Trump attacked Petro", "clashes between the two presidents": persons named as both sides of a
            # fight fight with words; a one-sided attack is criticism, a mutual one no event of its own
            if not (f.actors and f.targets):
                return False
            f.entry = replace(f.entry, code=CRITICIZE_CODE, symmetric=False)
            f.rule += "/in-words"
        if f.entry.code in ("040", "046") and parsed and _by_phone(tok):
            f.entry = replace(f.entry, code="041")  # "a telephonic conversation", "held talks by phone": not in person
            f.rule += "/remote"
        if f.entry.symmetric and not f.participants and not f.targets:
            return False  # a meeting with one known side says nothing about a relation
        if f.actors and not f.targets and not f.participants and parsed and f.entry.code.startswith("04"):
            _abroad(f, tok, res)  # "attended a summit in Geneva": a visit to Switzerland (not "X met in Y")
        if f.entry.code.startswith("14") and f.actors and parsed and _official_subject(tok, f, res):
            # "the Foreign Ministry summoned the ambassador to protest the killing": a state protests in words
            # (CAMEO 114), its people in the street (14)
            f.entry = replace(f.entry, code="114")
            f.rule += "/official-protest"
        if f.actors and not f.targets and not f.participants and parsed:
            where = _place(tok, res, kinds=(ActorKind.STATE,), preps=SETTING_PREPS, deep=True)
            if where is None and f.entry.noun and tok.head.i != tok.i:  # "conducted exercises in Alaska"
                where = _place(tok.head, res, kinds=(ActorKind.STATE,), preps=SETTING_PREPS)
            home = state_of(f.actors[0], res)
            if where and where not in f.actors and where != home and f.entry.code[:2] not in PARTNER_ROOTS:
                f.targets.append(where)  # CAMEO practice: the state where it happens is the target
                f.rule += "/place-target"
                f.confidence -= 0.15
            elif f.entry.code[:2] in DOMESTIC_ROOTS and home:
                f.targets.append(home)  # protests, repression, concessions at home target one's own state
                f.rule += "/domestic-target"
                f.confidence -= 0.2
        if f.actors and not f.targets and not f.participants and f.entry.code[:2] not in TARGETLESS_ROOTS:
            return False
        if f.entry.code.startswith("01") and any(h in f.rule for h in GUESSED_TARGETS):
            return False  # a statement is about whom the text says, not about the nearest name
        if f.entry.code.startswith("01") and f.entry.noun and "/nearest-person" in f.rule:
            return False  # "references to Taiwan in G7 statements, (Beijing) summoned X": no word is to X
        if f.actors and f.targets and set(f.targets) == set(f.actors):
            return False  # "Belarus freed (Belarus's) prisoners": a state acting on itself is no relation
        if f.actors and f.targets and not any(r in f.rule for r in CAMEO_SETTINGS) and _own_state(f, res):
            return False  # "the Foreign Ministry in Baku ... Azerbaijan": an actor acting on its own state
        if parsed and "/surface-source" in f.rule:
            return False  # with a parse, a source found only by word order is a guess too weak to keep
        guesses = [h for h in GUESSED_ARGUMENTS if h in f.rule]
        if f.entry.code[:2] in FORCE_ROOTS and guesses == ["/place-target"]:
            guesses = []  # force used in a place targets that place's state: CAMEO practice, not a guess
        if f.entry.generated and guesses:
            return False  # a generated trigger is weaker evidence: it needs the arguments the parse gives
        if f.entry.needs_target and not f.targets and not f.participants:
            return False
        floatable = not f.actors or "/light-verb" in f.rule  # "raised the prospect of strikes": raise carries it
        if f.entry.code[:2] in FORCE_ROOTS and f.entry.noun and f.targets and floatable and parsed:
            threatener = [k for k in floated_by(tok, res) if k not in f.targets]
            if threatener:  # "suggested the possibility of military action against X": a threat of force
                f.actors = threatener
                f.entry = replace(f.entry, code=THREAT_OF_FORCE)
                f.rule += "/floated"
        homes = {state_of(k, res) for k in f.participants}
        if len(f.participants) >= 2 and len(homes) == 1 and None not in homes:
            return False  # "Trump's meeting with the United States", two ministers of one state: no relation
        if f.entry.symmetric and not f.participants and f.actors and f.targets and "/initiator" not in f.rule:
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
        sent = tok.sent  # the few tokens resolved through a pronoun, not every token of the sentence
        if any(sent.start <= i < sent.end and res.at(i) in f.everyone for i in res.via_pronoun):
            f.confidence -= 0.1
        if f.actors and f.targets:
            f.confidence += 0.1
        f.confidence = round(min(0.95, max(0.05, f.confidence)), 2)


# a fight in words: "verbal clashes", "clashes on social media", "a war of words" (a phrase of its own)
VERBAL_MODIFIERS = {"verbal", "rhetorical", "diplomatic", "online", "political", "media", "twitter", "war"}
VERBAL_VENUES = {"media", "twitter", "facebook", "television", "air", "airwaves", "platform", "internet"}


REMOTE_MODIFIERS = {"telephonic", "telephone", "phone", "video", "virtual", "online"}
REMOTE_MEANS = {"phone", "telephone", "videoconference", "videolink", "video", "teleconference"}


def _by_phone(tok: Token) -> bool:
    """Whether consultations were held at a distance: "telephonic conversation", "video talks", "held talks
    by phone", "spoke over the telephone" (the means hang from the trigger or from the verb carrying it)."""
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in REMOTE_MODIFIERS for c in tok.children):
        return True
    if tok.pos_ == "NOUN":
        carrier = _governing_verb(tok)
        nodes = [tok] if carrier is None else [tok, carrier]
    else:  # "held talks with X by phone": the means may hang from the object
        nodes = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    return any(
        c.dep_ == "prep" and c.lower_ in ("by", "over", "via", "on")
        for node in nodes
        for c in node.children
        if any(p.dep_ == "pobj" and p.lemma_.lower() in REMOTE_MEANS for p in c.children)
    )


def _carries_a_noun(tok: Token, entry: Entry, nouns: set[int]) -> bool:
    """ "will engage in negotiations with X", "took part in talks": a verb of meeting whose "in" names an
    event noun of the sentence (``nouns``: their token indexes) only carries that noun, which has the
    sides and the kind of meeting."""
    if entry.noun or not entry.code.startswith(MEET_ROOT):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "in" and any(p.dep_ == "pobj" and p.i in nouns for p in c.children)
        for c in tok.children
    )


MEET_ROOT = "04"
OFFICIAL_KINDS = (ActorKind.STATE, ActorKind.AGENCY, ActorKind.IGO)  # who protest in words, not in the street
FIGHT_ROOT = "19"
THREAT_OF_FORCE = "138"
CRITICIZE_CODE = "111"


def _all_persons(keys: list[str], res: Resolved) -> bool:
    return bool(keys) and all(res.actors[k].kind is ActorKind.PERSON for k in keys if k in res.actors)


def _official_subject(verb: Token, f: Found, res: Resolved) -> bool:
    """Whether a protest verb's subject is a state named as such ("China protested"), an agency or an IGO, not
    people named by their nationality ("Colombians protested", "Palestinian riots")."""
    if f.entry.noun or any(res.actors[k].kind not in OFFICIAL_KINDS for k in f.actors):
        return False
    named = [(s, res.at(s.i)) for s in verb.children if s.dep_ == "nsubj"]
    return bool(named) and all(
        k is not None and (res.actors[k].kind is not ActorKind.STATE or s.ent_type_ == "GPE") for s, k in named
    )


def _verbal(noun: Token) -> bool:
    """Whether a force noun names an exchange of words, by its modifiers or its venue."""
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.lemma_.lower() in VERBAL_MODIFIERS:
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("on", "over", "via")
            and any(p.dep_ == "pobj" and {p.lemma_.lower(), p.lower_} & VERBAL_VENUES for p in c.children)
        ):
            return True
    return False


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


def _joint_action(f: Found, tok: Token) -> None:
    """ "conducted joint flight operations with Guyana's army", "combined drills with X": force done together
    with someone is military cooperation (062) with them, not force against them."""
    if f.entry.code[:2] not in FORCE_ROOTS or not f.targets:
        return
    nouns = [tok] if tok.pos_ == "NOUN" else [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    joint = any(c.dep_ == "amod" and c.lower_ in JOINT_WORDS for n in nouns for c in n.children)
    together = any(c.dep_ == "prep" and c.lower_ == "with" for n in (tok, *nouns) for c in n.children)
    if joint and together:
        f.entry = replace(f.entry, code="062", symmetric=True)
        f.rule += "/joint"


# where an act takes place: CAMEO's target when the text names no other ("drills around Taiwan")
SETTING_PREPS = ("in", "into", "to", "inside", "around", "near", "off", "across", "throughout")


def _abroad(f: Found, tok: Token, res: Resolved) -> bool:
    """A meeting an actor attends in another state is a visit to that state (CAMEO 042): re-reads ``f``.

    Only for a one-sided act (attending): a symmetric meeting with one side found is a parse that lost
    the other side, not a visit."""
    where = _place(tok, res, kinds=(ActorKind.STATE,), preps=("in",), deep=True)
    if where is None and tok.head.i != tok.i:
        where = _place(tok.head, res, kinds=(ActorKind.STATE,), preps=("in",))
    if where is None or where == state_of(f.actors[0], res) or state_of(f.actors[0], res) is None:
        return False
    f.entry = replace(f.entry, code="042", symmetric=False)
    f.targets.append(where)
    f.rule += "/visit-setting"
    return True
