"""Arguments the parse spreads out (graph/extract/events/): the sides of one joint act named in two
coordinated clauses, or after "between" in a passive."""

from __future__ import annotations

from graph.model import Modality

from .conftest import run


def test_one_signing_with_a_side_in_each_coordinated_clause() -> None:
    v = run(
        "Foreign Minister Ana Ruiz signed on behalf of the government of Chile, and Foreign Minister Hugo Soto "
        "signed on behalf of the government of Peru, while a UN envoy signed as a witness."
    )
    signings = [e for e in v.events("057") if {"Ana Ruiz", "Hugo Soto"} <= v.n(e.participants)]
    assert signings


def test_a_passive_joint_act_between_two_states() -> None:
    v = run("The fisheries agreement was signed between Chile and Peru on Monday in Lima, officials said.")
    assert [e for e in v.events("057") if v.n(e.participants) == {"Chile", "Peru"}]


def test_one_side_alone_is_still_no_joint_act() -> None:
    v = run("Foreign Minister Ana Ruiz of Chile signed the register on Monday, officials said.")
    assert not v.events("057")


def test_a_meeting_of_the_heads_of_state_of_two_states_is_planned_when_foreseen() -> None:
    v = run("A summit of the two heads of state of Chile and Peru is foreseen in Lima next month, officials said.")
    summits = [e for e in v.events("04") if v.n(e.participants) == {"Chile", "Peru"}]
    assert summits and all(e.modality.value == "planned" for e in summits)


def test_the_subject_of_due_to_meet_is_the_pair_named_before() -> None:
    v = run(
        "President Ana Ruiz invited the Chilean and Peruvian presidents to a summit. "
        "The two presidents are due to meet in Quito later this month."
    )
    assert [e for e in v.events("04") if v.n(e.participants) == {"Chile", "Peru"}]


def test_the_passive_subject_of_a_raising_verb_is_the_actor() -> None:
    v = run("Chile is scheduled to visit Peru on Friday for talks on the border, officials said.")
    assert (frozenset({"Chile"}), frozenset({"Peru"})) in v.directed("042")


def test_a_source_found_only_by_word_order_is_not_kept_when_the_parse_gives_none() -> None:
    v = run("Amid the row over the border, Chile in a statement on Monday, the envoys were expelled from Peru.")
    assert not [e for e in v.ex.events if e.evidence and "/surface-source" in e.evidence.rule]


def test_an_agency_acting_on_its_own_state_is_no_relation_but_rebels_against_it_are() -> None:
    v = run("Chile's foreign ministry criticised Chile on Monday over the delays, the ministry said in a statement.")
    assert not [e for e in v.events("11") if v.n(e.targets) == {"Chile"}]
    w = run("Chilean rebels attacked Chile's army bases near the border on Monday, officials said.")
    assert w.events("19")


def test_a_person_meeting_or_praising_their_own_state_is_no_relation_but_a_pledge_to_reform_it_is() -> None:
    v = run("Pakistan's delegation to the talks in Doha was led by Pakistani Defence Minister Khawaja Asif.")
    assert not [e for e in v.events("03") if v.n(e.targets) == {"Pakistan"}]
    w = run("Chilean President Gabriel Boric praised Chile's rescue teams on Monday.")
    assert not [e for e in w.events("05") if w.n(e.targets) == {"Chile"}]
    x = run("Serbian President Vojislav Kostunica promised to democratize Serbia and establish the rule of law.")
    assert x.events("03")


def test_a_dateline_is_not_the_subject_of_the_first_sentence() -> None:
    v = run(
        " date 2025-03-10 Following talks in Lima, Chilean President Ana Ruiz and Peruvian President Hugo Soto "
        "signed a new fisheries agreement. The deal covers the whole coast."
    )
    assert [e for e in v.events("057") if {"Ana Ruiz", "Hugo Soto"} <= v.n(e.participants)]
    w = run("SANTIAGO, March 10 (Reuters) - Chile and Peru signed a fisheries agreement on Monday, officials said.")
    assert [e for e in w.events("057") if w.n(e.participants) == {"Chile", "Peru"}]


