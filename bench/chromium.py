"""How the browser benchmarks and the browser tests start Debian's chromium.

One place for the flags, so that a benchmark's figures and the tests' pages
come from the same browser set-up. Tests import from here (tests may depend
on the benchmarks' helpers; benchmarks never import tests).
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"

# Headless on a build machine: no sandbox (containers), /tmp instead of a small /dev/shm, and none
# of the browser's own background traffic.
_HEADLESS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Pages that need no WebGL: no GPU process at all.
CHROMIUM_ARGS = [*_HEADLESS, "--disable-gpu"]

# The viewer: WebGL (Cornerstone3D) and the page's compositing through SwiftShader, chromium's
# CPU rasteriser behind ANGLE, as a GPU would do them for a user.
WEBGL_ARGS = [*_HEADLESS, "--use-angle=swiftshader", "--enable-unsafe-swiftshader"]
