"""Trigger senses decided by their arguments, and the event nouns of diplomatic news (hand lexicon)."""

from __future__ import annotations

import pytest

from graph.extract.events.finder import _verbal
from graph.extract.nlp import load_pipeline

from .conftest import run

TRUMP = "U.S. President Donald Trump"
ZELENSKYY = "Ukrainian President Volodymyr Zelenskyy"


def test_calling_someone_a_name_is_criticism_not_a_phone_call() -> None:
    v = run(f"{TRUMP} called {ZELENSKYY} a dictator on Wednesday.")
    assert not v.events("041")
    assert v.directed("111") == {(frozenset({"Donald Trump"}), frozenset({"Volodymyr Zelenskyy"}))}


def test_calling_someone_a_word_of_praise_is_praise() -> None:
    v = run(f"{TRUMP} called {ZELENSKYY} a great friend on Wednesday.")
    assert v.directed("051") == {(frozenset({"Donald Trump"}), frozenset({"Volodymyr Zelenskyy"}))}


def test_calling_someone_without_a_name_is_a_call() -> None:
    v = run(f"{TRUMP} called {ZELENSKYY} on Wednesday.")
    # a call one side makes keeps who called whom (the coreference compares it across reports)
    assert v.directed("041") == {(frozenset({"Donald Trump"}), frozenset({"Volodymyr Zelenskyy"}))}
    assert not v.events("11")


def test_summoning_an_envoy_is_a_protest_against_the_envoys_state() -> None:
    v = run("Norway summoned Sweden's ambassador on Monday.")
    assert v.directed("111") == {(frozenset({"Norway"}), frozenset({"Sweden"}))}


def test_halting_trade_is_a_sanction() -> None:
    v = run("Norway halted all trade with Sweden on Thursday.")
    assert v.directed("163") == {(frozenset({"Norway"}), frozenset({"Sweden"}))}


@pytest.mark.parametrize(
    "text",
    [
        "Norway halted fuel supplies to Sweden on Thursday.",
        "Norway cut off gas deliveries to Sweden on Thursday.",
        "Norway stopped oil shipments to Sweden on Thursday.",
        "Norway restricted exports of timber to Sweden on Thursday.",
        "Norway froze all trade with Sweden on Thursday.",
    ],
)
def test_stopping_the_flow_of_goods_to_a_state_is_an_embargo(text: str) -> None:
    assert run(text).directed("163") == {(frozenset({"Norway"}), frozenset({"Sweden"}))}


def test_duties_imposed_on_a_states_goods_are_a_sanction() -> None:
    v = run("The European Union imposed duties on Chinese electric vehicles.")
    assert v.directed("163") == {(frozenset({"European Union"}), frozenset({"China"}))}


def test_a_truce_between_two_parties_is_a_ceasefire_they_agree() -> None:
    v = run("Norway's truce with Sweden took effect on Sunday.")
    assert [set(v.n(e.participants)) for e in v.events("0871")] == [{"Norway", "Sweden"}]


def test_engaging_parties_is_diplomacy_and_engaging_troops_is_combat() -> None:
    diplomacy = run("The European Union will engage both Chile and Peru to carry out the accord, officials said.")
    assert not diplomacy.events("19")
    assert diplomacy.events("04")
    combat = run("Malian rebels engaged Chilean peacekeepers in a firefight near the border on Saturday.")
    assert combat.events("19")


def test_a_deal_struck_or_inked_is_an_agreement_and_a_position_struck_is_an_attack() -> None:
    deal = run("Kenya struck a deal on Monday with Uganda over the disputed island, officials said.")
    assert deal.events("057") and not deal.events("19")
    inked = run("Kenya and Uganda inked the border accord in Nairobi on Monday, officials said.")
    assert [e for e in inked.events("057") if inked.n(e.participants) == {"Kenya", "Uganda"}]


def test_working_or_partnering_with_another_actor_is_cooperation() -> None:
    v = run("Kenya pledged on Monday to keep working with Uganda on the border, officials said.")
    assert (frozenset({"Kenya"}), frozenset({"Uganda"})) in v.directed("05")
    alone = run("Kenya pledged on Monday to keep working on the border, officials said.")
    assert not alone.events("050")


