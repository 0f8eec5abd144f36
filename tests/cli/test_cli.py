"""The labelstack command line, run as a real process against the test database."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx

from labelstack.config import Settings
from tests.helpers import LABELSTACK, free_port, labelstack_env, run_cli, wait_for_http


def test_user_add_reads_password_from_stdin_and_list_shows_it(settings: Settings):
    added = run_cli(
        settings,
        "user",
        "add",
        "nurse.joy",
        "--role",
        "annotator",
        "--role",
        "reviewer",
        "--full-name",
        "Joy",
        stdin="a-long-password\n",
    )
    assert added.returncode == 0, added.stderr
    listed = run_cli(settings, "user", "list")
    assert listed.returncode == 0
    assert "nurse.joy" in listed.stdout and "annotator, reviewer" in listed.stdout


def test_user_add_refuses_short_password_and_duplicates(settings: Settings):
    short = run_cli(settings, "user", "add", "bob", "--role", "annotator", stdin="short\n")
    assert short.returncode != 0 and "at least" in (short.stderr + short.stdout)
    assert (
        run_cli(settings, "user", "add", "bob", "--role", "admin", stdin="long-enough-pw\n").returncode == 0
    )
    again = run_cli(settings, "user", "add", "bob", "--role", "admin", stdin="long-enough-pw\n")
    assert again.returncode != 0 and "taken" in again.stderr
    unknown_role = run_cli(settings, "user", "add", "carol", "--role", "wizard", stdin="long-enough-pw\n")
    assert unknown_role.returncode != 0


def test_db_upgrade_is_idempotent(settings: Settings):
    first = run_cli(settings, "db", "upgrade")
    second = run_cli(settings, "db", "upgrade")
    assert first.returncode == second.returncode == 0, first.stderr
    assert "database at" in second.stdout


def test_demo_creates_the_team_once(settings: Settings):
    assert run_cli(settings, "demo").returncode == 0
    again = run_cli(settings, "demo")
    assert again.returncode == 0 and "[0 new]" in again.stdout
    listed = run_cli(settings, "user", "list").stdout
    for name in ("admin", "anna", "andre", "rita"):
        assert name in listed


def test_serve_with_workers_bootstraps_admin_and_logs_in(settings: Settings):
    port = free_port()
    env = labelstack_env(settings, LABELSTACK_ADMIN_PASSWORD="bootstrap-secret-1")
    server = subprocess.Popen(
        [LABELSTACK, "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/api/v1/health", process=server)
        health = httpx.get(f"{base}/api/v1/health").json()
        assert health["database"] == "ok" and health["version"]
        login = httpx.post(
            f"{base}/api/v1/auth/login", json={"username": "admin", "password": "bootstrap-secret-1"}
        )
        assert login.status_code == 200
        token = login.json()["access_token"]
        me = httpx.get(f"{base}/api/v1/users/me", headers={"Authorization": f"Bearer {token}"}).json()
        assert me["roles"] == ["admin"]
        assert httpx.get(f"{base}/api/v1/docs").status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_openapi_prints_the_schema_the_web_app_client_is_generated_from(settings: Settings, tmp_path):
    printed = run_cli(settings, "openapi")
    assert printed.returncode == 0, printed.stderr
    schema = json.loads(printed.stdout)
    assert "/api/v1/auth/login" in schema["paths"] and "/api/v1/users/me" in schema["paths"]
    target = tmp_path / "openapi.json"
    assert run_cli(settings, "openapi", "--output", str(target)).returncode == 0
    assert json.loads(target.read_text()) == schema


def test_help_lists_every_command(settings: Settings):
    shown = run_cli(settings, "--help")
    assert shown.returncode == 0, shown.stderr
    for command in ("serve", "demo", "import", "export", "openapi", "user", "db", "pacs"):
        assert command in shown.stdout, command
    assert "add" in run_cli(settings, "user", "--help").stdout
    assert "sync" in run_cli(settings, "pacs", "--help").stdout
    assert "--format" in run_cli(settings, "export", "--help").stdout


def test_the_command_table_leaves_the_heavy_libraries_to_the_commands_that_use_them(settings: Settings):
    """Every command pays for what the command table imports, so it imports no archive or web code."""
    probe = (
        "import sys\n"
        "from labelstack.cli import app\n"
        "try:\n"
        "    app(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('LOADED', ' '.join(sorted(sys.modules)))\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=labelstack_env(settings),
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr
    loaded = set(shown.stdout.rsplit("LOADED", 1)[1].split())
    assert "labelstack.cli" in loaded
    for heavy in ("alembic", "pydicom", "numpy", "fastapi", "email_validator", "labelstack.archive"):
        assert heavy not in loaded, heavy
