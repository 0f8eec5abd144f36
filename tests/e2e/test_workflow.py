"""The admin runs a project and the annotator finds exactly their task, in a real browser."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import Page, expect
from pydicom.data import get_testdata_file

from tests.e2e.conftest import ADMIN_PASSWORD, BrowserSession, log_in


def _api(base: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=30)
    reply = client.post("/api/v1/auth/login", json={"username": "admin", "password": ADMIN_PASSWORD})
    reply.raise_for_status()
    client.headers["Authorization"] = f"Bearer {reply.json()['access_token']}"
    return client


def _add_user(api: httpx.Client, name: str) -> int:
    reply = api.post(
        "/api/v1/users", json={"username": name, "password": f"{name}-password-1", "roles": ["annotator"]}
    )
    reply.raise_for_status()
    return int(reply.json()["id"])


def _upload(page: Page, *names: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Images").click()
    page.get_by_role("button", name="Upload images").click()
    page.get_by_label("Files to upload").set_input_files([str(get_testdata_file(n)) for n in names])
    page.get_by_role("button", name=f"Upload {len(names)} files").click()
    expect(page.get_by_test_id("upload-result").get_by_role("status")).to_have_text(
        f"Upload finished: {len(names)} stored."
    )


def test_admin_sets_up_a_project_and_the_annotator_sees_exactly_their_task(browser: BrowserSession):
    api = _api(browser.base_url)
    _add_user(api, "anna")
    _add_user(api, "bert")
    admin = browser.new_page()
    log_in(admin, "admin", ADMIN_PASSWORD)

    # A project with a label and two members.
    admin.get_by_role("navigation", name="Main").get_by_role("link", name="Projects").click()
    admin.get_by_role("button", name="New project").click()
    admin.get_by_role("dialog").get_by_label("Project name").fill("Liver study")
    admin.get_by_role("dialog").get_by_role("button", name="Create project").click()
    expect(admin.get_by_role("heading", name="Liver study")).to_be_visible()
    admin.get_by_role("button", name="New label").click()
    form = admin.get_by_role("dialog", name="New label")
    form.get_by_label("Label name").fill("Liver")
    form.get_by_role("button", name="Use colour #3cb44b").click()
    form.get_by_role("button", name="Add label").click()
    row = admin.get_by_role("row", name="Liver")
    expect(row).to_contain_text("Segmentation")
    expect(row).to_contain_text("In use")
    admin.get_by_role("tab", name="Members").click()
    for name in ("anna", "bert"):
        admin.get_by_role("form", name="Add a member").get_by_label("User").select_option(label=name)
        admin.get_by_role("button", name="Add member").click()
        expect(admin.get_by_role("cell", name=name, exact=True)).to_be_visible()
    browser.screenshot(admin, "project")

    # Two series uploaded, selected in the browser, given the label (which adds them to the project).
    _upload(admin, "CT_small.dcm", "MR_small.dcm")
    studies = admin.get_by_role("region", name="Studies")
    for modality in ("CT", "MR"):
        studies.get_by_role("button", name=re.compile(rf"· {modality} ·")).click()
        # (study and series are picked by their modality, not by their place: a fresh-clone run once
        # checked the same series twice, picking "the first series" after the second study's click)
        column = admin.get_by_role("region", name="Series")
        column.locator("li", has_text=re.compile(rf"\b{modality} #")).get_by_label("Select").check()
    admin.get_by_role("button", name="Assign labels…").click()
    dialog = admin.get_by_role("dialog", name="Assign labels")
    dialog.get_by_label("Project").select_option(label="Liver study")
    dialog.get_by_label("Liver").check()
    dialog.get_by_role("button", name="Assign labels").click()
    expect(admin.get_by_role("region", name="Selected series").get_by_role("status")).to_have_text(
        "2 label assignments created."
    )
    browser.screenshot(admin, "assigned")

    # One task for anna through the form, one for bert from the pending work.
    admin.get_by_role("navigation", name="Main").get_by_role("link", name="Task board").click()
    admin.get_by_role("button", name="New task").click()
    dialog = admin.get_by_role("dialog", name="New task")
    dialog.get_by_label("Project").select_option(label="Liver study")
    dialog.get_by_label("Task name").fill("Liver batch 1")
    dialog.get_by_label("Assignee").select_option(label="anna")
    dialog.get_by_role("button", name="Create task").click()
    expect(admin.get_by_role("status").filter(has_text="Task “Liver batch 1” created.")).to_be_visible()
    project_id = api.get("/api/v1/projects").json()["items"][0]["id"]
    bert_id = api.get("/api/v1/users", params={"search": "bert"}).json()["items"][0]["id"]
    other = api.post(
        "/api/v1/tasks",
        json={"project_id": project_id, "name": "Bert's batch", "kind": "annotate", "assignee_id": bert_id},
    )
    assert other.status_code == 201, other.text
    admin.reload()
    table = admin.get_by_role("table", name="Tasks")
    expect(table.get_by_role("row")).to_have_count(3)
    expect(table.get_by_role("row", name="Liver batch 1")).to_contain_text("0/2")

    # Bulk edit: both tasks become urgent.
    admin.get_by_label("Select every task on this page").check()
    bar = admin.get_by_role("region", name="Change the selected tasks")
    bar.get_by_label("Priority").select_option("urgent")
    bar.get_by_role("button", name="Set priority").click()
    expect(admin.get_by_role("status").filter(has_text="2 tasks changed (priority).")).to_be_visible()
    expect(table.get_by_text("Urgent")).to_have_count(2)
    browser.screenshot(admin, "board")

    # Anna sees her task and nothing else, and starts it.
    anna = browser.new_page()
    log_in(anna, "anna", "anna-password-1")
    mine = anna.get_by_role("table", name="My tasks")
    expect(mine.get_by_role("row")).to_have_count(2)  # header + her one task
    expect(mine.get_by_role("row", name="Liver batch 1")).to_contain_text("Open")
    browser.screenshot(anna, "my-tasks")
    mine.get_by_role("button", name="Start").click()
    expect(anna).to_have_url(f"{browser.base_url}/tasks/1/work")
    anna.goto("/tasks/1")
    history = anna.get_by_test_id("status-history")
    expect(history.get_by_text("In progress")).to_be_visible()
    browser.screenshot(anna, "task")

    # The admin sees the status change on the board and in the task's history.
    admin.reload()
    expect(table.get_by_role("row", name="Liver batch 1")).to_contain_text("In progress")
    table.get_by_role("link", name="Liver batch 1").click()
    expect(admin.get_by_test_id("status-history").get_by_text("In progress")).to_be_visible()
    expect(admin.get_by_role("heading", name="Items")).to_be_visible()
    browser.screenshot(admin, "task")


def test_dashboard_draws_its_charts(browser: BrowserSession):
    api = _api(browser.base_url)
    anna = _add_user(api, "anna")
    project = api.post("/api/v1/projects", json={"name": "Hearts", "members": [{"user_id": anna}]}).json()
    api.post("/api/v1/labels", json={"project_id": project["id"], "name": "LV", "kind": "segmentation"})
    late = api.post(
        "/api/v1/tasks",
        json={
            "project_id": project["id"],
            "name": "Hearts batch 1",
            "kind": "annotate",
            "assignee_id": anna,
            "due_at": "2099-01-01T00:00:00Z",
        },
    )
    assert late.status_code == 201, late.text
    page = browser.new_page()
    log_in(page, "admin", ADMIN_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
    for chart in ("chart-progress", "chart-status", "chart-throughput", "chart-labels"):
        expect(page.get_by_test_id(chart).locator("svg.recharts-surface[role=application]")).to_be_visible()
    expect(page.get_by_role("region", name="Overdue work")).to_contain_text("0 overdue tasks")
    browser.screenshot(page, "dashboard")
    page.goto(f"/users/{anna}")
    expect(
        page.get_by_test_id("work-chart").locator("svg.recharts-surface[role=application]")
    ).to_be_visible()
    browser.screenshot(page, "user")
