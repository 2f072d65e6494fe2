"""Generate graph/extract/data/discards.json: phrases that mark a sentence as not about political events.

Run from the repository root (needs ../shared/vocab):

    .venv/bin/python scripts/generate_discards.py [--vocab ../shared/vocab] [--out graph/extract/data/discards.json]

Source: the PETRARCH-2 discard list (``petrarch2/Phoenix.discards.txt``; Open Event Data Alliance, MIT),
the coder's list of sports, entertainment and other non-political phrases. The project keeps only the
phrases of sports, entertainment, markets and celebrity news, and reads them case-insensitively at
sentence level, story-level entries ("+") included: an article about a World Cup boycott is still
diplomacy, so a sports phrase silences its own sentence, never the whole article. Left out, by reason:

* bare years and "years ago"/"months later": PETRARCH drops historical chronologies, but a diplomatic
  article's background ("in 2010 Israeli commandos ...") is what an analyst's timeline needs;
* history, disasters and epidemics (world wars, tsunamis, Ebola): aid, condolences and blame around
  them are diplomatic events;
* politics and politicians (presidential debates, polls, the Nobel prize, named public figures);
* phrases that are common idiom in lower case ("marathon talks", "champion of", "group a").

Plus the project's own market and business phrases (earnings, box office), which the PETRARCH list lacks;
stock indices and share prices are left out, as markets are reported moving on political events.
Prints what was kept and skipped, by reason. The product reads only the generated JSON at run time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling module below, however this file is loaded
from petrarch2_notice import MIT_TERMS  # noqa: E402

OUT = ROOT / "graph" / "extract" / "data" / "discards.json"
NOTICE = (
    "Sports, entertainment and celebrity phrases derived from the PETRARCH-2 discard list "
    "(Phoenix.discards.txt, openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf). "
    "Copyright (c) 2014 Open Event Data Alliance. MIT licence: " + MIT_TERMS
)

HISTORY_AND_DISASTER = {
    "april 1942",
    "attack on pearl harbor",
    "british empire",
    "millennium",
    "napoleonic wars",
    "post world war ii",
    "second world war",
    "world trade center",
    "angels of bataan",
    "decorated vietnam veteran",
    "pharaoh",
    "tutankhamun",
    "golden sarcophagus",
    "mummy",
    "xuan zang",
    "xuanzang",
    "avian flu",
    "avian influenza",
    "bacteria epidemic",
    "bird flu",
    "chickungunga",
    "contracted cholera",
    "dengue fever",
    "ebola",
    "equine influenza",
    "h5n1",
    "polio",
    "rift valley fever",
    "west nile fever",
    "west nile virus",
    "blizzard",
    "landslide",
    "mudslide",
    "tropical depression",
    "tropical storm",
    "tsunami",
    "typhoon",
    "widespread flood",
    "storm warning center",
    "yellow dust",
    "pollution",
    "mine accident",
    "road accident",
    "traffic accident",
    "accident killed",
    "boat capsized",
    "bus fell into ravine",
    "bus plunged",
    "diving accident",
}
POLITICS = {
    "abdul karim qasim",
    "anita hill",
    "made a joke about having a bomb",
    "nobel prize",
    "oliver north",
    "osaka district court",
    "poll published",
    "presidential debate",
    "presidential vote recount",
    "rick lazio",
    "salman rushdie",
    "israel miller",
    "jetro",
    "kimjongilism",
    "mentally deranged man",
    "medical tests",
    "routine medical check up",
    "here is a list of",
    "birds indigenous to",
    "venomous pit vipers",
    "rabid animals",
    "raging elephant bull",
    "freelance dog catchers",
    "orangutan",
    "elephant hospital",
    "natore",
    "umm aziz",
}
IDIOM = {
    "champion",
    "champions",
    "marathon",
    "playing to win",
    "everest",
    "biscuit",
    "sculptor",
    "international brand",
    "hosting the games",
    "national team",
    "break record",
    "test challenge",
    "commercial consumption expenditures",
    "third round",
    "moon mission",
    "blockbuster",
    "grand master",
    "heavyweight",
    "middleweight",
    "lightweight",
    "featherweight",
    "runner up",
    "runners up",
}
# the project's own: market and business reports. Index and share-price phrases are left out on purpose:
# "shares fell after Japan threatened China with tariffs" reports a threat an analyst needs.
MARKETS = [
    "earnings per share",
    "quarterly earnings",
    "quarterly results",
    "quarterly profit",
    "box office",
    "dividend payout",
]


def phrases(path: Path) -> tuple[list[str], Counter[str]]:
    """The kept phrases of the discard list (lower case, sorted) and the count of skipped ones by reason."""
    kept: set[str] = set()
    skipped: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip().lstrip("+").strip()
        if not text:
            continue
        phrase = " ".join(text.replace("_", " ").split()).lower()
        if re.fullmatch(r"[\d\s]+", phrase) or re.search(r"\b(ago|later)$", phrase):
            skipped["years and relative times"] += 1
        elif re.fullmatch(r"group [a-h]", phrase) or phrase in IDIOM:
            skipped["common idiom in lower case"] += 1
        elif phrase in HISTORY_AND_DISASTER:
            skipped["history, disasters, epidemics"] += 1
        elif phrase in POLITICS:
            skipped["politics, public figures, other"] += 1
        else:
            kept.add(phrase)
    return sorted(kept), skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--vocab", type=Path, default=ROOT.parent / "shared" / "vocab")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    source = args.vocab / "petrarch2" / "Phoenix.discards.txt"
    if not source.is_file():
        print(f"error: {source} not found; pass --vocab DIR holding petrarch2/", file=sys.stderr)
        return 2
    kept, skipped = phrases(source)
    data = {
        "attribution": NOTICE,
        "phrases": kept,
        "own_phrases": sorted(set(MARKETS) - set(kept)),  # the project's own (diplograph, MIT)
    }
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"kept {len(kept)} PETRARCH-2 phrases and {len(MARKETS)} market phrases -> {args.out}", file=sys.stderr)
    for reason, n in skipped.most_common():
        print(f"  skipped {n}: {reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
