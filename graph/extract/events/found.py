"""An event mention before identifiers are assigned."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.extract.lexicon import Entry
from graph.model import DateRange, Modality


@dataclass
class Found:
    """An event mention before identifiers are assigned."""

    entry: Entry
    sent_index: int
    trigger: int
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    date: DateRange | None = None
    date_weak: bool = False  # taken from elsewhere in the sentence, not attached to the trigger
    place: str | None = None
    modality: Modality = Modality.ASSERTED
    claimant: str | None = None
    confidence: float = 0.7
    rule: str = ""
    responds_to: int | None = None  # index into the list of found events
    answers: Found | None = None  # the earlier mention this one responds to
    governor: int | None = None  # token that gave the modality ("refused" in "refused to deploy")
    refusal: bool = False  # a negated future act ("will not accept"): coded as a rejection

    @property
    def everyone(self) -> list[str]:
        return self.actors + self.targets + self.participants
