"""Deterministic identifiers: every IRI diplograph mints is made here.

The same input always gives the same IRI, in every article and every run, so re-ingesting
converges and a second article about the same actors adds to the same nodes:

* states by ISO 3166 alpha-3 (``COL``), persons by normalised name (``person-gustavo-petro``),
  agencies by their state and name (``agency-usa-drug-enforcement-administration``); a name in
  Cyrillic, Greek, Armenian or Georgian by its transliteration (``person-petr-poroshenko``), one in
  any other script or without letters by a hash of the name (``state--…``, :func:`name_key`);
* content nodes (events, tenures, sanctions, claims) by a short hash of their normalised key,
  prefixed by their type (``ev-``, ``tenure-``, ``sanction-``, ``c-``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from graph.model import ActorKind

ONTOLOGY = "https://w3id.org/diplograph/ontology#"
ID = "https://w3id.org/diplograph/id/"
GRAPH = "https://w3id.org/diplograph/graph/"
SCHEME = "https://w3id.org/diplograph/scheme/"

META_GRAPH = GRAPH + "meta"
REFERENCE_GRAPH = GRAPH + "reference"
DERIVED_GRAPH = GRAPH + "derived"
ONTOLOGY_GRAPH = GRAPH + "ontology"
IDENTITY_GRAPH = GRAPH + "identity"  # which persons of different sources are one (graph.identity)
EVENTS_GRAPH = GRAPH + "events"  # which reports of different sources are one event (graph.coreference)
SHARED_GRAPHS = frozenset({META_GRAPH, REFERENCE_GRAPH, DERIVED_GRAPH, ONTOLOGY_GRAPH, IDENTITY_GRAPH, EVENTS_GRAPH})

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_HASH_LEN = 16


def slug(text: str) -> str:
    """ASCII, lower-case, dash-separated form of a name.

    Example:
        >>> slug("Nicolás  Petro-Burgos")
        'nicolas-petro-burgos'
        >>> slug("U.S. Department of State")
        'u-s-department-of-state'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", folded.lower()).strip("-")


_LETTERS = frozenset({"Lu", "Ll", "Lt", "Lo"})
_VISIBLE = frozenset("LNPSM")
_SYLLABIC = ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "HANGUL SYLLABLE")
_MAYBE_SYLLABIC = re.compile("[\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff\U00020000-\U0003ffff]")
"""The blocks where the characters of :data:`_SYLLABIC` live (a quick test before the exact one)."""
TRANSLITERATED_SCRIPTS = frozenset({"CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN"})
"""Alphabets whose letters transliterate one for one (ISO 9, ELOT 743, ISO 9985, ISO 9984): a name
in them gets a readable key from its transliteration (``Петр Порошенко`` → ``petr-poroshenko``, the
key of the same name written in Latin). A name with letters of any other non-Latin script (Han, kana,
Hangul, Arabic, Hebrew, Devanagari, Thai, …), where ASCII loses distinctions (李强 and 李蔷 are both
``LiQiang``, abjads drop vowels), or with no letter or digit at all (``!!!``), is keyed by a hash."""


def scripts(text: str) -> frozenset[str]:
    """The non-Latin scripts of a name's letters, as the first word of their Unicode names.

    Letters that fold to ASCII (``é``, fullwidth ``Ａ``) and Latin letters that do not (``ł``, ``ß``)
    count as Latin; marks, digits, punctuation and symbols have no script here.

    Example:
        >>> sorted(scripts("Петр Порошенко")), sorted(scripts("中国 Bank")), sorted(scripts("Łódź!"))
        (['CYRILLIC'], ['CJK'], [])
    """
    return _letter_scripts(text) - {"LATIN"}


def _letter_scripts(text: str) -> frozenset[str]:
    if text.isascii():
        return frozenset({"LATIN"} if any(c.isalpha() for c in text) else ())
    found = set()
    for ch in text:
        if unicodedata.category(ch) not in _LETTERS:
            continue
        if ch.isascii() or any(
            c.isalnum() for c in unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
        ):
            found.add("LATIN")
            continue
        found.add(unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0])
    return frozenset(found)


