import { describe, expect, it } from "vitest";

import { keySpec, matchShortcut, SHORTCUTS } from "./shortcuts";

const key = (k: string, extra: Partial<{ code: string; ctrl: boolean; alt: boolean; shift: boolean; meta: boolean }> = {}) => ({
  key: k,
  code: extra.code,
  ctrlKey: Boolean(extra.ctrl),
  altKey: Boolean(extra.alt),
  shiftKey: Boolean(extra.shift),
  metaKey: Boolean(extra.meta),
});

describe("keySpec", () => {
  it("names modifiers in a fixed order and upper-cases letters", () => {
    expect(keySpec(key("z", { ctrl: true, shift: true }))).toBe("Ctrl+Shift+Z");
    expect(keySpec(key("b"))).toBe("B");
  });
  it("uses the physical key under Alt (layouts that turn Alt+S into another character)", () => {
    expect(keySpec(key("ß", { alt: true, code: "KeyS" }))).toBe("Alt+S");
    expect(keySpec(key("≠", { alt: true, code: "Equal" }))).toBe("Alt+=");
    expect(keySpec(key("–", { alt: true, code: "Minus" }))).toBe("Alt+-");
  });
  it("does not count Shift that only produces a punctuation character", () => {
    expect(keySpec(key("?", { shift: true, code: "Slash" }))).toBe("?");
  });
  it("treats Cmd like Ctrl", () => {
    expect(keySpec(key("z", { meta: true }))).toBe("Ctrl+Z");
  });
});

describe("matchShortcut", () => {
  it("maps the LabelStack shortcuts", () => {
    expect(matchShortcut(key("z", { ctrl: true }), "annotate")).toBe("undo");
    expect(matchShortcut(key("y", { ctrl: true }), "annotate")).toBe("redo");
    expect(matchShortcut(key("Z", { ctrl: true, shift: true }), "annotate")).toBe("redo");
    expect(matchShortcut(key("=", { alt: true, code: "Equal" }), "annotate")).toBe("toolBigger");
    expect(matchShortcut(key("-", { alt: true, code: "Minus" }), "annotate")).toBe("toolSmaller");
    expect(matchShortcut(key("d"), "annotate")).toBe("drawMode");
    expect(matchShortcut(key("e"), "annotate")).toBe("eraseMode");
    expect(matchShortcut(key("s", { alt: true, code: "KeyS" }), "annotate")).toBe("save");
    expect(matchShortcut(key("ArrowRight"), "annotate")).toBe("nextItem");
    expect(matchShortcut(key("ArrowLeft"), "annotate")).toBe("previousItem");
    expect(matchShortcut(key("i"), "annotate")).toBe("invert");
    expect(matchShortcut(key("b"), "annotate")).toBe("brush");
    expect(matchShortcut(key("p"), "annotate")).toBe("polygon");
    expect(matchShortcut(key("s"), "annotate")).toBe("spline");
    expect(matchShortcut(key("?", { shift: true }), "annotate")).toBe("help");
  });
  it("keeps mode-specific keys to their mode", () => {
    expect(matchShortcut(key("b"), "qc")).toBeNull();
    expect(matchShortcut(key("1"), "qc")).toBe("qcAccept");
    expect(matchShortcut(key("1"), "annotate")).toBeNull();
    expect(matchShortcut(key("i"), "view")).toBe("invert");
    expect(matchShortcut(key("a"), "review")).toBe("reviewAccept");
    expect(matchShortcut(key("x"), "review")).toBe("reviewRequestCorrection");
    expect(matchShortcut(key("m"), "review")).toBe("reviewPin");
    expect(matchShortcut(key("a"), "annotate")).toBeNull();
  });
  it("does not confuse S with Alt+S or Ctrl+Z with Z", () => {
    expect(matchShortcut(key("s", { alt: true, code: "KeyS" }), "annotate")).toBe("save");
    expect(matchShortcut(key("z"), "annotate")).toBeNull();
  });
  it("has no key bound twice within a mode", () => {
    for (const mode of ["annotate", "qc", "review"] as const) {
      const seen = new Set<string>();
      for (const s of SHORTCUTS.filter((x) => !x.mode || x.mode === mode)) {
        for (const k of s.keys) {
          expect(seen.has(k), `${k} in ${mode}`).toBe(false);
          seen.add(k);
        }
      }
    }
  });
});
