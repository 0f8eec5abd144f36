"""LabelStack: an open-source medical image annotation platform."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``__version__`` is looked up on first use: importlib.metadata costs every command's start-up."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("labelstack")
    except PackageNotFoundError:  # running from a source tree without an install
        found = "0.0.0"
    globals()["__version__"] = found
    return found
