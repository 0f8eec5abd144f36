"""User roles, apart from the database models: the command line needs them to build its options
before (and without) loading SQLAlchemy."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """What a user may do across LabelStack; a user may hold several."""

    admin = "admin"
    annotator = "annotator"
    reviewer = "reviewer"
