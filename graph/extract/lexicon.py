"""The trigger lexicon (``data/triggers.yaml``) as Python objects, with a matcher for one token.

Verb entries may require a particle ("call out"), an object ("lift sanctions"), an infinitive
complement ("threaten to attack") or a preposition ("call for"); the most specific entry that
fits wins. Without a lemmatiser (blank pipeline) inflected forms are generated from the lemmas.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from graph.errors import ExtractionError
from graph.extract.nlp import Token, lex_columns

IRREGULAR = {
    "meet": ["met"],
    "hold": ["held"],
    "give": ["gave", "given"],
    "send": ["sent"],
    "speak": ["spoke", "spoken"],
    "take": ["took", "taken"],
    "strike": ["struck"],
    "fight": ["fought"],
    "seize": [],
    "shell": [],
    "break": ["broke", "broken"],
    "beat": ["beaten"],
    "forgive": ["forgave", "forgiven"],
    "pay": ["paid"],
    "hit": ["hit"],
    "cut": ["cut"],
    "put": ["put"],
    "make": ["made"],
    "lead": ["led"],
    "go": ["went", "gone"],
    "begin": ["began", "begun"],
    "arise": ["arose"],
    "get": ["got"],
    "have": ["had"],
    "deal": ["dealt"],
    "say": ["said"],
    "tell": ["told"],
    "sign": [],
    "lay": ["laid"],
    "slay": ["slew"],
    "sell": ["sold"],
    "stand": ["stood"],
    "bring": ["brought"],
    "seek": ["sought"],
    "win": ["won"],
    "lose": ["lost"],
    "shoot": ["shot"],
    "freeze": ["froze", "frozen"],
    "withdraw": ["withdrew", "withdrawn"],
    "free": [],
}


@dataclass(frozen=True)
class Entry:
    """One trigger: what must hold for it to apply, and what it means."""

    code: str
    lemma: str | None = None
    phrase: str | None = None
    prt: str | None = None
    obj: tuple[str, ...] = ()
    xcomp: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    pobj: tuple[str, ...] = ()
    oprd: tuple[str, ...] = ()  # an object predicate ("called X a dictator"): its words, or "*" for any
    symmetric: bool = False
    needs_target: bool = False
    needs_possessor: bool = False
    person_object: bool = False
    noun: bool = False
    modifier_target: bool = False
    rule_name: str | None = None
    generated: bool = False  # from the PETRARCH-2 dictionary: needs arguments the parse gives
    # a symmetric act one side starts ("X called Y", "X phoned Y"): directed from the subject to the object
    # when the clause names both; symmetric when it names the sides together ("X and Y spoke by phone")
    initiated: bool = False

    @property
    def specificity(self) -> int:
        return (
            bool(self.prt)
            + bool(self.obj)
            + bool(self.xcomp)
            + bool(self.prep)
            + bool(self.pobj)
            + self.person_object
            + bool(self.oprd)
            + (bool(self.oprd) and self.oprd != ("*",))
        )

    @property
    def rule(self) -> str:
        if self.rule_name:
            return self.rule_name
        word = self.phrase or self.lemma or "?"
        extra = (
            self.prt
            or (self.obj[0] if self.obj else None)
            or (self.xcomp[0] if self.xcomp else None)
            or (self.prep[0] if self.prep else None)
        )
        kind = "noun" if self.noun else "verb"
        return f"{kind}:{word}{'+' + extra if extra else ''}->{self.code}"


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]]
    nouns: dict[str, list[Entry]]
    phrases: list[Entry]
    light: frozenset[str]
    verb_forms: dict[str, str]
    noun_forms: dict[str, str]
    light_forms: frozenset[str] = frozenset()
    charge_nouns: frozenset[str] = frozenset()  # "the accusations", "the allegations"
    dismissive_words: frozenset[str] = frozenset()  # what one calls a charge one rejects: "baseless", "false"
    blame_words: frozenset[str] = frozenset()  # what one calls whom one criticises: "reckless", "a dictator"
    praise_words: frozenset[str] = frozenset()  # what one calls whom one praises: "a great friend", "historic"

    def verb(self, tok: Token, lemma: str, is_person: Callable[[int], bool]) -> Entry | None:
        """The most specific entry that fits the verb's arguments; None also when that entry blocks the
        verb (a PETRARCH-2 pattern coded ``---``: "called the company" names no event)."""
        entries = self.verbs.get(lemma)
        if not entries:
            return None
        args = _Arguments(tok)
        for entry in entries:
            if entry.oprd == ("*",) and self._convenes(args):
                continue
            if _fits(entry, args, is_person):
                return entry if entry.code else None
        return None

    def _convenes(self, args: _Arguments) -> bool:
        """ "called an extraordinary meeting": the predicate is an event the verb convenes, and no one is named
        ("called them a threat" names them)."""
        named = any(c.dep_ == "dobj" for c in args.children)
        return not named and any(p.lemma_.lower() in self.nouns for p in args.predicates)

    def bare_verb(self, lemma: str) -> Entry | None:
        """The entry of a verb with no conditions (for word-order reading without a parse)."""
        for entry in reversed(self.verbs.get(lemma, [])):
            if entry.code:
                return entry
        return None

    def is_light(self, tok: Token) -> bool:
        """Whether a verb only carries a noun trigger ("staged a strike"); by form too, as the lemmatiser
        misreads some ("staged" -> "stag")."""
        return tok.lemma_.lower() in self.light or tok.lower_ in self.light_forms

    def prefilter_words(self) -> frozenset[str]:
        """Lower-case words that can start an event: trigger verb and noun forms, words of trigger phrases,
        the modals of "X said Y must ..." demands, and words of blame and praise (evaluations)."""
        phrase_words = {w for e in self.phrases for w in (e.phrase or "").lower().split()}
        evaluative = self.blame_words | self.praise_words | self.dismissive_words
        return (
            frozenset(self.verb_forms)
            | frozenset(self.noun_forms)
            | phrase_words
            | {"must", "should"}
            | evaluative
            | {w + "s" for w in evaluative}
        )

    def noun(self, lemma: str, tok: Token | None = None) -> Entry | None:
        """The entry of an event noun: with ``tok``, the most specific one its phrase fits ("the expulsion of
        six diplomats" is a cut in relations, an expulsion of others is not); else the unconditional one."""
        entries = self.nouns.get(lemma)
        if not entries:
            return None
        if tok is not None:
            return next((e for e in entries if _noun_fits(e, tok)), None)
        return next((e for e in entries if not e.prep), entries[0])


def _noun_fits(entry: Entry, tok: Token) -> bool:
    """Whether an event noun's phrase holds the entry's preposition (and one of its words after it); the
    parse may hang the phrase on the verb the noun is the object of ("tightened curbs | on exports")."""
    if not entry.prep:
        return True
    holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
    return any(
        c.dep_ == "prep"
        and c.lower_ in entry.prep
        and (not entry.pobj or any(p.dep_ == "pobj" and p.lemma_.lower() in entry.pobj for p in c.children))
        for node in holders
        for c in node.children
    )


def _entry(raw: dict[str, Any], noun: bool) -> Entry:
    def tup(key: str) -> tuple[str, ...]:
        value = raw.get(key) or []
        words = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) for v in words):
            # YAML reads a bare on/off/yes/no/true/false as a boolean: "prep: [on]" would match nothing
            raise ExtractionError(
                f"trigger {raw.get('lemma') or raw.get('phrase')!r}: {key} has a word that is not text: {words!r}",
                where="graph/extract/data/triggers.yaml",
                hint='quote words YAML reads as booleans or numbers ("on", "off", "no", "false")',
            )
        return tuple(words)

    return Entry(
        code=str(raw["code"]),
        lemma=raw.get("lemma"),
        phrase=raw.get("phrase"),
        prt=raw.get("prt"),
        obj=tup("obj"),
        xcomp=tup("xcomp"),
        prep=tup("prep"),
        pobj=tup("pobj"),
        oprd=tup("oprd"),
        symmetric=bool(raw.get("symmetric")),
        needs_target=bool(raw.get("needs_target")),
        needs_possessor=bool(raw.get("needs_possessor")),
        person_object=bool(raw.get("person_object")),
        noun=noun,
        modifier_target=bool(raw.get("modifier_target")),
        initiated=bool(raw.get("initiated")),
    )


