"""Persons (graph/extract/resolve/persons.py): one person per name, whatever shorter forms the NER cut."""

from __future__ import annotations

from spacy.tokens import Span

from graph.extract import Pipeline
from graph.model import ActorKind


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