_SCRIPT_LANGUAGES = {
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
    "GREEK": "el",
    "GUJARATI": "gu",
    "GURMUKHI": "pa",
    "HANGUL": "ko",
    "HEBREW": "he",
    "HIRAGANA": "ja",
    "KANNADA": "kn",
    "KATAKANA": "ja",
    "KATAKANA-HIRAGANA": "ja",
    "KHMER": "km",
    "LAO": "lo",
    "MALAYALAM": "ml",
    "SINHALA": "si",
    "TAMIL": "ta",
    "TELUGU": "te",
    "THAI": "th",
}
"""Scripts that name their language with fair certainty. Cyrillic, Arabic, Han, Devanagari and
Bengali serve several languages each: their names keep a plain label."""


def label_language(name: str) -> str | None:
    """The language tag of a name's label: ``en`` for Latin script (and names without letters),
    the language a script all but settles (Greek ``el``, Hangul ``ko``, kana with or without kanji
    ``ja``, …), else ``None`` (a plain literal: Cyrillic, Arabic, Han alone, mixed scripts).

    Example:
        >>> label_language("Gustavo Petro"), label_language("Αθήνα"), label_language("Петр Порошенко")
        ('en', 'el', None)
        >>> label_language("東京タワー"), label_language("!!!")
        ('ja', 'en')
    """
    found = _letter_scripts(name)
    if not found or found == {"LATIN"}:
        return "en"
    if "LATIN" in found:
        return None
    if found & {"HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA"} and found <= {
        "CJK",
        "HIRAGANA",
        "KATAKANA",
        "KATAKANA-HIRAGANA",
    }:
        return "ja"
    langs = {_SCRIPT_LANGUAGES.get(script) for script in found}
    return langs.pop() if len(langs) == 1 and None not in langs else None


def transliterate(text: str, *, syllables: bool = True) -> str:
    """ASCII transliteration of a name (anyascii, ISC licence).

    Used for the keys of names in :data:`TRANSLITERATED_SCRIPTS` and, for every script, as one more
    way to find an actor by name. With ``syllables``, the syllables of Han ideographs and Hangul are
    words apart (中国 → ``Zhong Guo``, 李强 → ``Li Qiang``); without, they run on (``ZhongGuo``).

    Example:
        >>> transliterate("Петр Порошенко"), transliterate("中国"), transliterate("中国", syllables=False)
        ('Petr Poroshenko', 'Zhong Guo', 'ZhongGuo')
    """
    from anyascii import anyascii

    if text.isascii():
        return text
    if not syllables or not _MAYBE_SYLLABIC.search(text):
        return " ".join(anyascii(text).split())
    out: list[str] = []
    for ch in text:
        ascii_ = anyascii(ch)
        if ascii_.isalpha() and unicodedata.name(ch, "").startswith(_SYLLABIC):
            out.extend((" ", ascii_, " "))
        else:
            out.append(ascii_)
    return " ".join("".join(out).split())


def name_hash(text: str) -> str:
    """Stable 16-hex hash of a name: NFKC, case-folded, whitespace collapsed (lone surrogates kept)."""
    canon = " ".join(_caseless(text).split())
    return hashlib.sha256(canon.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_LEN]