def _inflect(lemma: str, irregular: dict[str, list[str]] = IRREGULAR) -> list[str]:
    forms = [lemma, *irregular.get(lemma, [])]
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms += [lemma + "s" if not lemma.endswith(("s", "sh", "ch", "x")) else lemma + "es", stem + "ed", stem + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms += [lemma[:-1] + "ies", lemma[:-1] + "ied"]
    if len(lemma) <= 5 and lemma[-1] not in "aeiouwyx" and lemma[-2:-1] in "aeiou" and lemma[-3:-2] not in "aeiou":
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return forms


# Generated verbs of these CAMEO roots need an addressee: a bare statement, appeal or comment
# ("observed", "quoted", "estimated") says nothing about a relation between two actors.
GENERATED_NEEDS_TARGET = ("01", "02")


def _generated_verbs(hand: dict[str, list[Entry]], light: frozenset[str]) -> tuple[list[Entry], dict[str, list[str]]]:
    """Entries of the lexicon generated from the PETRARCH-2 verb dictionary (``triggers_petrarch.json``).

    A verb the hand lexicon knows is the hand's alone (its entries were written and tested against the
    parse this extractor uses); a generated verb whose only entry is its root's catch-all code (say,
    face) names no event by itself, nor does a light verb ("take", "hold", "make": "took Sweden by
    surprise") without the object its patterns require.
    """
    import json

    try:
        raw = json.loads(resources.files("graph.extract").joinpath("data/triggers_petrarch.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ExtractionError(
            "the generated trigger lexicon is missing or broken",
            where="graph/extract/data/triggers_petrarch.json",
            hint="reinstall diplograph or run scripts/generate_lexicon.py",
        ) from exc
    out = []
    for item in raw.get("verbs", []):
        e = _entry(item, noun=False)
        if e.lemma in hand or (e.specificity == 0 and (_catch_all(e.code) or e.lemma in light)):
            continue
        if e.code[:2] in GENERATED_NEEDS_TARGET:
            e = replace(e, needs_target=True)
        out.append(replace(e, generated=True, rule_name=f"petrarch:{e.rule.removeprefix('verb:')}" if e.code else None))
    return out, dict(raw.get("forms", {}))


def _catch_all(code: str) -> bool:
    """A CAMEO root's "not otherwise specified" code (010, 030, 040, 060, 170, ...): the dictionary gives
    it to vague verbs ("say", "take", "face", "link") whose meaning only their patterns pin down."""
    return len(code) == 3 and code[2] == "0"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged trigger lexicon (cached): the hand entries of ``triggers.yaml`` before the generated ones."""
    import yaml

    try:
        raw = yaml.safe_load(resources.files("graph.extract").joinpath("data/triggers.yaml").read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ExtractionError(
            "the trigger lexicon is missing or broken",
            where="graph/extract/data/triggers.yaml",
            hint="reinstall diplograph or fix the YAML",
        ) from exc
    verbs: dict[str, list[Entry]] = {}
    nouns: dict[str, list[Entry]] = {}
    phrases: list[Entry] = []
    for item in raw.get("verbs", []):
        e = _entry(item, noun=False)
        verbs.setdefault(e.lemma or "", []).append(e)
    light = frozenset(raw.get("light_verbs", []))
    generated, forms = _generated_verbs(verbs, light)
    for e in generated:
        verbs.setdefault(e.lemma or "", []).append(e)
    for item in raw.get("verbs_beside_generated", []):  # hand patterns that add to a verb's generated ones
        e = _entry(item, noun=False)
        verbs.setdefault(e.lemma or "", []).append(e)
    irregular = {**forms, **IRREGULAR}
    for item in raw.get("nouns", []):
        e = _entry(item, noun=True)
        if e.phrase:
            phrases.append(e)
        else:
            nouns.setdefault(e.lemma or "", []).append(e)
    # a generated pattern of a light verb and a symmetric event noun ("hold talks", "conduct negotiations")
    # names an act the sides do together, as the noun does ("attend a summit" is one side's, and stays so)
    together = {e.lemma for entries in nouns.values() for e in entries if e.symmetric}
    for lemma, entries in verbs.items():
        if lemma in light:
            verbs[lemma] = [
                replace(e, symmetric=True) if e.generated and not e.symmetric and set(e.obj) & together else e
                for e in entries
            ]
    for entries in (*verbs.values(), *nouns.values()):
        entries.sort(key=lambda e: -e.specificity)
    verb_forms = {f: lemma for lemma in verbs for f in _inflect(lemma, irregular)}
    noun_forms = {f: lemma for lemma in nouns for f in (lemma, lemma + "s", lemma + "es")}
    light_forms = frozenset(f for lemma in light for f in _inflect(lemma))
    return Lexicon(
        verbs,
        nouns,
        phrases,
        light,
        verb_forms,
        noun_forms,
        light_forms,
        charge_nouns=frozenset(raw.get("charge_nouns", [])),
        dismissive_words=frozenset(str(w) for w in raw.get("dismissive_words", [])),
        blame_words=frozenset(str(w) for w in raw.get("blame_words", [])),
        praise_words=frozenset(str(w) for w in raw.get("praise_words", [])),
    )


class _Arguments:
    """What the entries of one verb test about its arguments, each read once (a verb with many generated
    patterns tests the same object words for each)."""

    def __init__(self, tok: Token) -> None:
        self.tok = tok
        self.children = list(tok.children)

    @cached_property
    def predicates(self) -> list[Token]:
        children = self.children
        doc = self.tok.doc
        objects = [c for c in children if c.dep_ == "dobj"]
        return (
            [c for c in children if c.dep_ == "oprd"]
            # "named the envoy as a person of interest", "described the charges as absurd"
            + [p for c in children if c.dep_ == "prep" and c.lower_ == "as" and objects for p in c.children]
            + objects[1:]  # "labelled Nijjar a terrorist" parsed as two objects
            + [
                a  # "called Zelenskyy a dictator" parsed as an apposition with no comma before it
                for o in objects
                for a in o.children
                if a.dep_ == "appos" and a.pos_ in ("NOUN", "ADJ") and doc[a.left_edge.i - 1].pos_ != "PUNCT"
            ]
        )

    @cached_property
    def predicate_words(self) -> set[str]:
        return {w.lemma_.lower() for p in self.predicates for w in p.subtree}

    @cached_property
    def object_words(self) -> set[str]:
        objs = [c for c in self.children if c.dep_ in ("dobj", "nsubjpass", "attr", "dative")]
        if self.tok.dep_ in ("acl", "relcl", "amod"):
            objs.append(self.tok.head)
        lowers, lemmas = lex_columns(self.tok.doc)  # each subtree walked once, its words read from the columns
        words = [w.i for o in objs for w in o.subtree]
        return {lemmas[i].lower() for i in words} | {lowers[i] for i in words}

    @cached_property
    def phrase_words(self) -> set[str]:
        return {w.lemma_.lower() for c in self.children if c.dep_ in ("prep", "npadvmod", "advmod") for w in c.subtree}


# what one publishes, sends or delivers: "released a statement", "sent a letter" is no release of anyone,
# no sending of troops; the statement's own words (a participle, a noun trigger) carry the event
DOCUMENT_NOUNS = frozenset(
    {
        "statement",
        "declaration",
        "communique",
        "communiqué",
        "letter",
        "note",
        "message",
        "report",
        "video",
        "speech",
        "address",
        "readout",
        "transcript",
        "memo",
        "memorandum",
        "document",
        "bulletin",
        "post",
        "tweet",
        "editorial",
        "article",
        "interview",
        "remark",
        "comment",
    }
)
# verbs that, with a document as their object, publish it ("released a statement") rather than do their act
PUBLISHING_VERBS = frozenset(
    {"release", "issue", "send", "deliver", "publish", "post", "present", "submit", "circulate"}
)


def _when(prep: Token) -> bool:
    """Whether a preposition only says when ("on Sunday", "at dawn"): it is no argument of the verb."""
    return any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


def _fits(entry: Entry, args: _Arguments, is_person: Callable[[int], bool]) -> bool:
    tok, children = args.tok, args.children
    if (
        not entry.obj
        and tok.lemma_.lower() in PUBLISHING_VERBS
        and any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in children)
    ):
        return False  # "released a statement", "sent a letter": publishing, not the verb's act
    if entry.person_object and (
        args.predicates or not any(c.dep_ in ("dobj", "nsubjpass") and is_person(c.i) for c in children)
    ):
        return False  # "called Zelenskyy a dictator" names him, it is no call to him
    if entry.oprd:
        if not args.predicates:
            return False
        if entry.oprd != ("*",) and not args.predicate_words & set(entry.oprd):
            return False
    if entry.prt:
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        late = any(  # "forced the UN agency out of the country": the particle parsed as a preposition
            c.dep_ == "prep" and c.lower_ == entry.prt and any(o.dep_ == "dobj" and o.i < c.i for o in children)
            for c in children
        )
        if (
            not late
            and not any(c.dep_ == "prt" and c.lower_ == entry.prt for c in children)
            and not (nxt is not None and nxt.lower_ == entry.prt)
        ):
            return False
    if entry.obj and not args.object_words & set(entry.obj):
        return False
    if entry.xcomp:
        # "gave the envoy 72 hours to leave": the parse may hang the infinitive as an adverbial clause
        comps = [
            c
            for c in children
            if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))
        ]
        if not any(c.lemma_.lower() in entry.xcomp for c in comps):
            return False
    if entry.prep and not any(c.dep_ in ("prep", "prt") and c.lower_ in entry.prep and not _when(c) for c in children):
        return False
    return not (entry.pobj and not args.phrase_words & set(entry.pobj))
