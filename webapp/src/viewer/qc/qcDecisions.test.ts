import { describe, expect, it } from "vitest";

import { decisionOf, nextCase, pieSlices } from "./qcDecisions";

describe("QC decisions", () => {
  it("maps the keyboard actions to decisions", () => {
    expect(decisionOf("qcAccept")).toBe("accept");
    expect(decisionOf("qcFineTune")).toBe("fine-tune");
    expect(decisionOf("qcUnclassified")).toBe("unclassified");
    expect(decisionOf("invert")).toBeNull();
  });

  it("pie slices leave out decisions never taken and keep the order", () => {
    const slices = pieSlices({ accept: 2, reject: 0, "fine-tune": 1, unclassified: 0 });
    expect(slices.map((s) => [s.name, s.count])).toEqual([
      ["Accept", 2],
      ["Fine-tune", 1],
    ]);
    expect(pieSlices({})).toEqual([]);
  });

  it("next case finishes a decided pending item and goes to the next pending one", () => {
    expect(nextCase({ index: 0, item: { status: "pending" }, next_pending_index: 2, next_index: 1 }, 1)).toEqual({ finish: true, index: 2 });
    // nothing decided: move on without finishing
    expect(nextCase({ index: 0, item: { status: "pending" }, next_pending_index: 2, next_index: 1 }, 0)).toEqual({ finish: false, index: 2 });
    // the only pending item is this one: the next in order
    expect(nextCase({ index: 1, item: { status: "pending" }, next_pending_index: 1, next_index: 2 }, 2)).toEqual({ finish: true, index: 2 });
    // last item, all done
    expect(nextCase({ index: 3, item: { status: "done" }, next_pending_index: null, next_index: null }, 2)).toEqual({ finish: false, index: null });
  });
});
