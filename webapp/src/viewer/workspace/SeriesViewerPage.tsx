import { Link, useParams } from "react-router";

import { SeriesViewer } from "../viewport/SeriesViewer";

/** One series in the viewer, outside any task (opened from the image browser). */
export function SeriesViewerPage() {
  const { seriesId } = useParams();
  const id = Number(seriesId);
  return (
    <main className="flex h-screen flex-col bg-slate-950 text-slate-100">
      <header className="flex items-center gap-3 border-b border-slate-700 px-3 py-1 text-sm">
        <Link to="/images" className="text-teal-300 hover:underline">
          ← Images
        </Link>
        <span>Series {seriesId}</span>
      </header>
      {Number.isInteger(id) && id > 0 ? <SeriesViewer seriesId={id} /> : <p role="alert">Unknown series.</p>}
    </main>
  );
}
