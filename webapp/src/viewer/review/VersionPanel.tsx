import type { Schemas } from "@/api/client";
import { formatDateTime, formatDuration } from "@/lib/format";

type Screen = Schemas["ReviewContextRead"];
type Label = Schemas["LabelRead"];

/**
 * The version under review: its annotation's label and status, author, time
 * and active time, and, for kinds without a drawing, what it says
 * (classification values and flags, a QC decision), read-only.
 */
export function VersionPanel({ screen, labels }: { screen: Screen; labels: Label[] }) {
  const { annotation, version } = screen;
  const label = labels.find((l) => l.id === annotation.label_id);
  const content = version.content as Record<string, unknown>;
  const author = version.author_id == null ? "—" : (screen.people[String(version.author_id)] ?? `user ${version.author_id}`);
  return (
    <section aria-label="Version under review" className="border-b border-slate-700 p-2 text-xs">
      <h2 className="mb-1 font-semibold uppercase text-slate-400">Under review</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
        <dt className="text-slate-400">Label</dt>
        <dd>
          <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: label?.color ?? "#888" }} />
          {label?.name ?? annotation.label_id} ({annotation.kind})
        </dd>
        <dt className="text-slate-400">Version</dt>
        <dd data-testid="review-version">
          {version.number} of {annotation.version_count}
        </dd>
        <dt className="text-slate-400">Author</dt>
        <dd data-testid="review-author">{author}</dd>
        <dt className="text-slate-400">Saved</dt>
        <dd>{formatDateTime(version.created_at)}</dd>
        <dt className="text-slate-400">Active time</dt>
        <dd data-testid="review-active-time">{formatDuration(version.active_seconds)}</dd>
        <dt className="text-slate-400">Status</dt>
        <dd data-testid="annotation-status">{annotation.status.replace("_", " ")}</dd>
        {annotation.phase && (
          <>
            <dt className="text-slate-400">Time point</dt>
            <dd>{annotation.phase}</dd>
          </>
        )}
      </dl>
      {annotation.kind === "classification" && <ClassificationValues content={content} labels={labels} />}
      {annotation.kind === "qc" && (
        <p className="mt-1">
          QC decision: <strong>{String(content.decision)}</strong> {content.comment ? `— ${String(content.comment)}` : ""}
        </p>
      )}
    </section>
  );
}

function ClassificationValues({ content, labels }: { content: Record<string, unknown>; labels: Label[] }) {
  const values = (content.values as { label_id: number; value: string | null }[] | undefined) ?? [];
  return (
    <div className="mt-1 rounded bg-slate-800 p-1" data-testid="classification-values">
      {values.map((v) => (
        <p key={v.label_id}>
          {labels.find((l) => l.id === v.label_id)?.name ?? v.label_id}: <strong>{v.value ?? "yes"}</strong>
        </p>
      ))}
      {Boolean(content.tentative) && <p className="text-amber-300">tentative</p>}
      {Boolean(content.bad_quality) && <p className="text-red-300">bad quality</p>}
      {Boolean(content.comment) && <p className="text-slate-300">“{String(content.comment)}”</p>}
    </div>
  );
}
