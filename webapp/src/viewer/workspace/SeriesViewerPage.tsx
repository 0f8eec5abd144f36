import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";

import { SeriesViewer } from "../viewport/SeriesViewer";
import { VolumeViewer } from "../viewport/VolumeViewer";

const LAYOUTS = [
  { id: "stack", name: "Stack" },
  { id: "mpr1", name: "1 view" },
  { id: "mpr2", name: "2 views" },
  { id: "mpr3", name: "3 views" },
  { id: "mpr3d", name: "MPR + 3D" },
] as const;

type Layout = (typeof LAYOUTS)[number]["id"];

/** One series in the viewer, outside any task (opened from the image browser); ?layout= picks the layout. */
export function SeriesViewerPage() {
  const { seriesId } = useParams();
  const [params, setParams] = useSearchParams();
  const initial = (LAYOUTS.find((l) => l.id === params.get("layout"))?.id ?? "stack") as Layout;
  const [layout, setLayout] = useState<Layout>(initial);
  const id = Number(seriesId);
  const choose = (next: Layout) => {
    setLayout(next);
    setParams(next === "stack" ? {} : { layout: next }, { replace: true });
  };
  return (
    <main className="flex h-screen flex-col bg-slate-950 text-slate-100">
      <header className="flex items-center gap-3 border-b border-slate-700 px-3 py-1 text-sm">
        <Link to="/images" className="text-teal-300 hover:underline">
          ← Images
        </Link>
        <span>Series {seriesId}</span>
        <span className="flex-1" />
        <div role="group" aria-label="Layout" className="flex gap-1">
          {LAYOUTS.map((l) => (
            <button
              key={l.id}
              type="button"
              aria-pressed={layout === l.id}
              onClick={() => choose(l.id)}
              className="rounded px-2 py-0.5 text-xs hover:bg-slate-700 aria-pressed:bg-teal-700"
            >
              {l.name}
            </button>
          ))}
        </div>
      </header>
      {!(Number.isInteger(id) && id > 0) ? (
        <p role="alert">Unknown series.</p>
      ) : layout === "stack" ? (
        <SeriesViewer seriesId={id} />
      ) : (
        <VolumeViewer
          key={layout}
          seriesId={id}
          views={layout === "mpr1" ? 1 : layout === "mpr2" ? 2 : 3}
          with3d={layout === "mpr3d"}
        />
      )}
    </main>
  );
}
