"""Logging in and out, changing one's password, and managing users, in a real browser."""

from __future__ import annotations

import httpx
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN_PASSWORD, BrowserSession, log_in


def test_login_refuses_a_wrong_password_with_a_clear_message(browser: BrowserSession):
    browser.expect_console_error(r"status of 401")
    # The workspace asks the API for the task, which does not exist.
    browser.expect_console_error(r"status of 404 .*/api/v1/tasks/7")
    page = browser.new_page()
    page.goto("/tasks/7/work")  # a deep link while logged out lands on the login page
    expect(page).to_have_url(f"{browser.base_url}/login?next=%2Ftasks%2F7%2Fwork")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_have_text("Incorrect username or password")
    browser.screenshot(page, "refused")
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{browser.base_url}/tasks/7/work")


def test_admin_adds_a_user_who_logs_in_and_changes_their_password(browser: BrowserSession):
    admin = browser.new_page()
    log_in(admin, "admin", ADMIN_PASSWORD)
    admin.get_by_role("navigation", name="Main").get_by_role("link", name="Users").click()
    expect(admin.get_by_role("heading", name="Users")).to_be_visible()
    admin.get_by_role("button", name="Add user").click()
    dialog = admin.get_by_role("dialog", name="Add a user")
    dialog.get_by_label("Username").fill("anna")
    dialog.get_by_label("Full name").fill("Anna Annotator")
    dialog.get_by_label("Initial password").fill("anna-first-password")
    dialog.get_by_role("button", name="Add user").click()
    expect(admin.get_by_role("heading", name="Anna Annotator (anna)")).to_be_visible()
    expect(admin.get_by_test_id("activity-chart")).to_be_visible()
    browser.screenshot(admin, "user-page")

    admin.get_by_role("link", name="Users").first.click()
    expect(admin.get_by_role("link", name="anna")).to_be_visible()
    browser.screenshot(admin, "users")

    anna = browser.new_page()
    log_in(anna, "anna", "anna-first-password")
    nav = anna.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Users")).to_have_count(0)
    anna.get_by_role("link", name="Change password").click()
    anna.get_by_label("Current password").fill("anna-first-password")
    anna.get_by_label("New password", exact=True).fill("anna-second-password")
    anna.get_by_label("Repeat the new password").fill("anna-second-password")
    anna.get_by_role("button", name="Change password").click()
    expect(anna.get_by_role("status").filter(has_text="Your password was changed")).to_be_visible()
    browser.screenshot(anna, "password-changed")
    log_in(anna, "anna", "anna-second-password")

    anna.get_by_role("button", name="Log out").click()
    expect(anna).to_have_url(f"{browser.base_url}/login")
    # The session is over on the server too, not only in the page.
    assert httpx.get(f"{browser.base_url}/api/v1/users/me", cookies=anna.context.cookies()).status_code == 401  # type: ignore[arg-type]


def test_admin_deactivates_and_resets_a_password(browser: BrowserSession):
    browser.expect_console_error(r"status of 401")
    admin = browser.new_page()
    log_in(admin, "admin", ADMIN_PASSWORD)
    api = admin.request
    csrf = next(c["value"] for c in admin.context.cookies() if c["name"] == "labelstack_csrf")
    created = api.post(
        "/api/v1/users",
        data={"username": "rita", "password": "rita-first-password", "roles": ["reviewer"]},
        headers={"X-CSRF-Token": csrf},
    )
    assert created.ok, created.text()
    rita_id = created.json()["id"]

    admin.goto(f"/users/{rita_id}")  # deep link straight to the user
    admin.get_by_role("button", name="Deactivate").click()
    # Loading indicators are status regions too: look for the one that reports the change.
    expect(admin.get_by_role("status").filter(has_text="deactivated")).to_be_visible()
    rita = browser.new_page()
    rita.goto("/login")
    rita.get_by_label("Username").fill("rita")
    rita.get_by_label("Password").fill("rita-first-password")
    rita.get_by_role("button", name="Log in").click()
    expect(rita.get_by_role("alert")).to_be_visible()

    admin.get_by_role("button", name="Reactivate").click()
    admin.get_by_role("button", name="Reset password").click()
    admin.get_by_role("dialog").get_by_label("New password").fill("rita-second-password")
    admin.get_by_role("dialog").get_by_role("button", name="Set password").click()
    expect(admin.get_by_role("status").filter(has_text="new password is set")).to_be_visible()
    browser.screenshot(admin, "reset")
    log_in(rita, "rita", "rita-second-password")

    admin.get_by_role("link", name="Audit log").click()
    expect(admin.get_by_role("cell", name="user.deactivate").first).to_be_visible()
    browser.screenshot(admin, "audit")
