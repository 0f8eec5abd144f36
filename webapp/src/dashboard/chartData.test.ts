import { describe, expect, it } from "vitest";

import { humanise, percentDone, sumByStatus } from "./chartData";

describe("dashboard shaping", () => {
  it("sums statuses across projects and keeps every status", () => {
    const rows = sumByStatus([{ open: 2, done: 1 }, { open: 1, in_progress: 4 }]);
    expect(rows).toEqual([
      { status: "unassigned", count: 0 },
      { status: "open", count: 3 },
      { status: "in_progress", count: 4 },
      { status: "done", count: 1 },
      { status: "cancelled", count: 0 },
    ]);
  });
  it("computes progress without dividing by zero", () => {
    expect(percentDone(0, 0)).toBe(0);
    expect(percentDone(1, 3)).toBe(33.3);
    expect(percentDone(5, 5)).toBe(100);
  });
  it("reads enum values as words", () => {
    expect(humanise("fine_tune")).toBe("Fine tune");
    expect(humanise("in_progress")).toBe("In progress");
  });
});
