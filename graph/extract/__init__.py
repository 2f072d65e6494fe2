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

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import partial
from typing import Any

from graph.errors import ExtractionError, GraphError
from graph.model import ActorKind, Article, Claim, Event, Extraction, Extractor, Mention, Modality

EXTRACTOR_NAME = "diplograph-rules"
EXTRACTOR_VERSION = "0.1.0"

# actors mentioned only in passing (in no event, fact, sanction or claim, never a clause's subject or object)
# that are left out, by _passing: "Canadian citizens", "a Telegram channel" are nodes with no relation
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative"}
WORKER_CHUNK = 4  # articles per task sent to a worker: small, so that both cores stay busy to the last one
DENIAL_REACH = 3  # sentences between a sanction's stated reason and a denial that answers it

__all__ = [
    "EXTRACTOR_NAME",
    "EXTRACTOR_VERSION",
    "ArticleTimeout",
    "ArticleTooLong",
    "Pipeline",
    "extract",
    "extract_many",
]


class Pipeline:
    """The spaCy pipeline plus the gazetteer, resolver, lexicon and event finder built on it."""

    def __init__(self, nlp: Any = None, *, prefilter: bool = False) -> None:
        from graph.extract.agents import load_agents
        from graph.extract.discards import Discards
        from graph.extract.events import EventFinder
        from graph.extract.gazetteer import load_gazetteer
        from graph.extract.lexicon import load_lexicon
        from graph.extract.nlp import is_trained, load_pipeline, model_label, selective_pipeline
        from graph.extract.people import load_people
        from graph.extract.resolve import Resolver

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


def _parent(key: str, res: Any, kind: ActorKind, parent_kind: ActorKind) -> str | None:
    """The parent of an actor of ``kind`` when that parent is of ``parent_kind``, else None: the state of an
    agency (an embassy, a ministry), the organisation of a body of it ("the EU Council" is of the EU)."""
    rec = res.actors.get(key)
    if rec is None or rec.kind is not kind or not rec.part_of:
        return None
    parent = res.actors.get(rec.part_of)
    return rec.part_of if parent is not None and parent.kind is parent_kind else None


def _passing(rec: Any) -> bool:
    """Whether an actor named only in passing may be left out: any group, and an organisation whose name is
    one or two ordinary words ("Telegram", "Radio Free"), not a full name or an acronym ("FDLR")."""
    if rec.kind is ActorKind.GROUP:
        return True
    words = rec.name.split()
    return rec.kind is ActorKind.ORGANIZATION and len(words) <= 2 and not any(w.isupper() and len(w) > 1 for w in words)


def _argument(doc: Any, s: int, e: int) -> bool:
    """Whether the mention s..e is a subject or object of its clause (its own head, or a name inside one)."""
    heads = [t for t in doc[s:e] if t.head.i < s or t.head.i >= e]
    return any(
        t.dep_ in ARGUMENT_DEPS or (t.dep_ in ("compound", "amod") and t.head.dep_ in ARGUMENT_DEPS) for t in heads
    )


def _mention(doc: Any, key: str, s: int, e: int) -> Mention:
    """The mention of tokens s..e: their text is the doc's text between their offsets (spaCy's tokens are
    non-destructive), cut from the text kept with the doc instead of joined token by token."""
    from graph.extract.nlp import doc_text

    start, last = doc[s].idx, doc[e - 1]
    end = last.idx + len(last.text)
    return Mention(key, doc_text(doc)[start:end], start, end)