def test_backing_pledged_for_an_actors_cause_praises_that_actor() -> None:
    v = run("Chilean President Ana Ruiz pledged full backing and solidarity for Peru's campaign in the region.")
    assert (frozenset({"Ana Ruiz"}), frozenset({"Peru"})) in v.directed("051")


def test_an_evaluation_of_talks_is_aimed_at_the_other_side_of_them() -> None:
    v = run(
        "Chilean President Ana Ruiz and Peruvian President Hugo Soto held talks on Monday in Lima. "
        "Ruiz called the talks very productive."
    )
    assert (frozenset({"Ana Ruiz"}), frozenset({"Hugo Soto"})) in v.directed("051")
    w = run("Peruvian President Hugo Soto visited Chile on Friday. Chilean leaders regarded the trip as a provocation.")
    assert (frozenset({"Chile"}), frozenset({"Hugo Soto"})) in w.directed("111")


def test_a_war_named_as_a_noun_is_fighting_but_a_trade_war_is_not() -> None:
    v = run("Talks continued amid Chile's war against Peru, now in its fourth year, officials said.")
    assert (frozenset({"Chile"}), frozenset({"Peru"})) in v.directed("19")
    w = run("The Chile-Peru trade war escalated on Monday as Chile raised tariffs on Peruvian goods.")
    assert not w.events("19")
    assert (frozenset({"Chile"}), frozenset({"Peru"})) in w.directed("163")


def test_clashes_between_two_states_are_fighting_between_them() -> None:
    v = run("A week of heavy border clashes between Chile and Peru killed dozens, officials said.")
    assert [e for e in v.events("19") if v.n(e.participants) == {"Chile", "Peru"}]


def test_listing_someone_as_a_suspect_accuses_them() -> None:
    v = run("Chile listed the Peruvian envoy and two colleagues as persons of interest in the murder inquiry.")
    assert any("Peru" in targets for _src, targets in v.directed("112"))


def test_hitting_a_boat_with_a_water_cannon_is_force_by_the_coast_guard() -> None:
    v = run("A Chilean coast guard ship hit a Peruvian fishing boat with a water cannon on Sunday, hurting two.")
    assert (frozenset({"Coast Guard of Chile"}), frozenset({"Peru"})) in v.directed("19")


def test_labelling_someone_a_name_parsed_as_two_objects_is_criticism_of_that_person() -> None:
    v = run("India labelled Canadian activist Hardeep Singh Nijjar a terrorist in 2020.")
    assert v.directed("111") == {(frozenset({"India"}), frozenset({"Hardeep Singh Nijjar"}))}


def test_an_apposition_after_a_comma_is_a_description_not_a_name_called() -> None:
    v = run(f"{TRUMP} called {ZELENSKYY}, a former comedian, on Wednesday.")
    assert v.events("041")
    assert not v.events("11")


def test_likening_someone_to_a_villain_is_criticism_and_a_plain_comparison_is_nothing() -> None:
    v = run("Kosovo Prime Minister Albin Kurti compared Serbian President Aleksandar Vucic to a mafia boss.")
    assert v.directed("111") == {(frozenset({"Albin Kurti"}), frozenset({"Aleksandar Vučić"}))}
    w = run("Kosovo Prime Minister Albin Kurti compared Serbia's economy to Germany's economy.")
    assert not w.ex.events


def test_shooting_or_ramming_at_a_states_vessel_is_force_against_that_state() -> None:
    v = run("A Chinese coast guard ship rammed a Philippine vessel near the shoal.")
    w = run("China's coast guard shot a water cannon at a Philippine boat on Monday.")
    for x in (v, w):
        assert any(x.n(e.targets) == {"Philippines"} for e in x.events("19"))
    assert not run("The striker shot the ball past the Argentine goalkeeper.").ex.events


def test_pausing_or_suspending_a_penalty_eases_it() -> None:
    v = run("Washington suspended sanctions on Venezuela's oil sector for six months.")
    w = run("Japan paused tariffs on South Korean steel on Monday.")
    assert v.directed("085") == {(frozenset({"United States"}), frozenset({"Venezuela"}))}
    assert w.directed("085") == {(frozenset({"Japan"}), frozenset({"South Korea"}))}
    assert not v.events("16")


