"""select_view: the selection behind `diplograph view` (actors and depth, dates, types, kinds, modality)."""

from __future__ import annotations

import pytest

from graph.errors import ConfigError
from graph.views.select import make_view, resolve_actor, select_view
from tests.views.conftest import ID, contract_graph


def keys(nxg: object) -> set[str]:
    return {str(k).rsplit("-", 1)[-1] for *_, k in nxg.edges(keys=True)}  # type: ignore[attr-defined]


def test_planned_and_hypothetical_are_left_out_unless_asked() -> None:
    g = contract_graph()
    assert "meet" not in keys(select_view(g))
    assert "meet" in keys(select_view(g, include_planned=True))
    assert select_view(g, include_planned=True).number_of_edges() == g.number_of_edges()


def test_dates_overlap_and_drop_undated() -> None:
    g = contract_graph()
    assert keys(select_view(g, since="2025-10-15", until="2025-10-20")) == {"sanction"}  # month precision overlaps
    assert keys(select_view(g, since="2026")) == {"threat", "call"}
    assert keys(select_view(g, until="2025-09")) == {"accuse", "aid"}


def test_types_are_cameo_prefixes() -> None:
    g = contract_graph()
    assert keys(select_view(g, types=["13,16"])) == {"threat", "sanction"}
    assert keys(select_view(g, types=["041"])) == {"call"}


def test_kinds_keep_only_those_actors_and_drop_actors_left_without_events() -> None:
    g = select_view(contract_graph(), kinds=["person", "state"])
    assert {d["kind"] for _, d in g.nodes(data=True)} == {"person", "state"}
    assert keys(g) == {"threat", "accuse", "deny", "aid", "call"}


def test_actor_and_depth() -> None:
    g = contract_graph()
    ego = select_view(g, actors=["petro"], depth=1)
    assert set(ego.nodes) == {ID + "person-gustavo-petro", ID + "person-donald-trump", ID + "USA"}
    assert set(select_view(g, actors=["OFAC"], depth=0).nodes) == {ID + "agency-usa-ofac"}
    assert ID + "COL" in select_view(g, actors=["Petro"], depth=2)


def test_actor_references() -> None:
    g = contract_graph()
    assert resolve_actor(g, "col") == ID + "COL"  # ISO code, any case
    assert resolve_actor(g, "U.S.") == ID + "USA"  # alias
    assert resolve_actor(g, ID + "USA") == ID + "USA"
    with pytest.raises(ConfigError, match="no actor matches"):
        resolve_actor(g, "Atlantis")
    with pytest.raises(ConfigError, match="several actors"):
        resolve_actor(g, "gustavo")  # Gustavo Petro and relatives of Gustavo Petro


def test_bad_date() -> None:
    with pytest.raises(ConfigError):
        select_view(contract_graph(), since="yesterday")


def test_make_view_takes_plain_strings_and_dates() -> None:
    import datetime as dt
    import json
    import re

    view = make_view(contract_graph(), ["petro"], types="04", since=dt.date(2026, 1, 1), store="memory:")
    assert (view.nodes, view.events, view.title) == (2, 1, "petro")
    block = re.search(r'id="dg-data">(.*?)</script>', view.html, re.DOTALL)
    assert block is not None
    meta = json.loads(block.group(1))["meta"]
    assert meta["filters"] == "actors: petro; depth: 1; since: 2026-01-01; types: 04; planned events: left out"