def _link_denials(
    events: list[Event], sanctions: list[Any], res: Any, mentions: list[Claim], claims: list[Claim]
) -> list[Event]:
    """A denial (016) answers the stated reason of a sanction: the one reported in its sentence (by the
    sanction's event or another mention of it), else the latest one before it (within a few sentences)
    that targets the denier or the denier's relatives."""
    from graph.extract.resolve import Resolved

    assert isinstance(res, Resolved)
    relatives: dict[str, set[str]] = {}
    for k in res.kin:
        relatives.setdefault(k.person, set()).add(k.relative)
    starts: dict[str, set[int]] = {}
    for c in mentions:
        if c.evidence is not None and c.evidence.start is not None:
            starts.setdefault(c.about, set()).add(c.evidence.start)
    out = []
    reasoned = sorted(
        (s for s in sanctions if s.reason and s.evidence is not None and s.evidence.start is not None),
        key=lambda s: s.evidence.start,
    )
    for ev in events:
        if ev.cameo == "016" and ev.evidence is not None and ev.evidence.start is not None:
            here = [
                s
                for s in reasoned
                if s.evidence.start == ev.evidence.start or ev.evidence.start in starts.get(s.event, ())
            ]
            near = False
            if not here and len(ev.actors) == 1:
                denier = ev.actors[0]
                concerned = {denier} | relatives.get(denier, set())
                here = [
                    s
                    for s in reasoned
                    if s.evidence.start < ev.evidence.start
                    and s.target in concerned
                    and 0 <= (ev.evidence.sentence_index or 0) - (s.evidence.sentence_index or 0) <= DENIAL_REACH
                ]
                here = here[-1:]
                near = True
            evidence = ev.evidence
            for s in here:
                targets = ev.targets or tuple(k for k in s.imposers if k not in ev.actors)
                ev = replace(ev, targets=targets, topic=ev.topic or s.reason)
                if near:
                    claims.append(
                        Claim(
                            s.reason,
                            Modality.DENIED,
                            ev.actors[0],
                            ev.confidence,
                            replace(evidence, rule="denial-of-reason"),
                        )
                    )
                break
        out.append(ev)
    return out


def _co_arguments(found: list[Any], res: Any) -> dict[str, set[str]]:
    """For every actor, the states its events name directly beside it (targets inferred from the place,
    the actor's own state or mere word order do not count; a state's groups and agencies do not either)."""
    from graph.extract.resolve import CONTEXT_SKIP_RULES, _state_key

    out: dict[str, set[str]] = {}
    for f in found:
        derived = any(r in f.rule for r in CONTEXT_SKIP_RULES)
        ends = f.actors + f.participants + ([] if derived else f.targets)
        for k in f.everyone:
            out.setdefault(k, set()).update(o for o in ends if o != k and _state_key(res, o) == o)
    return out


def _referenced(
    events: list[Event], facts: list[Any], sanctions: list[Any], props: list[Any], claims: list[Claim]
) -> set[str]:
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


_PIPELINES: dict[tuple[int, bool], Pipeline] = {}
PREFILTER_ENV = "DIPLOGRAPH_PREFILTER"


class ArticleTooLong(ExtractionError):
    """An article over the extraction limit (:data:`graph.extract.nlp.MAX_CHARS` characters): skipped."""


class ArticleTimeout(ExtractionError):
    """An article whose extraction took longer than the per-article time budget: skipped."""


OnError = Callable[[Article, ExtractionError], None]


def budget_default() -> float:
    """Seconds one article may take (``DIPLOGRAPH_ARTICLE_SECONDS``, see :mod:`graph.settings`); 0: no limit."""
    from graph.settings import load_setting

    return float(load_setting("article_seconds"))


class _Expired(BaseException):
    """Raised by the alarm inside an article's extraction: not an ``Exception``, so that no ``except
    Exception`` on the way can swallow it."""


def _timeout(art: Article, budget: float) -> ArticleTimeout:
    return ArticleTimeout(
        f"extraction took longer than the time budget of {budget:g} s per article: not extracted",
        where=art.origin or art.key,
        hint="raise DIPLOGRAPH_ARTICLE_SECONDS (0 turns the budget off) or split the article",
    )


def _within(budget: float, art: Article, work: Callable[[], Extraction]) -> Extraction:
    """``work()``, stopped with :class:`ArticleTimeout` once ``budget`` seconds have passed.

    The alarm (``SIGALRM``) interrupts the Python code of the rules and spaCy between its steps; spaCy's
    compiled loops run to their end first, but every stage is linear in the text (see
    :class:`graph.extract.nlp.BoundedTokenizer`), so they end soon. Where no alarm can be set (not the main
    thread, no ``setitimer``, or a timer already running, e.g. pytest-timeout's), the article runs to its
    end and is dropped afterwards if it overran."""
    import math
    import signal
    import threading
    import time

    if not budget > 0 or not math.isfinite(budget):
        return work()
    started = time.perf_counter()
    armed = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    previous: Any = None
    if armed:

        def expire(signum: int, frame: Any) -> None:
            raise _Expired

        previous = signal.signal(signal.SIGALRM, expire)
    try:
        try:
            if armed:
                signal.setitimer(signal.ITIMER_REAL, budget)
            out = work()
        finally:
            if armed:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except _Expired:
        raise _timeout(art, budget) from None
    finally:
        if armed:
            signal.signal(signal.SIGALRM, previous)
    if time.perf_counter() - started > budget:
        raise _timeout(art, budget)
    return out


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