def test_force_done_jointly_with_someone_is_military_cooperation() -> None:
    v = run("Russian forces conducted joint exercises with Belarusian troops near the border on Monday.")
    assert any(v.n(e.participants) == {"Armed Forces of Russia", "Armed Forces of Belarus"} for e in v.events("062"))
    assert not v.events("15") and not v.events("19")
    w = run("Russian forces attacked Ukrainian troops near the border on Monday.")
    assert w.events("19") and not w.events("06")


def test_cancelling_another_states_concerts_or_contracts_is_a_boycott() -> None:
    v = run("Azerbaijan called off concerts by Russian artists on Sunday.")
    w = run("The Kenyan government canceled the contracts of Chinese firms on Friday.")
    assert v.directed("163") == {(frozenset({"Azerbaijan"}), frozenset({"Russia"}))}
    assert w.directed("163") == {(frozenset({"Kenya"}), frozenset({"China"}))}


def test_sitting_down_with_someone_is_a_meeting_and_ones_own_summit_has_the_other_side_as_target() -> None:
    v = run("Kenyan President William Ruto sat down with Ugandan President Yoweri Museveni on Monday.")
    assert any(v.n(e.participants) == {"William Ruto", "Yoweri Museveni"} for e in v.events("04"))
    w = run("Kenyan President William Ruto held his first summit with Ugandan President Yoweri Museveni on Monday.")
    assert any(
        {"William Ruto", "Yoweri Museveni"} == w.n(e.actors) | w.n(e.targets) | w.n(e.participants)
        for e in w.events("04")
    )


def test_persons_on_both_sides_of_a_fight_fight_with_words() -> None:
    v = run(f"{TRUMP} attacked {ZELENSKYY} on social media on Sunday.")
    assert not v.events("19")
    assert v.directed("111") == {(frozenset({"Donald Trump"}), frozenset({"Volodymyr Zelenskyy"}))}
    v = run(f"After acrimonious clashes between {TRUMP} and {ZELENSKYY}, diplomacy paid off.")
    assert not v.events("19") and not v.events("11")  # mutual: no criticism of one by the other


def test_forces_fight_whoever_they_attack() -> None:
    v = run(f"Russian forces attacked {ZELENSKYY}'s convoy near Kyiv.")
    assert any("Zelenskyy" in " ".join(t) for _s, t in v.directed("19"))


def test_clashes_on_social_media_are_words_whatever_the_lemma_of_media() -> None:
    doc = load_pipeline()("After acrimonious clashes on social media, diplomacy paid off.")
    clashes = next(t for t in doc if t.lower_ == "clashes")
    assert _verbal(clashes)  # the model lemmatises "media" as "medium"


def test_an_act_in_the_actors_own_country_does_not_target_it() -> None:
    v = run("Donald Trump announced that he had invited the South American leader to the White House.")
    assert not any("United States" in t for _s, t in v.directed("03"))


def test_allowing_someone_to_act_is_permission_and_letting_others_in_is_a_concession() -> None:
    v = run("US officials said Colombian President Gustavo Petro has allowed drug cartels to flourish.")
    assert not v.events("08")
    v = run("Iraq said on Monday it would allow the return of United Nations weapons inspectors.")
    assert any("Iraq" in s for s, _t in v.directed("086"))


@pytest.mark.parametrize(
    "text",
    [
        "Chilean President Ana Ruiz on Sunday suggested the possibility of military action against Peru.",
        "Chilean President Ana Ruiz did not rule out military action against Peru.",
        "Chilean President Ana Ruiz raised the prospect of air strikes on Peru.",
    ],
)
def test_force_floated_by_who_would_order_it_is_a_threat_of_force(text: str) -> None:
    v = run(text)
    assert v.directed("138") == {(frozenset({"Ana Ruiz"}), frozenset({"Peru"}))}
    assert not v.events("19")


def test_force_ruled_out_or_carried_out_is_no_threat() -> None:
    assert not run("Chile ruled out military action against Peru.").events("13")
    v = run("Chile launched a military operation against Peru in February.")
    assert v.directed("19") == {(frozenset({"Chile"}), frozenset({"Peru"}))} and not v.events("13")


def test_praising_an_attack_praises_the_attacker_not_its_victim() -> None:
    v = run("Chilean President Ana Ruiz praised the raid on Lima.")
    assert not any("Peru" in t for _s, t in v.directed("05"))


