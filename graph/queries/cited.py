"""The evidence of events read from the claim digests (:mod:`graph.digests`): per event, what each
claim about it cites (sentence, offsets, article, outlet, claimant, confidence), as :data:`Cited`
tuples or as the dicts network edges carry, in the order the per-event lookups give."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from graph.digests import expand, unescape
from graph.ids import ID
from graph.queries.articles import NO_ARTICLE, ArticleInfo
from graph.queries.claims import ClaimInfo, claim_order, to_float, to_int
from graph.queries.records import Evidence


def cited_from_digests(
    claims: list[list[str]],
    run_document: Callable[[str], str | None],
    events: Collection[str],
    *,
    label: Callable[[str], str | None],
    articles: Mapping[str, ArticleInfo],
    look_up: Callable[[Iterable[ClaimInfo]], Mapping[str, Evidence]],
    edge_dicts: bool,
) -> dict[str, Any]:
    """The evidence of the claims about ``events``, from the claim digest records ``claims``
    (:func:`graph.queries.claims.claim_records`; ``run_document`` names the document of a run), sorted as
    :meth:`graph.queries.fetch.Fetcher.claims` sorts claims (by source, sentence and claim):
    :data:`Cited` tuples, or edge dicts. Articles come from ``articles`` (the session's cache),
    filled beforehand; a sentence that no digest describes is looked up with ``look_up``."""
    names: dict[str, str | None] = {"": None}  # compacted name -> IRI: documents and articles repeat
    claimants: dict[str, str | None] = {"": None}
    confidences: dict[str, float | None] = {"": None}
    shown: dict[str | None, tuple[ArticleInfo, str | None]] = {}  # an article and its ISO date
    keyed: dict[str, list[Any]] = {}  # node -> (source, sentence, claim, evidence) entries, then evidence
    unread: list[tuple[str, ClaimInfo]] = []
    # local names, plain dict lookups and no helper call per claim: this loop runs once per claim
    # of the store, and most of what it looks up repeats (documents, articles, claimants)
    for name, about, modality, who, conf, run, doc, sent, art_name, start_text, end_text, text in claims:
        if not modality:
            continue  # no modality: not read as a claim (the rule of the flat scans)
        if " " in about:  # about several nodes
            nodes = [n for n in map(expand, about.split(" ")) if n in events]
            if not nodes:
                continue
            node = nodes[0]
        else:  # the usual single node, expanded in line
            node = ID + about[1:] if about[:1] == "~" else expand(about)
            if node not in events:
                continue
            nodes = None
        document = names.get(doc)
        if document is None and doc:
            document = names[doc] = expand(doc)
        elif document is None and run:  # the write did not say which document the run used
            document = run_document(run)
        if who in claimants:
            claimant = claimants[who]
        else:
            claimant = claimants[who] = label(expand(who))
        if conf in confidences:
            confidence = confidences[conf]
        else:
            confidence = confidences[conf] = to_float(conf)
        if sent and not text:  # the graph cites a sentence it does not describe: look it up below
            claimed = ClaimInfo(
                expand(name), "", document, modality, expand(who) if who else None, confidence, expand(sent)
            )
            unread.extend((n, claimed) for n in nodes or [node])
            continue
        if art_name:
            article = names.get(art_name)
            if article is None:
                article = names[art_name] = expand(art_name)
        else:
            article = document
        known = shown.get(article)
        if known is None:
            art = articles.get(article or "", NO_ARTICLE)
            known = shown[article] = (art, art.published.isoformat() if art.published else None)
        art, published = known
        start = int(start_text) if start_text.isdigit() else to_int(start_text)
        end = int(end_text) if end_text.isdigit() else to_int(end_text)
        if edge_dicts:  # the layout of Evidence.edge_dict, written out: no call per claim
            cited: Any = {
                "sentence": unescape(text) or None,
                "start": start,
                "end": end,
                "article": article,
                "title": art.title,
                "outlet": art.outlet,
                "url": art.url,
                "published": published,
                "modality": modality,
                "claimant": claimant,
                "confidence": confidence,
            }
        else:
            cited = (
                expand(name),
                modality,
                unescape(text) or None,
                start,
                end,
                article,
                art.title,
                art.outlet,
                art.url,
                art.published,
                claimant,
                confidence,
            )
        entry = (document, sent, name, cited)  # sentence and claim as compacted: expanded to sort only
        held = keyed.get(node)
        if held is None:
            keyed[node] = [entry]
        else:
            held.append(entry)
        for other in nodes[1:] if nodes else ():  # a claim about several events: each list owns its dicts
            keyed.setdefault(other, []).append((document, sent, name, dict(cited) if edge_dicts else cited))
    if unread:
        found = look_up(claimed for _, claimed in unread)
        pick = Evidence.edge_dict if edge_dicts else Evidence.values
        for node, claimed in unread:
            keyed.setdefault(node, []).append(
                (claimed.document, claimed.sentence, claimed.claim, pick(found[claimed.claim]))
            )
    for entries in keyed.values():  # each list of entries becomes the list of their evidence, in place
        if len(entries) == 1:
            entries[0] = entries[0][3]
        else:
            entries.sort(key=claim_order)
            entries[:] = [entry[3] for entry in entries]
    return keyed


def cited_articles(
    claims: list[list[str]], run_document: Callable[[str], str | None], events: Collection[str]
) -> set[str]:
    """The articles :func:`cited_from_digests` shows for the claims about ``events``: those to have at
    hand beforehand (a claim whose sentence the digest lacks is looked up with its article)."""
    out: set[str] = set()
    for _, about, modality, _, _, run, doc, sent, art_name, _, _, text in claims:
        if not modality or (sent and not text):
            continue
        if not any(expand(node) in events for node in about.split(" ")):
            continue
        if art_name:
            out.add(expand(art_name))
        elif doc:
            out.add(expand(doc))
        elif run and (document := run_document(run)):
            out.add(document)
    return out
