"""Stories for the engine's behaviour tests, as an outlet's feed gives them."""

from __future__ import annotations

from datetime import datetime

from bot.core.model import Story


def wire_story(
    key: str, outlet: str, text: str, published: datetime, title: str = "Update"
) -> Story:
    """A story of ``outlet``'s, its feed and address named after the outlet."""
    return Story(
        key=key,
        feed=outlet.lower(),
        outlet=outlet,
        url=f"https://{outlet.lower().replace(' ', '-')}.example/{key}",
        title=title,
        text=text,
        published=published,
    )
