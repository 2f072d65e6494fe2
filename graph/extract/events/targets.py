"""Targets found outside the trigger's own arguments: coreferent objects, inherited and conditional
targets, and the earlier events an object refers to."""

from __future__ import annotations

from graph.extract.events.found import Found
from graph.extract.events.phrases import _deep_against, np_actors
from graph.extract.events.places import _place
from graph.extract.events.subjects import subject_actors
from graph.extract.events.words import HARM_ROOTS
from graph.extract.nlp import Doc, Token
from graph.extract.resolve import Resolved
from graph.model import ActorKind

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
        if node.dep_ not in ("conj", "advcl", "xcomp", "pcomp") or node.head.i == node.i:
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


TRIP_NOUNS = {"trip", "visit", "tour", "journey"}
TALK_NOUNS = {"talk", "exchange", "conversation", "call", "meeting", "discussion", "summit", "dialogue"}
ACCUSATION_NOUNS = {"charge", "allegation", "accusation", "claim", "criticism", "assertion"}


RESPONSE_REACH = 64  # earlier mentions an object noun may refer back to (bounded: a long article stays linear)
# families of acts a later sentence names by a noun ("the request", "the offer", "the demand", "the threat")
REFERABLE_ROOTS = {"02", "03", "10", "11", "13"} | HARM_ROOTS  # ... and harms: "condemned the invasion"


def _responds_to(
    obj: Token, res: Resolved, history: list[Found], actors: list[str], noun_code: str | None = None
) -> int | None:
    """The earlier event an object like "the threats" refers to (same kind, someone else's).

    ``noun_code`` is the CAMEO code of the object word as an event noun: "declined the request" refers to
    an earlier appeal however it was worded ("asked", "urged"), as long as the CAMEO family is the same.
    """
    lemma = obj.lemma_.lower()
    for i in range(len(history) - 1, max(-1, len(history) - 1 - RESPONSE_REACH), -1):
        f = history[i]
        trigger = obj.doc[f.trigger]
        same = trigger.lemma_.lower() == lemma or bool(f.entry.lemma and lemma.startswith(f.entry.lemma[:5]))
        same = same or bool(noun_code and f.entry.code[:2] == noun_code[:2] and noun_code[:2] in REFERABLE_ROOTS)
        same = same or (lemma in ACCUSATION_NOUNS and f.entry.code.startswith("11"))  # "rejects the charge"
        same = same or (lemma in TRIP_NOUNS and f.entry.code.startswith(("042", "043")))  # "regarded the trip as"
        if same and (f.actors or f.participants) and not set(f.actors or f.participants) & set(actors):
            return i
        if lemma in TALK_NOUNS and f.entry.code.startswith("04") and set(actors) & set(f.participants):
            return i  # "called the talks productive": the talks the speaker took part in (the others are the target)
    return None


def _perpetrators(noun: Token, res: Resolved, exclude: list[str]) -> list[str]:
    """Who does the harm a noun names: its possessor ("Russia's invasion") or its "by" ("strikes by X")."""
    return [
        k
        for c in noun.children
        for k in (
            np_actors(c, res)
            if c.dep_ == "poss"
            else [a for p in c.children if p.dep_ == "pobj" for a in np_actors(p, res)]
            if c.dep_ == "prep" and c.lower_ == "by"
            else []
        )
        if k not in exclude
    ]


def _content_target(tok: Token, res: Resolved, actors: list[str]) -> list[str]:
    """Whom the clause a threat announces acts against: its object, an "against X" in it, else the state
    where it would act."""
    for c in tok.children:
        infinitive = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        if (c.dep_ not in ("ccomp", "xcomp") and not infinitive) or c.pos_ not in ("VERB", "AUX"):
            continue  # "threatened (on Monday) to impose": the infinitive may hang as an adverbial clause
        found = [k for o in c.children if o.dep_ == "dobj" for k in np_actors(o, res) if k not in actors]
        found = found or _deep_against(c, res, actors) or _goods_target(c, res, actors)
        if not found and (where := _place(c, res, kinds=(ActorKind.STATE,), preps=("in", "into"))):
            found = [where] if where not in actors else []
        if found:
            return found
    return []


# -- force floated as a possibility ---------------------------------------------------------------------
# "suggested the possibility of military action against X", "did not rule out strikes on X": force named
# as a possibility by who would order it is a threat of force (CAMEO 138), not force used
FLOATING_VERBS = {"suggest", "float", "raise", "consider", "mull", "weigh", "propose", "contemplate", "broach"}
POSSIBILITY_NOUNS = {"possibility", "prospect", "option", "idea"}


def floated_by(noun: Token, res: Resolved) -> list[str]:
    """Who floats the force a noun names with no actor of its own ([] when it is not floated)."""
    node = noun
    for _ in range(4):
        if node.head.i == node.i or node.dep_ not in ("dobj", "pobj", "prep", "xcomp"):
            return []
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.lemma_.lower() not in POSSIBILITY_NOUNS:
            return []
        if node.pos_ not in ("VERB", "AUX"):
            continue
        lemma = node.lemma_.lower()
        negated = any(c.dep_ == "neg" for c in node.children)
        ruled_out = lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in node.children)
        if lemma in FLOATING_VERBS or (ruled_out and negated):
            return subject_actors(node, res)
        return []
    return []


# what tariffs and duties are laid on: goods, named by the state they come from ("Chinese goods", "US imports")
GOODS_NOUNS = set(
    "good import export product commodity item shipment car vehicle steel aluminium aluminum oil gas".split()  # noqa: SIM905
)
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "agent")


def _goods_target(tok: Token, res: Resolved, exclude: list[str]) -> list[str]:
    """ "a 10 percent tariff on $200 billion of Chinese goods", "duties targeting $16 billion worth of US goods":
    the states whose goods a trade measure hits, however deep the amounts put them."""
    roots = [c for c in tok.children if c.dep_ not in SUBJECT_DEPS]
    found: list[str] = []
    for node in (t for r in roots for t in r.subtree):
        if node.lemma_.lower() not in GOODS_NOUNS or node.pos_ != "NOUN":
            continue
        for c in node.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < node.i:
                found += [
                    k for k in np_actors(c, res) if res.actors[k].kind is ActorKind.STATE and k not in exclude + found
                ]
    return found