def test_an_ing_clause_of_time_shares_the_subject_of_the_clause_it_modifies() -> None:
    v = run(
        "After meeting Alexander Lukashenko in Minsk on Friday, Hungarian Prime Minister Viktor Orban "
        "said the talks were useful."
    )
    assert any(v.n(e.participants) == {"Alexander Lukashenko", "Viktor Orbán"} for e in v.events("04"))


def test_an_ing_clause_after_for_belongs_to_the_object_not_the_subject() -> None:
    v = run("Putin praised North Korea for supporting Russia in the war.")
    assert not any(v.n(e.actors) == {"Vladimir Putin"} and v.n(e.targets) == {"Russia"} for e in v.events("05"))
    assert any(v.n(e.actors) == {"North Korea"} and v.n(e.targets) == {"Russia"} for e in v.events("05"))


def test_the_one_thanked_for_hosting_is_the_host() -> None:
    for text in (
        "Kenya thanked Tanzania for hosting Ugandan President Yoweri Museveni.",
        "Kenya expressed its gratitude to Tanzania for hosting Ugandan President Yoweri Museveni.",
    ):
        v = run(text)
        assert v.directed("043") == {(frozenset({"Tanzania"}), frozenset({"Yoweri Museveni"}))}, text


def test_an_ing_participle_after_a_name_has_that_person_as_subject() -> None:
    v = run("Maldivian President Mohamed Muizzu, currently visiting China, was elected last year.")
    assert (frozenset({"Mohamed Muizzu"}), frozenset({"China"})) in v.directed("042")


def test_a_preposition_coordinated_with_the_verb_adds_its_objects_as_targets() -> None:
    v = run("Kenya expressed its gratitude to Uganda and Rwanda for their help, and to Tanzania for hosting the talks.")
    assert any(v.n(e.targets) == {"Uganda", "Rwanda", "Tanzania"} for e in v.events("051"))


def test_partners_in_a_state_are_that_state() -> None:
    v = run("Kenyan President William Ruto credited close partners in the African Union and Qatar for the ceasefire.")
    assert (frozenset({"William Ruto"}), frozenset({"African Union", "Qatar"})) in v.directed("051")


def test_an_event_noun_as_a_time_adverbial_takes_the_clauses_actor_as_the_other_side() -> None:
    v = run(
        "Before a scheduled call with Kenyan President William Ruto, Tanzanian President Samia Suluhu Hassan "
        "criticised Uganda."
    )
    calls = v.events("041")
    assert calls and {"William Ruto"} < v.n(calls[0].participants)
    assert calls[0].modality.value == "planned"


def test_the_participation_of_two_leaders_makes_them_the_sides_of_a_summit() -> None:
    v = run(
        "The deal opens the door to a summit scheduled for July in Nairobi, with the participation of Kenyan "
        "President William Ruto and Ugandan President Yoweri Museveni."
    )
    assert any(v.n(e.participants) == {"William Ruto", "Yoweri Museveni"} for e in v.events("04"))


def test_a_known_city_or_province_stands_for_its_state_as_the_setting_or_the_object_of_force() -> None:
    v = run("Russia is conducting military exercises in Alaska.")
    assert (frozenset({"Russia"}), frozenset({"United States"})) in v.directed("15")
    w = run("Russian forces shelled Kharkiv on Monday.")
    assert (frozenset({"Armed Forces of Russia"}), frozenset({"Ukraine"})) in w.directed("19")
    x = run("Ukrainian troops patrolled Kharkiv on Monday.")
    assert not any("Ukraine" in x.n(e.targets) for e in x.ex.events)


def test_attending_a_summit_abroad_is_a_visit_to_that_state() -> None:
    v = run("French President Emmanuel Macron attended a summit in Geneva.")
    assert v.directed("042") == {(frozenset({"Emmanuel Macron"}), frozenset({"Switzerland"}))}
    w = run("French President Emmanuel Macron attended a summit in Paris.")
    assert not w.events("042")


