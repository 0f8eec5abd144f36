import type { PrimaryTool, ViewState } from "./StackController";
import type { VoiPreset } from "./voiPresets";

const TOOL_LABELS: Record<PrimaryTool, string> = {
  WindowLevel: "W/L",
  Pan: "Pan",
  Zoom: "Zoom",
  StackScroll: "Scroll",
};

interface Props {
  tool: PrimaryTool | null;
  onTool: (tool: PrimaryTool) => void;
  presets: VoiPreset[];
  onPreset: (preset: VoiPreset | null) => void;
  onInvert: () => void;
  onRotate: () => void;
  onFlip: (direction: "horizontal" | "vertical") => void;
  onReset: () => void;
  playing: boolean;
  fps: number;
  onFps: (fps: number) => void;
  onCine: () => void;
  onAttributes: () => void;
  onHelp: () => void;
  state: ViewState | null;
}

const button = "rounded px-2 py-1 text-xs font-medium hover:bg-slate-700 aria-pressed:bg-teal-700";

/** The view controls; each has a keyboard shortcut too (see the help overlay). */
export function ViewerToolbar(props: Props) {
  return (
    <div role="toolbar" aria-label="View tools" className="flex flex-wrap items-center gap-1 border-b border-slate-700 bg-slate-900 px-2 py-1 text-slate-100">
      {(Object.keys(TOOL_LABELS) as PrimaryTool[]).map((tool) => (
        <button key={tool} type="button" className={button} aria-pressed={props.tool === tool} onClick={() => props.onTool(tool)}>
          {TOOL_LABELS[tool]}
        </button>
      ))}
      <span className="mx-1 h-5 w-px bg-slate-700" />
      <label className="flex items-center gap-1 text-xs">
        <span className="sr-only">Window preset</span>
        <select
          aria-label="Window preset"
          className="rounded bg-slate-800 px-1 py-1 text-xs"
          value=""
          onChange={(e) => {
            props.onPreset(props.presets.find((p) => p.id === e.target.value) ?? null);
            // Hand the keyboard back to the viewer (arrows scroll slices, not presets).
            e.target.blur();
          }}
        >
          <option value="">Preset…</option>
          <option value="auto">Auto (image)</option>
          {props.presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.width}/{p.center})
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={button} aria-pressed={props.state?.invert ?? false} onClick={props.onInvert}>
        Invert
      </button>
      <button type="button" className={button} onClick={props.onRotate}>
        Rotate 90°
      </button>
      <button type="button" className={button} aria-pressed={props.state?.flipHorizontal ?? false} onClick={() => props.onFlip("horizontal")}>
        Flip H
      </button>
      <button type="button" className={button} aria-pressed={props.state?.flipVertical ?? false} onClick={() => props.onFlip("vertical")}>
        Flip V
      </button>
      <button type="button" className={button} onClick={props.onReset}>
        Reset
      </button>
      <span className="mx-1 h-5 w-px bg-slate-700" />
      <button type="button" className={button} aria-pressed={props.playing} onClick={props.onCine}>
        {props.playing ? "Stop" : "Play"}
      </button>
      <label className="flex items-center gap-1 text-xs">
        <input
          type="number"
          aria-label="Frames per second"
          min={1}
          max={60}
          value={props.fps}
          onChange={(e) => props.onFps(Math.max(1, Math.min(60, Number(e.target.value) || 5)))}
          className="w-12 rounded bg-slate-800 px-1 py-0.5"
        />
        fps
      </label>
      <span className="flex-1" />
      <button type="button" className={button} onClick={props.onAttributes}>
        Attributes
      </button>
      <button type="button" className={button} onClick={props.onHelp} aria-label="Keyboard shortcuts">
        ?
      </button>
    </div>
  );
}
