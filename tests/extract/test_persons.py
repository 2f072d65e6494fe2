"""Persons (graph/extract/resolve/persons.py): one person per name, whatever shorter forms the NER cut."""

from __future__ import annotations

from spacy.tokens import Span

from graph.extract import Pipeline
from graph.model import ActorKind

from .conftest import run


def test_a_shorter_form_of_a_longer_name_is_the_same_person() -> None:
    # the small NER model sometimes cuts "Hassan Sheikh | Mohamud" in two; the title anchors the full name
    pipeline = Pipeline()
    doc = pipeline.nlp(
        "At a press event in Nairobi on Friday, Ruto thanked Somali President Hassan Sheikh Mohamud for the deal."
    )
    words = [t.text for t in doc]
    start = words.index("Hassan")
    doc.ents = [e for e in doc.ents if e.end <= start or e.start >= start + 3] + [
        Span(doc, start, start + 2, label="PERSON"),
        Span(doc, start + 2, start + 3, label="PERSON"),
    ]
    res = pipeline.resolver.resolve(doc)
    persons = sorted(a.name for a in res.actors.values() if a.kind is ActorKind.PERSON and a.name.startswith("Hassan"))
    assert persons == ["Hassan Sheikh Mohamud"]


def test_a_hyphenated_given_name_with_a_lower_case_half_is_one_name() -> None:
    from .conftest import run

    v = run("South Korean President Lee Jae-myung criticised North Korea on Monday over the missile launch.")
    assert "Lee Jae-myung" in {a.name for a in v.ex.actors if a.kind is ActorKind.PERSON}


def test_the_subject_of_a_light_verb_is_one_side_of_talks_with_others() -> None:
    from .conftest import run

    v = run("President Emmanuel Macron had a series of summits with the leaders of Italy and Spain on Tuesday.")
    meetings = [e for e in v.ex.events if e.cameo.startswith("04")]
    assert any({"Emmanuel Macron", "Italy", "Spain"} <= v.n(e.participants) for e in meetings)


def test_a_full_name_after_counterpart_is_one_person() -> None:
    from .conftest import run

    v = run(
        "Foreign Minister Ana Ruiz of Chile and her Peruvian counterpart Hugo Soto Vargas signed the deal on Friday. "
        "Soto Vargas said it was a beginning."
    )
    assert "Hugo Soto Vargas" in {a.name for a in v.ex.actors if a.kind is ActorKind.PERSON}


def test_a_states_name_as_a_given_name_before_a_known_surname() -> None:
    from .conftest import run

    v = run(
        "Chile halted all trade with Israel on Thursday. Israel Katzman said on X that the decision ignored "
        "international agreements. Katzman later met Chilean officials."
    )
    names = {a.name: a.kind for a in v.ex.actors}
    assert names.get("Israel Katzman") is ActorKind.PERSON
    assert "Katzman" not in names


def test_an_english_word_after_a_hyphen_is_no_half_of_a_name_and_a_faith_is_no_actor() -> None:
    from .conftest import run

    v = run("We think we can cut a deal, Donald Trump-style, to secure the island, Vice President JD Vance said.")
    assert "Donald Trump-style" not in {a.name for a in v.ex.actors}
    w = run("Canadian police said Indian agents targeted Sikh separatists in Canada, officials said on Monday.")
    assert not [a for a in w.ex.actors if a.name == "Sikh"]


def test_a_description_with_a_state_before_a_name_gives_the_nationality() -> None:
    v = run("Iran's religious leader Ayatollah Ruhollah Khomeini rejected the proposal of the Iraqi government.")
    found = {a.name: a.nationality for a in v.ex.actors}
    assert found["Ruhollah Khomeini"] == v.actor("Iran")


def test_a_capitalised_verb_after_a_title_in_a_headline_is_no_name() -> None:
    v = run("Kosovo PM Says Serbian Criminals With Government Links Behind Attack")
    assert not [a for a in v.ex.actors if a.kind is ActorKind.PERSON and a.name.startswith("Says")]


def test_a_name_without_its_middle_names_is_the_same_person() -> None:
    v = run("Peru expelled envoy Maria Elena Ruiz Ortega on Monday. Maria Ortega left Lima on Tuesday.")
    persons = {a.name: a for a in v.ex.actors if a.kind is ActorKind.PERSON}
    assert list(persons) == ["Maria Elena Ruiz Ortega"]
    assert "Maria Ortega" in persons["Maria Elena Ruiz Ortega"].aliases


def test_two_names_sharing_only_a_surname_stay_two_people() -> None:
    v = run("Peru expelled envoy Maria Ruiz Ortega on Monday. Pedro Ortega left Lima on Tuesday.")
    names = {a.name for a in v.ex.actors if a.kind is ActorKind.PERSON}
    assert {"Maria Ruiz Ortega", "Pedro Ortega"} <= names


def test_a_name_the_tagger_starts_at_a_particle_begins_at_the_given_name_before_it() -> None:
    v = run("date 2023-03-10 Musaad bin Mohammed Al-Aiban, Saudi Minister of State, led the Saudi delegation.")
    names = {a.name for a in v.ex.actors if a.kind is ActorKind.PERSON}
    assert "Musaad bin Mohammed Al-Aiban" in names and "bin Mohammed Al-Aiban" not in names


def test_a_person_only_the_tagger_names_is_less_sure_than_one_a_title_or_the_dictionary_vouches_for() -> None:
    v = run("Jane Doakes met Kenyan President William Ruto and Ugandan Foreign Minister Halima Odongo in Nairobi.")
    sure = {a.name: a.kind_confidence for a in v.ex.actors if a.kind is ActorKind.PERSON}
    assert sure["William Ruto"] == sure["Halima Odongo"] == 1.0
    assert sure["Jane Doakes"] < 1.0


def test_a_pages_sharing_bar_is_no_person() -> None:
    v = run(
        "By — Nick Schifrin Leave your feedback Share Copy URL https://www.example.org/x Email Facebook Twitter "
        "LinkedIn Share on Twitter Transcript Audio Two presidents known for their fiery rhetoric against each "
        "other met Tuesday in the Oval Office. Chile criticised Peru."
    )
    assert not {a.name for a in v.ex.actors if a.kind is ActorKind.PERSON} & {"Email Facebook", "Twitter Transcript"}
    assert not v.events("04")
    assert v.directed("11") == {(frozenset({"Chile"}), frozenset({"Peru"}))}


def test_he_is_not_a_person_the_text_calls_a_woman() -> None:
    v = run(
        "Chile detained Peruvian citizen Luis Rojas on Monday. Chilean foreign ministry spokeswoman Ana Soto said "
        "the government provided consular access to Rojas, and he was visited by Peru's ambassador."
    )
    assert not [e for e in v.events("04") if "Ana Soto" in v.n(e.targets)]


def test_a_lone_name_one_fires_into_or_is_in_is_no_person() -> None:
    v = run("Eritrea fired roughly 200 shells into Zalambessa on Monday.")
    assert not [a for a in v.ex.actors if a.kind.value == "person"]


def test_a_lower_case_time_abbreviation_is_no_title() -> None:
    v = run("It was the 5:25 pm Donald Trump surprise. Marco Rubio followed up at 5:37 pm confirming the news.")
    assert not [m for m in v.ex.mentions if m.text == "pm"]
