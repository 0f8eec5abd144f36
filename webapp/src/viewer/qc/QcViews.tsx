import { useEffect, useRef, useState } from "react";

import { initCornerstone } from "../viewport/initCornerstone";
import { QcViewsController, type QcSegmentation, type QcViewState } from "./QcViewsController";

interface Props {
  /** The images of the time point on screen, in slice order. */
  imageIds: string[];
  /** Changes when the time point changes (the views reload). */
  phaseKey: string;
  segmentation: QcSegmentation | null;
  /** The segmentation of this time point is still being read: wait rather than show the image twice. */
  waiting: boolean;
  opacity: number;
  cut: boolean;
  onController: (controller: QcViewsController | null) => void;
}

/**
 * Image with overlay, segmentation alone and 3D, side by side, on one slice.
 * The grid's cells carry data-* attributes for tests: slice index and count,
 * painted slices of the loaded segmentation, and whether the views are ready.
 */
export function QcViews({ imageIds, phaseKey, segmentation, waiting, opacity, cut, onController }: Props) {
  const overlay = useRef<HTMLDivElement>(null);
  const alone = useRef<HTMLDivElement>(null);
  const view3d = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<QcViewsController | null>(null);
  const [state, setState] = useState<QcViewState | null>(null);
  const [painted, setPainted] = useState<number | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onControllerRef = useRef(onController);
  onControllerRef.current = onController;
  const indexRef = useRef(0);
  indexRef.current = state?.index ?? indexRef.current;

  useEffect(() => {
    let made: QcViewsController | null = null;
    let cancelled = false;
    void initCornerstone().then(() => {
      if (cancelled || !overlay.current || !alone.current || !view3d.current) return;
      made = new QcViewsController({ overlay: overlay.current, segmentation: alone.current, view3d: view3d.current });
      made.subscribe(setState);
      setController(made);
      onControllerRef.current(made);
    });
    return () => {
      cancelled = true;
      onControllerRef.current(null);
      made?.destroy();
    };
  }, []);

  // A new time point (or segmentation version) reloads the views on the same slice.
  const segmentationKey = segmentation ? `${segmentation.annotationId}:${segmentation.version}` : "none";
  useEffect(() => {
    if (!controller || imageIds.length === 0 || waiting) return;
    let cancelled = false;
    setReady(false);
    setError(null);
    controller
      .showPhase(imageIds, indexRef.current, segmentation, opacity)
      .then((slices) => {
        if (cancelled) return;
        setPainted(slices);
        setReady(true);
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
      });
    return () => {
      cancelled = true;
    };
    // opacity has its own effect; the segmentation is identified by its key
  }, [controller, phaseKey, segmentationKey, waiting]);

  useEffect(() => controller?.setOpacity(opacity), [controller, opacity]);
  useEffect(() => controller?.setCut(cut), [controller, cut, ready]);

  const cell = "relative min-h-0 min-w-0 border border-slate-800 bg-black";
  const caption = "pointer-events-none absolute left-1 top-1 z-10 text-xs text-slate-300 [text-shadow:0_0_3px_#000]";
  return (
    <div
      className="relative grid min-h-0 flex-1 grid-cols-3"
      data-testid="qc-views"
      data-ready={ready ? "true" : "false"}
      data-phase={phaseKey}
      data-slice={state?.index ?? -1}
      data-segmentation-slice={state?.segmentationIndex ?? -1}
      data-slices={state?.count ?? 0}
      data-painted={painted ?? ""}
      data-playing={state?.playing ? "true" : "false"}
    >
      <div className={cell}>
        <div ref={overlay} data-testid="qc-overlay-view" className="absolute inset-0" onContextMenu={(e) => e.preventDefault()} />
        <span className={caption}>Image + segmentation</span>
      </div>
      <div className={cell}>
        <div ref={alone} data-testid="qc-segmentation-view" className="absolute inset-0" onContextMenu={(e) => e.preventDefault()} />
        <span className={caption}>Segmentation</span>
      </div>
      <div className={cell}>
        <div ref={view3d} data-testid="qc-3d-view" className="absolute inset-0" onContextMenu={(e) => e.preventDefault()} />
        <span className={caption}>3D{cut ? " (cut at the slice)" : ""}</span>
      </div>
      {state && (
        <p className="pointer-events-none absolute bottom-8 left-2 z-10 font-mono text-xs text-slate-100 [text-shadow:0_0_3px_#000]" data-testid="qc-slice">
          Slice {state.index + 1} / {state.count}
        </p>
      )}
      {!segmentation && ready && <p className="absolute left-2 top-8 z-10 text-xs text-amber-300">No segmentation on this time point.</p>}
      {error && (
        <p role="alert" className="absolute inset-x-0 top-1/3 z-10 text-center text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
