import { describe, expect, it } from "vitest";

import { listStateToParams, pageCount, parseListState, type ListDefaults } from "./listQuery";

type Field = "name" | "due";
const DEFAULTS: ListDefaults<Field> = {
  sort: { field: "name", descending: false },
  sortFields: ["name", "due"],
  filterNames: ["status", "project"],
};

describe("list state in the address", () => {
  it("falls back to the defaults", () => {
    const state = parseListState(new URLSearchParams(""), DEFAULTS);
    expect(state).toEqual({ search: "", filters: {}, sort: DEFAULTS.sort, limit: 50, offset: 0 });
  });

  it("reads search, known filters, a descending sort and the page", () => {
    const params = new URLSearchParams("q=liver&status=open&colour=red&sort=-due&limit=25&offset=75");
    const state = parseListState(params, DEFAULTS);
    expect(state.search).toBe("liver");
    expect(state.filters).toEqual({ status: "open" });
    expect(state.sort).toEqual({ field: "due", descending: true });
    expect(state.limit).toBe(25);
    expect(state.offset).toBe(75);
  });

  it("refuses unknown sort fields and clamps nonsense numbers", () => {
    const state = parseListState(new URLSearchParams("sort=-password&limit=100000&offset=-3"), DEFAULTS);
    expect(state.sort).toEqual(DEFAULTS.sort);
    expect(state.limit).toBe(500);
    expect(state.offset).toBe(0);
    expect(parseListState(new URLSearchParams("limit=abc"), DEFAULTS).limit).toBe(50);
  });

  it("round-trips and leaves defaults out of the address", () => {
    const state = parseListState(new URLSearchParams("q=a b&project=3&sort=due&offset=50"), DEFAULTS);
    const params = listStateToParams(state, DEFAULTS);
    expect(params.toString()).toBe("q=a+b&project=3&sort=due&offset=50");
    expect(parseListState(params, DEFAULTS)).toEqual(state);
    expect(listStateToParams(parseListState(new URLSearchParams(), DEFAULTS), DEFAULTS).toString()).toBe("");
  });

  it("counts pages, with at least one", () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(pageCount(10_000, 25)).toBe(400);
  });
});
