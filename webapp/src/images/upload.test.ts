import { describe, expect, it } from "vitest";

import { formatBytes, percent, summarise, UploadError } from "./upload";

describe("upload results", () => {
  it("summarises only what happened", () => {
    expect(summarise({ stored: 3, duplicates: 1, rejected: 0 })).toBe("3 stored, 1 duplicate");
    expect(summarise({ stored: 0, duplicates: 2, rejected: 5 })).toBe("2 duplicates, 5 rejected");
    expect(summarise({ stored: 0, duplicates: 0, rejected: 0 })).toBe("nothing uploaded");
  });

  it("keeps the per-file reasons of a refused upload", () => {
    const detail = { message: "no file was accepted", stored: 0, duplicates: 0, rejected: 1, items: [{ name: "x.txt", status: "rejected", reason: "not DICOM" }] };
    const error = new UploadError(422, detail);
    expect(error.message).toBe("No file was accepted");
    expect(error.result?.items[0].reason).toBe("not DICOM");
    expect(new UploadError(413, "too large").result).toBeNull();
  });

  it("reports progress and sizes", () => {
    expect(percent(null)).toBe(0);
    expect(percent({ loaded: 50, total: 200 })).toBe(25);
    expect(percent({ loaded: 300, total: 200 })).toBe(100);
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(5 * 1024 ** 3)).toBe("5.0 GB");
  });
});
