"""The extraction pipeline (spaCy plus the rules built on it) and the pipelines loaded in this process."""

from __future__ import annotations

import os
from typing import Any

from graph.extract.article_actors import _argument, _co_arguments, _mention, _parent, _passing, _referenced
from graph.extract.denials import _link_denials
from graph.model import ActorKind, Article, Extraction, Extractor

EXTRACTOR_NAME = "diplograph-rules"
EXTRACTOR_VERSION = "0.1.0"


class Pipeline:
    """The spaCy pipeline plus the gazetteer, resolver, lexicon and event finder built on it."""

    def __init__(self, nlp: Any = None, *, prefilter: bool = False) -> None:
        from graph.extract.agents import load_agents
        from graph.extract.discards import Discards
        from graph.extract.events import EventFinder
        from graph.extract.gazetteer import load_gazetteer
        from graph.extract.lexicon import load_lexicon
        from graph.extract.nlp import is_trained, load_pipeline, model_label
        from graph.extract.people import load_people
        from graph.extract.resolve import Resolver
        from graph.extract.selective_parse import selective_pipeline

        self.nlp = nlp if nlp is not None else load_pipeline()
        self.parsed = is_trained(self.nlp)
        self.gazetteer = load_gazetteer()
        load_people()  # read once here, before any worker process is forked, not once per worker
        load_agents()
        self.resolver = Resolver(self.nlp, self.gazetteer)
        lexicon = load_lexicon()
        self.finder = EventFinder(self.nlp, lexicon)
        self.discards = Discards(self.nlp)
        self.prefilter = prefilter and self.parsed
        self.parse_nlp = selective_pipeline(self.nlp, lexicon.prefilter_words()) if self.prefilter else self.nlp
        self.extractor = Extractor(EXTRACTOR_NAME, EXTRACTOR_VERSION, model_label(self.nlp))

    def run(self, article: Article, doc: Any) -> Extraction:
        from graph.extract import answers, discards, evaluations, incriminate, invitations, mediation, reported
        from graph.extract import dates as dates_mod
        from graph.extract import facts as facts_mod
        from graph.extract.assemble import (
            build_events,
            dedupe,
            drop_unaddressed,
            merge_agency_targets,
            merge_officials,
            scope_to_article,
            unique_claims,
        )
        from graph.extract.dating import inherit, windows
        from graph.extract.events import state_of
        from graph.extract.nlp import remember_text
        from graph.extract.nlp import sentences as sentences_of
        from graph.extract.resolve import context_nationality
        from graph.extract.wire import wire_origin

        text = article.text
        notes: list[str] = []
        if article.published is None:
            notes.append(
                "publication date unknown: a dateline stands in for it; without one, partial dates take the "
                "year closest to the latest full date in the text, weekdays the last one up to it, and other "
                "relative dates (last month) are left unresolved"
            )
        if not self.parsed:
            notes.append("no trained spaCy pipeline: events from word order only (lower recall and confidence)")
        date_mentions = dates_mod.scan(text, article.published)
        remember_text(doc, text)
        res = self.resolver.resolve(doc, article.published)
        found = self.finder.find(doc, res, date_mentions, article.published, self.parsed)
        if self.parsed:
            found = mediation.find(doc, res, found)
            found = reported.blame(doc, res, reported.find(doc, res, found))
            found = reported.dismissals(doc, res, found, self.finder.lex)
            found = reported.wrongdoings(doc, res, found)
            found = evaluations.find(doc, res, found, self.finder.lex)
            found = incriminate.find(doc, res, found)
            found = invitations.find(doc, res, found)
            found = answers.find(found, res)
        if off_topic := self.discards.sentences(doc):  # sports, markets, entertainment: no events
            found = discards.drop(found, off_topic)
        found = inherit(doc, found, date_mentions, article.published, self.parsed)
        context_nationality(res, _co_arguments(found, res))
        sentences = [(s.start_char, s.end_char) for s in sentences_of(doc)]
        events, claims, _key_of = build_events(found, text, sentences)
        events, claims = merge_officials(
            events,
            claims,
            lambda k: state_of(k, res) or _parent(k, res, ActorKind.IGO, ActorKind.IGO),
            lambda k: res.actors[k].kind in (ActorKind.STATE, ActorKind.IGO),
        )
        events, claims = merge_agency_targets(
            events, claims, lambda k: _parent(k, res, ActorKind.AGENCY, ActorKind.STATE)
        )
        sanctions, props, sanction_claims, extra = facts_mod.sanctions(doc, res, events)
        events = _link_denials(events, sanctions, res, claims, sanction_claims)
        events, claims = drop_unaddressed(events, claims)
        events, claims = dedupe(events + extra, claims)
        claims = unique_claims(claims)
        events = windows(events, date_mentions, article.published)
        events, all_claims, sanctions = scope_to_article(article.key, events, claims + sanction_claims, sanctions)
        facts = (
            facts_mod.role_facts(doc, res, date_mentions)
            + facts_mod.agency_facts(doc, res)
            + facts_mod.kinship_facts(doc, res)
        )
        mentions = tuple(_mention(doc, k, s, e) for s, e, k in res.mention_spans())
        used = _referenced(events, facts, sanctions, props, all_claims)
        used |= {k for s, e, k in res.mention_spans() if not _passing(res.actors[k]) or _argument(doc, s, e)}
        todo = list(used)
        while todo:  # the states and agencies an actor's nationality or parent names are actors of the article too
            rec = res.actors.get(todo.pop())
            for ref in (rec.nationality, rec.part_of) if rec is not None else ():
                if ref and ref not in used and ref in res.actors:
                    used.add(ref)
                    todo.append(ref)
        actors = tuple(
            a.actor() for k, a in sorted(res.actors.items(), key=lambda kv: (kv[1].order, kv[0])) if k in used
        )
        return Extraction(
            article=article,
            extractor=self.extractor,
            actors=actors,
            events=tuple(events),
            facts=tuple(facts),
            sanctions=tuple(sanctions),
            propositions=tuple(props),
            claims=tuple(all_claims),
            mentions=mentions,
            notes=tuple(notes),
            wire=wire_origin(text),
        )


_PIPELINES: dict[tuple[int, bool], Pipeline] = {}
PREFILTER_ENV = "DIPLOGRAPH_PREFILTER"


def prefilter_default() -> bool:
    """Whether to parse only sentences that can hold an event: ``DIPLOGRAPH_PREFILTER=1`` turns it on."""
    return os.environ.get(PREFILTER_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def _pipeline(nlp: Any = None, prefilter: bool = False) -> Pipeline:
    key = (id(nlp), prefilter)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(nlp, prefilter=prefilter)
        _settle()
    return _PIPELINES[key]


def _settle() -> None:
    """Keep the loaded pipeline out of the garbage collector's full passes.

    The model, gazetteer and lexicons are a few hundred thousand objects that live as long as the
    process; every full collection walked all of them again (about 85 ms each, 3% of an ingest), and
    in forked workers that walk also copied their memory pages. Freezing moves every object alive now
    into the permanent generation: still freed by reference counting, only never cycle-collected.
    """
    import gc

    gc.collect()
    gc.freeze()
