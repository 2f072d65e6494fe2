"""Mentions -> actors, over the whole article.

No single NER label is trusted (the small model tags "Trump" ORG and "Petro" GPE): the
gazetteer decides states, capitals, demonyms, agencies and organisations; persons are built
from every place a name appears (NER PERSON spans, names after titles, names in apposition)
and each later surname, first name, title-only phrase ("the Colombian president") or safe
pronoun is linked to them. State bodies ("Colombia's cabinet", "the Iraqi foreign ministry"),
national groups ("Syrian rebels") and relatives ("Petro's relatives") become actors of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph import ids
from graph.extract.gazetteer import Entry, Gazetteer, Title
from graph.extract.nlp import (
    Doc,
    Language,
    Span,
    Token,
    doc_text,
    lex_columns,
    phrase_matcher,
    sentences,
    token_columns,
)
from graph.model import Actor, ActorKind

POSSESSIVE = {"'s", "’s", "'", "’"}
SINGULAR_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
SKIP_LEFT = {
    "the",
    "a",
    "an",
    "former",
    "new",
    "then",
    "acting",
    "interim",
    "outgoing",
    "incoming",
    "top",
    "senior",
    "veteran",
    "current",
    "late",
    "powerful",
    "embattled",
    "chief",
    "deputy",
    "vice",
    "newly",
    "elected",
    "-",
    "—",
    "ousted",
    "exiled",
    "left",
    "right",
    "leaning",
    "wing",
    "leftist",
    "rightist",
    "conservative",
    "liberal",
    "populist",
    "military",
    "civilian",
    "ruling",
    "opposition",
}
LEADING = {"led", "backed", "sponsored", "supported", "commanded", "run"}  # "Saudi-led coalition": the state leads it
REGION_WORDS = {"the", "south", "southern", "north", "northern", "east", "eastern", "west", "western", "central"}
NAME_PARTICLES = {"de", "del", "da", "dos", "van", "von", "bin", "al", "el", "la", "le", "ibn", "abu", "di", "-"}
NOT_NAMES = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "It",
    "In",
    "On",
    "At",
    "By",
    "For",
    "But",
    "And",
    "Sources",
    "Mr",
    "Mrs",
    "Ms",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr",
    "Dr.",
}
HONORIFICS = {
    "Mr",
    "Mrs",
    "Ms",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr",
    "Dr.",
    "Sir",
    "Lady",
    "Sheikh",
    "Ayatollah",
    "Lt.",
    "Gen.",
    "Col.",
    "Maj.",
    "Capt.",
    "Sgt.",
    "Adm.",
    "Rep.",
    "Sen.",
    "Gov.",
    "Pres.",
}
ORG_HEADS = {
    "Union",
    "Association",
    "Party",
    "Front",
    "Movement",
    "Observatory",
    "Council",
    "Committee",
    "Organization",
    "Organisation",
    "League",
    "Forum",
    "Company",
    "Corporation",
    "Federation",
    "Congress",
    "Alliance",
    "Coalition",
    "Society",
    "Institute",
    "Foundation",
    "Bank",
    "Authority",
    "Commission",
    "Army",
    "Brigade",
    "Brigades",
    "Guard",
    "Network",
    "Centre",
    "Center",
    "Confederation",
    "Syndicate",
}
ORG_CONNECTORS = {"of", "for", "the", "and", "&"}
NAME_WIDTH = 8  # tokens of the longest name form looked up ("Abu Musab al - Zarqawi" is 6)
_WORDLIKE = re.compile(r"^[^\W\d_][\w'’.-]*$")


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
    actors: dict[str, ActorRec] = field(default_factory=dict)
    token_actor: list[str | None] = field(default_factory=list)
    via_pronoun: set[int] = field(default_factory=set)
    titles: list[TitleUse] = field(default_factory=list)
    kin: list[KinUse] = field(default_factory=list)

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


class Resolver:
    """Resolves the actors of docs made by one pipeline (holds its phrase matchers)."""

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

    # -- entry point -------------------------------------------------------------------------
    def resolve(self, doc: Doc) -> Resolved:
        r = Resolved(doc=doc, token_actor=[None] * len(doc))
        self._gazetteer(doc, r)
        self._communities(doc, r)
        title_spans = self._title_spans(doc, r)
        self._persons(doc, r, title_spans)
        self._titles(doc, r, title_spans)
        self._appositions(doc, r)
        self._pronouns(doc, r)
        self._kinship(doc, r)
        self._bodies(doc, r)
        self._groups(doc, r)
        self._organisations(doc, r)
        return r

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
        return None

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

    # -- passes ----------------------------------------------------------------------------
    def _gazetteer(self, doc: Doc, r: Resolved) -> None:
        for ent in doc.ents:
            eid = ent.ent_id_
            if not eid:
                continue
            prefix, _, code = eid.partition(":")
            entry = self.gaz.state(code) if prefix in ("demonym", "capital") else self.gaz.entries.get(eid)
            if entry is None:
                continue
            rec = self._entry_actor(r, entry)
            start, end = _strip(ent)
            if start < end:
                rec.aliases.add(doc[start:end].text)
                self._mark(r, start, end, rec.key)

    def _communities(self, doc: Doc, r: Resolved) -> None:
        """ "ethnic Albanians in south Serbia", "Kurds of northern Iraq": people named by a demonym who live in
        another state are a group of that state, not the state of the demonym."""
        for ent in doc.ents:
            prefix, _, _code = ent.ent_id_.partition(":")
            if prefix != "demonym" or len(ent) != 1 or not ent.text.endswith("s"):
                continue
            tok = ent[0]
            if tok.dep_ in ("amod", "compound") and tok.head.i > tok.i:
                continue
            k = ent.end
            if k >= len(doc) or doc[k].lower_ not in ("in", "of"):
                continue
            k += 1
            while k < len(doc) and doc[k].lower_ in REGION_WORDS:
                k += 1
            home = r.at(k) if k < len(doc) else None
            own = r.at(tok.i)
            if home is None or home == own or r.actors[home].kind is not ActorKind.STATE or not doc[k].ent_id_:
                continue
            if not doc[k].ent_id_.startswith("state:"):
                continue
            state = r.actors[home]
            name = f"{tok.text} in {state.name}"
            rec = self._add(
                r, ActorRec(ids.actor_key(ActorKind.GROUP, name), ActorKind.GROUP, name, {tok.text}, nationality=home)
            )
            self._mark(r, tok.i, tok.i + 1, rec.key, force=True)

    def _title_spans(self, doc: Doc, r: Resolved) -> list[tuple[int, int, Title]]:
        out = []
        for label, s, e in _longest(doc, self.titles(doc)):
            if not any(r.at(i) for i in range(s, e)):
                out.append((s, e, self.title_of[label]))
        return out

    def _name_run(self, doc: Doc, r: Resolved, i: int, limit: int = 4) -> tuple[int, int]:
        """Capitalised name tokens starting at ``i`` (initials and particles allowed)."""
        j = i
        while j < len(doc) and doc[j].text in HONORIFICS:
            j += 1
        start = j
        words = 0
        while j < len(doc) and words < limit:
            tok = doc[j]
            if r.at(j) and r.actors[r.at(j) or ""].kind is not ActorKind.PERSON:
                break
            if tok.text in NOT_NAMES and j == start:
                break
            name_like = _is_name_token(tok) and tok.lower_ not in self.title_words
            particle = tok.lower_ in NAME_PARTICLES and j > start and j + 1 < len(doc) and _is_name_token(doc[j + 1])
            if name_like or particle:
                words += j == start or bool(doc[j - 1].whitespace_)  # "Zia-Ul-Haq" is one word
                j += 1
            else:
                break
        return start, j

    def _persons(self, doc: Doc, r: Resolved, title_spans: list[tuple[int, int, Title]]) -> None:
        names: dict[str, list[tuple[int, int]]] = {}
        anchored: set[str] = set()
        for _s, e, _t in title_spans:
            k = e
            if k < len(doc) and doc[k].lower_ == "of" and k + 1 < len(doc):  # "Secretary of Energy X"
                k += 1
                while k < len(doc) and (
                    r.at(k)
                    or (_is_name_token(doc[k]) and k + 1 < len(doc) and _is_name_token(doc[k + 1]) and k - e < 4)
                ):
                    if r.at(k):
                        k += 1
                        break
                    k += 1
            a, b = self._name_run(doc, r, k)
            if b > a:
                text = _name_text(doc[a:b])
                names.setdefault(text, []).append((a, b))
                anchored.add(text)
        person_votes: dict[str, int] = {}
        for ent in doc.ents:
            if ent.ent_id_:
                continue
            a, b = _strip(ent)
            while a < b and (doc[a].text in HONORIFICS or doc[a].lower_ in self.title_words):
                a += 1
            if b <= a or any(r.at(i) for i in range(a, b)):
                continue
            text = _name_text(doc[a:b])
            if ent.label_ == "PERSON":
                person_votes[text] = person_votes.get(text, 0) + 1
                if all(_is_name_token(t) or t.lower_ in NAME_PARTICLES for t in doc[a:b]) and _prose(doc, a):
                    names.setdefault(text, []).append((a, b))
        full = {n for n in names if len(n.split()) >= 2}
        singles = {n for n in names if len(n.split()) == 1 and (n in anchored or person_votes.get(n, 0) > 0)}
        index: dict[str, str] = {}  # surface form -> canonical full name
        for n in sorted(full, key=lambda x: min(p[0] for p in names[x])):
            index.setdefault(n, n)
            parts = n.split()
            index.setdefault(parts[-1], n)
            prefix, dash, rest = parts[-1].partition("-")
            if dash and prefix.lower() in NAME_PARTICLES and rest[:1].isupper():
                index.setdefault(rest, n)  # "al-Bashir" -> "Bashir"
            if parts[0] not in NAME_PARTICLES:
                index.setdefault(parts[0], n)
        for n in sorted(singles, key=lambda x: (min(p[0] for p in names[x]), x)):  # text order, not hash order
            index.setdefault(n, n)
        if not index:
            return
        for name in dict.fromkeys(index.values()):
            self._add(r, ActorRec(ids.actor_key(ActorKind.PERSON, name), ActorKind.PERSON, name, {name}))
        first = {c: min(p[0] for p in names.get(c, [(len(doc), 0)])) for c in index.values()}
        words, spaces, blank = token_columns(doc)
        heads = {n.split()[0].split("-")[0] for n in index}
        starts = [w in heads and not sp for w, sp in zip(words, blank, strict=True)]
        i = 0
        while i < len(doc):
            hit: tuple[int, str, str] | None = None
            if r.token_actor[i] is not None or not starts[i]:
                i += 1
                continue
            for width in range(min(NAME_WIDTH, len(doc) - i), 0, -1):
                if any(r.token_actor[k] for k in range(i, i + width)):
                    continue
                text = "".join(words[k] + (spaces[k] if k < i + width - 1 else "") for k in range(i, i + width))
                text = " ".join(text.split())
                if text in index and (width > 1 or _is_name_token(doc[i])):
                    hit = (width, index[text], text)
                    break
            if hit:
                width, canonical, text = hit
                key = ids.actor_key(ActorKind.PERSON, canonical)
                r.actors[key].aliases.add(text)
                r.actors[key].order = min(r.actors[key].order, first[canonical])
                self._mark(r, i, i + width, key)
                i += width
            else:
                i += 1

    def _titles(self, doc: Doc, r: Resolved, title_spans: list[tuple[int, int, Title]]) -> None:
        pending: list[tuple[int, int, Title, str | None]] = []
        for s, e, title in title_spans:
            state = self.modifier(doc, r, s, e)
            person = None
            k = e
            if k < len(doc) and doc[k].lower_ == "of":
                k += 1
                while (
                    k < len(doc)
                    and k - e < 5
                    and (r.at(k) is None or r.actors[r.at(k) or ""].kind is not ActorKind.PERSON)
                    and not doc[k].is_punct
                ):
                    k += 1
            if (
                k + 1 < len(doc)
                and k == e
                and doc[k].text == ","
                and (s == 0 or doc[s - 1].lower_ != "a")
                and not doc[e - 1].lower_.endswith("s")
            ):
                k += 1  # "Qatar's emir, Sheikh Hamad ...", "the Colombian president, Gustavo Petro,"
                while k < len(doc) and doc[k].text in HONORIFICS:
                    k += 1
                if not (k < len(doc) and (key := r.at(k)) and r.actors[key].kind is ActorKind.PERSON):
                    k = e
            while k < len(doc) and doc[k].text in HONORIFICS:
                k += 1
            if k < len(doc) and (key := r.at(k)) and r.actors[key].kind is ActorKind.PERSON:
                person = key
            else:
                person = self._appositive(doc, r, s, e)
            if person is None:
                pending.append((s, e, title, state))
                continue
            rec = r.actors[person]
            if state and r.actors[state].kind is ActorKind.STATE:
                rec.nationality = rec.nationality or state
            r.titles.append(TitleUse(person, title, state, s, max(e, k + 1)))
        for s, e, title, state in pending:  # "the Colombian president": the person with that title
            if doc[e - 1].lower_.endswith("s") and doc[e - 1].lower_ not in ("boss",):
                continue
            holders = {u.person for u in r.titles if u.title == title and (state is None or u.state in (state, None))}
            if len(holders) == 1:
                self._mark(r, s, e, holders.pop())

    def _appositions(self, doc: Doc, r: Resolved) -> None:
        """ "Salaheddine Sidhoum, Algeria's leading activist," / "X, a Syrian dissident": the person's nationality."""
        for _s, e, key in r.mention_spans():
            rec = r.actors[key]
            if rec.kind is not ActorKind.PERSON or rec.nationality or e >= len(doc) or doc[e].text != ",":
                continue
            k = e + 1
            if k < len(doc) and doc[k].lower_ in ("a", "an", "the"):
                k += 1
            state = r.at(k) if k < len(doc) else None
            if state is None or r.actors[state].kind is not ActorKind.STATE or k in r.via_pronoun:
                continue
            while k < len(doc) and r.at(k) == state:
                k += 1
            if k < len(doc) and doc[k].text in POSSESSIVE:
                k += 1
            rest = [t for t in doc[k : min(len(doc), k + 5)] if not t.is_punct]
            if rest and any(t.pos_ == "NOUN" and t.is_lower for t in rest[:4]) and not r.at(k):
                rec.nationality = state

    def _appositive(self, doc: Doc, r: Resolved, s: int, e: int) -> str | None:
        head = doc[e - 1]
        if head.dep_ == "appos" and (key := r.at(head.head.i)) and r.actors[key].kind is ActorKind.PERSON:
            return key
        j = s - 1
        while j > 0 and s - j <= 5 and doc[j].text != "," and not doc[j].is_sent_start:
            if doc[j].lower_ not in SKIP_LEFT and not doc[j].is_lower and not r.at(j) and doc[j].text != "'s":
                return None
            j -= 1
        if j > 0 and doc[j].text == "," and (key := r.at(j - 1)) and r.actors[key].kind is ActorKind.PERSON:
            return key
        return None

    def _pronouns(self, doc: Doc, r: Resolved) -> None:
        sents = sentences(doc)
        lowers = lex_columns(doc)[0]
        for si, sent in enumerate(sents):
            for ti in range(sent.start, sent.end):
                if lowers[ti] not in SINGULAR_PRONOUNS or r.at(ti):
                    continue
                before = [r.at(i) for i in range(sent.start, ti) if r.at(i) and i not in r.via_pronoun]
                cands = [k for k in before if k and r.actors[k].kind is ActorKind.PERSON]
                if not cands and si > 0:
                    prev = sents[si - 1]
                    cands = [
                        k
                        for i in range(prev.start, prev.end)
                        if (k := r.at(i)) and r.actors[k].kind is ActorKind.PERSON
                    ]
                    subjects = {r.at(t.i) for t in prev if t.dep_.startswith("nsubj") and r.at(t.i) in cands}
                    if len(set(cands)) > 1 and len(subjects) == 1:
                        cands = [next(iter(subjects)) or ""]
                if len(set(cands)) == 1:
                    r.token_actor[ti] = cands[-1]
                    r.via_pronoun.add(ti)

    def _kinship(self, doc: Doc, r: Resolved) -> None:
        for kind, s, e in _longest(doc, self.kin(doc)):
            span = doc[s:e]
            person = None
            if s >= 2 and doc[s - 1].text in POSSESSIVE:
                person = r.at(s - 2)
            elif s >= 1 and doc[s - 1].lower_ in ("his", "her"):
                person = r.at(s - 1)
            elif e + 1 < len(doc) and doc[e].lower_ == "of":
                person = r.at(e + 1)
            if not person or r.actors[person].kind is not ActorKind.PERSON:
                continue
            k = e + 1 if e < len(doc) and doc[e].text == "," else e
            a, b = self._name_run(doc, r, k)
            named = r.at(a) if b > a else None
            if b > a and (named is None or r.actors[named].kind is ActorKind.PERSON) and named != person:
                name = r.actors[named].name if named else _name_text(doc[a:b])
                rec = self._add(r, ActorRec(ids.actor_key(ActorKind.PERSON, name), ActorKind.PERSON, name, {name}))
                rec.nationality = rec.nationality or r.actors[person].nationality
                self._mark(r, a, b, rec.key)
            else:
                plural = span.text.lower() in ("family", "relatives", "family members") or kind == "relative"
                label = "relatives" if plural else span.text.lower()
                name = f"{label} of {r.actors[person].name}"
                rec = self._add(
                    r,
                    ActorRec(
                        ids.actor_key(ActorKind.GROUP, name),
                        ActorKind.GROUP,
                        name,
                        {doc[max(0, s - 2) : e].text},
                        nationality=r.actors[person].nationality,
                    ),
                )
            self._mark(r, s, e, rec.key, force=True)
            r.kin.append(KinUse(person, rec.key, kind, s))

    def _bodies(self, doc: Doc, r: Resolved) -> None:
        loose: list[tuple[int, int, str]] = []
        for match_id, s, e in self.bodies(doc):
            if any(r.at(i) for i in range(s, e)):
                continue
            body = doc.vocab.strings[match_id]
            owner = self.modifier(doc, r, s, e)
            if owner is None:
                loose.append((s, e, body))
                continue
            owner_rec = r.actors[owner]
            if owner_rec.kind is not ActorKind.STATE:
                self._mark(r, s, e, owner)
                continue
            self._body_actor(r, body, owner_rec, s, e, doc[s:e].text)
        for s, e, body in loose:  # "the cabinet": the one body of that kind the article names
            same = [a for a in r.actors.values() if a.kind is ActorKind.AGENCY and a.key.endswith("-" + ids.slug(body))]
            if len(same) == 1 and not doc[s].is_title:
                self._mark(r, s, e, same[0].key)
        for _m, s, e in self.itself(doc):
            if not any(r.at(i) for i in range(s, e)) and (owner := self.modifier(doc, r, s, e)):
                self._mark(r, s, e, owner)

    def _body_actor(self, r: Resolved, body: str, state: ActorRec, s: int, e: int, surface: str) -> None:
        key = ids.actor_key(ActorKind.AGENCY, body, state=state.iso3)
        name = f"{body} of {state.name}"
        rec = self._add(
            r,
            ActorRec(
                key, ActorKind.AGENCY, name, {surface}, cameo=f"{state.cameo or state.iso3}GOV", part_of=state.key
            ),
        )
        self._mark(r, s, e, rec.key)

    def _groups(self, doc: Doc, r: Resolved) -> None:
        for _m, s, e in self.groups(doc):
            if any(r.at(i) for i in range(s, e)):
                continue
            owner = self.modifier(doc, r, s, e)
            if owner is None:
                continue
            owner_rec = r.actors[owner]
            if owner_rec.kind is not ActorKind.STATE:
                self._mark(r, s, e, owner)
                continue
            name = f"{owner_rec.name} {doc[s:e].text.lower()}"
            rec = self._add(
                r,
                ActorRec(
                    ids.actor_key(ActorKind.GROUP, name),
                    ActorKind.GROUP,
                    name,
                    {doc[max(0, s - 1) : e].text},
                    nationality=owner,
                ),
            )
            self._mark(r, s, e, rec.key)

    def _named_organisations(self, doc: Doc, r: Resolved) -> None:
        """Organisations whose name holds a state: "Nigerian Union of Teachers", "Free Syrian Army".

        A run of capitalised words (with "of", "for", "the", "and" between them) that ends in an
        organisation noun (Union, Party, Observatory, ...) and names exactly one state becomes an
        organisation of that nationality; an acronym in brackets right after it is an alias.
        """
        n = len(doc)
        if not any(w in ORG_HEADS or w.rstrip("s") in ORG_HEADS for w in token_columns(doc)[0]):
            return  # no organisation noun, no such name (the common case: skip the scan)
        i = 0
        while i < n:
            if not self._org_word(doc, r, i):
                i += 1
                continue
            j = i
            while j < n and (
                self._org_word(doc, r, j)
                or (j > i and doc[j].lower_ in ORG_CONNECTORS and j + 1 < n and self._org_word(doc, r, j + 1))
            ):
                j += 1
            start, end = i, j
            i = j
            heads = [k for k in range(start, end) if doc[k].text.rstrip("s") in ORG_HEADS or doc[k].text in ORG_HEADS]
            if not heads or end - start < 2 or not _prose(doc, start):
                continue
            end = heads[-1] + 1
            while (
                end < j
                and r.at(end) is None
                and (
                    self._org_word(doc, r, end)
                    or (doc[end].lower_ in ORG_CONNECTORS and end + 1 < j and self._org_word(doc, r, end + 1))
                )
            ):
                end += 1  # "Union of Teachers", "Observatory for Human Rights": keep the words after the head
            states = {k for t in range(start, end) if (k := r.at(t))}
            if len(states) != 1 or all(r.at(t) for t in range(start, end)):
                continue
            state = next(iter(states))
            name = " ".join(doc[start:end].text.split())
            rec = self._add(
                r,
                ActorRec(
                    ids.actor_key(ActorKind.ORGANIZATION, name), ActorKind.ORGANIZATION, name, {name}, nationality=state
                ),
            )
            self._mark(r, start, end, rec.key, force=True)
            if end + 2 < n and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].is_upper:
                rec.aliases.add(doc[end + 1].text)
                self._mark(r, end + 1, end + 2, rec.key, force=True)
                for later in range(end + 3, n):  # later uses of the acronym
                    if doc[later].text == doc[end + 1].text and r.at(later) is None:
                        self._mark(r, later, later + 1, rec.key)

    @staticmethod
    def _org_word(doc: Doc, r: Resolved, i: int) -> bool:
        tok = doc[i]
        key = r.at(i)
        if key is not None and r.actors[key].kind is not ActorKind.STATE:
            return False
        text = tok.text
        return bool(text[:1].isupper() and tok.is_alpha and text not in NOT_NAMES) or (
            key is not None and not tok.is_punct
        )

    def _organisations(self, doc: Doc, r: Resolved) -> None:
        self._named_organisations(doc, r)
        for ent in doc.ents:
            if ent.label_ != "ORG" or ent.ent_id_:
                continue
            a, b = _strip(ent)
            while a < b and doc[a].lower_ == "the":
                a += 1
            if b <= a or any(r.at(i) for i in range(a, b)) or not _prose(doc, a):
                continue
            toks = doc[a:b]
            if any(t.like_num for t in toks) or (not doc[a].is_title and not doc[a].is_upper):
                continue
            if all(t.lower_ in self.title_words for t in toks):
                continue
            name = toks.text
            rec = self._add(
                r, ActorRec(ids.actor_key(ActorKind.ORGANIZATION, name), ActorKind.ORGANIZATION, name, {name})
            )
            self._mark(r, a, b, rec.key)


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


def _name_text(span: Span) -> str:
    """The name as written, whitespace collapsed ("Mohammad Zia-Ul-Haq", "Abu Musab al-Zarqawi")."""
    return " ".join(span.text.split())


def _prose(doc: Doc, i: int) -> bool:
    """Whether token ``i`` sits in running text (not a heading or a list of names)."""
    text = doc_text(doc)
    idx = doc[i].idx
    start = text.rfind("\n", 0, idx) + 1
    end = text.find("\n", idx)
    line = text[start : end if end >= 0 else len(text)]
    words = line.split()
    return len(words) >= 6 and sum(1 for w in words if w[:1].islower()) >= 2


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
