import { describe, expect, it } from "vitest";

import { workspaceKind, workspacePath } from "./workspacePath";

describe("workspacePath", () => {
  it("opens each kind of task in its own workspace", () => {
    expect(workspacePath({ id: 4, kind: "annotate" })).toBe("/tasks/4/work");
    expect(workspacePath({ id: 4, kind: "label" })).toBe("/tasks/4/work");
    expect(workspacePath({ id: 5, kind: "review" })).toBe("/tasks/5/review");
    expect(workspacePath({ id: 6, kind: "qc" })).toBe("/tasks/6/qc");
  });

  it("keeps the item to open", () => {
    expect(workspacePath({ id: 6, kind: "qc" }, 0)).toBe("/tasks/6/qc?item=0");
    expect(workspacePath({ id: 5, kind: "review" }, 3)).toBe("/tasks/5/review?item=3");
  });

  it("names the mode", () => {
    expect(workspaceKind("label")).toBe("annotate");
    expect(workspaceKind("qc")).toBe("qc");
  });
});
