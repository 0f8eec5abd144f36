import type { Sort } from "@/lib/listQuery";

/** A column header that sorts the list by `field` (click again to reverse). */
export function SortHeader<F extends string>({
  field,
  label,
  sort,
  onSort,
  className = "",
}: {
  field: F;
  label: string;
  sort: Sort<F>;
  onSort(sort: Sort<F>): void;
  className?: string;
}) {
  const active = sort.field === field;
  const ariaSort = active ? (sort.descending ? "descending" : "ascending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort} className={`px-3 py-2 text-left font-medium ${className}`}>
      <button
        type="button"
        className="inline-flex items-center gap-1 hover:text-teal-800"
        onClick={() => onSort({ field, descending: active ? !sort.descending : false })}
      >
        {label}
        <span aria-hidden className="text-xs text-slate-400">
          {active ? (sort.descending ? "▼" : "▲") : "↕"}
        </span>
      </button>
    </th>
  );
}
