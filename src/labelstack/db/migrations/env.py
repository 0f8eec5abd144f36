"""Alembic environment: the engine comes from the caller (see db.migrate)."""

from __future__ import annotations

from alembic import context

import labelstack.models  # noqa: F401  (registers every table on the metadata)
from labelstack.db.base import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:
    from labelstack.config import get_settings
    from labelstack.db.engine import make_engine

    engine = make_engine(get_settings().resolved_database_url)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
