import { describe, expect, it } from "vitest";

import { menuFor } from "./navigation";

describe("the main menu", () => {
  it("shows annotators only their own work", () => {
    expect(menuFor(["annotator"]).map((i) => i.label)).toEqual(["My tasks"]);
  });
  it("shows admins the management screens, and their tasks only if they also annotate", () => {
    const admin = menuFor(["admin"]).map((i) => i.label);
    expect(admin).toContain("Users");
    expect(admin).not.toContain("My tasks");
    expect(menuFor(["admin", "reviewer"]).map((i) => i.label)).toContain("My tasks");
  });
});
