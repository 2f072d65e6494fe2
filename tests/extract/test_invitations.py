"""Invitations named by a noun (graph/extract/invitations.py): "at the invitation of X" on a meeting or visit
is X inviting its other sides."""

from __future__ import annotations

from .conftest import run


def test_a_summit_at_someones_invitation_is_their_invitation_of_its_sides() -> None:
    v = run(
        "The deal opens the way for a summit scheduled for July in Washington, with the participation of Kenyan "
        "President William Ruto and Ugandan President Yoweri Museveni, at the invitation of President Donald Trump."
    )
    assert (frozenset({"Donald Trump"}), frozenset({"William Ruto", "Yoweri Museveni"})) in v.directed("036")


def test_a_visit_at_the_hosts_invitation_invites_the_visitor_not_the_hosts_state() -> None:
    v = run("Indian Prime Minister Narendra Modi visited Russia at the invitation of President Vladimir Putin.")
    assert v.directed("036") == {(frozenset({"Vladimir Putin"}), frozenset({"Narendra Modi"}))}


def test_an_invitation_noun_without_a_meeting_is_nothing() -> None:
    v = run("Kenya criticised Uganda over the invitation list on Monday.")
    assert not v.events("036")
