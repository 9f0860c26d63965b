"""Alembic environment for the claimwatch store.

``Store.open`` runs the migrations programmatically and hands over its own connection in
``config.attributes["connection"]``. The alembic command line works too, with
``alembic -c bot/adapters/store/alembic.ini -x url=sqlite:///state/claimwatch.db upgrade head``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from bot.adapters.store.tables import metadata

config = context.config


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=context.get_x_argument(as_dictionary=True).get("url")
        or config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    from bot.adapters.store.engine import WRITE, create_engine

    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_engine(url or "")
    try:
        with engine.execution_options(**{WRITE: True}).connect() as connection:
            _run(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