def test_identifying_someone_as_a_suspect_is_an_accusation() -> None:
    v = run("Peru identified two Chilean officers as suspects in the bombing.")
    assert v.directed("112") == {(frozenset({"Peru"}), frozenset({"Chile"}))}
    assert not run("Police identified the victims as Peruvian nationals.").events("11")


def test_insisting_is_a_demand_only_on_something_or_with_must() -> None:
    assert run("Peru insisted on direct talks with Chile.").events("10")
    assert run("Peru insisted that Chile must release its fishermen.").events("10")
    assert not run(
        "Peru condemned Chile's decision, insisting that such action was akin to pouring oil on the flames."
    ).events("10")


def test_adopting_passing_or_pledging_carries_the_measure_or_aid_it_takes() -> None:
    v = run("The European Union on Friday adopted its 14th package of sanctions against Latvia.")
    assert v.directed("163") == {(frozenset({"European Union"}), frozenset({"Latvia"}))}
    w = run("Germany pledged 500 million euros in military aid to Moldova.")
    assert (frozenset({"Germany"}), frozenset({"Moldova"})) in w.directed("03")


def test_a_case_against_someone_is_a_lawsuit_but_a_case_of_something_is_not() -> None:
    v = run("Gambia filed a case against Myanmar at the International Court of Justice.")
    assert v.directed("115") == {(frozenset({"Gambia"}), frozenset({"Myanmar"}))}
    w = run("The case of Gambia shows that Myanmar cannot be trusted.")
    assert not w.events("115")


def test_vowing_to_retaliate_against_someone_threatens_them() -> None:
    v = run("Beijing vowed to retaliate against the new US export controls.")
    assert v.directed("13") == {(frozenset({"China"}), frozenset({"United States"}))}


def test_ordering_an_envoy_or_others_to_leave_is_an_expulsion() -> None:
    v = run("Mali ordered the French ambassador to leave within 48 hours.")
    assert v.directed("161") == {(frozenset({"Mali"}), frozenset({"France"}))}
    w = run("Latvia ordered two Russian journalists to leave the country.")
    assert any("Latvia" in s for s, _t in w.directed("174"))


def test_handing_over_or_transferring_arms_is_military_aid_but_hostages_are_not() -> None:
    v = run("The Netherlands handed over 18 F-16 jets to Ukraine. Germany transferred air-defence systems to Kyiv.")
    assert v.directed("072") == {
        (frozenset({"Netherlands"}), frozenset({"Ukraine"})),
        (frozenset({"Germany"}), frozenset({"Ukraine"})),
    }
    w = run("Hamas handed over four hostages to the Red Cross.")
    assert not w.events("07")


def test_the_expulsion_of_diplomats_cuts_relations_and_names_whose_they_are() -> None:
    v = run("India on Monday ordered the expulsion of six Canadian diplomats.")
    assert v.directed("161") == {(frozenset({"India"}), frozenset({"Canada"}))}
    w = run("Beijing's expulsion of the Lithuanian envoy drew criticism on Monday.")
    assert w.directed("16") == {(frozenset({"China"}), frozenset({"Lithuania"}))}


def test_a_threat_of_military_action_is_of_force_but_further_action_is_a_threat() -> None:
    v = run("Ecuador threatened military action against Peru on Monday.")
    assert v.directed("138") == {(frozenset({"Ecuador"}), frozenset({"Peru"}))}
    w = run("Ecuador threatened further action against Peru on Monday.")
    assert w.directed("130") == {(frozenset({"Ecuador"}), frozenset({"Peru"}))} and not w.events("138")


def test_speaking_at_a_news_conference_or_engaging_in_activities_are_no_talks() -> None:
    v = run(
        "Speaking at a joint news conference in Ankara, Erdogan on Wednesday thanked Somali President Hassan "
        "Sheikh Mohamud."
    )
    assert not v.events("04") and v.events("051")
    w = run("Police said Indian diplomats in Canada engaged in clandestine activities.")
    assert not w.events("04")
    x = run("Lavrov spoke with Blinken on Tuesday.")
    assert x.events("04")


def test_who_reports_an_attack_is_not_its_attacker() -> None:
    v = run("Pakistani intelligence officials reported a third attack by NATO helicopters on Monday.")
    assert not any("Pakistan" in s for s, _t in v.directed("19"))


