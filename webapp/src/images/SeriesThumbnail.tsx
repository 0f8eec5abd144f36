import { useState } from "react";

/** A series' middle slice as a small picture; a plain box when it cannot be drawn. */
export function SeriesThumbnail({ seriesId, size = 96, alt }: { seriesId: number; size?: number; alt?: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <div style={{ width: size, height: size }} className="flex items-center justify-center rounded bg-slate-800 text-xs text-slate-300">
        no preview
      </div>
    );
  }
  return (
    <img
      src={`/api/v1/series/${seriesId}/thumbnail?size=${size}`}
      width={size}
      height={size}
      loading="lazy"
      alt={alt ?? `Series ${seriesId}`}
      onError={() => setFailed(true)}
      className="rounded bg-slate-900 object-contain"
      style={{ width: size, height: size }}
    />
  );
}
