"""Word lists and codes the event finder reads."""

from __future__ import annotations

from graph.extract.lexicon import Entry

TARGET_PREPS = {"to", "with", "against", "on", "toward", "towards", "at", "upon", "into", "from"}
MOTION_PREPS = {"into", "at"}  # where something in a reported clause goes or is: no target of the report
NOUN_TARGET_PREPS = {"against", "on", "to", "toward", "towards", "with", "upon", "at", "over"}
SYMMETRIC_PREPS = {"with", "between", "among"}
PLACE_PREPS = {"at", "in"}
WH_WORDS = {"who", "which", "that", "whom"}
# people who act for their states: "the foreign ministers of X and Y" are X and Y
OFFICIAL_NOUNS = {
    "minister",
    "leader",
    "official",
    "envoy",
    "representative",
    "delegation",
    "head",
    "president",
    "premier",
    "chancellor",
    "diplomat",
    "ambassador",
    "negotiator",
    "delegate",
    "spokesman",
    "spokesperson",
    # and people who act for their state or group: "agents of the China coast guard", "members of Hamas"
    "agent",
    "member",
    "soldier",
    "troop",
    "fighter",
    "militant",
    # and the governing bodies of states named after "of": "the governments of Australia and Canada"
    "government",
    "authority",
}
# quantities and collectives that head a phrase naming who acts: "thousands of Iraqi Kurds", "a group of rebels"
QUANTITY_NOUNS = {
    "hundred",
    "thousand",
    "million",
    "dozen",
    "score",
    "ten",
    "group",
    "crowd",
    "handful",
    "band",
    "number",
    "total",
}
# people and bodies "from" a state are of it: "sanctions on 49 individuals from Russia and Myanmar"
ORIGIN_NOUNS = set(
    "individual person people national citizen official entity company firm member diplomat journalist "  # noqa: SIM905
    "businessman oligarch".split()
)
GROUP_PRONOUNS = {"their", "they", "them", "both"}
PLURAL_IT = {"it", "they", "we"}
ABOUT_PREPS = {"over", "about"}
THREAT_ROOT = "13"
SANCTION_ROOT = "16"  # sanctions, tariffs, cut relations
# acts only the authorities of the state where they happen perform: arrest, detain, deport (17x); investigate (09)
TERRITORIAL_ROOTS = {"17", "09"}
# verbal judgements of an act (criticism, accusation, rejection): their target is who did it
JUDGING_ROOTS = {"11", "12"}
PRAISE_CODE = "051"  # praise judges an act too: "praised the raid on Caracas" praises the raiders
# acts that harm someone: coercion, sanctions and force ("the invasion of X": X is the victim)
HARM_ROOTS = {"16", "17", "18", "19", "20"}
VISIT_CODE = "042"  # a visit noun's "of" names the visitor ("the visit of X to Y")
SUMMONED_TO = {"summon"}  # "was summoned to the foreign ministry": the ministry summons
# verbs whose subject undergoes the act their object names, done by someone else ("received ... from Canada")
RECEIVING_VERBS = {"receive", "get", "face", "suffer", "incur"}
ORDERING_VERBS = {"order", "have", "get"}  # "ordered the diplomat expelled" is done ("wanted ... expelled" is not)
BLAMED_PREP = {"blame": "on", "pin": "on"}  # "blamed the unrest on X": X is accused
TARGETLESS_ROOTS = {"01", "03", "08", "14", "15"}  # statements, intents, yielding, protest, force posture
DOMESTIC_ROOTS = {"08", "14", "17"}
# acts done with a partner (cooperation): the state where one works with someone is no partner (aid goes
# to the place it is sent, 07, and keeps it): "denied working with criminals in Canada"
PARTNER_ROOTS = {"05", "06"}
ADDRESSEE_ROOTS = {"02", "10", "11", "13"}
CARRIER_NOUNS = {  # nouns that only carry an event noun used as their modifier ("mediation effort", "aid package")
    "effort",
    "bid",
    "attempt",
    "mission",
    "process",
    "campaign",
    "package",
    "programme",
    "program",
    "operation",
    "initiative",
    "plan",
}
ANNOUNCING = {"announce", "confirm", "unveil", "declare"}  # verbs whose object measure is taken by announcing it
SAY_LEMMAS = {"say", "reiterate", "insist", "conclude", "state", "stress", "tell", "declare", "add", "argue"}
OBLIGATION = {"must", "should"}
DEMAND = Entry(code="100", lemma="say", rule_name="say-that-must->100")
# prepositions that make an event noun a time adverbial of its clause ("during a call with X")
CLAUSE_TIME_PREPS = {"during", "before", "after", "following", "ahead", "since", "in"}
# "with the participation of X and Y": who takes part in a summit or meeting
PRESENCE_NOUNS = {"participation", "attendance", "presence", "involvement"}
# force done "jointly" with someone is cooperation with them ("joint exercises with X")
FORCE_ROOTS = {"15", "17", "18", "19", "20"}
JOINT_WORDS = {"joint", "combined", "bilateral", "trilateral", "multilateral"}
# "with X mediation", "with the help of X": who helps an act, not its target
MEANS_NOUNS = {"mediation", "help", "support", "assistance", "backing", "aid", "consent", "approval", "blessing"}
AID_ROOT = "07"  # material aid: "aid for Ukraine" is aid to Ukraine
