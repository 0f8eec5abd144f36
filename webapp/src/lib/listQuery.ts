/**
 * List state (search, filters, sort, page) kept in the address bar, so a
 * filtered, sorted page of a table can be bookmarked, shared and reloaded.
 */
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

export interface Sort<F extends string = string> {
  field: F;
  descending: boolean;
}

export interface ListState<F extends string = string> {
  search: string;
  filters: Record<string, string>;
  sort: Sort<F>;
  limit: number;
  offset: number;
}

export interface ListDefaults<F extends string> {
  sort: Sort<F>;
  sortFields: readonly F[];
  filterNames: readonly string[];
  limit?: number;
}

const RESERVED = new Set(["q", "sort", "limit", "offset"]);
export const PAGE_SIZES = [25, 50, 100, 200] as const;

/** The list state in `params`, with anything missing or unknown replaced by the defaults. */
export function parseListState<F extends string>(params: URLSearchParams, defaults: ListDefaults<F>): ListState<F> {
  const filters: Record<string, string> = {};
  for (const name of defaults.filterNames) {
    const value = params.get(name);
    if (value && !RESERVED.has(name)) filters[name] = value;
  }
  return {
    search: params.get("q") ?? "",
    filters,
    sort: parseSort(params.get("sort"), defaults),
    limit: clampInt(params.get("limit"), defaults.limit ?? 50, 1, 500),
    offset: clampInt(params.get("offset"), 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

function parseSort<F extends string>(raw: string | null, defaults: ListDefaults<F>): Sort<F> {
  if (!raw) return defaults.sort;
  const descending = raw.startsWith("-");
  const field = (descending ? raw.slice(1) : raw) as F;
  return defaults.sortFields.includes(field) ? { field, descending } : defaults.sort;
}

function clampInt(raw: string | null, fallback: number, min: number, max: number): number {
  const value = raw === null ? Number.NaN : Number.parseInt(raw, 10);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

/** The search parameters for `state`, leaving out what equals the defaults so addresses stay short. */
export function listStateToParams<F extends string>(state: ListState<F>, defaults: ListDefaults<F>): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set("q", state.search);
  for (const name of defaults.filterNames) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  if (state.sort.field !== defaults.sort.field || state.sort.descending !== defaults.sort.descending) {
    params.set("sort", (state.sort.descending ? "-" : "") + state.sort.field);
  }
  if (state.limit !== (defaults.limit ?? 50)) params.set("limit", String(state.limit));
  if (state.offset > 0) params.set("offset", String(state.offset));
  return params;
}

export function pageCount(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / limit));
}

/** The list state of the current address, and setters that go back to page one when the selection changes. */
export function useListState<F extends string>(defaults: ListDefaults<F>) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params, defaults), [params, defaults]);

  const update = useCallback(
    (change: Partial<ListState<F>>, keepPage = false) => {
      const next = { ...state, ...change, offset: keepPage ? (change.offset ?? state.offset) : 0 };
      setParams(listStateToParams(next, defaults), { replace: true });
    },
    [state, defaults, setParams],
  );

  return {
    state,
    setSearch: (search: string) => update({ search }),
    setFilter: (name: string, value: string) => update({ filters: { ...state.filters, [name]: value } }),
    setSort: (sort: Sort<F>) => update({ sort }),
    setLimit: (limit: number) => update({ limit }),
    setOffset: (offset: number) => update({ offset }, true),
    clearFilters: () => update({ filters: {}, search: "" }),
  };
}
