"""Article -> Extraction: actors, typed events, facts, sanctions and claims, each with evidence.

Example:
    >>> from datetime import date
    >>> from graph.model import Article
    >>> art = Article(text="Colombian President Gustavo Petro met U.S. President Donald Trump on Tuesday. "
    ...               "Trump praised Petro.", published=date(2026, 2, 5))
    >>> ex = extract(art)
    >>> sorted(a.key for a in ex.actors)
    ['COL', 'USA', 'person-donald-trump', 'person-gustavo-petro']
    >>> [(e.cameo, e.actors, e.targets) for e in ex.events if e.cameo == "051"]
    [('051', ('person-donald-trump',), ('person-gustavo-petro',))]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from graph.errors import ExtractionError, GraphError
from graph.model import Article, Claim, Event, Extraction, Extractor, Mention

EXTRACTOR_NAME = "diplograph-rules"
EXTRACTOR_VERSION = "0.1.0"

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "Pipeline", "extract", "extract_many"]


class Pipeline:
    """The spaCy pipeline plus the gazetteer, resolver, lexicon and event finder built on it."""

    def __init__(self, nlp: Any = None) -> None:
        from graph.extract.events import EventFinder
        from graph.extract.gazetteer import load_gazetteer
        from graph.extract.lexicon import load_lexicon
        from graph.extract.nlp import is_trained, load_pipeline, model_label
        from graph.extract.resolve import Resolver

        self.nlp = nlp if nlp is not None else load_pipeline()
        self.parsed = is_trained(self.nlp)
        self.gazetteer = load_gazetteer()
        self.resolver = Resolver(self.nlp, self.gazetteer)
        self.finder = EventFinder(self.nlp, load_lexicon())
        self.extractor = Extractor(EXTRACTOR_NAME, EXTRACTOR_VERSION, model_label(self.nlp))

    def run(self, article: Article, doc: Any) -> Extraction:
        from graph.extract import dates as dates_mod
        from graph.extract import facts as facts_mod
        from graph.extract.assemble import build_events

        text = article.text
        notes: list[str] = []
        if article.published is None:
            notes.append("publication date unknown: partial dates take the year closest to the latest full date "
                         "in the text; relative dates (on Tuesday, last month) are left unresolved")
        if not self.parsed:
            notes.append("no trained spaCy pipeline: events from word order only (lower recall and confidence)")
        date_mentions = dates_mod.scan(text, article.published)
        res = self.resolver.resolve(doc)
        found = self.finder.find(doc, res, date_mentions, article.published, self.parsed)
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        events, claims, _key_of = build_events(found, text, sentences)
        sanctions, props, sanction_claims, extra = facts_mod.sanctions(doc, res, events)
        events = _link_denials(events, sanctions, props)
        known = {e.key for e in events}
        events += [e for e in extra if e.key not in known]
        facts = (facts_mod.role_facts(doc, res, date_mentions) + facts_mod.agency_facts(doc, res)
                 + facts_mod.kinship_facts(doc, res))
        mentions = tuple(Mention(k, doc[s:e].text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
                         for s, e, k in res.mention_spans())
        used = _referenced(events, facts, sanctions, props, claims + sanction_claims)
        actors = tuple(a.actor() for k, a in sorted(res.actors.items(), key=lambda kv: kv[1].order)
                       if k in used or any(m.actor == k for m in mentions))
        return Extraction(article=article, extractor=self.extractor, actors=actors, events=tuple(events),
                          facts=tuple(facts), sanctions=tuple(sanctions), propositions=tuple(props),
                          claims=tuple(claims + sanction_claims), mentions=mentions, notes=tuple(notes))


def _link_denials(events: list[Event], sanctions: list[Any], props: list[Any]) -> list[Event]:
    """A denial (016) in a sanction's sentence is about its stated reason and answers its imposer."""
    out = []
    for ev in events:
        if ev.cameo == "016" and ev.evidence is not None:
            for s in sanctions:
                if s.reason and s.evidence is not None and s.evidence.start == ev.evidence.start:
                    targets = ev.targets or tuple(k for k in s.imposers if k not in ev.actors)
                    ev = replace(ev, targets=targets, topic=ev.topic or s.reason)
                    break
        out.append(ev)
    return out


def _referenced(events: list[Event], facts: list[Any], sanctions: list[Any], props: list[Any],
                claims: list[Claim]) -> set[str]:
    keys: set[str] = set()
    for e in events:
        keys |= set(e.everyone) | {e.place or "", e.claimant or ""}
    for f in facts:
        keys |= {f.subject, f.object, f.claimant or ""}
    for s in sanctions:
        keys |= {*s.imposers, s.target}
    for p in props:
        keys |= set(p.concerns)
    for c in claims:
        keys.add(c.claimant or "")
    return keys


_PIPELINES: dict[int, Pipeline] = {}


def _pipeline(nlp: Any = None) -> Pipeline:
    key = id(nlp)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(nlp)
    return _PIPELINES[key]


def extract(article: Article, *, nlp: Any = None) -> Extraction:
    """Extract actors, events, facts and claims from one article.

    Raises:
        ExtractionError: the text could not be processed (the message names the article).
    """
    return next(extract_many([article], nlp=nlp))


def extract_many(articles: Iterable[Article], *, nlp: Any = None, n_process: int = 1,
                 batch_size: int = 16) -> Iterator[Extraction]:
    """Extractions of many articles, in order, parsed in batches with ``nlp.pipe``."""
    pipe = _pipeline(nlp)
    from graph.extract.nlp import MAX_CHARS

    def texts(items: list[Article]) -> Iterator[str]:
        for a in items:
            yield a.text if len(a.text) <= MAX_CHARS else ""

    batch: list[Article] = []
    for art in articles:
        batch.append(art)
        if len(batch) >= batch_size:
            yield from _run_batch(pipe, batch, texts, n_process, batch_size)
            batch = []
    if batch:
        yield from _run_batch(pipe, batch, texts, n_process, batch_size)


def _run_batch(pipe: Pipeline, batch: list[Article], texts: Any, n_process: int,
               batch_size: int) -> Iterator[Extraction]:
    from graph.extract.nlp import MAX_CHARS, parse_many

    try:
        docs = list(parse_many(pipe.nlp, texts(batch), batch_size=batch_size, n_process=n_process))
    except GraphError:
        raise
    except Exception as exc:  # spaCy errors on pathological input
        raise ExtractionError(f"spaCy could not process the batch: {exc}", where=batch[0].origin) from exc
    for art, doc in zip(batch, docs, strict=True):
        if len(art.text) > MAX_CHARS:
            yield Extraction(article=art, extractor=pipe.extractor, notes=(
                f"text of {len(art.text)} characters is over the extraction limit of {MAX_CHARS}: not extracted; "
                "split the article into parts",))
            continue
        try:
            yield pipe.run(art, doc)
        except GraphError:
            raise
        except Exception as exc:
            raise ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}",
                                  where=art.origin or art.key, hint="report this article as a bug") from exc