def test_a_state_acting_on_itself_is_no_event() -> None:
    v = run("Belarus has freed 52 prisoners of different nationalities after talks with Lithuania.")
    assert not any(v.n(e.actors) == {"Belarus"} and v.n(e.targets) == {"Belarus"} for e in v.ex.events)


def test_drills_around_a_state_target_it_and_aid_for_a_state_goes_to_it() -> None:
    v = run("China held military drills around Taiwan on Monday.")
    assert (frozenset({"China"}), frozenset({"Taiwan"})) in v.directed("15")
    w = run("Japan sent new military aid for Ukraine on Monday.")
    assert (frozenset({"Japan"}), frozenset({"Ukraine"})) in w.directed("07")
    x = run("Military aid was sent for Ukraine by Japan on Monday.")  # no crash on the passive
    assert x.ex is not None


def test_the_passive_subjects_inner_actor_is_the_target() -> None:
    v = run("Sanctions on Iran were imposed by the European Union on Monday.")
    assert (frozenset({"European Union"}), frozenset({"Iran"})) in v.directed("16")


def test_where_something_in_a_reported_clause_goes_is_no_target_of_the_report() -> None:
    v = run("The freed prisoners crossed safely into Chile on Monday, the Peruvian foreign minister confirmed.")
    assert not any("Chile" in t for _s, t in v.directed("01"))
    v = run("Peru confirmed on Monday that it would send aid to Chile.")
    assert any("Chile" in t for _s, t in v.directed("0"))


def test_them_stands_for_the_nearest_plural_phrase_before_it_not_its_own_subject() -> None:
    v = run("Peru arrested two Chilean soldiers on Monday and accused them of espionage.")
    assert v.directed("112") == {(frozenset({"Peru"}), frozenset({"Armed Forces of Chile"}))}
    v = run("Bolivia recalled its ambassador Luis Rojas and two diplomats after Chile named them suspects.")
    assert v.directed("112") == {(frozenset({"Chile"}), frozenset({"Luis Rojas"}))}


def test_the_name_right_before_a_verb_the_parse_left_without_a_subject_is_its_subject() -> None:
    v = run(
        "On December 6, while on a working visit to Vienna, Elena Morales, Foreign Minister of Chile, met with "
        "Hugo Soto, Foreign Minister of Peru."
    )
    (meeting,) = v.events("040")
    assert v.n(meeting.participants) == {"Elena Morales", "Hugo Soto"}
    assert "/adjacent-subject" in (meeting.evidence.rule if meeting.evidence else "")


def test_the_act_a_decision_names_is_the_deciders_not_the_critics() -> None:
    v = run("Peru condemned Chile's decision on Monday to impose sanctions on Peruvian fishing firms.")
    assert (frozenset({"Peru"}), frozenset({"Chile"})) in v.directed("111")
    assert (frozenset({"Chile"}), frozenset({"Peru"})) in v.directed("16")
    v = run("Peru condemned the decision to impose sanctions on Peruvian fishing firms.")
    assert not [e for e in v.events("16") if v.n(e.actors) == {"Peru"}]


def test_taking_the_step_of_an_act_is_doing_it() -> None:
    v = run("Chile's foreign ministry on Tuesday took the dramatic step of expelling Peru's ambassador.")
    assert [e for e in v.events("16") + v.events("17") if v.n(e.targets) == {"Peru"}]


def test_all_of_whom_are_the_ones_the_clause_qualifies() -> None:
    v = run("The move was coordinated with the governments of Chile and Peru, all of whom expelled Bolivian diplomats.")
    sources = {frozenset(s) for s, t in v.directed("16") | v.directed("17") if t == frozenset({"Bolivia"})}
    assert frozenset({"Chile", "Peru"}) in sources


def test_which_after_a_state_is_that_state_not_the_people_in_it() -> None:
    v = run(
        "The European Union imposed sanctions on officials over a crackdown on protesters in Bolivia, which "
        "quickly retaliated by recalling its ambassador from Chile."
    )
    assert [e for e in v.events("16") if v.n(e.actors) == {"Bolivia"} and v.n(e.targets) == {"Chile"}]