def test_a_state_protests_in_words_and_its_people_in_the_street() -> None:
    v = run("China protested the new US arms sale on Monday.")
    assert v.directed("114") == {(frozenset({"China"}), frozenset({"United States"}))} and not v.events("14")
    w = run("Colombian students protested the US raid on Monday.")
    assert w.events("14") and not w.events("114")


def test_declaring_someone_persona_non_grata_is_an_expulsion_by_the_declarer() -> None:
    v = run("Norwegian Foreign Minister Espen Barth Eide declared Sweden's ambassador persona non grata.")
    assert (frozenset({"Espen Barth Eide"}), frozenset({"Sweden"})) in v.directed("17") | v.directed("16")
    w = run("Norway said it would declare the Swedish envoy persona non grata.")
    assert w.events("174") and all(e.modality.value == "planned" for e in w.events("174"))


def test_normalizing_or_establishing_relations_is_recognition_between_both() -> None:
    v = run("Bhutan and Germany normalized relations on Monday. Oman and Israel established diplomatic relations.")
    assert {frozenset(v.n(e.participants)) for e in v.events("054")} == {
        frozenset({"Bhutan", "Germany"}),
        frozenset({"Oman", "Israel"}),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Norway tightened curbs on exports to Sweden on Thursday.",
        "Norway moved to curb exports of timber to Sweden.",
    ],
)
def test_curbs_on_the_flow_of_goods_to_a_state_are_an_embargo(text: str) -> None:
    assert run(text).directed("163") == {(frozenset({"Norway"}), frozenset({"Sweden"}))}


@pytest.mark.parametrize(
    "text",
    [
        "Norway vowed a firm response to the Swedish curbs.",
        "Norway promised retaliation against Sweden.",
    ],
)
def test_vowing_a_response_or_retaliation_is_a_threat(text: str) -> None:
    v = run(text)
    assert v.directed("13") == {(frozenset({"Norway"}), frozenset({"Sweden"}))}
    assert not v.events("03")


def test_calling_in_an_envoy_is_a_summons() -> None:
    v = run("Norway called in Sweden's envoy over the border incident.")
    assert v.directed("111") == {(frozenset({"Norway"}), frozenset({"Sweden"}))}
    assert not run("Norway called in experts to review the accord.").events("1")


def test_giving_an_envoy_hours_to_leave_is_an_expulsion() -> None:
    v = run("Mali on Monday gave the French ambassador 72 hours to leave the country.")
    assert v.directed("16") == {(frozenset({"Mali"}), frozenset({"France"}))}


def test_blocking_a_bid_to_join_is_a_rejection_of_it() -> None:
    v = run("Turkey blocked Sweden's bid to join NATO.")
    assert v.directed("12") == {(frozenset({"Türkiye"}), frozenset({"Sweden"}))}
    assert not v.events("11")


def test_what_two_sides_exchange_is_one_act_between_them() -> None:
    v = run("Armenia and Azerbaijan exchanged fire along the border. India and Pakistan exchanged accusations.")
    sides = {(e.cameo[:2], frozenset(v.n(e.participants))) for e in v.ex.events}
    assert ("19", frozenset({"Armenia", "Azerbaijan"})) in sides
    assert ("11", frozenset({"India", "Pakistan"})) in sides


def test_ending_an_agreement_with_a_state_cuts_relations_with_it() -> None:
    v = run("Niger revoked its military agreement with the United States.")
    assert v.directed("16") == {(frozenset({"Niger"}), frozenset({"United States"}))}


def test_calling_someone_a_threat_names_them_calling_a_meeting_convenes_it() -> None:
    v = run("Kenya called Uganda an unacceptable threat to the region.")
    assert v.directed("11") == {(frozenset({"Kenya"}), frozenset({"Uganda"}))}
    w = run("NATO called an extraordinary meeting later on Tuesday in Brussels.")
    assert not w.events("11")


def test_closing_or_reopening_ones_embassy_in_a_state_is_about_that_state() -> None:
    v = run("Germany closed its embassy in Niger. Saudi Arabia reopened its embassy in Damascus.")
    assert (frozenset({"Germany"}), frozenset({"Niger"})) in v.directed("16")
    assert (frozenset({"Saudi Arabia"}), frozenset({"Syria"})) in v.directed("05")
