"""The words modality is read from: auxiliaries, verbs of planning, deciding, committing, wanting, alleging
and denying, hedges, plan modifiers and verbs of saying (graph/extract/modality.py reads them)."""

from __future__ import annotations

FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
MODAL_AUX = {"would", "could", "might", "may", "should", "must", "can", "ca"}
PLAN_HEADS = {
    "plan",
    "schedule",
    "set",
    "expect",
    "due",
    "intend",
    "prepare",
    "agree",
    "promise",
    "pledge",
    "vow",
    "offer",
    "announce",
    "confirm",
    "propose",
    "float",
    "arrange",
    "lock",
    "go",
    "slate",
    "foresee",
    "envisage",
    "envision",
    "anticipate",
    "invite",
    "aim",
    "ready",
    "willing",
    "prepared",
    "eye",
}
# nouns of planning: what is "for" them is planned ("preparations for a summit", "arrangements are being
# made for a meeting": the verb's subject is the plan)
PLAN_NOUNS = {"arrangement", "preparation", "plan", "proposal", "invitation"}
# nouns that only place the act they hold: "announced the date of the summit", "set a venue for the talks"
SCHEDULE_NOUNS = {
    "date",
    "time",
    "timetable",
    "schedule",
    "venue",
    "round",
    "resumption",
    "start",
    "series",
    "framework",
}
# verbs that say an event noun (their subject) takes place: "the talks will take place", "a deal would
# materialise" ("their refusal will result in war" says what it would cause, not that it is planned)
OCCURRING_VERBS = {
    "take",
    "happen",
    "occur",
    "begin",
    "start",
    "resume",
    "open",
    "continue",
    "proceed",
    "go",
    "materialise",
    "materialize",
    "come",
    "be",
    "hold",
    "end",
    "conclude",
    "convene",
    "last",
    "move",
    "shift",
}
# "India decided to expel six diplomats": a decision taken (past tense) is the act; one still to take plans it
DECISION_HEADS = {"decide", "move", "vote", "opt", "choose", "resolve"}
COMMITMENTS = {"agree", "promise", "pledge", "vow", "offer", "commit"}
# acts done in the saying: "offered an apology", "announced his condolences" (not "offered talks")
SPOKEN_ACTS = {"apology", "condolence", "condolences", "congratulation", "congratulations", "thanks", "sympathy"}
HYPOTHETICAL_HEADS = {
    "threaten",
    "consider",
    "hint",
    "want",
    "seek",
    "hope",
    "mull",
    "weigh",
    "warn",
    "urge",
    "ask",
    "call",
    "demand",
    "could",
    "refuse",
    "avoid",
    "refrain",
    "advise",
    "unlikely",
    "likely",
    "able",
}
# "will allow Petro to visit Washington": what is permitted is not done (its clause, with its own subject)
PERMIT_HEADS = {"allow", "permit", "enable", "authorize", "authorise"}
ALLEGE_HEADS = {"allege", "accuse", "claim", "suspect", "charge", "blame"}
DENY_HEADS = {"deny", "refute", "dispute"}
HEDGES = {"alleged", "allegedly", "reportedly", "suspected", "purported", "purportedly", "supposed", "supposedly"}
PLAN_MODIFIERS = {
    "planned",
    "upcoming",
    "proposed",
    "scheduled",
    "expected",
    "future",
    "next",
    "coming",
    "forthcoming",
    "prospective",
    "impending",
}
HYPOTHETICAL_MODIFIERS = {"possible", "potential", "hypothetical", "eventual", "new"}
SAY_VERBS = {
    "say",
    "tell",
    "state",
    "report",
    "claim",
    "insist",
    "write",
    "post",
    "add",
    "announce",
    "note",
    "declare",
    "argue",
    "assert",
    "tweet",
}
NEGATIONS = {"not", "n't", "never", "no"}
# what a plan is made after, at or during took place: "after a round of negotiations", "at his meeting with"
ADJUNCT_PREPS = {"after", "following", "since", "amid", "despite", "at", "during", "in"}
PLACE_PREPS = {"at", "in"}
