import { describe, expect, it } from "vitest";

import { ApiError, describeDetail, errorMessage } from "./errors";
import { needsCsrf, readCookie } from "./csrf";

describe("API error messages", () => {
  it("shows the server's sentence", () => {
    expect(new ApiError(401, "wrong username or password").message).toBe("Wrong username or password");
  });

  it("lists validation problems by field", () => {
    const detail = [
      { loc: ["body", "username"], msg: "String should match pattern" },
      { loc: ["query", "limit"], msg: "Input should be less than or equal to 500" },
    ];
    expect(describeDetail(422, detail)).toBe("username: String should match pattern; limit: Input should be less than or equal to 500");
  });

  it("reads structured details such as refused status changes", () => {
    const detail = { message: "cannot change status from 'done' to 'open'", allowed: ["cancelled"] };
    expect(describeDetail(409, detail)).toBe("Cannot change status from 'done' to 'open' (allowed next: cancelled)");
    expect(describeDetail(422, { message: "no file was accepted", stored: 0 })).toBe("No file was accepted");
  });

  it("has a sentence for bare statuses and network failures", () => {
    expect(describeDetail(403, undefined)).toMatch(/permission/);
    expect(describeDetail(502, null)).toMatch(/server had a problem/);
    expect(errorMessage(new TypeError("Failed to fetch"))).toMatch(/could not be reached/);
  });
});

describe("CSRF", () => {
  it("reads the token cookie among others", () => {
    expect(readCookie("a=1; labelstack_csrf=abc%3D; b=2", "labelstack_csrf")).toBe("abc=");
    expect(readCookie("a=1", "labelstack_csrf")).toBeNull();
  });
  it("is sent on state-changing methods only", () => {
    expect(needsCsrf("post")).toBe(true);
    expect(needsCsrf("PATCH")).toBe(true);
    expect(needsCsrf("GET")).toBe(false);
  });
});