def extract(
    article: Article, *, nlp: Any = None, prefilter: bool | None = None, budget: float | None = None
) -> Extraction:
    """Extract actors, events, facts and claims from one article.

    Raises:
        ExtractionError: the text could not be processed (the message names the article).
    """
    return next(extract_many([article], nlp=nlp, prefilter=prefilter, budget=budget))


def extract_many(
    articles: Iterable[Article],
    *,
    nlp: Any = None,
    n_process: int = 1,
    batch_size: int = 16,
    prefilter: bool | None = None,
    on_error: OnError | None = None,
    budget: float | None = None,
) -> Iterator[Extraction]:
    """Extractions of many articles, in order, parsed as one stream with ``nlp.pipe``.

    Args:
        n_process: worker processes (2 uses both cores of a 2-core machine). Where ``fork`` exists the
            workers inherit the loaded pipeline and both parse and extract, returning finished
            extractions in order; elsewhere spaCy's own ``n_process`` parses and this process extracts.
        batch_size: articles per spaCy batch.
        prefilter: parse only the sentences that can hold an event (a trigger word and an entity
            or personal pronoun); ``None`` reads ``DIPLOGRAPH_PREFILTER``. Faster, at a small
            recall cost (see BENCHMARKS.md).
        on_error: called with the article and an :class:`~graph.errors.ExtractionError` (e.g.
            :class:`ArticleTooLong`, :class:`ArticleTimeout`) for each article that cannot be
            extracted; the article is then skipped and the others go on. Without it, an over-long
            or over-budget article yields an empty extraction with a note, and other failures raise.
        budget: seconds the rules may take on one article (``None`` reads
            ``DIPLOGRAPH_ARTICLE_SECONDS``, default 60; 0 or less: no limit). An article over it is
            stopped and skipped with :class:`ArticleTimeout`. The spaCy parse itself stays batched and
            is bounded by the text's length (every stage is linear: :class:`graph.extract.nlp.BoundedTokenizer`).
    """
    from collections import deque

    from graph.extract.nlp import MAX_CHARS, parse_many

    pipe = _pipeline(nlp, prefilter_default() if prefilter is None else prefilter)
    seconds = budget_default() if budget is None else float(budget)
    if n_process > 1 and _can_fork():
        yield from _extract_in_workers(pipe, articles, n_process, batch_size, on_error, seconds)
        return
    pending: deque[Article] = deque()

    def texts() -> Iterator[str]:
        for a in articles:
            pending.append(a)
            yield a.text if len(a.text) <= MAX_CHARS else ""

    docs = parse_many(pipe.parse_nlp, texts(), batch_size=batch_size, n_process=n_process)
    while True:
        try:
            doc = next(docs)
        except StopIteration:
            break
        except GraphError:
            raise
        except Exception as exc:  # spaCy errors on pathological input
            where = pending[0].origin if pending else None
            raise ExtractionError(f"spaCy could not process the batch: {exc}", where=where) from exc
        art = pending.popleft()
        if len(art.text) > MAX_CHARS:
            err: ExtractionError = ArticleTooLong(
                f"text of {len(art.text)} characters is over the extraction limit of {MAX_CHARS}",
                where=art.origin or art.key,
                hint="split the article into parts",
            )
            if on_error is not None:
                on_error(art, err)
                continue
            yield Extraction(
                article=art,
                extractor=pipe.extractor,
                notes=(
                    f"text of {len(art.text)} characters is over the extraction limit of {MAX_CHARS}: not extracted; "
                    "split the article into parts",
                ),
            )
            continue
        try:
            result = _within(seconds, art, partial(pipe.run, art, doc))
        except ArticleTimeout as exc:
            if on_error is not None:
                on_error(art, exc)
            else:
                yield _empty(pipe, art, exc)
            continue
        except GraphError as exc:
            if on_error is None or not isinstance(exc, ExtractionError):
                raise
            on_error(art, exc)
            continue
        except Exception as exc:
            err = ExtractionError(
                f"extraction failed: {type(exc).__name__}: {exc}",
                where=art.origin or art.key,
                hint="report this article as a bug",
            )
            if on_error is None:
                raise err from exc
            on_error(art, err)
            continue
        yield result


