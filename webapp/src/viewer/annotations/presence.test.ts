import { describe, expect, it } from "vitest";

import { presenceChange, shapeChanges, type ShapeState } from "./presence";

const saved = (savedKey: string, withdrawn = false): ShapeState => ({ saved: true, withdrawn, savedKey });

describe("presenceChange", () => {
  it("sends nothing for something never saved, shown or removed", () => {
    expect(presenceChange({ saved: false, withdrawn: false }, true)).toBeNull();
    expect(presenceChange({ saved: false, withdrawn: false }, false)).toBeNull();
  });

  it("withdraws a saved annotation that is no longer shown, once", () => {
    expect(presenceChange({ saved: true, withdrawn: false }, false)).toBe("withdraw");
    expect(presenceChange({ saved: true, withdrawn: true }, false)).toBeNull();
  });

  it("reinstates a withdrawn annotation shown again (undo of the delete)", () => {
    expect(presenceChange({ saved: true, withdrawn: true }, true)).toBe("reinstate");
    expect(presenceChange({ saved: true, withdrawn: false }, true)).toBeNull();
  });
});

describe("shapeChanges", () => {
  it("withdraws a saved shape that was deleted and keeps the others", () => {
    const known = new Map([
      ["polygon", saved("p1")],
      ["box", saved("b1")],
    ]);
    expect(shapeChanges(known, [{ uid: "box", key: "b1" }])).toEqual([{ uid: "polygon", change: "withdraw" }]);
  });

  it("sends nothing for a shape drawn and deleted before its first save", () => {
    const known = new Map([["new", { saved: false, withdrawn: false, savedKey: "" }]]);
    expect(shapeChanges(known, [])).toEqual([]);
    expect(shapeChanges(new Map(), [])).toEqual([]);
  });

  it("sends nothing when a delete is undone before the save", () => {
    expect(shapeChanges(new Map([["box", saved("b1")]]), [{ uid: "box", key: "b1" }])).toEqual([]);
  });

  it("reinstates a withdrawn shape that is back, then saves it if it changed", () => {
    const known = new Map([["box", saved("b1", true)]]);
    expect(shapeChanges(known, [{ uid: "box", key: "b1" }])).toEqual([{ uid: "box", change: "reinstate" }]);
    expect(shapeChanges(known, [{ uid: "box", key: "b2" }])).toEqual([
      { uid: "box", change: "reinstate" },
      { uid: "box", change: "save" },
    ]);
  });

  it("does not withdraw a shape twice", () => {
    expect(shapeChanges(new Map([["box", saved("b1", true)]]), [])).toEqual([]);
  });

  it("saves new and changed shapes", () => {
    const known = new Map([["box", saved("b1")]]);
    expect(shapeChanges(known, [{ uid: "box", key: "b2" }, { uid: "new", key: "n1" }])).toEqual([
      { uid: "box", change: "save" },
      { uid: "new", change: "save" },
    ]);
  });
});
