import type { Schemas } from "@/api/client";
import { formatDateTime, formatDuration } from "@/lib/format";

type Screen = Schemas["ReviewContextRead"];

const OUTCOME: Record<string, string> = {
  accept: "Accepted",
  request_correction: "Correction requested",
  comment: "Comment",
};

/**
 * The annotation's history, oldest first: every version (who, when, how long,
 * with what) and every review, numbered per annotation, with its pinned
 * comments. Clicking a version shows it on the image.
 */
export function HistoryPanel({
  screen,
  shown,
  onShow,
}: {
  screen: Screen;
  shown: number;
  onShow: (number: number) => void;
}) {
  const name = (id: number | null | undefined) => (id == null ? "—" : (screen.people[String(id)] ?? `user ${id}`));
  const reviewsOf = (versionId: number) => screen.reviews.filter((r) => r.version_id === versionId);
  return (
    <section aria-label="History" className="border-b border-slate-700 p-2 text-xs">
      <h2 className="mb-1 font-semibold uppercase text-slate-400">History</h2>
      <ol className="space-y-1">
        {screen.versions.map((v) => (
          <li key={v.id} data-testid={`version-${v.number}`}>
            <button
              type="button"
              onClick={() => onShow(v.number)}
              aria-pressed={shown === v.number}
              className="w-full rounded px-1 py-0.5 text-left hover:bg-slate-800 aria-pressed:bg-slate-700"
            >
              <span className="font-medium">Version {v.number}</span>
              {v.id === screen.version.id && <span className="ml-1 rounded bg-amber-700 px-1">under review</span>}
              {v.id === screen.annotation.final_version_id && <span className="ml-1 rounded bg-emerald-700 px-1">final</span>}
              <span className="block text-slate-400">
                {name(v.author_id)} · {formatDateTime(v.created_at)} · {formatDuration(v.active_seconds)} active
                {v.tool ? ` · ${v.tool}` : ""}
                {v.restored_from ? ` · restored from ${v.restored_from}` : ""}
              </span>
            </button>
            <ol className="ml-3 border-l border-slate-700 pl-2">
              {reviewsOf(v.id).map((r) => (
                <li key={r.id} data-testid={`review-${r.number}`} className="py-0.5">
                  <span className="font-medium">Review {r.number}</span>: {OUTCOME[r.outcome] ?? r.outcome} by {name(r.reviewer_id)}
                  <span className="text-slate-400"> · {formatDateTime(r.created_at)}</span>
                  {r.comment && <p className="whitespace-pre-line text-slate-300">“{r.comment}”</p>}
                  {(r.comments ?? []).map((c, n) => (
                    <p key={n} className="text-amber-200">
                      R{r.number}.{n + 1} {c.slice_index != null ? `(slice ${c.slice_index + 1})` : ""}: {c.text}
                    </p>
                  ))}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}
