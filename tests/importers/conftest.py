"""Small dataset files in each format, written by the tests themselves."""

from __future__ import annotations

from pathlib import Path

GDELT_URL = "https://news.example.org/story"


def gdelt_row(
    event_id: int,
    day: str,
    actor1: tuple[str, str, str],
    actor2: tuple[str, str, str],
    code: str,
    *,
    columns: int = 61,
    url: str = GDELT_URL,
    counts: tuple[str, str, str] = ("7", "3", "6"),
) -> str:
    """One GDELT event row: 61 columns (2.0), 58 (1.0 daily with SOURCEURL) or 57 (1.0)."""
    c = [""] * columns
    c[0], c[1], c[2], c[3], c[4] = str(event_id), day, day[:6], day[:4], "2026.0110"
    c[5], c[6], c[7] = actor1
    c[15], c[16], c[17] = actor2
    c[25], c[26], c[27], c[28], c[29], c[30] = "1", code, code[:3], code[:2], "1", "1.0"
    c[31], c[32], c[33], c[34] = (*counts, "-1.5")
    if columns == 61:
        c[59], c[60] = "20260110000000", url
    elif columns == 58:
        c[56], c[57] = "20260110", url
    else:
        c[56] = "20260110"
    return "\t".join(c)


USA = ("USA", "UNITED STATES", "USA")
USAGOV = ("USAGOV", "UNITED STATES", "USA")
COL = ("COL", "COLOMBIA", "COL")
COLMIL = ("COLMIL", "COLOMBIA", "COL")
NOBODY = ("", "", "")


def gdelt_rows() -> list[str]:
    """A few dozen rows: good ones in every layout, and the faults real files have."""
    rows = [
        gdelt_row(1001, "20260104", USAGOV, COL, "130"),
        gdelt_row(1002, "20260105", ("COLGOV", "COLOMBIA", "COL"), USA, "120"),
        gdelt_row(1003, "20260107", USA, COLMIL, "041"),
        gdelt_row(1004, "20260107", USA, COL, "051", columns=58),
        gdelt_row(1005, "20260108", ("IGOUNO", "UNITED NATIONS", ""), ("VEN", "VENEZUELA", "VEN"), "0231", columns=57),
        gdelt_row(1006, "20260109", ("USABUS", "", "USA"), COL, "061"),
        gdelt_row(1007, "20260109", NOBODY, COL, "173"),  # one side only: a participant
    ]
    rows += [gdelt_row(2000 + i, f"202601{10 + i:02d}", USA, COL, "042") for i in range(15)]
    rows += [
        gdelt_row(3001, "2026011x", USA, COL, "041"),  # bad date
        "GLOBALEVENTID\tSQLDATE\tMonthYear",  # a header pasted in: wrong column count
        gdelt_row(3002, "20260111", USA, COL, "999"),  # unknown CAMEO code
        gdelt_row(3003, "20260111", USA, COL, "041", counts=("x", "1", "1")),  # bad count
        gdelt_row(3004, "20260111", NOBODY, NOBODY, "041"),  # no actor: left out, not bad
        "",  # blank line: ignored
        gdelt_row(3005, "20261301", USA, COL, "041"),  # month 13
    ]
    return rows


def write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


ICEWS_HEADER = (
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
    "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
    "Province\tCountry\tLatitude\tLongitude"
)


def icews_row(event_id: str, day: str, source: tuple[str, str, str], code: str, target: tuple[str, str, str]) -> str:
    """One ICEWS row: (name, sectors, country) for source and target."""
    place = ["28233427", "2", "Reuters", "Bogota", "", "Bogota", "Colombia", "4.6", "-74.1"]
    return "\t".join([event_id, day, *source, "Some event", code, "-2.0", *target, *place])