def _caseless(text: str) -> str:
    """NFKC, case-folded (compatibility caseless matching: ᾌ is ἄι, µ is μ, ß is ss)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def is_blank(text: str) -> bool:
    """True for a name with no letter, digit, punctuation, symbol or mark (only spaces and controls)."""
    return not any(unicodedata.category(ch)[0] in _VISIBLE for ch in text)


def name_key(text: str) -> str:
    """The part of a key that stands for a name, in any script; empty only for a blank name.

    * Latin script (accents and all): :func:`slug`, as it always was (``nicolas-petro``);
    * letters of :data:`TRANSLITERATED_SCRIPTS` (with or without Latin ones): the slug of the
      transliteration (``Петр Порошенко`` → ``petr-poroshenko``);
    * anything else (other scripts, or no letter or digit: ``!!!``, ``😀``): ``-`` and
      :func:`name_hash`, so that the IRI shows a double dash, which no slug contains
      (``person--6c6ab6e6f1d1e4a4``): hashed keys never meet a readable one.

    Example:
        >>> name_key("Nicolás Petro"), name_key("Пётр Порошенко"), name_key("Αθήνα")
        ('nicolas-petro', 'petr-poroshenko', 'athina')
        >>> name_key("中国") == name_key(" 中国 ") != name_key("中國")
        True
        >>> name_key("!!!").startswith("-"), name_key("   ")
        (True, '')
    """
    if is_blank(text):
        return ""
    # compatibility forms fold as the Latin slug folds them (µ is μ, ｱ is ア), and й and и + breve alike
    text = unicodedata.normalize("NFKC", text)
    foreign = scripts(_caseless(text))  # by the case-folded letters: Ↄ and ↄ alike
    if not foreign:
        base = slug(text)
    elif foreign <= TRANSLITERATED_SCRIPTS:
        base = slug(transliterate(_caseless(text)))
    else:
        base = ""
    return base or "-" + name_hash(text)


def digest(*parts: object) -> str:
    """Short stable hash of normalised parts (order matters; pass sorted sets)."""
    joined = "\x1f".join("" if p is None else " ".join(str(p).split()) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:_HASH_LEN]


def actor_key(kind: ActorKind, name: str, *, iso3: str | None = None, state: str | None = None) -> str:
    """Local name of an actor's IRI.

    Args:
        kind: the actor's kind.
        name: its canonical name (for states, ignored when ``iso3`` is given).
        iso3: ISO 3166 alpha-3 code of a state.
        state: ISO alpha-3 of the state an agency belongs to.

    Example:
        >>> actor_key(ActorKind.STATE, "Colombia", iso3="col")
        'COL'
        >>> actor_key(ActorKind.AGENCY, "Drug Enforcement Administration", state="USA")
        'agency-usa-drug-enforcement-administration'
        >>> actor_key(ActorKind.PERSON, "Gustavo Petro")
        'person-gustavo-petro'
    """
    if kind is ActorKind.STATE and iso3:
        return iso3.upper()
    base = name_key(name)
    if not base:
        raise ValueError(f"cannot make an identifier from the blank name {name!r}")
    prefix = {
        ActorKind.PERSON: "person",
        ActorKind.STATE: "state",
        ActorKind.AGENCY: "agency",
        ActorKind.IGO: "igo",
        ActorKind.ORGANIZATION: "org",
        ActorKind.MEDIA: "org",
        ActorKind.GROUP: "group",
        ActorKind.SITE: "site",
    }[kind]
    if kind is ActorKind.AGENCY and state:
        return f"{prefix}-{state.lower()}-{base}"
    return f"{prefix}-{base}"


def post_key(organization: str, title: str) -> str:
    """Local name of a post: ``post-{organisation}-{title}`` (``post-col-president``)."""
    return f"post-{name_key(organization)}-{name_key(title)}"


def event_key(
    cameo: str, participants: Iterable[str], earliest: str | None, latest: str | None, *, targets: Iterable[str] = ()
) -> str:
    """Events are keyed on CAMEO root + the unordered set of participants + the date window; a directed
    event gives its ``targets`` apart (``participants`` are then its sources), so "A expelled B's
    envoys" and "B expelled A's envoys" on one day are two events."""
    aimed = sorted(set(targets))
    return "ev-" + digest(cameo[:2], *sorted(set(participants)), *(["->", *aimed] if aimed else []), earliest, latest)


def mention_key(article_key: str, key: str) -> str:
    """An event as one article reports it: the article's own node (``ev-`` + hash), never shared with
    another article's report; which reports are one event is decided store-wide (graph.coreference)."""
    return "ev-" + digest(article_key, key)


def tenure_key(holder: str, post: str, term: int | None = None) -> str:
    """A person's holding of a post: ``tenure-gustavo-petro-col-president``.

    Sources that mention the same presidency meet on one node whatever start date each
    gives; ``term`` (2 for a second, non-consecutive term) keeps separate terms apart.

    Example:
        >>> tenure_key("person-donald-trump", "post-usa-president", term=2)
        'tenure-donald-trump-usa-president-2'
    """
    base = f"tenure-{holder.removeprefix('person-')}-{post.removeprefix('post-')}"
    return f"{base}-{term}" if term else base


def kinship_key(person: str, relative: str, kind: str) -> str:
    return "kin-" + digest(person, relative, kind)


