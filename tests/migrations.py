"""Moving a test database to one schema revision with the project's own Alembic scripts."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from bot.adapters.store import create_engine
from bot.adapters.store.engine import MIGRATIONS


def migrate_to(url: str, revision: str, *, down: bool = False) -> None:
    """`alembic upgrade REVISION` (or `downgrade` with `down`) on the database at `url`."""
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
    finally:
        engine.dispose()
