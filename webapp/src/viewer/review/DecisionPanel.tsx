import type { Pin } from "./reviewShapes";
import { PanelStatus } from "../modes/PanelStatus";

export type ReviewOutcome = "accept" | "request_correction" | "comment";

/**
 * The reviewer's answer: a comment, comments pinned to places on the image
 * (click "Pin a comment", then the image), and accept / request correction /
 * comment only. Accept and request correction finish the item.
 */
export function DecisionPanel({
  comment,
  onComment,
  pins,
  onPins,
  pinning,
  onPinning,
  busy,
  disabled,
  error,
  onDecide,
}: {
  comment: string;
  onComment: (text: string) => void;
  pins: Pin[];
  onPins: (pins: Pin[]) => void;
  pinning: boolean;
  onPinning: (on: boolean) => void;
  busy: boolean;
  disabled: string | null;
  error: string | null;
  onDecide: (outcome: ReviewOutcome) => void;
}) {
  const button = "rounded px-2 py-1 text-xs font-medium disabled:opacity-50";
  const blocked = busy || disabled !== null;
  return (
    <section aria-label="Decision" className="p-2 text-xs">
      <h2 className="mb-1 font-semibold uppercase text-slate-400">Decision</h2>
      <label className="block">
        <span className="text-slate-400">Comment</span>
        <textarea
          aria-label="Review comment"
          value={comment}
          onChange={(e) => onComment(e.target.value)}
          rows={3}
          className="mt-0.5 w-full rounded bg-slate-800 p-1 text-slate-100"
        />
      </label>
      <div className="my-1 flex items-center gap-2">
        <button
          type="button"
          aria-pressed={pinning}
          onClick={() => onPinning(!pinning)}
          className={`${button} bg-slate-700 hover:bg-slate-600 aria-pressed:bg-amber-700`}
        >
          {pinning ? "Click the image…" : "Pin a comment"}
        </button>
        <span className="text-slate-400">{pins.length} pinned</span>
      </div>
      <ol className="space-y-1" aria-label="Pinned comments">
        {pins.map((pin, n) => (
          <li key={n} className="flex items-center gap-1">
            <span className="text-amber-300">P{n + 1}</span>
            <span className="text-slate-400">
              s{(pin.slice_index ?? 0) + 1} ({pin.x}, {pin.y})
            </span>
            <input
              aria-label={`Pinned comment ${n + 1}`}
              value={pin.text}
              onChange={(e) => onPins(pins.map((p, i) => (i === n ? { ...p, text: e.target.value } : p)))}
              className="min-w-0 flex-1 rounded bg-slate-800 px-1"
            />
            <button type="button" aria-label={`Remove pin ${n + 1}`} onClick={() => onPins(pins.filter((_, i) => i !== n))} className="px-1 hover:text-red-300">
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="mt-2 grid grid-cols-3 gap-1">
        <button type="button" disabled={blocked} onClick={() => onDecide("accept")} className={`${button} bg-emerald-700 hover:bg-emerald-600`}>
          Accept
        </button>
        <button type="button" disabled={blocked} onClick={() => onDecide("request_correction")} className={`${button} bg-amber-700 hover:bg-amber-600`}>
          Request correction
        </button>
        <button type="button" disabled={blocked || (!comment.trim() && pins.length === 0)} onClick={() => onDecide("comment")} className={`${button} bg-slate-700 hover:bg-slate-600`}>
          Comment only
        </button>
      </div>
      <PanelStatus disabled={disabled} error={error} />
    </section>
  );
}
