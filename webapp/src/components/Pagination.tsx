import { pageCount } from "@/lib/listQuery";

import { Button } from "./Button";

/** Previous / next with "rows a–b of n", for server-side pages. */
export function Pagination({
  total,
  limit,
  offset,
  onOffset,
}: {
  total: number;
  limit: number;
  offset: number;
  onOffset(offset: number): void;
}) {
  const pages = pageCount(total, limit);
  const page = Math.floor(offset / limit) + 1;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm text-slate-700">
      <span>
        {first}–{last} of {total}
      </span>
      <span className="flex items-center gap-2">
        <Button onClick={() => onOffset(Math.max(0, offset - limit))} disabled={offset === 0}>
          Previous
        </Button>
        <span>
          Page {page} of {pages}
        </span>
        <Button onClick={() => onOffset(offset + limit)} disabled={offset + limit >= total}>
          Next
        </Button>
      </span>
    </nav>
  );
}
