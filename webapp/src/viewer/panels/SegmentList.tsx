import { useState } from "react";

import type { AnnotationTools, SegmentInfo } from "../tools/AnnotationTools";

/** One segment per label: colour, visibility, lock, the active one, and the overlay opacity. */
export function SegmentList({ tools, segments }: { tools: AnnotationTools; segments: SegmentInfo[] }) {
  const [active, setActive] = useState(segments[0]?.index ?? 0);
  const [hidden, setHidden] = useState<Set<number>>(new Set());
  const [locked, setLocked] = useState<Set<number>>(new Set());
  const [opacity, setOpacity] = useState(50);
  const toggle = (set: Set<number>, index: number) => {
    const next = new Set(set);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    return next;
  };
  return (
    <section aria-label="Segments" className="border-b border-slate-700 p-2 text-sm">
      <h2 className="mb-1 text-xs font-semibold uppercase text-slate-400">Segments</h2>
      <ul>
        {segments.map((s) => (
          <li key={s.index} className={`flex items-center gap-2 rounded px-1 ${active === s.index ? "bg-slate-700" : ""}`}>
            <span className="inline-block h-3 w-3 rounded-sm" style={{ background: s.color }} aria-hidden />
            <button
              type="button"
              className="flex-1 text-left"
              aria-pressed={active === s.index}
              onClick={() => {
                setActive(s.index);
                tools.setActiveSegment(s.index);
              }}
            >
              {s.name}
            </button>
            <label className="text-xs">
              <input
                type="checkbox"
                aria-label={`Show ${s.name}`}
                checked={!hidden.has(s.index)}
                onChange={() => {
                  setHidden((h) => toggle(h, s.index));
                  tools.setSegmentVisible(s.index, hidden.has(s.index));
                }}
              />{" "}
              show
            </label>
            <label className="text-xs">
              <input
                type="checkbox"
                aria-label={`Lock ${s.name}`}
                checked={locked.has(s.index)}
                onChange={() => {
                  setLocked((l) => toggle(l, s.index));
                  tools.setSegmentLocked(s.index, !locked.has(s.index));
                }}
              />{" "}
              lock
            </label>
          </li>
        ))}
      </ul>
      <label className="mt-2 flex items-center gap-2 text-xs">
        Opacity
        <input
          type="range"
          aria-label="Overlay opacity"
          min={0}
          max={100}
          value={opacity}
          onChange={(e) => {
            setOpacity(Number(e.target.value));
            tools.setOpacity(Number(e.target.value) / 100);
          }}
        />
        {opacity}%
      </label>
    </section>
  );
}
