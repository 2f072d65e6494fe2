"""Score the extractor against the seed gold and the external dev event data.

    .venv/bin/python scripts/bench/score_extraction.py [--shared ../shared] [--prefilter] [-v] [--out FILE]

Seed (../shared/seed/article.txt + gold.json):
  * actors: precision/recall/F1 by name (name or alias, slug-normalised) and kind
    (gold Person -> person or group, State -> state, Agency -> agency, Location -> site; the
    gold "Sanction" entity is a sanction, not an actor, and is left out);
  * events: a gold relation is found when one predicted event has a compatible CAMEO root
    (ANNOUNCE 01, DENY 01, INVITE 02/03, MEET and CONSULT_CALL 04, PRAISE 05, ACCUSE 11,
    REJECT 12, THREATEN 13, IMPOSE_SANCTION 16; OTHER any) and the gold source and target as its
    source and target (or both among its participants when the gold is symmetric or a
    consultation); "fine" also needs the exact CAMEO code family; one-to-one matching;
  * dates: share of matched events with a gold date whose predicted date (ISO, at the gold's
    precision) equals it.
Dev (../shared/benchmarks/events_dev.jsonl): one article per sentence (published = its date);
  an event is correct when its CAMEO root is among the gold's compatible roots and its source
  and target map to the gold codes (ISO/CAMEO country prefix, IGO, NGO; a person by nationality
  or by the state/IGO of a post the extraction gives it, an agency or group by its state; "---" =
  any actor, also one whose country is unknown). A gold event without a target needs a
  source only; reciprocal gold needs every end among the gold actors. Every predicted event
  counts for precision ("realized" leaves out planned and hypothetical ones).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.extract import extract_many  # noqa: E402
from graph.extract.gazetteer import load_gazetteer  # noqa: E402
from graph.ids import slug  # noqa: E402
from graph.model import ActorKind, Article, Event, Extraction, FactKind, Modality  # noqa: E402

GOLD_KINDS = {
    "Person": {"person", "group"},
    "State": {"state"},
    "Agency": {"agency"},
    "Location": {"site"},
    "Organization": {"organization", "igo", "media"},
}
GOLD_ROOTS = {
    "ANNOUNCE": {"01"},
    "DENY": {"01"},
    "INVITE": {"02", "03"},
    "MEET": {"04"},
    "CONSULT_CALL": {"04"},
    "PRAISE": {"05"},
    "ACCUSE": {"11"},
    "REJECT": {"12"},
    "THREATEN": {"13"},
    "IMPOSE_SANCTION": {"16"},
    "OTHER": None,
}
GOLD_FINE = {
    "ANNOUNCE": ("010",),
    "DENY": ("016",),
    "INVITE": ("036", "02"),
    "MEET": ("040", "043", "044"),
    "CONSULT_CALL": ("041",),
    "PRAISE": ("051",),
    "ACCUSE": ("112",),
    "REJECT": ("12",),
    "THREATEN": ("13",),
    "IMPOSE_SANCTION": ("163",),
    "OTHER": ("",),
}
CONSULT_ROOTS = {"04"}
PREFILTER = False  # --prefilter: parse only sentences with a trigger word and an entity


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "tp": tp,
        "predicted": n_pred,
        "gold": n_gold,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
    }


# -- seed -------------------------------------------------------------------------------------------
def score_seed(shared: Path) -> dict[str, Any]:
    gold = json.loads((shared / "seed" / "gold.json").read_text())
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    ex = next(extract_many([Article(text=text, id="seed", origin="seed/article.txt")], prefilter=PREFILTER))
    entities = [e for e in gold["entities"] if e["type"] in GOLD_KINDS]
    ours = list(ex.actors)
    matched: dict[str, str] = {}  # gold name -> our key
    used: set[str] = set()
    for ent in entities:
        names = {slug(n) for n in [ent["name"], *ent.get("aliases", [])]}
        for a in ours:
            if a.key in used or a.kind.value not in GOLD_KINDS[ent["type"]]:
                continue
            if names & {slug(n) for n in [a.name, *a.aliases]}:
                matched[ent["name"]] = a.key
                used.add(a.key)
                break
    actors = prf(len(matched), len(ours), len(entities))
    actors["missed"] = [e["name"] for e in entities if e["name"] not in matched]
    actors["extra"] = [a.name for a in ours if a.key not in used]

    def key_of(name: str | None) -> str | None:
        return matched.get(name or "")

    events = list(ex.events)
    taken: set[int] = set()
    found_root = found_fine = dated = date_ok = 0
    details = []
    for rel in gold["relations"]:
        roots = GOLD_ROOTS.get(rel["type"])
        sources = {k for k in [key_of(rel["source"]), *(key_of(s) for s in rel.get("source_alt", []))] if k}
        target = key_of(rel["target"])
        hit = None
        symmetric = rel.get("symmetric", False) or bool(roots and roots <= CONSULT_ROOTS)
        for fine_first in (True, False):  # prefer an event of the exact kind, then any of the root
            for i, ev in enumerate(events):
                if hit is not None or i in taken or (roots is not None and ev.cameo[:2] not in roots):
                    continue
                if fine_first and not ev.cameo.startswith(GOLD_FINE[rel["type"]]):
                    continue
                if _seed_endpoints(ev, sources, target, symmetric):
                    hit = i
        row = {"type": rel["type"], "source": rel["source"], "target": rel["target"], "gold_date": rel.get("date")}
        if hit is not None:
            taken.add(hit)
            ev = events[hit]
            found_root += 1
            fine = ev.cameo.startswith(GOLD_FINE[rel["type"]])
            found_fine += fine
            row.update(found=ev.cameo, date=ev.date.iso() if ev.date else None, modality=ev.modality.value)
            if rel.get("date"):
                dated += 1
                ok = (
                    ev.date is not None
                    and ev.date.iso()[: len(rel["date"])] == rel["date"]
                    and len(ev.date.iso()) >= len(rel["date"])
                )
                date_ok += ok
                row["date_ok"] = ok
        details.append(row)
    return {
        "actors": actors,
        "events_root": prf(found_root, len(events), len(gold["relations"])),
        "events_fine": prf(found_fine, len(events), len(gold["relations"])),
        "dates": {
            "matched_with_gold_date": dated,
            "correct": date_ok,
            "accuracy": round(date_ok / dated, 3) if dated else 0.0,
        },
        "relations": details,
        "predicted_events": [_describe(e, ex) for e in events],
    }


def _seed_endpoints(ev: Event, sources: set[str], target: str | None, symmetric: bool) -> bool:
    if not sources:
        return False
    if ev.actors:
        if not sources & set(ev.actors):
            return False
        if target is None:
            return True
        return target in ev.targets or (symmetric and target in ev.targets)
    parts = set(ev.participants)
    return bool(sources & parts) and (target is None or target in parts)


def _describe(ev: Event, ex: Extraction) -> str:
    names = {a.key: a.name for a in ex.actors}
    n = lambda ks: ",".join(names.get(k, k) for k in ks)  # noqa: E731
    arrow = f"{n(ev.actors)} -> {n(ev.targets)}" if ev.actors else f"[{n(ev.participants)}]"
    return f"{ev.cameo} {arrow} {ev.date.iso() if ev.date else '-'} {ev.modality.value}"


# -- dev ---------------------------------------------------------------------------------------------
UNKNOWN = "?"  # an actor whose country the extractor does not know: matches only gold "---"


def actor_codes(ex: Extraction) -> dict[str, set[str]]:
    """CAMEO-style codes of every actor: ISO3 / CAMEO country prefix, IGO, NGO.

    A person maps to the state of its nationality and to the state or IGO of every post the
    extraction says it holds ("U.N. Secretary-General Kofi Annan" -> IGO); an actor with no
    known country gets ``UNKNOWN``, which matches only the gold's unknown-country code ``---``.
    """
    gaz = load_gazetteer()
    by_key = {a.key: a for a in ex.actors}
    posts: dict[str, set[str]] = defaultdict(set)
    for f in ex.facts:
        if f.kind is FactKind.HOLDS_POST and f.object:
            posts[f.subject].add(f.object)
    site_state = {e.key: e.state for e in gaz.entries.values() if e.kind is ActorKind.SITE and e.state}

    def codes(key: str, depth: int = 0) -> set[str]:
        a = by_key.get(key)
        if a is None or depth > 3:
            return set()
        out: set[str] = set()
        if a.kind is ActorKind.STATE:
            out |= {c for c in (a.iso3, (a.cameo_code or "")[:3]) if c}
        elif a.kind is ActorKind.IGO:
            out |= {"IGO"}
        elif a.kind is ActorKind.ORGANIZATION and a.cameo_code:
            out |= {a.cameo_code[:3]}
        elif a.kind is ActorKind.SITE and key in site_state:
            out |= {site_state[key] or ""}
        for parent in (a.part_of, a.nationality, *sorted(posts.get(key, ()))):
            if parent:
                out |= codes(parent, depth + 1)
        return out

    return {k: codes(k) or {UNKNOWN} for k in by_key}


# Country codes of the older KEDS/CAMEO lists that the PLOVER gold file still uses, with their ISO 3166 code.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _gold_code(code: str) -> str:
    return LEGACY_CODES.get(code[:3], code[:3])


def _ends_ok(pred: set[str], gold: list[str]) -> bool:
    wanted = {_gold_code(g) for g in gold}
    if "---" in wanted and pred:
        return True
    return bool(pred & wanted)


def dev_match(ev: Event, codes: dict[str, set[str]], gold: dict[str, Any]) -> bool:
    roots = set(gold.get("event_roots_compatible") or ([gold["event_root"]] if gold.get("event_root") else []))
    if roots and ev.cameo[:2] not in roots:
        return False
    src = set().union(*(codes.get(k, set()) for k in ev.actors)) if ev.actors else set()
    tgt = set().union(*(codes.get(k, set()) for k in ev.targets)) if ev.targets else set()
    parts = [codes.get(k, set()) for k in ev.participants]
    gs, gt = gold["source"], gold["target"]
    if gold.get("reciprocal") or (not gt and len(gs) > 1):
        ends = [src, tgt] if ev.actors else parts
        ends = [e for e in ends if e]
        return len(ends) >= 1 and all(_ends_ok(e, gs) for e in ends)
    if ev.participants and not ev.actors:
        if not gt:
            return any(_ends_ok(p, gs) for p in parts)
        return any(_ends_ok(p, gs) for p in parts) and any(_ends_ok(p, gt) for p in parts)
    if not _ends_ok(src, gs):
        return False
    return True if not gt else _ends_ok(tgt, gt)


def score_dev(path: Path) -> dict[str, Any]:
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    by_sentence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in lines:
        by_sentence[g["sentence_id"]].append(g)
    from datetime import date

    articles = []
    for sid, golds in by_sentence.items():
        d = golds[0].get("date")
        articles.append(Article(text=golds[0]["text"], id=sid, published=date.fromisoformat(d) if d else None))
    t0 = time.perf_counter()
    exs = list(extract_many(articles, prefilter=PREFILTER))
    elapsed = time.perf_counter() - t0
    totals = {"strict": [0, 0, 0], "realized": [0, 0, 0]}
    per_dataset: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses, extras = [], []
    for ex in exs:
        golds = [g for g in by_sentence[ex.article.id or ""] if not g.get("no_event")]
        codes = actor_codes(ex)
        for variant in ("strict", "realized"):
            preds = [
                e
                for e in ex.events
                if variant == "strict" or e.modality not in (Modality.PLANNED, Modality.HYPOTHETICAL)
            ]
            used: set[int] = set()
            tp = 0
            for g in golds:
                hit = next((i for i, e in enumerate(preds) if i not in used and dev_match(e, codes, g)), None)
                if hit is not None:
                    used.add(hit)
                    tp += 1
                elif variant == "strict":
                    code = g["event_code"] or g["event_root"]
                    misses.append(f"{code} {g['source']}->{g['target']} | {g['text'][:110]}")
            if variant == "strict":
                ds = by_sentence[ex.article.id or ""][0]["dataset"]
                per_dataset[ds][0] += tp
                per_dataset[ds][1] += len(preds)
                per_dataset[ds][2] += len(golds)
                extras += [f"{_describe(e, ex)} | {ex.article.text[:80]}" for i, e in enumerate(preds) if i not in used]
            totals[variant][0] += tp
            totals[variant][1] += len(preds)
            totals[variant][2] += len(golds)
    words = sum(len(a.text.split()) for a in articles)
    return {
        "sentences": len(articles),
        "gold_events": totals["strict"][2],
        "root_source_target": prf(*totals["strict"]),
        "root_source_target_realized_only": prf(*totals["realized"]),
        "by_dataset": {k: prf(*v) for k, v in per_dataset.items()},
        "seconds": round(elapsed, 2),
        "words_per_second": round(words / elapsed) if elapsed else None,
        "missed": misses,
        "extra": extras,
    }


# -- news dev (real news excerpts, scored by the set's own score.py) ------------------------------------
NEWS_TEXTS = ROOT / ".cache" / "news_dev"  # rebuilt as ../shared/benchmarks/news_dev/README.md says; git-ignored


def _news_type(code: str, fine: dict[str, list[str]]) -> str | None:
    """The gold type a predicted CAMEO code counts for: the one with the longest matching prefix."""
    best: tuple[int, str] | None = None
    for kind, prefixes in fine.items():
        for p in prefixes:
            if code.startswith(p) and (best is None or len(p) > best[0]):
                best = (len(p), kind)
    return best[1] if best else None


def score_news(shared: Path, texts: Path, work: Path) -> dict[str, Any]:
    """Extract every news-dev excerpt with the installed `diplograph extract` (one batch, as the set's run.sh
    does) and score it with the set's score.py; per gold type, the same scorer on that type's relations and
    on the predictions whose CAMEO code counts for that type."""
    import importlib.util
    import subprocess

    nd = shared / "benchmarks" / "news_dev"
    spec = importlib.util.spec_from_file_location("news_dev_score", nd / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {nd / 'score.py'}")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    arts = [json.loads(line) for line in (nd / "articles.jsonl").read_text().splitlines() if line.strip()]
    missing = [a["id"] for a in arts if not (texts / f"{a['id']}.txt").exists()]
    if missing:
        raise SystemExit(f"{len(missing)} news-dev texts missing in {texts}: rebuild them ({nd / 'README.md'})")
    work.mkdir(parents=True, exist_ok=True)
    batch = work / "batch.jsonl"
    with batch.open("w", encoding="utf-8") as f:
        for a in arts:
            rec = {"id": f"newsdev-{a['id']}", "text": (texts / f"{a['id']}.txt").read_text(encoding="utf-8")}
            rec.update({k: a[k] for k in ("published", "url", "outlet") if a.get(k)})
            f.write(json.dumps(rec) + "\n")
    exe = Path(sys.executable).with_name("diplograph")
    t0 = time.perf_counter()
    out = subprocess.run([str(exe), "-q", "extract", str(batch), "--format", "json"], capture_output=True, check=True)
    elapsed = time.perf_counter() - t0
    preds: dict[str, dict[str, Any]] = {}
    for a in json.loads(out.stdout)["articles"]:
        preds[str(a["article"]["id"]).removeprefix("newsdev-")] = a
    golds = [json.loads(line) for line in (nd / "gold.jsonl").read_text().splitlines() if line.strip()]

    def run(gold_docs: list[dict[str, Any]], keep: Any, name: str) -> dict[str, Any]:
        d = work / name
        d.mkdir(exist_ok=True)
        for aid, art in preds.items():
            art = dict(art, events=[e for e in art["events"] if keep(e)])
            (d / f"{aid}.json").write_text(json.dumps({"articles": [art]}))
        return dict(scorer.score(gold_docs, d))

    overall = run(golds, lambda e: True, "all")
    by_type: dict[str, Any] = {}
    for kind in scorer.FINE:
        sub = [dict(g, relations=[r for r in g["relations"] if r["type"] in (kind, *scorer.SKIP_TYPES)]) for g in golds]
        res = run(sub, lambda e, k=kind: _news_type(str(e["cameo"]), scorer.FINE) == k, f"type-{kind}")
        n_gold = sum(
            1
            for g in sub
            for r in g["relations"]
            if r["type"] == kind
            for _t in (scorer.as_list(r["target"]) or [None])
        )
        by_type[kind] = {**res["events_fine"], "gold": n_gold, "predicted": res["counts"]["pred_ev"]}
    overall.pop("per_doc", None)
    return {"overall": overall, "by_type": by_type, "seconds": round(elapsed, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description="Score the extractor on the seed and dev gold data.")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, help="JSON results (default scripts/bench/results/extraction[-prefilter].json)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and extra events")
    ap.add_argument("--prefilter", action="store_true", help="score with the sentence prefilter on")
    ap.add_argument("--news-texts", type=Path, default=NEWS_TEXTS, help="folder of the rebuilt news-dev texts")
    ap.add_argument("--no-news", action="store_true", help="skip the news-dev set")
    args = ap.parse_args()
    global PREFILTER
    PREFILTER = args.prefilter
    if args.out is None:
        args.out = ROOT / "scripts" / "bench" / "results" / f"extraction{'-prefilter' if PREFILTER else ''}.json"
    seed = score_seed(args.shared)
    dev = score_dev(args.shared / "benchmarks" / "events_dev.jsonl")
    rows = [
        ("seed actors (name+kind)", seed["actors"]),
        ("seed events (root+dir+ends)", seed["events_root"]),
        ("seed events (fine code)", seed["events_fine"]),
        ("dev events (root+src+tgt)", dev["root_source_target"]),
        ("dev events, realized only", dev["root_source_target_realized_only"]),
    ]
    rows += [(f"  dev {k}", v) for k, v in dev["by_dataset"].items()]
    print(f"{'measure':32} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
    for name, m in rows:
        print(
            f"{name:32} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {m['tp']:5d} {m['predicted']:5d} "
            f"{m['gold']:5d}"
        )
    news = None if args.no_news else score_news(args.shared, args.news_texts, args.out.parent / "news_dev")
    if news is not None:
        o = news["overall"]
        for name, key in (
            ("news actors typed", "actors_typed"),
            ("news events fine", "events_fine"),
            ("news events quad", "events_quad"),
        ):
            m = o[key]
            print(f"{name:32} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f}")
        for kind, m in news["by_type"].items():
            print(
                f"{'  news ' + kind:32} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f} {'':5} {m['predicted']:5d} "
                f"{m['gold']:5d}"
            )
        print(f"{'news dates on fine matches':32} {o['dates_on_fine']}  planned flag {o['planned_flag_on_fine']}")
    d = seed["dates"]
    print(f"{'seed dates on matched events':32} {d['accuracy']:6.3f}  ({d['correct']}/{d['matched_with_gold_date']})")
    print(f"dev: {dev['sentences']} sentences in {dev['seconds']} s ({dev['words_per_second']} words/s)")
    if args.verbose:
        print("\nseed relations:")
        for r in seed["relations"]:
            print("  ", r)
        print("seed predicted:")
        for e in seed["predicted_events"]:
            print("  ", e)
        print("seed actors missed:", seed["actors"]["missed"], "extra:", seed["actors"]["extra"])
        print("\ndev missed:")
        for m in dev["missed"]:
            print("  ", m)
        print("dev extra:")
        for m in dev["extra"]:
            print("  ", m)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"seed": seed, "dev": dev, "news_dev": news}, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