def test_a_place_inside_the_reason_for_an_act_is_not_its_target() -> None:
    v = run("Bolivia imposed entry bans on Thursday in retaliation for sanctions from Chile over the crisis in Peru.")
    assert not [e for e in v.ex.events if "Peru" in v.n(e.targets)]


def test_one_act_told_with_a_states_agency_and_with_the_state_as_target_is_one_event() -> None:
    v = run(
        "Bolivia defends its decision to expel 12 Chilean embassy officials. On Monday, Bolivia upheld its "
        "decision to expel 12 Chilean officials."
    )
    expulsions = v.events("17") + v.events("16")
    assert len(expulsions) == 1 and v.n(expulsions[0].targets) == {"Chile"}


def test_strikes_across_a_place_target_its_state() -> None:
    v = run("On Sunday, the Bolivian military launched a series of airstrikes across Peru.")
    assert [e for e in v.events("19") if v.n(e.targets) == {"Peru"}]


def test_an_invitation_passed_on_goes_to_its_addressee_not_its_sender() -> None:
    v = run("Chile's foreign minister extended an invitation from President Luis Rojas to President Ana Soto.")
    assert not [e for e in v.ex.events if "Luis Rojas" in v.n(e.targets)]


def test_a_title_with_a_named_person_in_apposition_is_that_person() -> None:
    v = run("Ethiopia's Prime Minister, Dr. Abiy Ahmed, arrived in Asmara today for a working visit.")
    assert (frozenset({"Abiy Ahmed"}), frozenset({"Eritrea"})) in v.directed("042")


def test_a_trade_measure_targets_the_state_whose_goods_it_hits() -> None:
    v = run("Chile's trade ministry announced 25 per cent import duties targeting $16 billion worth of Peruvian goods.")
    assert [e for e in v.events("16") if v.n(e.targets) == {"Peru"}]
    v = run("Last month, Chile imposed duties of 25 per cent on Peruvian imports worth $34 billion.")
    assert (frozenset({"Chile"}), frozenset({"Peru"})) in v.directed("163")


def test_a_threatened_trade_measure_is_a_threat_against_the_state_whose_goods_it_would_hit() -> None:
    v = run("Chile's president threatened on Monday to impose a 10 percent tariff on $200 billion of Peruvian goods.")
    assert [e for e in v.events("13") if v.n(e.targets) == {"Peru"}]
    assert not [e for e in v.events("16") if e.modality.value == "asserted"]


def test_missiles_launched_at_a_base_in_a_states_region_target_that_state() -> None:
    v = run(
        "On Tuesday, Chile's army launched ballistic missiles and drones at a base in Peru's southern Tacna region."
    )
    assert [e for e in v.events("19") if v.n(e.targets) == {"Peru"}]


def test_anti_and_pro_name_whom_an_act_is_against_or_for_not_who_acts() -> None:
    v = run("Bolivia's president condemned the raid, sparking anti-Chilean protests across Bolivia.")
    assert not [e for e in v.events("14") if "Chile" in v.n(e.actors)]
    w = run("The vote sparked pro-Chilean demonstrations in Peru on Monday.")
    assert not [e for e in w.ex.events if "Chile" in w.n(e.actors)]


def test_congratulations_sent_or_tweeted_are_praise_of_their_addressee() -> None:
    v = run("Several Peruvian politicians sent their congratulations to Chilean President Ana Soto on Monday.")
    assert (frozenset({"Peru"}), frozenset({"Ana Soto"})) in v.directed("051")
    w = run("Peruvian President Luis Rojas tweeted: Congratulations to Chilean President Ana Soto on her election win!")
    assert (frozenset({"Luis Rojas"}), frozenset({"Ana Soto"})) in w.directed("051")


def test_a_hyphenated_pair_of_states_names_both_sides() -> None:
    v = run("The Chile-Peru talks resumed in Lima on Monday.")
    assert [e for e in v.events("04") if v.n(e.participants) == {"Chile", "Peru"}]