def association_key(person: str, associate: str, relationship: str | None) -> str:
    """A tie other than family, read from the person's side, by the relationship's own words."""
    return "assoc-" + digest(person, associate, (relationship or "").strip().lower())


def sanction_key(imposers: Iterable[str], target: str, start: str | None) -> str:
    return "sanction-" + digest(*sorted(imposers), target, start)


def proposition_key(label: str, concerns: Iterable[str]) -> str:
    return "prop-" + digest(label.lower(), *sorted(concerns))


def claim_key(graph: str, about: str, modality: str, claimant: str | None, sentence: str | None) -> str:
    return "c-" + digest(graph, about, modality, claimant, sentence)


def sentence_key(article_key: str, start: int, end: int) -> str:
    return f"{article_key}-s{start}-{end}"


def extractor_key(name: str, version: str) -> str:
    return f"extractor-{slug(name)}-{slug(version)}"


def run_key(article_key: str, extractor_name: str, extractor_version: str) -> str:
    """Runs are keyed on what they read and what did it, never on the clock (re-ingest converges)."""
    return "run-" + digest(article_key, extractor_name, extractor_version)


def document_graph(article_key: str, extractor_name: str) -> str:
    """IRI of the named graph that holds what one extractor says about one article."""
    return f"{GRAPH}{article_key}.{slug(extractor_name)}"


def source_graph(name: str) -> str:
    """IRI of the named graph of a curated source file (``curated-{name}``)."""
    return f"{GRAPH}curated-{name_key(name)}"


def iri(key: str) -> str:
    """Full instance IRI for a local name (an IRI passes through)."""
    return key if "://" in key else ID + key


# -- imported datasets (graph.importers) ------------------------------------------------------------
def dataset_key(dataset: str) -> str:
    """The node of a dataset: ``dataset-gdelt``."""
    return f"dataset-{slug(dataset)}"


def dataset_file_key(dataset: str, name: str, place: str | None = None) -> str:
    """The node of one imported file, by dataset, file name and place (:func:`dataset_graph`):
    ``dataset-gdelt-file-20250101-export-csv-<hash of the place>``."""
    return f"dataset-{slug(dataset)}-file-{_file_part(name, place)}"


def dataset_graph(dataset: str, name: str, place: str | None = None) -> str:
    """IRI of the named graph that holds one imported file, by its name (readable) and its place (the
    resolved path, hashed): importing the same file again replaces its graph, and two files of one
    name in different directories get two graphs. Without a place, by the name alone."""
    return f"{dataset_graph_prefix(dataset)}{_file_part(name, place)}"


def _file_part(name: str, place: str | None) -> str:
    base = name_key(name) or digest(name)
    return f"{base}-{digest(place)[:FILE_HASH_LEN]}" if place is not None else base


FILE_HASH_LEN = 10
"""Hex digits of the place hash in the IRIs of imported files (40 bits: no two files of one name meet)."""


def dataset_graph_prefix(dataset: str) -> str:
    """What the IRI of every graph of a dataset's files starts with."""
    return f"{GRAPH}dataset-{slug(dataset)}-"


def import_run_key(dataset: str, name: str, version: str, place: str | None = None) -> str:
    """An import of one file by one importer version (never keyed on the clock: re-import converges)."""
    return "run-" + (
        digest("import", dataset, name, version, place)
        if place is not None
        else digest("import", dataset, name, version)
    )


def record_key(dataset: str, name: str, line: int, place: str | None = None) -> str:
    """One row (or entity) of an imported file, by dataset, file name, place and line."""
    return f"rec-{slug(dataset)}-" + (digest(name, line, place) if place is not None else digest(name, line))


def imported_key(dataset: str, kind: str, *parts: object) -> str:
    """A content node of an imported dataset (``ev-gdelt-1234567``, ``sanction-ftm-…``): by the
    dataset's own identifier when it is a plain token, else by its hash."""
    joined = "-".join(str(p) for p in parts)
    if joined.isascii() and joined.isalnum() and len(joined) <= 64:  # GDELT's numbers: as they are
        return f"{kind}-{slug(dataset)}-{joined.lower()}"
    own = joined if joined and len(joined) <= 64 and all(c.isalnum() or c in "-_." for c in joined) else ""
    return f"{kind}-{slug(dataset)}-{slug(own) if own else digest(*parts)}"
