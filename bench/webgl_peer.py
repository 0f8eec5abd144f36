"""The scrolling peer of the viewer benchmark: a bare WebGL2 page doing the least a slice change needs.

Where WebGL runs on a software rasteriser (SwiftShader on a build machine), a
slice's frame time is mostly the rasteriser filling the viewport's pixels, and
it changes from machine to machine by more than the viewer changes from
build to build. This peer, measured in the same browser in the same run, is
the floor the viewer's figure can be read against: per frame it uploads one
new 512x512 slice as a float texture, samples it with linear filtering (as
the viewer does) through a window and a grey lookup table, into the square
that an image takes in a canvas of the viewer's size, and waits for the next
animation frame, as the viewer benchmark does after each key press. No
imaging library, no page around it, no overlay.
"""

from __future__ import annotations

from playwright.sync_api import Browser

# Args: [width, height, slices, size]. Returns each frame's time in milliseconds.
_SCROLL_BARE_WEBGL = """async ([width, height, slices, size]) => {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.style.display = 'block';
  document.body.style.margin = '0';
  document.body.appendChild(canvas);
  const gl = canvas.getContext('webgl2', { alpha: false, antialias: false });
  const compile = (type, source) => {
    const shader = gl.createShader(type);
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(shader));
    return shader;
  };
  const program = gl.createProgram();
  gl.attachShader(program, compile(gl.VERTEX_SHADER, `#version 300 es
    in vec2 corner; out vec2 uv;
    void main() { uv = corner * 0.5 + 0.5; gl_Position = vec4(corner, 0.0, 1.0); }`));
  gl.attachShader(program, compile(gl.FRAGMENT_SHADER, `#version 300 es
    precision highp float;
    in vec2 uv; uniform sampler2D slice; uniform sampler2D grey; out vec4 color;
    void main() {
      float value = texture(slice, uv).r;
      float level = clamp((value + 160.0) / 400.0, 0.0, 1.0);
      color = vec4(texture(grey, vec2(level, 0.5)).rgb, 1.0);
    }`));
  gl.linkProgram(program);
  gl.useProgram(program);
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);

  const ramp = new Uint8Array(256 * 4);
  for (let i = 0; i < 256; i++) ramp.set([i, i, i, 255], i * 4);
  gl.activeTexture(gl.TEXTURE1);
  gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 256, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, ramp);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.uniform1i(gl.getUniformLocation(program, 'grey'), 1);
  gl.uniform1i(gl.getUniformLocation(program, 'slice'), 0);
  gl.activeTexture(gl.TEXTURE0);

  // A handful of distinct slices, uploaded in turn: each frame sends a whole slice, as a new image does.
  const planes = [];
  for (let p = 0; p < 8; p++) {
    const plane = new Float32Array(size * size);
    for (let i = 0; i < plane.length; i++) plane[i] = ((i * 7 + p * 131) % 2000) - 1000;
    planes.push(plane);
  }
  const WARM_UP_FRAMES = 30;
  const side = Math.min(width, height);
  let texture = null;
  const draw = (index) => {
    if (texture) gl.deleteTexture(texture);
    texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.R32F, size, size, 0, gl.RED, gl.FLOAT, planes[index % planes.length]);
    gl.viewport(0, 0, width, height);
    gl.clearColor(0, 0, 0, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.viewport(Math.floor((width - side) / 2), Math.floor((height - side) / 2), side, side);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
  };
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  // The first frames compile the program and fill the browser's frame pipeline: not part of
  // scrolling (the viewer has drawn many frames before its scrolling is timed).
  for (let i = 0; i < WARM_UP_FRAMES; i++) {
    draw(i);
    await nextFrame();
  }
  const times = [];
  for (let i = 1; i < slices; i++) {
    const start = performance.now();
    draw(i);
    await nextFrame();
    times.push(performance.now() - start);
  }
  canvas.remove();
  return times;
}"""


def scroll_bare_webgl(browser: Browser, width: int, height: int, slices: int, size: int) -> list[float]:
    """Frame times (ms) of the bare WebGL page, on a page of its own in `browser`."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        return list(page.evaluate(_SCROLL_BARE_WEBGL, [width, height, slices, size]))
    finally:
        page.close()
