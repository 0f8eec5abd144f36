import { describe, expect, it } from "vitest";

import { hasStarted, once } from "./once";

describe("once", () => {
  it("runs an initialiser a single time for every caller", async () => {
    let runs = 0;
    const [a, b] = await Promise.all([once("engine", () => ++runs), once("engine", () => ++runs)]);
    expect(runs).toBe(1);
    expect(a).toBe(1);
    expect(b).toBe(1);
    expect(hasStarted("engine")).toBe(true);
  });

  it("lets a failed initialisation be tried again", async () => {
    let runs = 0;
    await expect(once("flaky", () => { runs++; throw new Error("no GPU"); })).rejects.toThrow("no GPU");
    await Promise.resolve();
    expect(await once("flaky", () => ++runs)).toBe(2);
  });
});
