"""Settings: the one place that reads the environment.

Every setting can be overridden with a ``LABELSTACK_*`` environment variable
(for example ``LABELSTACK_DATABASE_URL``). Components receive a ``Settings``
instance instead of reading ``os.environ`` themselves, so tests can build one
per test without touching global state.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The development secret: fine on a laptop, refused in production mode.
DEV_SECRET_KEY = "labelstack-development-secret-change-me"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LABELSTACK_", env_file=None, extra="ignore")

    environment: Literal["development", "production", "test"] = "development"
    data_dir: Path = Path("./data")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default: SQLite file inside the data directory."
    )
    secret_key: SecretStr = SecretStr(DEV_SECRET_KEY)

    # Sessions and login
    session_idle_minutes: int = Field(default=12 * 60, ge=1)
    session_max_hours: int = Field(default=7 * 24, ge=1)
    cookie_secure: bool = False
    password_min_length: int = Field(default=10, ge=8)
    login_max_failures_per_user: int = Field(default=5, ge=1)
    login_max_failures_per_address: int = Field(default=20, ge=1)
    login_failure_window_minutes: int = Field(default=15, ge=1)
    admin_password: SecretStr | None = None

    # Uploads
    max_upload_bytes: int = Field(default=2 * 1024**3, ge=1024)
    max_file_bytes: int = Field(default=1024**3, ge=1024)
    max_zip_ratio: int = Field(default=200, ge=2, description="Refuse zip members that expand more.")
    max_zip_members: int = Field(default=100_000, ge=1)

    # HTTP
    webapp_dir: Path | None = Field(
        default=None, description="The built web app to serve at /; default: the build inside the package."
    )
    cors_origins: list[str] = Field(default_factory=list, description="Empty: CORS off.")

    # PACS (unset: the local file store)
    pacs_url: str | None = None
    pacs_username: str | None = None
    pacs_password: SecretStr | None = None
    pacs_timeout_seconds: float = 30.0

    # Annotations
    draft_quiet_seconds: int = Field(
        default=120, ge=0, description="An untouched autosave draft becomes a version after this; 0: never."
    )

    # Caches
    metadata_cache_entries: int = Field(default=256, ge=0)
    thumbnail_cache_entries: int = Field(default=1024, ge=0)

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.environment == "production" and self.secret_key.get_secret_value() == DEV_SECRET_KEY:
            raise ValueError("LABELSTACK_SECRET_KEY must be set to a private value in production")
        return self

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'labelstack.db').resolve()}"

    @property
    def storage_dir(self) -> Path:
        """Where the local store keeps original files."""
        return self.data_dir / "storage"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings for processes (server, CLI); tests construct their own."""
    return Settings()