def icews_rows() -> list[str]:
    usa = ("United States", "", "United States")
    col = ("Colombia", "", "Colombia")
    rows = [
        ICEWS_HEADER,
        icews_row("1", "2026-01-04", ("Government (United States)", "Government", "United States"), "138", col),
        icews_row("2", "2026-01-05", ("Gustavo Petro", "Executive,Government", "Colombia"), "120", usa),
        icews_row("3", "2026-01-07", usa, "42", ("Military (Colombia)", "Military", "Colombia")),  # lost its 0
        icews_row("4", "2026-01-08", ("Citizen (Colombia)", "", "Colombia"), "141", col),
        icews_row("5", "2026-01-08", ("United Nations", "", ""), "0231", ("Venezuela", "", "Venezuela")),
        icews_row("1", "2026-01-09", usa, "036", col),  # the same Event ID again, another date: another event
    ]
    rows += [icews_row(str(100 + i), f"2026-02-{1 + i:02d}", usa, "057", col) for i in range(14)]
    rows += [
        icews_row("9001", "2026-13-01", usa, "042", col),  # bad date
        icews_row("9002", "2026-01-10", usa, "999", col),  # unknown code
        "\t".join(["9003", "2026-01-10", "United States", "", "United St"]),  # a line broken in two
        "ates\tSome event\t042\t1.0\tColombia",
        icews_row("9004", "2026-01-10", ("", "", ""), "042", ("", "", "")),  # no actor: left out
        icews_row("9005", "2026-01-10", usa, "042", col) + "\tstray",  # an extra, non-empty column
    ]
    return rows


POLECAT_HEADER = (
    "Event ID\tStory Date\tEvent Date\tEvent Type\tEvent Mode\tContexts\tQuad Code\tActor Name\tActor Country\t"
    "Actor COW\tPrimary Actor Sector\tActor Sectors\tActor Title\tActor Name Raw\tWikipedia Actor ID\t"
    "Recipient Name\tRecipient Country\tRecipient COW\tPrimary Recipient Sector\tRecipient Sectors\t"
    "Recipient Title\tRecipient Name Raw\tWikipedia Recipient ID\tPlacename\tCity\tState\tCountry\tLatitude\t"
    "Longitude\tSource\tPublication Date\tLanguage\tVersion"
)


def polecat_row(
    event_id: str, day: str, kind: str, mode: str, actor: tuple[str, str, str], to: tuple[str, str, str]
) -> str:
    """One POLECAT row: (name, ISO3 country, Wikidata id) for actor and recipient."""
    first = [event_id, day, day, kind, mode, "", "1", actor[0], actor[1], "", "GOV", "GOV", "", actor[0], actor[2]]
    second = [to[0], to[1], "", "GOV", "GOV", "", to[0], to[2], "", "", "", "", "", "", "AFP", day, "en", "1.0"]
    return "\t".join([*first, *second])


def polecat_rows() -> list[str]:
    usa, col = ("United States", "USA", ""), ("Colombia", "COL", "")
    petro = ("Gustavo Petro", "COL", "Q1519986")
    rows = [
        POLECAT_HEADER + "\tHeadline\tStory People",  # extra names at the end of the header
        polecat_row("p1", "2026-01-04", "THREATEN", "", usa, col),
        polecat_row("p2", "2026-01-07", "CONSULT", "phone", usa, petro),
        polecat_row("p3", "2026-01-08", "CONSULT", "visit", col, usa),
        polecat_row("p4", "2026-01-09", "ACCUSE", "", petro, ("", "", "")) + "\t\t\t",  # excess tabs
        polecat_row("p5", "2026-01-10", "DISAPPROVE", "", col, usa),  # PLOVER 0.5 name of ACCUSE
    ]
    rows += [polecat_row(f"q{i}", f"2026-03-{1 + i:02d}", "AGREE", "", usa, col) for i in range(14)]
    rows += [
        polecat_row("x1", "2026-01-32", "CONSULT", "", usa, col),  # bad date
        polecat_row("x2", "2026-01-10", "DANCE", "", usa, col),  # not a PLOVER type
        "x3\t2026-01-10\t2026-01-10\tCONSULT",  # a line cut short
        polecat_row("x4", "2026-01-10", "CONSULT", "", ("", "", ""), ("", "", "")),  # no actor: left out
    ]
    return rows


