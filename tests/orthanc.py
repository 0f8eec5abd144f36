"""A real Orthanc with its DICOMweb plugin, run on free loopback ports for one test or benchmark.

Each server gets its own temporary JSON configuration and storage folder,
listens only on 127.0.0.1, requires HTTP basic authentication, and is stopped
(SIGTERM, then SIGKILL if it lingers) when the context ends.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.helpers import free_port

ORTHANC = os.environ.get("ORTHANC_EXECUTABLE", "/usr/sbin/Orthanc")
PLUGIN_DIR = os.environ.get("ORTHANC_PLUGIN_DIR", "/usr/share/orthanc/plugins")
USERNAME = "labelstack"
PASSWORD = "orthanc-test-secret"


@dataclass
class Orthanc:
    """One running (or stopped) Orthanc process and how to reach it."""

    workdir: Path
    http_port: int
    dicom_port: int
    username: str = USERNAME
    password: str = PASSWORD
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def dicomweb_url(self) -> str:
        return f"{self.url}/dicom-web"

    @property
    def auth(self) -> tuple[str, str]:
        return (self.username, self.password)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def config(self) -> dict[str, object]:
        return {
            "Name": "LabelStackTestPACS",
            "StorageDirectory": str(self.workdir / "storage"),
            "IndexDirectory": str(self.workdir / "storage"),
            "StorageCompression": False,
            "HttpServerEnabled": True,
            "HttpPort": self.http_port,
            "HttpThreadsCount": 16,
            "RemoteAccessAllowed": False,
            "AuthenticationEnabled": True,
            "RegisteredUsers": {self.username: self.password},
            "DicomServerEnabled": True,
            "DicomAet": "LSTESTPACS",
            "DicomPort": self.dicom_port,
            "DicomAlwaysAllowEcho": True,
            "DicomAlwaysAllowStore": True,
            "Plugins": [PLUGIN_DIR],
            "DicomWeb": {"Enable": True, "Root": "/dicom-web/", "EnableWado": False},
            "ConcurrentJobs": 2,
            "SaveJobs": False,
            "LimitFindResults": 0,
            "LimitFindInstances": 0,
        }

    def start(self, *, timeout: float = 60) -> None:
        """Start Orthanc (again, after ``stop``, on the same ports and storage) and wait until it answers."""
        if self.running:
            return
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / "storage").mkdir(exist_ok=True)
        config_path = self.workdir / "orthanc.json"
        config_path.write_text(json.dumps(self.config(), indent=2))
        log = (self.workdir / "orthanc.log").open("ab")
        self.process = subprocess.Popen(
            [ORTHANC, "--no-jobs", str(config_path)],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.workdir,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Orthanc exited with {self.process.returncode}: {self.log_tail()}")
            try:
                answer = httpx.get(f"{self.url}/system", auth=self.auth, timeout=2)
                if answer.status_code == 200:
                    plugins = httpx.get(f"{self.url}/plugins", auth=self.auth, timeout=2).json()
                    if "dicom-web" not in plugins:
                        raise RuntimeError(f"Orthanc started without its DICOMweb plugin: {plugins}")
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        self.stop()
        raise TimeoutError(f"Orthanc did not answer within {timeout} s: {self.log_tail()}")

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def log_tail(self, lines: int = 30) -> str:
        path = self.workdir / "orthanc.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def client(self) -> httpx.Client:
        """An httpx client for Orthanc's own REST API (to check what it holds)."""
        return httpx.Client(base_url=self.url, auth=self.auth, timeout=60)

    def instance_count(self) -> int:
        with self.client() as c:
            return int(c.get("/statistics").json()["CountInstances"])


@contextmanager
def running_orthanc(workdir: Path) -> Iterator[Orthanc]:
    """An Orthanc on fresh free loopback ports with its own storage, stopped afterwards."""
    server = Orthanc(workdir=workdir, http_port=free_port(), dicom_port=free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()