def _empty(pipe: Pipeline, art: Article, exc: ExtractionError) -> Extraction:
    """The extraction of a skipped article, with the reason as its note."""
    note = exc.message.rstrip(".")
    if ": not extracted" not in note:
        note += ": not extracted"
    if exc.hint:
        note += f"; {exc.hint}"
    return Extraction(article=art, extractor=pipe.extractor, notes=(note,))


# -- several processes ----------------------------------------------------------------------------------
_WORKER_PIPE: Pipeline | None = None  # the pipeline a forked worker inherits from its parent


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _too_long(pipe: Pipeline, art: Article) -> ExtractionError:
    from graph.extract.nlp import MAX_CHARS

    return ArticleTooLong(
        f"text of {len(art.text)} characters is over the extraction limit of {MAX_CHARS}",
        where=art.origin or art.key,
        hint="split the article into parts",
    )


def _work(chunk: list[Article], budget: float = 0.0) -> list[tuple[Any, ...]]:
    """In a worker: parse and extract a chunk of articles; errors travel back as plain tuples.

    The chunk is parsed as one spaCy batch (every stage of the parse is linear in the text); the rules
    of each article run within the time budget."""
    from graph.extract.nlp import MAX_CHARS

    pipe = _WORKER_PIPE
    assert pipe is not None
    out: list[tuple[Any, ...]] = []
    try:
        docs = list(pipe.parse_nlp.pipe([a.text if len(a.text) <= MAX_CHARS else "" for a in chunk]))
    except Exception as exc:  # spaCy errors on pathological input
        return [("batch", f"spaCy could not process the batch: {exc}", chunk[0].origin if chunk else None, None)]
    for art, doc in zip(chunk, docs, strict=True):
        if len(art.text) > MAX_CHARS:
            err = _too_long(pipe, art)
            out.append(("long", err.message, err.where, err.hint))
            continue
        try:
            out.append(("ok", _within(budget, art, partial(pipe.run, art, doc))))
        except ArticleTimeout as exc:
            out.append(("timeout", exc.message, exc.where, exc.hint))
        except ExtractionError as exc:
            out.append(("error", exc.message, exc.where, exc.hint))
        except GraphError as exc:
            out.append(("fatal", f"{type(exc).__name__}: {exc}", art.origin or art.key, None))
        except Exception as exc:
            out.append(
                (
                    "error",
                    f"extraction failed: {type(exc).__name__}: {exc}",
                    art.origin or art.key,
                    "report this article as a bug",
                )
            )
    return out


def _extract_in_workers(
    pipe: Pipeline,
    articles: Iterable[Article],
    n_process: int,
    batch_size: int,
    on_error: OnError | None,
    budget: float = 0.0,
) -> Iterator[Extraction]:
    """Parse *and* extract in ``n_process`` forked workers (each inherits the loaded pipeline), in order.

    spaCy's own ``n_process`` only parses in its workers and ships every doc back to this process,
    which then runs the extractor alone; here the workers return finished extractions, so both cores
    do the whole job. At most ``2 * n_process`` chunks are in flight, so memory stays bounded.
    """
    import multiprocessing
    from collections import deque
    from itertools import islice

    global _WORKER_PIPE
    _WORKER_PIPE = pipe
    ctx = multiprocessing.get_context("fork")
    source = iter(articles)
    with ctx.Pool(n_process) as pool:
        flight: deque[tuple[list[Article], Any]] = deque()

        def feed() -> None:
            while len(flight) < 2 * n_process:
                chunk = list(islice(source, max(1, min(batch_size, WORKER_CHUNK))))
                if not chunk:
                    return
                flight.append((chunk, pool.apply_async(_work, (chunk, budget))))

        feed()
        while flight:
            chunk, result = flight.popleft()
            rows = result.get()
            feed()
            if len(rows) == 1 and rows[0][0] == "batch":
                raise ExtractionError(rows[0][1], where=rows[0][2])
            for art, row in zip(chunk, rows, strict=True):
                kind = row[0]
                if kind == "ok":
                    yield row[1]
                    continue
                if kind == "fatal":
                    raise ExtractionError(row[1], where=row[2])
                kinds = {"long": ArticleTooLong, "timeout": ArticleTimeout}
                err = kinds.get(kind, ExtractionError)(row[1], where=row[2], hint=row[3])
                if on_error is not None:
                    on_error(art, err)
                elif kind in kinds:
                    yield _empty(pipe, art, err)
                else:
                    raise err