def test_one_detained_in_a_state_with_no_agent_named_is_detained_by_that_state() -> None:
    v = run("A Peruvian citizen was detained in Santiago on Monday, officials said.")
    assert (frozenset({"Chile"}), frozenset({"Peru"})) in v.directed("17")
    w = run("A Peruvian citizen was detained by Bolivian police in Santiago on Monday.")
    assert not [e for e in w.events("17") if "Chile" in w.n(e.actors)]


def test_a_hostile_act_on_the_thing_of_someone_targets_its_owner_but_a_meeting_place_is_no_target() -> None:
    v = run("North Korea has tried to hack into the computers of South Korean army officers, officials said.")
    assert v.directed("17") == {(frozenset({"North Korea"}), frozenset({"Armed Forces of South Korea"}))}
    w = run("Chile's president met on the sidelines of the summit of the African Union on Monday.")
    assert not any("African Union" in t for _s, t in w.directed("04"))


def test_the_state_that_leads_an_act_or_a_coalition_acts_but_one_that_backs_a_government_does_not() -> None:
    v = run("Iran condemned the US-led strikes on Syria. The Saudi-led coalition struck Houthi positions on Sunday.")
    assert (frozenset({"United States"}), frozenset({"Syria"})) in v.directed("19")
    assert (frozenset({"Iran"}), frozenset({"United States"})) in v.directed("11")
    assert any("Saudi Arabia" in s for s, _t in v.directed("19"))
    w = run("The US-backed government in Kabul criticised Pakistan on Monday.")
    assert w.directed("11") == {(frozenset({"Afghanistan"}), frozenset({"Pakistan"}))}


def test_people_from_a_state_and_the_ones_a_phrase_includes_are_the_targets() -> None:
    v = run("Britain imposed sanctions on a total of 49 individuals from Russia, Myanmar and North Korea.")
    assert v.directed("163") == {(frozenset({"United Kingdom"}), frozenset({"Russia", "Myanmar", "North Korea"}))}
    w = run("Britain placed sanctions on dozens of human rights abusers, including senior Saudi officials.")
    assert w.directed("163") == {(frozenset({"United Kingdom"}), frozenset({"Saudi Arabia"}))}


def test_a_plan_modal_or_negation_on_a_light_verb_is_its_nouns_but_a_commitment_keeps_the_noun() -> None:
    v = run("Britain plans to place sanctions on Iran.")
    assert all(e.modality is Modality.PLANNED for e in v.events("163")) and v.events("163")
    w = run("Chile agreed on Monday to deepen cooperation with Peru.")
    assert w.events("05")  # not only the intent of the agreement


def test_an_act_ordered_done_to_someone_is_the_orderers() -> None:
    v = run("Ecuador withdrew its ambassador from Bogota and ordered Colombia's top diplomat expelled.")
    assert (frozenset({"Ecuador"}), frozenset({"Colombia"})) in v.directed("17")


def test_a_naming_verb_judges_its_own_object_only() -> None:
    v = run("Despite efforts by Donald Trump to end what he calls a bloodbath, Russia and Ukraine remain apart.")
    assert not v.events("11")


def test_people_of_two_origins_are_no_pair_of_states() -> None:
    v = run("Protesters clashed with some Turkish-Americans, who had gathered to welcome the Turkish president.")
    assert not any("Türkiye" in s for s, _t in v.directed("04"))


def test_the_premiers_or_ambassadors_of_two_states_are_those_states() -> None:
    v = run("The premiers of Thailand and Cambodia agreed on Monday to implement an immediate ceasefire.")
    assert any(v.n(e.participants) == {"Thailand", "Cambodia"} for e in v.events("03"))


def test_they_after_someones_meeting_with_another_are_its_two_sides() -> None:
    v = run(
        "President Lee Jae-myung flew to London. At his meeting with British Prime Minister Keir Starmer, they "
        "agreed to expand bilateral trade."
    )
    assert any(v.n(e.participants) == {"Lee Jae-myung", "Keir Starmer"} for e in v.events("03"))


def test_who_receives_or_faces_an_act_from_another_is_its_target() -> None:
    v = run("Six Indian diplomats had received a notice of expulsion from Canada on Monday.")
    assert v.directed("17") == {(frozenset({"Canada"}), frozenset({"India"}))}
    w = run("Russia faces new sanctions from the EU.")
    assert w.directed("163") == {(frozenset({"European Union"}), frozenset({"Russia"}))}


