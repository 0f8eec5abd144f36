"""Many requests at once from logged-in browsers never fail with "database is locked".

Each request may record session activity (a write after the request's reads);
on SQLite that is only safe when the read transaction ends first.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy import update
from sqlalchemy.orm import Session

from labelstack.db.types import utcnow
from labelstack.models import AuthSession
from tests.factories import UserFactory
from tests.live import serving


def test_parallel_requests_that_touch_sessions_all_succeed(app: FastAPI, users: UserFactory, db: Session):
    admin = users.admin()
    people = [users.annotator(f"reader{i}") for i in range(12)]
    db.execute(update(AuthSession).values(last_seen_at=utcnow() - timedelta(minutes=5)))
    db.commit()

    def one(i: int) -> int:
        who = people[i % len(people)]
        with httpx.Client(base_url=base, headers=who.headers, timeout=60) as http:
            if i % 4 == 0:  # a writer among the readers
                body = {"username": f"new{i}", "password": "long-enough-pw", "roles": ["annotator"]}
                return http.post("/api/v1/users", json=body, headers=admin.headers).status_code
            return http.get("/api/v1/users/me").status_code

    with serving(app) as base, ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(one, range(48)))
    assert statuses.count(201) == 12 and statuses.count(200) == 36, statuses
