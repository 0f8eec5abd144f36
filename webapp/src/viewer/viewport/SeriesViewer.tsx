import { useEffect, useRef, useState, type ReactNode } from "react";

import { HelpOverlay } from "../panels/HelpOverlay";
import { AttributePanel } from "../panels/AttributePanel";
import { isTypingTarget, matchShortcut, type ShortcutAction } from "../tools/shortcuts";
import { initCornerstone } from "./initCornerstone";
import { loadSeries, type LoadedSeries } from "./seriesLoader";
import { StackController, type PrimaryTool, type ViewState } from "./StackController";
import { ViewerToolbar } from "./ViewerToolbar";
import { ViewportOverlay } from "./ViewportOverlay";
import { presetsFor } from "./voiPresets";

/**
 * Resolves after the browser has painted the page as it is now (a frame, then a task after
 * it), or after PAINT_WAIT_MS in a tab that paints no frames (hidden: no animation frames).
 */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = window.setTimeout(resolve, PAINT_WAIT_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        window.clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

const PAINT_WAIT_MS = 200;

export type WorkspaceMode = "view" | "annotate" | "review" | "qc";

interface Props {
  seriesId: number;
  mode?: WorkspaceMode;
  /** Shortcuts the viewer does not handle itself (tools, items, saving, QC). */
  onShortcut?: (action: ShortcutAction, event: KeyboardEvent) => void;
  /** Called once the first image is on screen, with the controller annotation tools attach to. */
  onReady?: (controller: StackController, series: LoadedSeries) => void;
  /** Called when the user gives the left button to a viewing tool (W, or the view toolbar), before it moves. */
  onViewingTool?: (tool: PrimaryTool) => void;
  /** Extra toolbar rows (annotation tools) and side panels. */
  toolbar?: ReactNode;
  side?: ReactNode;
  /** Drawn over the viewport (read-only shapes, pinned comments). */
  overlay?: ReactNode;
}

/**
 * A 2D stack viewer of one series with its controls, overlays, slice slider,
 * cine and attribute panel. The viewport element carries data-* attributes
 * (image index, count, loaded, rendered) for tests and benchmarks.
 */
export function SeriesViewer({ seriesId, mode = "view", onShortcut, onReady, onViewingTool, toolbar, side, overlay }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<StackController | null>(null);
  const [series, setSeries] = useState<LoadedSeries | null>(null);
  const [state, setState] = useState<ViewState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rendered, setRendered] = useState(false);
  const [tool, setTool] = useState<PrimaryTool | null>("WindowLevel");
  const [fps, setFps] = useState(5);
  const [playing, setPlaying] = useState(false);
  const [showAttributes, setShowAttributes] = useState(false);
  const [showHelp, setShowHelp] = useState(false);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const onViewingToolRef = useRef(onViewingTool);
  onViewingToolRef.current = onViewingTool;

  useEffect(() => {
    let cancelled = false;
    let controller: StackController | null = null;
    setRendered(false);
    setSeries(null);
    setError(null);
    // The rendering engine and its WebGL context are made while the series' metadata is on its way.
    const createController = () => {
      if (cancelled || !element.current) return null;
      controller = new StackController(element.current);
      performance.mark("viewer:stack-viewport-created");
      controllerRef.current = controller;
      controller.subscribe(setState);
      setTool(controller.primaryTool);
      controller.onPrimaryToolChange(setTool);
      return controller;
    };
    (async () => {
      const [loaded, created] = await Promise.all([loadSeries(seriesId), initCornerstone().then(createController)]);
      if (cancelled || !created) return;
      if (loaded.imageIds.length === 0) throw new Error("This series has no images.");
      setSeries(loaded);
      await created.setStack(loaded.imageIds, 0);
      if (cancelled) return;
      setRendered(true);
      setState(created.state());
      // The first image reaches the screen before the rest of the stack and the annotation
      // tools (labelmap images for every slice) take the main thread.
      await nextPaint();
      if (cancelled) return;
      created.prefetch();
      onReadyRef.current?.(created, loaded);
    })().catch((reason: unknown) => {
      if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
    });
    return () => {
      cancelled = true;
      controller?.destroy();
      controllerRef.current = null;
    };
  }, [seriesId]);

  const run = (fn: (c: StackController) => void) => {
    const c = controllerRef.current;
    if (c) fn(c);
  };

  /** The user gives the left button to a viewing tool: an annotation tool holding it lets go first. */
  const chooseViewingTool = (next: PrimaryTool) => {
    onViewingToolRef.current?.(next);
    run((c) => c.setPrimaryTool(next));
  };

  const toggleCine = () =>
    run((c) => {
      if (c.playing) c.stop();
      else c.play(fps);
      setPlaying(c.playing);
    });

  const handleRef = useRef<(action: ShortcutAction, event: KeyboardEvent) => boolean>(() => false);
  handleRef.current = (action, event) => {
    switch (action) {
      case "invert":
        run((c) => c.toggleInvert());
        return true;
      case "nextSlice":
        run((c) => void c.scrollBy(1));
        return true;
      case "previousSlice":
        run((c) => void c.scrollBy(-1));
        return true;
      case "pageForward":
        run((c) => void c.scrollBy(10));
        return true;
      case "pageBackward":
        run((c) => void c.scrollBy(-10));
        return true;
      case "reset":
        run((c) => c.reset());
        return true;
      case "cine":
        toggleCine();
        return true;
      case "help":
        setShowHelp((v) => !v);
        return true;
      case "windowLevel":
        chooseViewingTool("WindowLevel");
        return true;
      case "nextItem":
      case "previousItem":
        // Without a task, → and ← move through the images of the series.
        if (mode === "view") {
          run((c) => void c.scrollBy(action === "nextItem" ? 1 : -1));
          return true;
        }
        break;
    }
    onShortcut?.(action, event);
    return true;
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Cornerstone marks every key on its viewport element as handled, so defaultPrevented is not checked.
      if (isTypingTarget(event.target)) return;
      const action = matchShortcut(event, mode);
      if (!action) return;
      event.preventDefault();
      handleRef.current(action, event);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [mode]);

  const frame = series && state ? series.frames[state.imageIndex] : undefined;

  return (
    <div className="flex h-full min-h-0 flex-1 flex-col bg-black">
      <ViewerToolbar
        tool={tool}
        onTool={chooseViewingTool}
        presets={presetsFor(series?.detail.modality ?? "")}
        onPreset={(preset) =>
          run((c) => {
            if (preset) c.setWindow(preset.width, preset.center);
            else {
              c.viewport.resetProperties();
              c.viewport.render();
            }
          })
        }
        onInvert={() => run((c) => c.toggleInvert())}
        onRotate={() => run((c) => c.rotate(90))}
        onFlip={(d) => run((c) => c.flip(d))}
        onReset={() => run((c) => c.reset())}
        playing={playing}
        fps={fps}
        onFps={(value) => {
          setFps(value);
          run((c) => {
            if (c.playing) c.play(value);
          });
        }}
        onCine={toggleCine}
        onAttributes={() => setShowAttributes((v) => !v)}
        onHelp={() => setShowHelp((v) => !v)}
        state={state}
      />
      {toolbar}
      <div className="flex min-h-0 flex-1">
        <div className="relative flex min-w-0 flex-1 flex-col">
          <div className="relative min-h-0 flex-1">
            <div
              ref={element}
              data-testid="viewport"
              data-rendered={rendered ? "true" : "false"}
              data-image-index={state?.imageIndex ?? -1}
              data-image-count={state?.imageCount ?? 0}
              data-loaded={state?.loaded ?? 0}
              className="absolute inset-0"
              onContextMenu={(e) => e.preventDefault()}
            />
            {overlay}
            {series && state && <ViewportOverlay series={series} state={state} />}
            {error && (
              <p role="alert" className="absolute inset-x-0 top-1/3 text-center text-red-300">
                {error}
              </p>
            )}
            {!rendered && !error && <p className="absolute inset-x-0 top-1/3 text-center text-slate-400">Loading images…</p>}
            {showHelp && <HelpOverlay onClose={() => setShowHelp(false)} />}
          </div>
          {state && state.imageCount > 1 && (
            <input
              type="range"
              aria-label="Slice"
              min={0}
              max={state.imageCount - 1}
              value={state.imageIndex}
              onChange={(e) => run((c) => void c.scrollTo(Number(e.target.value)))}
              className="w-full accent-teal-500"
            />
          )}
        </div>
        {side}
        {showAttributes && frame && <AttributePanel instanceId={frame.instance.id} onClose={() => setShowAttributes(false)} />}
      </div>
    </div>
  );
}