def test_the_actors_own_officials_as_object_give_no_target_from_inside_their_phrase() -> None:
    v = run("Kenya suspended its three junior ministers over Uganda's protest about their remarks.")
    assert not [e for e in v.ex.events if "Uganda" in v.n(e.targets)]
    w = run("Kenya expelled three Ugandan diplomats over Uganda's protest.")
    assert (frozenset({"Kenya"}), frozenset({"Uganda"})) in w.directed("1")
    x = run("Kenya recalled its ambassador to Uganda over the remarks.")
    recalls = x.events("161")
    assert recalls and all(x.n(e.targets) == {"Uganda"} and "surface" not in e.evidence.rule for e in recalls)


def test_the_one_led_prompted_or_forced_to_act_is_its_actor() -> None:
    v = run("The remarks prompted Kenya to recall its ambassador from Uganda.")
    assert v.directed("161") == {(frozenset({"Kenya"}), frozenset({"Uganda"}))}
    w = run("The raid led the Spanish foreign ministry to summon Morocco's ambassador.")
    assert {a for a, _t in w.directed("1")} == {frozenset({"Ministry of Foreign Affairs of Spain"})}
    x = run("Ecuadorian police forced their way into the embassy in Quito to arrest Jorge Glas.")
    assert x.directed("173") == {(frozenset({"Police of Ecuador"}), frozenset({"Jorge Glass"}))}


def test_returning_fire_is_force_against_whoever_fired_on_the_actors_side() -> None:
    v = run("Indian troops opened fire on Pakistani posts on Monday. Pakistan's army returned fire.")
    returned = [e for e in v.events("19") if "Pakistan" in " ".join(v.n(e.actors))]
    assert returned and all(any("India" in n for n in v.n(e.targets)) for e in returned)


def test_a_subject_the_parse_coordinated_with_an_earlier_noun_is_the_next_verbs_subject() -> None:
    v = run(
        "Eritrea fired roughly 200 artillery shells into Badme Island and the Ethiopian Navy directly returned fire."
    )
    assert (frozenset({"Armed Forces of Ethiopia"}), frozenset({"Eritrea"})) in v.directed("19")
    assert not [e for e in v.events("19") if "Armed Forces of Ethiopia" in v.n(e.targets)]


def test_a_member_of_an_organisation_is_not_the_organisation() -> None:
    v = run("It was the first time a NATO member has shot down a Russian plane in 50 years.")
    assert not [e for e in v.ex.events if "North Atlantic Treaty Organization" in v.n(e.actors)]


def test_a_glued_subject_may_carry_an_apposition_and_a_comma() -> None:
    v = run(
        "The government in Tokyo lodged a protest and its top spokesperson, Chief Cabinet Secretary "
        "Minoru Kihara, urged China to take appropriate measures."
    )
    assert (frozenset({"Minoru Kihara"}), frozenset({"China"})) in v.directed("02")
    assert not [e for e in v.ex.events if "Minoru Kihara" in v.n(e.targets)]


def test_who_strikes_kills_those_killed_in_the_strike() -> None:
    v = run("Two soldiers were killed in a Russian drone strike near Kharkiv.")
    assert (frozenset({"Russia"}), frozenset({"Ukraine"})) in v.directed("19")
    assert not run("Ten people were killed in Gaza on Monday.").events("19")


def test_envoys_of_another_state_hosted_by_the_actor_are_that_states() -> None:
    v = run("Britain, Canada and France have expelled their Syrian ambassadors.")
    assert v.directed("16") == {(frozenset({"United Kingdom", "Canada", "France"}), frozenset({"Syria"}))}
    assert all("surface" not in e.evidence.rule for e in v.events("16"))


def test_the_owner_of_a_thing_seized_is_the_target() -> None:
    v = run("Iran seized a tanker belonging to Greece on Friday.")
    assert v.directed("17") == {(frozenset({"Iran"}), frozenset({"Greece"}))}
