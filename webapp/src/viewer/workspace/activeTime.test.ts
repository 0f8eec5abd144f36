import { describe, expect, it } from "vitest";

import { ActiveTime } from "./activeTime";

describe("ActiveTime", () => {
  it("counts time after actions up to the idle limit", () => {
    let now = 0;
    const time = new ActiveTime(() => now, 10_000);
    time.touch();
    now = 4_000;
    time.touch();
    now = 100_000; // away from the desk: only 10 s after the last action count
    expect(time.take()).toBe(14);
    expect(time.take()).toBe(0);
  });
  it("carries fractions of a second over to the next save", () => {
    let now = 0;
    const time = new ActiveTime(() => now, 60_000);
    time.touch();
    now = 1_500;
    expect(time.take()).toBe(1);
    now = 2_000;
    expect(time.take()).toBe(1);
  });
  it("counts nothing before the first action", () => {
    let now = 0;
    const time = new ActiveTime(() => now);
    now = 50_000;
    expect(time.take()).toBe(0);
  });
});
