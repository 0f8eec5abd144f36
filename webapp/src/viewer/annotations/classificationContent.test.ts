import { describe, expect, it } from "vitest";

import { classificationContent, classificationFromContent } from "./classificationContent";

describe("classification content", () => {
  it("needs at least one answered label", () => {
    expect(classificationContent({ values: {}, tentative: true, badQuality: false, comment: "x" })).toBeNull();
  });

  it("sends values by label (a bare label as null) and reads them back", () => {
    const panel = { values: { 7: "abnormal", 3: "" }, tentative: true, badQuality: false, comment: "look again" };
    const content = classificationContent(panel);
    expect(content).toEqual({
      kind: "classification",
      values: [
        { label_id: 3, value: null },
        { label_id: 7, value: "abnormal" },
      ],
      tentative: true,
      bad_quality: false,
      comment: "look again",
    });
    expect(classificationFromContent(content as never)).toEqual(panel);
  });
});
