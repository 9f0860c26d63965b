"""Open vocabulary through the engine: a quantity the lexicon has no kind for is learned by its
noun, later figures of the same noun are judged against it, another noun never is; and claims
are learned only from stories of the topic's own event."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.engine import Engine
from bot.core.model import Story, Topic

HARBOUR = Topic(
    id="harbour-fire",
    name="Velden harbour warehouse fire",
    keywords=("fire", "blaze", "warehouse", "Velden"),
    claims=(),
)
VOTE = Topic(
    id="lorn-vote",
    name="Lorn regional election",
    keywords=("election", "ballots", "recount", "Lorn"),
    claims=(),
)


def told(engine: Engine, key: str, day: int, text: str, title: str = "Update") -> list[str]:
    published = datetime(2026, 9, day, 9, 0, tzinfo=UTC)
    item = Story(key, "wire", "Wire", f"https://wire.example/{key}", title, text, published)
    return [f"{f.kind} {f.claim_id}" for f in engine.process(item).findings]


def test_an_unknown_thing_is_learned_and_its_later_count_is_an_update_of_it() -> None:
    engine = Engine([HARBOUR])
    text = "The Velden harbour fire destroyed 1,200 shipping pallets, the port authority said."
    assert told(engine, "a", 1, text) == ["new_claim harbour-fire/units-shipping-pallet"]
    text = (
        "The port authority said on Wednesday the Velden warehouse fire had destroyed 1,650 "
        "shipping pallets, more than it first reported."
    )
    assert told(engine, "b", 2, text) == ["new_figure harbour-fire/units-shipping-pallet"]


def test_another_noun_is_another_quantity() -> None:
    engine = Engine([HARBOUR])
    text = "The Velden harbour fire destroyed 1,200 shipping pallets, the port authority said."
    told(engine, "a", 1, text)
    text = "The Velden warehouse fire also destroyed 4,000 bicycles, the port authority said."
    assert told(engine, "b", 1, text) == ["new_claim harbour-fire/units-bicycle"]


def test_a_noun_claim_grows_by_a_further_increment() -> None:
    engine = Engine([VOTE])
    text = "Officials in the Lorn election set aside 48,700 rejected ballots, the commission said."
    assert told(engine, "a", 1, text) == ["new_claim lorn-vote/units-rejected-ballot"]
    text = (
        "The Lorn election commission said a further 2,300 rejected ballots were found during "
        "the recount."
    )
    assert told(engine, "b", 3, text) == ["new_figure lorn-vote/units-rejected-ballot"]


def test_a_decoy_sharing_only_a_common_keyword_teaches_nothing() -> None:
    engine = Engine([HARBOUR])
    text = (
        "A fire drill at the city's new warehouse theatre drew 3,000 visitors and raised "
        "€20,000 for charity, the organisers said."
    )
    assert told(engine, "a", 1, text, "Fire drill draws crowds") == []
    assert engine.claims() == []


def test_unknown_things_are_learned_only_from_a_story_naming_the_event() -> None:
    engine = Engine([HARBOUR])
    text = "Velden's football club sold 12,000 replica shirts this season, the club said."
    assert told(engine, "a", 1, text, "Velden shirts sell out") == []
    text = "The Velden warehouse blaze destroyed 12,000 replica shirts, the owner said."
    assert told(engine, "b", 2, text) == ["new_claim harbour-fire/units-replica-shirt"]


def test_a_numberless_denial_goes_to_the_claim_whose_noun_its_clause_names() -> None:
    engine = Engine([VOTE])
    text = "Opposition leaders in the Lorn election said 90,000 forged ballots had been cast."
    assert told(engine, "a", 1, text) == ["new_claim lorn-vote/units-forged-ballot"]
    text = "Observers said they had found no evidence of forged ballots in the Lorn election."
    assert told(engine, "b", 2, text) == ["contradiction lorn-vote/units-forged-ballot"]
    text = "The Lorn election commission dismissed rumours of hacked tablets as false."
    assert told(engine, "c", 3, text) == []  # a rumour no claim carries gives nothing


def test_a_source_repeating_its_own_figure_adds_nothing() -> None:
    engine = Engine([VOTE])
    text = (
        "Opposition leader Mara Senn said 90,000 forged ballots had been cast in the Lorn election."
    )
    told(engine, "a", 1, text)
    text = (
        "Mara Senn, speaking outside the Lorn court, repeated that 90,000 forged ballots had "
        "been cast in the election."
    )
    assert told(engine, "b", 4, text) == []


def test_money_is_learned_only_from_a_story_naming_the_event() -> None:
    engine = Engine([HARBOUR])
    text = "Velden Shipping will buy back up to €40m of its own shares, the company said."
    assert told(engine, "a", 1, text, "Velden Shipping buyback") == []
    text = "Repairs after the Velden warehouse fire will cost about €12m, the port authority said."
    assert [f.split()[0] for f in told(engine, "b", 2, text)] == ["new_claim"]


def test_a_candidate_s_votes_are_updated_after_a_recount_and_another_s_are_apart() -> None:
    engine = Engine([VOTE])
    text = "Governor Ilse Marr won 1,204,311 votes in the Lorn election, the commission said."
    assert told(engine, "a", 1, text) == ["new_claim lorn-vote/marr"]
    text = "The Lorn election commission said its count gave Tobin 988,020 votes."
    assert told(engine, "b", 1, text) == ["new_claim lorn-vote/tobin"]
    text = (
        "The Lorn election commission said the recount had cut Governor Ilse Marr's total to "
        "1,190,002 votes."
    )
    assert told(engine, "c", 4, text) == ["new_figure lorn-vote/marr"]


def test_a_poll_s_percentage_is_not_learned_but_a_share_of_a_thing_is() -> None:
    engine = Engine([HARBOUR])
    text = (
        "Fire crews in Velden said 40% of the warehouse stock had burned in the harbour fire. "
        "Some 58% of residents would back a ban on the warehouses, according to a survey."
    )
    assert told(engine, "a", 1, text) == ["new_claim harbour-fire/share-stock"]
    text = "Fire crews in Velden said 65% of the warehouse stock had burned, up from 40%."
    assert told(engine, "b", 2, text) == ["new_figure harbour-fire/share-stock"]
