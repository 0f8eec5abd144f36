"""The demo data set behind ``labelstack demo`` and ``make run``.

Loading is idempotent: running it twice leaves one copy of everything. Each
feature adds its part here: users, images, then projects, labels and tasks.
"""

from __future__ import annotations

from rich.console import Console
from sqlalchemy.orm import Session

from labelstack.archive import demo_data
from labelstack.config import Settings
from labelstack.models import Role
from labelstack.schemas.users import UserCreate
from labelstack.services import demo_annotations, demo_qc, demo_workflow, users
from labelstack.services.audit import Actor

#: The demo team. Passwords are for a laptop demo only, and printed by `make run`.
DEMO_PASSWORD = "labelstack-demo"
DEMO_USERS: list[dict[str, object]] = [
    {"username": "admin", "full_name": "Ada Admin", "roles": [Role.admin], "title": "Research group admin"},
    {
        "username": "anna",
        "full_name": "Anna Annotator",
        "roles": [Role.annotator],
        "title": "Radiology resident",
        "experience": "3 years of CT and MR reading",
    },
    {
        "username": "andre",
        "full_name": "André Annotator",
        "roles": [Role.annotator],
        "title": "Radiographer",
        "experience": "cardiac MR segmentation",
    },
    {
        "username": "rita",
        "full_name": "Rita Reviewer",
        "roles": [Role.reviewer, Role.annotator],
        "title": "Consultant radiologist",
        "experience": "15 years, cardiothoracic imaging",
    },
]


def load(db: Session, *, settings: Settings, console: Console | None = None) -> list[str]:
    """Load every part of the demo set; returns lines that describe what is there."""
    return [
        load_users(db, settings),
        demo_data.load_images(db, settings=settings),
        demo_workflow.load(db),  # after the images, so the demo tasks have images to point at
        demo_annotations.load(db, settings=settings),  # fills in the demo tasks
        demo_qc.load(db, settings=settings),  # after the annotations: QC covers their series too
    ]


def load_users(db: Session, settings: Settings) -> str:
    actor = Actor.system("demo")
    created = 0
    for spec in DEMO_USERS:
        if users.get_by_username(db, str(spec["username"])) is None:
            users.create(
                db,
                user_in=UserCreate.model_validate({**spec, "password": DEMO_PASSWORD}),
                actor=actor,
                password_min_length=min(settings.password_min_length, len(DEMO_PASSWORD)),
            )
            created += 1
    names = ", ".join(str(s["username"]) for s in DEMO_USERS)
    return f"demo users ({names}) password: {DEMO_PASSWORD}  [{created} new]"