def ftm(entity_id: str, schema: str, **props: object) -> str:
    """One FollowTheMoney entity as a line of entities.ftm.json."""
    import json

    values = {k: v if isinstance(v, list) else [v] for k, v in props.items()}
    return json.dumps({"id": entity_id, "schema": schema, "properties": values})


def ftm_rows() -> list[str]:
    """Entities of a small sanctions list: persons, bodies, sanctions, a post, family, faults."""
    rows = [
        ftm("NK-petro", "Person", name="Gustavo Petro", nationality="co", alias="Gustavo Francisco Petro Urrego"),
        # a relation before one of its ends: waits for it
        ftm("NK-fam-1", "Family", person="NK-petro", relative="NK-nicolas", relationship="son"),
        ftm("NK-nicolas", "Person", name="Nicolas Petro Burgos", country="co"),
        ftm("NK-wife", "Person", name="Veronica Alcocer", country="co"),
        ftm("NK-trump", "Person", name="Donald J. Trump", country="us", wikidataId="Q22686"),
        ftm("NK-ofac", "PublicBody", name="Office of Foreign Assets Control", country="us"),
        ftm("NK-acme", "Company", name="Acme Shipping Ltd", jurisdiction="pa"),
        ftm(
            "NK-sanc-1",
            "Sanction",
            entity="NK-petro",
            authority="Office of Foreign Assets Control",
            country="us",
            program="ILLICIT-DRUGS-EO14059",
            programId="US-NARC",
            startDate="2025-10-24",
            listingDate="2025-10-24",
            reason="Ties to drug trafficking",
            authorityId="54321",
            sourceUrl="https://ofac.example.gov/recent-actions/20251024",
        ),
        ftm(
            "NK-sanc-2", "Sanction", entity="NK-acme", country="us", program="SDN", startDate="2019-05", endDate="2024"
        ),
        ftm("NK-sanc-3", "Sanction", entity="NK-wife", authority="Office of Foreign Assets Control", country="us"),
        ftm("NK-pos-1", "Position", name="President of Colombia", country="co"),
        ftm("NK-occ-1", "Occupancy", holder="NK-petro", post="NK-pos-1", startDate="2022-08-07"),
        ftm("NK-fam-2", "Family", person="NK-petro", relative="NK-wife", relationship="wife"),
        ftm("NK-assoc", "Associate", person="NK-petro", associate="NK-trump", relationship="counterpart"),
    ]
    listed = (
        "Ana Rojas|Bruno Diaz|Carla Mendez|Diego Lara|Elena Soto|Fabio Ruiz|Gloria Vega|Hugo Paredes|"
        "Ines Castro|Jorge Nunez|Karen Ibarra|Luis Ortega"
    )
    rows += [ftm(f"NK-p{i}", "Person", name=name, country="ve") for i, name in enumerate(listed.split("|"))]
    rows += [
        ftm(f"NK-s{i}", "Sanction", entity=f"NK-p{i}", authority="Office of Foreign Assets Control", country="us")
        for i in range(12)
    ]
    rows += [
        '{"id": "NK-broken", "schema": "Person", "properties": {"name": ["Half',  # malformed JSON
        ftm("NK-odd", "Spaceship", name="Enterprise"),  # not an FtM schema
        ftm("NK-sanc-9", "Sanction", entity="NK-nobody", country="us"),  # its entity never comes
        ftm("NK-sanc-8", "Sanction", entity="NK-p0", country="us", startDate="24/10/2025"),  # a bad date
        ftm("NK-noname", "Person", country="co"),  # a person without a name
    ]
    return rows
