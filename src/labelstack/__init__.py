"""LabelStack: an open-source medical image annotation platform."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("labelstack")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"
