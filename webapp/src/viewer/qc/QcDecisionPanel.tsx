import type { Schemas } from "@/api/client";
import { formatDateTime } from "@/lib/format";

import { DECISIONS, type QcDecision } from "./qcDecisions";
import { PanelStatus } from "../modes/PanelStatus";

type Decision = Schemas["QcDecisionRead"];
type TimePoint = Schemas["QcTimePoint"];

/**
 * The decision on the time point on screen (keys 1-4), its comment, and what
 * was decided on every time point of this case.
 */
export function QcDecisionPanel({
  timePoints,
  phase,
  decisions,
  pending,
  comment,
  onComment,
  onCommentDone,
  onDecide,
  onPhase,
  busy,
  disabled,
  error,
}: {
  timePoints: TimePoint[];
  phase: string;
  decisions: Decision[];
  /** Decisions sent but not yet confirmed, by phase. */
  pending: Record<string, QcDecision>;
  comment: string;
  onComment: (text: string) => void;
  onCommentDone: () => void;
  onDecide: (decision: QcDecision) => void;
  onPhase: (phase: string) => void;
  busy: boolean;
  disabled: string | null;
  error: string | null;
}) {
  const chosen = (p: string) => pending[p] ?? decisions.find((d) => d.phase === p)?.decision;
  const current = chosen(phase);
  const name = (p: string) => timePoints.find((t) => t.phase === p)?.name || "image";
  return (
    <section aria-label="QC decision" className="border-b border-slate-700 p-2 text-xs">
      <h2 className="mb-1 font-semibold uppercase text-slate-400">Decision on {name(phase)}</h2>
      <div className="grid grid-cols-2 gap-1" role="group" aria-label="Decisions">
        {DECISIONS.map((d) => (
          <button
            key={d.value}
            type="button"
            disabled={busy || disabled !== null}
            aria-pressed={current === d.value}
            onClick={() => onDecide(d.value)}
            className="rounded border border-slate-600 px-2 py-1 text-left font-medium hover:bg-slate-700 disabled:opacity-50 aria-pressed:text-slate-950"
            style={current === d.value ? { background: d.color } : undefined}
          >
            <kbd className="mr-1 rounded bg-slate-800 px-1 font-mono text-slate-300">{d.key}</kbd>
            {d.label}
          </button>
        ))}
      </div>
      <label className="mt-2 block">
        <span className="text-slate-400">Comment on {name(phase)}</span>
        <textarea
          aria-label="QC comment"
          value={comment}
          onChange={(e) => onComment(e.target.value)}
          onBlur={onCommentDone}
          rows={3}
          className="mt-0.5 w-full rounded bg-slate-800 p-1 text-slate-100"
        />
      </label>
      <table className="mt-1 w-full" aria-label="Decisions on this case">
        <tbody>
          {timePoints.map((t) => {
            const decided = decisions.find((d) => d.phase === t.phase);
            const style = DECISIONS.find((d) => d.value === chosen(t.phase));
            const saving = pending[t.phase] !== undefined;
            return (
              <tr
                key={t.phase}
                data-testid={`qc-decision-${t.name || "image"}`}
                data-decision={decided?.decision ?? ""}
                data-saving={saving ? "true" : "false"}
                className={t.phase === phase ? "bg-slate-800" : ""}
              >
                <td className="py-0.5">
                  <button type="button" className="underline-offset-2 hover:underline" onClick={() => onPhase(t.phase)}>
                    {t.name || "Image"}
                  </button>
                </td>
                <td style={{ color: style?.color }}>{style?.label ?? "—"}</td>
                <td className="text-slate-400">{saving ? "saving…" : decided ? formatDateTime(decided.decided_at) : ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-1 text-slate-400">Keys: 1–4 decide · T next time point · N next case · C play · ↑↓ slice</p>
      <PanelStatus disabled={disabled} error={error} />
    </section>
  );
}
