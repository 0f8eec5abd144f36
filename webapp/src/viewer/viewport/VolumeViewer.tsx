import { useEffect, useRef, useState } from "react";

import { initCornerstone } from "./initCornerstone";
import { closeSeriesFrameStreams } from "./seriesFrameStream";
import { loadSeries, seriesPath, type LoadedSeries } from "./seriesLoader";
import { ORIENTATIONS, renderingPresets, VolumeController, type Orientation } from "./VolumeController";

interface Props {
  seriesId: number;
  /** How many MPR views (1: axial; 2: axial + sagittal; 3: all three). */
  views: 1 | 2 | 3;
  /** Add a 3D volume rendering next to the slice views. */
  with3d: boolean;
  /** The time point to open a 4D series on (default: its first). */
  initialTimePoint?: number | null;
  /** A labelmap of the same images to show and paint in the slice views (the annotate workspace). */
  labelmap?: {
    /** The segmentation over the labelmap images of a time point (null: a series without time points). */
    segmentationFor: (timePoint: number | null) => string;
    brush: "brush" | "eraser" | null;
    brushSize: number;
    /** After each stroke in a slice view. */
    onEdit: () => void;
  };
}

/** The image ids of one time point (4D series) or of the whole series. */
function volumeImageIds(series: LoadedSeries, timePoint: number | null): string[] {
  if (timePoint == null) return series.imageIds;
  return series.imageIds.filter((_, i) => series.frames[i].temporalPosition === timePoint);
}

/**
 * MPR (axial / sagittal / coronal with crosshairs and reference lines) and 3D
 * of a volume. A 4D series (TemporalPositionIdentifier) shows one time point,
 * chosen in the toolbar. `data-volume-ready` turns true when every slice is in.
 */
export function VolumeViewer({ seriesId, views, with3d, initialTimePoint, labelmap }: Props) {
  const refs = { axial: useRef<HTMLDivElement>(null), sagittal: useRef<HTMLDivElement>(null), coronal: useRef<HTMLDivElement>(null) };
  const ref3d = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<VolumeController | null>(null);
  const [series, setSeries] = useState<LoadedSeries | null>(null);
  const [timePoint, setTimePoint] = useState<number | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = ORIENTATIONS.slice(0, views);
  const segmentationFor = labelmap?.segmentationFor;

  useEffect(() => {
    let cancelled = false;
    // (a volume takes every frame at once: no first frame ahead; the route asks for the series'
    // pixel data with the metadata, and the volume asks for it itself unless the stack has the images)
    loadSeries(seriesId, { firstFrame: false })
      .then((loaded) => {
        if (cancelled) {
          closeSeriesFrameStreams(seriesPath(loaded.detail));
          return;
        }
        setSeries(loaded);
        const wanted = initialTimePoint != null && loaded.timePoints.includes(initialTimePoint);
        setTimePoint(wanted ? initialTimePoint : (loaded.timePoints[0] ?? null));
      })
      .catch((reason: unknown) => setError(String(reason)));
    return () => {
      cancelled = true;
    };
    // (the initial time point is read when the series is loaded, not followed)
  }, [seriesId]);

  useEffect(() => {
    if (!series) return;
    let cancelled = false;
    let controller: VolumeController | null = null;
    setReady(false);
    (async () => {
      await initCornerstone();
      if (cancelled) return;
      const elements: Partial<Record<Orientation, HTMLDivElement>> = {};
      for (const o of shown) if (refs[o].current) elements[o] = refs[o].current!;
      controller = new VolumeController(elements, with3d ? ref3d.current : null);
      controllerRef.current = controller;
      const imageIds = volumeImageIds(series, timePoint);
      const wholeSeries = imageIds.length === series.imageIds.length ? seriesPath(series.detail) : undefined;
      await controller.load(imageIds, series.detail.modality, wholeSeries);
      if (!cancelled && segmentationFor) await controller.showLabelmap(segmentationFor(timePoint));
      if (!cancelled) setReady(true);
    })().catch((reason: unknown) => {
      if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
    });
    return () => {
      cancelled = true;
      controller?.destroy();
      controllerRef.current = null;
    };
    // `shown` and the refs follow from `views`; listing them would rebuild the viewports on every render.
  }, [series, timePoint, views, with3d, segmentationFor]);

  useEffect(() => {
    if (ready && labelmap) controllerRef.current?.setBrush(labelmap.brush, labelmap.brushSize);
  }, [ready, labelmap?.brush, labelmap?.brushSize]);

  // A stroke ends with the mouse button up in one of the slice views.
  const onEditRef = useRef(labelmap?.onEdit);
  onEditRef.current = labelmap?.onEdit;
  const strokeEnded = () => {
    if (labelmap?.brush) onEditRef.current?.();
  };

  const cell = "relative min-h-0 min-w-0 border border-slate-800";
  return (
    <div className="flex h-full min-h-0 flex-1 flex-col bg-black" data-testid="volume-viewer" data-volume-ready={ready ? "true" : "false"}>
      <div role="toolbar" aria-label="Volume tools" className="flex items-center gap-2 border-b border-slate-700 bg-slate-900 px-2 py-1 text-xs text-slate-100">
        <span>Left drag: crosshairs (Shift: window) · right: zoom · middle: pan · wheel: scroll</span>
        {series && series.timePoints.length > 1 && (
          <label className="flex items-center gap-1">
            Time point
            <select aria-label="Time point" className="rounded bg-slate-800 px-1" value={timePoint ?? ""} onChange={(e) => setTimePoint(Number(e.target.value))}>
              {series.timePoints.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        )}
        {with3d && series && (
          <label className="flex items-center gap-1">
            3D preset
            <select aria-label="3D preset" className="rounded bg-slate-800 px-1" onChange={(e) => controllerRef.current?.setRenderingPreset(e.target.value)}>
              {renderingPresets(series.detail.modality).map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="rounded px-2 py-0.5 hover:bg-slate-700" onClick={() => controllerRef.current?.reset()}>
          Reset
        </button>
        {!ready && !error && <span className="text-amber-300">Loading volume…</span>}
        {error && <span role="alert" className="text-red-300">{error}</span>}
      </div>
      <div className="grid min-h-0 flex-1" style={{ gridTemplateColumns: `repeat(${shown.length + (with3d ? 1 : 0)}, minmax(0, 1fr))` }}>
        {shown.map((o) => (
          <div key={o} className={cell}>
            <div ref={refs[o]} data-testid={`viewport-${o}`} className="absolute inset-0" onContextMenu={(e) => e.preventDefault()} onPointerUp={strokeEnded} />
            <span className="pointer-events-none absolute left-1 top-1 text-xs capitalize text-slate-300">{o}</span>
          </div>
        ))}
        {with3d && (
          <div className={cell}>
            <div ref={ref3d} data-testid="viewport-3d" className="absolute inset-0" onContextMenu={(e) => e.preventDefault()} />
            <span className="pointer-events-none absolute left-1 top-1 text-xs text-slate-300">3D</span>
          </div>
        )}
      </div>
    </div>
  );
}
