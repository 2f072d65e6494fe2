"""The actor panel's roles: person nodes carry the posts they held, with dates."""

from __future__ import annotations

from graph.pipeline import ingest
from graph.store import open_store
from graph.views.html import render_view
from graph.views.network import add_roles, to_networkx
from tests.conftest import SEED_TRIG


def test_person_nodes_carry_their_posts_with_dates_into_the_page() -> None:
    store = open_store("memory:")
    ingest([str(SEED_TRIG)], store)
    nxg = add_roles(to_networkx(store), store)
    roles = {d["label"]: d.get("roles", []) for _, d in nxg.nodes(data=True)}
    assert roles["Gustavo Petro"] == [
        {"label": "President of Colombia", "of": "Colombia", "start": "2022-08-07", "end": None}
    ]
    assert roles["Donald Trump"][0]["start"] == "2025-01-20"
    assert roles["Colombia"] == []  # states hold no posts
    page = render_view(nxg, title="seed")
    assert "President of Colombia" in page.html and "2022-08-07" in page.html
