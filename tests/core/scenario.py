"""The July 2025 story, told in a few outlets: shared by the engine tests."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.model import ClaimSpec, Story, Topic

CLAIM = ClaimSpec(
    id="dprk-additional-troops",
    topic="dprk-troops",
    text="North Korea will send 25,000 to 30,000 more troops to Russia",
    source="Ukrainian intelligence, via CNN",
    date="2025-07-02",
)
TOPIC = Topic(
    id="dprk-troops",
    name="North Korean troops in Russia",
    keywords=("North Korea", "North Korean", "Pyongyang", "DPRK", "Kim Jong Un"),
    claims=(CLAIM,),
)


def story(key: str, outlet: str, day: int, title: str, *paragraphs: str) -> Story:
    return Story(
        key=key,
        feed=outlet.lower(),
        outlet=outlet,
        url=f"https://{outlet.lower().replace(' ', '-')}.example/{key}",
        title=title,
        text="\n\n".join(paragraphs),
        published=datetime(2025, 7, day, 12, 0, tzinfo=UTC),
    )


CNN_REPORT = (
    "North Korea is preparing to send 25,000 to 30,000 more troops to Russia, CNN reported, "
    "citing Ukrainian intelligence.",
    "Pyongyang has already sent some 11,000 soldiers to Russia's Kursk region. About 4,000 "
    "North Korean soldiers have been killed or wounded, according to Western officials.",
    "Related articles: Russia launches 500 drones at Kyiv; Northbridge beat Harbor 3-1; "
    "Pyongyang to help Russia build 1,000 attack drones a month",
)

ORIGINAL = story(
    "reuters-1", "Reuters", 3, "North Korea to send up to 30,000 more troops, CNN says", *CNN_REPORT
)
COPY = story(
    "yahoo-1", "Yahoo News", 3, "Pyongyang may send as many as 30,000 soldiers", *CNN_REPORT
)
ANALYST = story(
    "guardian-1",
    "The Guardian",
    5,
    "Analyst doubts North Korean troop surge",
    "Rachel Minyoung Lee, an analyst at the Stimson Center, said she expected North Korea to "
    "send 10,000 to 20,000 more troops instead.",
    "South Korea's spy agency told lawmakers that North Korea had sent about 15,000 troops.",
    "Pyongyang pledged 6,000 extra personnel to rebuild the Kursk region.",
)
GUR = story(
    "kyiv-1",
    "Kyiv Independent",
    8,
    "GUR: no information on North Korean troop increase",
    "Ukraine's military intelligence (GUR) said it had no information about plans by North "
    "Korea to increase the troop count to 30,000.",
    "North Korean losses have now risen to 6,000 killed or wounded, the GUR said.",
)
SHELLS = story(
    "ap-1",
    "AP",
    9,
    "North Korea's shells",
    "North Korea has supplied 12 million shells to Russia, compared with 3 million shells "
    "sent by the US to Ukraine.",
    "Some 600 North Korean soldiers were killed in the battle for Kursk.",
    "The Kremlin did not deny that North Korea would send almost 30,000 more soldiers.",
)
SPORT = story(
    "bbc-1",
    "BBC",
    10,
    "North Korea beat Japan 2-1",
    "North Korea's women beat Japan 2-1 in front of 45,000 fans in Pyongyang.",
    "Russia launched 500 drones at Kyiv overnight, a North Korean official said.",
)
UNRELATED = story(
    "local-1",
    "Northbridge Post",
    11,
    "Marathon record",
    "A record 30,000 runners finished, up from 25,000 last year; 4,000 volunteers helped.",
)

STORIES = (ORIGINAL, COPY, ANALYST, GUR, SHELLS, SPORT, UNRELATED)
