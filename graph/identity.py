"""Identity across articles: the persons of different sources who are one person.

Each article names its persons as it finds them: one says "Stewart Ross Wheeler", the next "Stewart
Wheeler", a third "Wheeler" alone or a typo. Within an article the extractor already joins such forms;
across articles the store does, here, from the names every source graph gives its persons (the alias
index is the store itself: ``skos:prefLabel``/``skos:altLabel`` of every ``dip:Person``).

A person joins another (its *canonical*) when one rule says so and nothing forbids it:

* ``middle-names``: the same first and last names, the shorter leaving middle names out ("Stewart
  Wheeler" -> "Stewart Ross Wheeler");
* ``surname``: a one-word name that is the last name of one other person only ("Wheeler");
* ``typo``: two names of two or more words one letter apart, both persons of the same, known
  nationality ("Guistavo Petro" -> "Gustavo Petro"); the form more sources use is canonical.

Never: persons of different known nationalities; a name that fits two persons who are not themselves
one (then it is ambiguous and stays apart); two persons any source declares ``owl:differentFrom`` (the
curated way to split a wrong join). Only persons are joined, never a person and an organisation.

The result is a function of the set of persons in the store, so it does not depend on the order in
which sources arrive. It is recomputed after every ingest and written to ``graph/identity``: for each
joined person ``<member> owl:sameAs <canonical>``, the rule (``dip:identityRule``) and the name that
decided it (``dip:identityAlias``). Rule R3 then gives the canonical person every link to the member
(in ``graph/derived``), and lookups read a member as its canonical person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graph import ids
from graph.extract.people import NEAR_MIN_LENGTH, name_key, one_edit
from graph.namespaces import DIP
from graph.store.base import Quad, Store, Term, WriteBatch

IDENTITY_GRAPH = ids.IDENTITY_GRAPH
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
IDENTITY_RULE = str(DIP.identityRule)
IDENTITY_ALIAS = str(DIP.identityAlias)

PERSONS_QUERY = """
PREFIX dip: <https://w3id.org/diplograph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?p ?field ?value WHERE {
  # each person once (a person named in n graphs would otherwise join the n graphs of its last branch
  # n times over: 240 s instead of seconds at 1M quads)
  { SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a dip:Person } FILTER(?g NOT IN (<%(identity)s>, <%(derived)s>)) } }
  { ?p skos:prefLabel ?value . BIND("label" AS ?field) }
  UNION { ?p skos:altLabel ?value . BIND("alias" AS ?field) }
  UNION { ?p schema:nationality ?value . BIND("nationality" AS ?field) }
  UNION { GRAPH ?h { ?p a dip:Person } FILTER(?h NOT IN (<%(identity)s>, <%(derived)s>)) BIND(STR(?h) AS ?value)
          BIND("graph" AS ?field) }
}
"""
DIFFERENT_QUERY = """
SELECT DISTINCT ?a ?b WHERE { ?a <http://www.w3.org/2002/07/owl#differentFrom> ?b }
"""


@dataclass
class PersonRecord:
    """What the store says of one person IRI: its names, nationalities and the graphs that name it."""

    iri: str
    labels: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    nationalities: set[str] = field(default_factory=set)
    graphs: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        """The label most words long (then longest, then first in order): the fullest form the sources give."""
        return max(self.labels or self.aliases or {self.iri}, key=lambda n: (len(n.split()), len(n), _rev(n)))


@dataclass(frozen=True)
class Join:
    """One person read as another: the rule and the name that decided it."""

    member: str
    canonical: str
    rule: str
    alias: str


def plan(persons: Iterable[PersonRecord], different: Iterable[tuple[str, str]] = ()) -> list[Join]:
    """The joins the rules make among ``persons`` (a pure function of the set: order does not matter).

    Example:
        >>> a = PersonRecord("x:a", {"Stewart Ross Wheeler"}, nationalities={"CAN"})
        >>> b = PersonRecord("x:b", {"Stewart Wheeler"})
        >>> c = PersonRecord("x:c", {"Wheeler"}, nationalities={"CAN"})
        >>> [(j.member, j.canonical, j.rule) for j in plan([c, b, a])]
        [('x:b', 'x:a', 'middle-names'), ('x:c', 'x:a', 'surname')]
    """
    records = {p.iri: p for p in persons}
    forbidden = {frozenset(pair) for pair in different}
    keys = {iri: name_key(p.name) for iri, p in records.items()}
    by_last: dict[str, list[str]] = {}
    for iri in sorted(records):
        words = keys[iri].split()
        if words:
            by_last.setdefault(words[-1], []).append(iri)
    near_last: dict[str, set[str]] = {}  # a last name with one letter deleted (or none) -> the last names
    for last in by_last:
        for form in _deletions(last):
            near_last.setdefault(form, set()).add(last)
    fuller: dict[str, dict[str, str]] = {}  # person -> {a fuller form of it: the rule}
    for iri in sorted(records):
        for other, rule in _fuller_forms(iri, records, keys, by_last, near_last):
            if frozenset((iri, other)) not in forbidden and _compatible(records[iri], records[other]):
                fuller.setdefault(iri, {})[other] = rule
    joins: list[Join] = []
    for iri in sorted(fuller):
        roots = {_root(other, fuller) for other in fuller[iri]}
        roots.discard(None)
        if len(roots) != 1:
            continue  # the name fits persons who are not one: ambiguous, left apart
        root = roots.pop()
        assert root is not None
        if root == iri or frozenset((iri, root)) in forbidden:
            continue
        rule = fuller[iri].get(root) or next(iter(sorted(fuller[iri].values())))
        joins.append(Join(iri, root, rule, records[iri].name))
    return joins


def resolve_identities(store: Store) -> list[Join]:
    """Recompute ``graph/identity`` from the persons in the store; returns the joins written."""
    persons = person_records(store)
    different = [(a, b) for a, b in store.select_values(DIFFERENT_QUERY).rows if a and b]
    joins = plan(persons.values(), different)
    store.apply(WriteBatch(drop_graphs={IDENTITY_GRAPH}, insert=identity_quads(joins)))
    return joins


def person_records(store: Store) -> dict[str, PersonRecord]:
    """Every person of the source graphs with its names, nationalities and graphs."""
    text = PERSONS_QUERY % {"identity": IDENTITY_GRAPH, "derived": ids.DERIVED_GRAPH}
    out: dict[str, PersonRecord] = {}
    for iri, name, value in store.select_values(text).rows:
        rec = out.setdefault(iri, PersonRecord(iri))
        {"label": rec.labels, "alias": rec.aliases, "nationality": rec.nationalities, "graph": rec.graphs}[name].add(
            value
        )
    return out


def identity_quads(joins: Iterable[Join]) -> list[Quad]:
    g = Term.uri(IDENTITY_GRAPH)
    out: list[Quad] = []
    for j in joins:
        member = Term.uri(j.member)
        out += [
            Quad(member, Term.uri(OWL_SAME_AS), Term.uri(j.canonical), g),
            Quad(member, Term.uri(IDENTITY_RULE), Term.literal(j.rule), g),
            Quad(member, Term.uri(IDENTITY_ALIAS), Term.literal(j.alias), g),
        ]
    return out


def _fuller_forms(
    iri: str,
    records: dict[str, PersonRecord],
    keys: dict[str, str],
    by_last: dict[str, list[str]],
    near_last: dict[str, set[str]],
) -> Iterable[tuple[str, str]]:
    """(other person, rule) for each person whose name is a fuller form of this one's, or its typo twin."""
    words = keys[iri].split()
    if not words:
        return
    candidates = list(by_last.get(words[-1], ()))
    if len(words) >= 2 and len(keys[iri]) >= NEAR_MIN_LENGTH:  # typos: last names at most one letter away
        lasts = {last for form in _deletions(words[-1]) for last in near_last.get(form, ())} - {words[-1]}
        candidates += [o for last in sorted(lasts) if one_edit(last, words[-1]) for o in by_last[last]]
    for other in candidates:
        if other == iri:
            continue
        theirs = keys[other].split()
        if len(words) == 1 and len(theirs) >= 2 and theirs[-1] == words[0]:
            yield other, "surname"
        elif 2 <= len(words) < len(theirs) and _middle_names_left_out(words, theirs):
            yield other, "middle-names"
        elif len(words) >= 2 and len(theirs) >= 2 and one_edit(keys[iri], keys[other]):
            a, b = records[iri], records[other]
            if a.nationalities and a.nationalities & b.nationalities and _preferred(b, a):
                yield other, "typo"


def _middle_names_left_out(short: list[str], long: list[str]) -> bool:
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long[1:-1])
    return all(w in rest for w in short[1:-1])


def _deletions(word: str) -> set[str]:
    """The word and every form of it with one letter deleted (two words one edit apart share one)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _preferred(a: PersonRecord, b: PersonRecord) -> bool:
    """Whether ``a``'s spelling wins over ``b``'s: more sources, then the smaller IRI."""
    return (len(a.graphs), b.iri) > (len(b.graphs), a.iri)


def _compatible(a: PersonRecord, b: PersonRecord) -> bool:
    return not (a.nationalities and b.nationalities and not a.nationalities & b.nationalities)


def _root(iri: str, fuller: dict[str, dict[str, str]], depth: int = 0) -> str | None:
    """The fullest form a chain of fuller forms ends in (None when it forks into different persons)."""
    if iri not in fuller or depth > 8:
        return iri
    roots = {_root(o, fuller, depth + 1) for o in fuller[iri]}
    return roots.pop() if len(roots) == 1 else None


def _rev(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)
