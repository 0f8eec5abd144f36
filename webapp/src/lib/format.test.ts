import { describe, expect, it } from "vitest";

import { countPerDay, formatDuration, isOverdue, localDay } from "./format";

describe("durations", () => {
  it("reads at the right scale", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(59.6)).toBe("1 min 00 s");
    expect(formatDuration(250)).toBe("4 min 10 s");
    expect(formatDuration(3900)).toBe("1 h 05 min");
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(-1)).toBe("—");
  });
});

describe("overdue", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it("is late only when unfinished and past due", () => {
    expect(isOverdue("2026-03-09T12:00:00Z", false, now)).toBe(true);
    expect(isOverdue("2026-03-09T12:00:00Z", true, now)).toBe(false);
    expect(isOverdue("2026-03-11T12:00:00Z", false, now)).toBe(false);
    expect(isOverdue(null, false, now)).toBe(false);
    expect(isOverdue("not a date", false, now)).toBe(false);
  });
});

describe("counts per day", () => {
  it("zero-fills the window and ignores older stamps", () => {
    const now = new Date(2026, 2, 10, 15, 0);
    const stamps = [
      new Date(2026, 2, 10, 9, 0).toISOString(),
      new Date(2026, 2, 10, 10, 0).toISOString(),
      new Date(2026, 2, 8, 23, 30).toISOString(),
      new Date(2026, 1, 1, 12, 0).toISOString(),
    ];
    const days = countPerDay(stamps, 3, now);
    expect(days).toEqual([
      { day: "2026-03-08", count: 1 },
      { day: "2026-03-09", count: 0 },
      { day: "2026-03-10", count: 2 },
    ]);
    expect(localDay(new Date(2026, 0, 5, 0, 1).toISOString())).toBe("2026-01-05");
  });
});
