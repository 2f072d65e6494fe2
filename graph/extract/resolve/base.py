"""The resolver's state: actors being built, the token -> actor map, and the helpers every pass shares."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from graph.extract.gazetteer import Entry, Gazetteer, Title
from graph.extract.nlp import Doc, Language, Span, Token, doc_text, phrase_matcher
from graph.extract.resolve.words import _WORDLIKE, LEADING, NOT_NAMES, POSSESSIVE, SKIP_LEFT
from graph.model import Actor, ActorKind


@dataclass
class ActorRec:
    """An actor being assembled from its mentions."""

    key: str
    kind: ActorKind
    name: str
    aliases: set[str] = field(default_factory=set)
    iso2: str | None = None
    iso3: str | None = None
    cameo: str | None = None
    nationality: str | None = None
    part_of: str | None = None
    order: int = 0  # first mention, for tie-breaking
    kind_confidence: float = 1.0  # lower when only the NER says what kind of actor this is

    def actor(self) -> Actor:
        aliases = tuple(sorted(a for a in self.aliases if a and a != self.name))
        return Actor(
            key=self.key,
            kind=self.kind,
            name=self.name,
            aliases=aliases,
            iso2=self.iso2,
            iso3=self.iso3,
            cameo_code=self.cameo,
            nationality=self.nationality,
            part_of=self.part_of,
            kind_confidence=self.kind_confidence,
        )


@dataclass(frozen=True)
class TitleUse:
    """A person named with a title: "Colombian President Gustavo Petro", "Petro, a leader since 2022"."""

    person: str
    title: Title
    state: str | None
    token: int  # first token of the title
    end: int  # token after the title phrase (and its name)


@dataclass(frozen=True)
class KinUse:
    """A family tie: ``relative`` is the ``kin`` of ``person``."""

    person: str
    relative: str
    kin: str
    token: int


@dataclass
class Resolved:
    """Actors of one article and, for every token, the actor it names (if any)."""

    doc: Doc
    published: date | None = None  # the article's date: who held which office then
    actors: dict[str, ActorRec] = field(default_factory=dict)
    token_actor: list[str | None] = field(default_factory=list)
    via_pronoun: set[int] = field(default_factory=set)
    titles: list[TitleUse] = field(default_factory=list)
    kin: list[KinUse] = field(default_factory=list)
    place_state: dict[str, str] = field(default_factory=dict)  # a capital named as a venue -> its state
    # a plural role noun that names several office holders: "the Congolese and Rwandan presidents" -> both
    holders_at: dict[int, list[str]] = field(default_factory=dict)  # a plural noun naming several actors

    def at(self, i: int) -> str | None:
        return self.token_actor[i] if 0 <= i < len(self.token_actor) else None

    def mention_spans(self) -> list[tuple[int, int, str]]:
        """Maximal runs of tokens naming the same actor: (start token, end token, key)."""
        out: list[tuple[int, int, str]] = []
        i, n = 0, len(self.token_actor)
        while i < n:
            key = self.token_actor[i]
            if key is None:
                i += 1
                continue
            j = i + 1
            while j < n and self.token_actor[j] == key and (j in self.via_pronoun) == (i in self.via_pronoun):
                j += 1
            out.append((i, j, key))
            i = j
        return out

    def persons(self) -> list[str]:
        return [k for k, a in self.actors.items() if a.kind is ActorKind.PERSON]


class ResolverBase:
    """Phrase matchers built once per pipeline, and the helpers the resolution passes share."""

    def __init__(self, nlp: Language, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.titles = phrase_matcher(nlp)
        self.title_of: dict[str, Title] = {}
        for t in gaz.titles:
            self.titles.add(t.title, [nlp.make_doc(f) for f in t.forms])
            self.title_of[t.title] = t
        self.bodies = phrase_matcher(nlp)
        for name, forms in gaz.bodies.items():
            self.bodies.add(name, [nlp.make_doc(f) for f in forms])
        self.itself = phrase_matcher(nlp)
        self.itself.add("STATE", [nlp.make_doc(f) for f in gaz.state_itself])
        self.groups = phrase_matcher(nlp)
        self.groups.add("GROUP", [nlp.make_doc(f) for f in gaz.groups])
        self.kin = phrase_matcher(nlp)
        for noun, kind in gaz.kinship.items():
            self.kin.add(kind, [nlp.make_doc(noun)])
        self.title_words = {w for t in gaz.titles for f in t.forms for w in f.split()}

    # -- helpers -------------------------------------------------------------------------------
    def _add(self, r: Resolved, rec: ActorRec) -> ActorRec:
        have = r.actors.get(rec.key)
        if have is None:
            rec.order = len(r.actors)
            r.actors[rec.key] = rec
            return rec
        have.aliases |= rec.aliases
        if len(rec.name) > len(have.name) and rec.kind is ActorKind.PERSON:
            have.aliases.add(have.name)
            have.name = rec.name
        have.nationality = have.nationality or rec.nationality
        have.part_of = have.part_of or rec.part_of
        have.kind_confidence = max(have.kind_confidence, rec.kind_confidence)  # any sure reading wins
        return have

    def _mark(self, r: Resolved, start: int, end: int, key: str, *, force: bool = False) -> None:
        for i in range(start, end):
            if force or r.token_actor[i] is None:
                r.token_actor[i] = key

    def _entry_actor(self, r: Resolved, entry: Entry) -> ActorRec:
        parent = None
        if entry.parent and entry.parent in self.gaz.entries:
            parent = self._entry_actor(r, self.gaz.entries[entry.parent]).key
        elif entry.kind is ActorKind.AGENCY and entry.state:
            state = self.gaz.state(entry.state)
            parent = self._entry_actor(r, state).key if state else None
        rec = ActorRec(
            entry.key,
            entry.kind,
            entry.name,
            set(entry.aliases),
            iso2=entry.iso2,
            iso3=entry.iso3,
            cameo=entry.cameo,
            part_of=parent,
        )
        return self._add(r, rec)

    def state_actor(self, r: Resolved, iso3: str) -> str | None:
        entry = self.gaz.state(iso3)
        return self._entry_actor(r, entry).key if entry else None

    def _state_or_igo(self, r: Resolved, i: int) -> str | None:
        key = r.at(i)
        if key and r.actors[key].kind in (ActorKind.STATE, ActorKind.IGO):
            return key
        return r.place_state.get(key or "")  # "the foreign ministry in Baku": the capital's state

    def modifier(self, doc: Doc, r: Resolved, start: int, end: int) -> str | None:
        """State or IGO qualifying the phrase doc[start:end]: "Colombian ...", "Colombia's ...", "... of Iraq"."""
        j = start - 1
        steps = 0
        while j >= 0 and steps < 4 and doc[j].lower_ in SKIP_LEFT and not doc[j].is_sent_start:
            j -= 1
            steps += 1
        if j >= 2 and doc[j].lower_ in LEADING and doc[j - 1].text == "-":  # "Vietnamese-led forces"
            j -= 2
        if j >= 0:
            if doc[j].text in POSSESSIVE and j > 0:
                key = r.at(j - 1)
                if key and r.actors[key].kind in (ActorKind.STATE, ActorKind.IGO):
                    return key
                if key and r.actors[key].kind is ActorKind.PERSON:
                    return r.actors[key].nationality
            found = self._state_or_igo(r, j)
            if found:
                return found
        if end + 1 < len(doc) and doc[end].lower_ in ("of", "in", "for"):
            k = end + 1
            if doc[k].lower_ == "the" and k + 1 < len(doc):
                k += 1
            return self._state_or_igo(r, k)
        return None


def _longest(doc: Doc, matches: list[tuple[int, int, int]]) -> list[tuple[str, int, int]]:
    """Longest non-overlapping phrase-matcher matches, in text order, with their labels."""
    taken: set[int] = set()
    out = []
    for mid, s, e in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if taken.isdisjoint(range(s, e)):
            taken.update(range(s, e))
            out.append((doc.vocab.strings[mid], s, e))
    return sorted(out, key=lambda m: m[1])


def _strip(span: Span) -> tuple[int, int]:
    """Token bounds of an entity without a leading article or trailing possessive/punctuation."""
    a, b = span.start, span.end
    doc = span.doc
    while b > a and (doc[b - 1].text in POSSESSIVE or doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    while a < b and (doc[a].is_space or doc[a].is_punct):
        a += 1
    return a, b


def _is_name_token(tok: Token) -> bool:
    text = tok.text
    if text in NOT_NAMES or not _WORDLIKE.match(text):
        return False
    return text[:1].isupper() and (not text.isupper() or len(text) <= 2 or text.endswith("."))


# English words written after a hyphen ("Trump-style", "Saudi-led"): never half of a given name
HYPHEN_WORDS = {
    "style",
    "led",
    "backed",
    "era",
    "based",
    "born",
    "like",
    "type",
    "linked",
    "allied",
    "aligned",
    "friendly",
    "funded",
    "run",
    "owned",
    "made",
    "related",
    "appointed",
    "brokered",
    "mediated",
    "sponsored",
    "inspired",
    "controlled",
    "held",
    "supported",
    "affiliated",
    "leaning",
    "minded",
    "bound",
    "wide",
    "level",
    "speaking",
}


def _glued_syllable(tok: Token) -> bool:
    """The lower-case half of a hyphenated given name: "myung" in "Jae-myung", "un" in "Kim Jong-un"."""
    doc, i = tok.doc, tok.i
    return (
        tok.is_lower
        and tok.is_alpha
        and tok.lower_ not in HYPHEN_WORDS
        and i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and _is_name_token(doc[i - 2])
    )


def _name_part(tok: Token) -> bool:
    return _is_name_token(tok) or _glued_syllable(tok)


def _name_text(span: Span) -> str:
    """The name as written, whitespace collapsed ("Mohammad Zia-Ul-Haq", "Abu Musab al-Zarqawi")."""
    return " ".join(span.text.split())


def _prose(doc: Doc, i: int) -> bool:
    """Whether token ``i`` sits in running text (not a heading or a list of names).

    Line starts and each line's answer are kept on the doc, so that many mentions on one long line cost
    one reading of it (a page of names on one line was quadratic)."""
    cache = doc.user_data.get(PROSE_CACHE)
    if cache is None:
        text = doc_text(doc)
        starts = [0, *(k + 1 for k, c in enumerate(text) if c == "\n")]
        cache = doc.user_data[PROSE_CACHE] = (starts, {})
    starts, answers = cache
    line = bisect.bisect_right(starts, doc[i].idx) - 1
    if line not in answers:
        text = doc_text(doc)
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
        words = text[starts[line] : end].split()
        answers[line] = len(words) >= 6 and sum(1 for w in words if w[:1].islower()) >= 2
    return bool(answers[line])


PROSE_CACHE = "diplograph_prose_lines"


def _state_key(r: Resolved, key: str) -> str | None:
    """The state an actor is, belongs to or is a national of (None for IGOs and actors of no known state)."""
    node: str | None = key
    for _ in range(4):
        a = r.actors.get(node or "")
        if a is None or a.kind is ActorKind.IGO:
            return None
        if a.kind is ActorKind.STATE:
            return a.key
        node = a.part_of or a.nationality
    return None
