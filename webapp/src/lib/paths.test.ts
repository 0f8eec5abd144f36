import { describe, expect, it } from "vitest";

import { safeNextPath } from "./paths";

describe("where to go after login", () => {
  it("keeps paths inside the app", () => {
    expect(safeNextPath("/tasks/3?tab=items")).toBe("/tasks/3?tab=items");
  });
  it("refuses other sites and the login page", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "/login", "/login?next=/x", "", null]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });
});
