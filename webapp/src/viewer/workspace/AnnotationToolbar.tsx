import type { AnnotationTool } from "../tools/AnnotationTools";
import type { SaveState } from "./saveQueue";

const TOOLS: { id: AnnotationTool; name: string; key: string }[] = [
  { id: "view", name: "View", key: "W" },
  { id: "brush", name: "Brush", key: "B / D" },
  { id: "eraser", name: "Eraser", key: "E" },
  { id: "polygon", name: "Polygon", key: "P" },
  { id: "spline", name: "Spline", key: "S" },
  { id: "box", name: "Box", key: "R" },
];

const STATE_TEXT: Record<SaveState, string> = {
  saved: "Saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  error: "Not saved",
  conflict: "Conflict: newer version on the server",
};

export function AnnotationToolbar(props: {
  tool: AnnotationTool;
  onTool: (tool: AnnotationTool) => void;
  brushSize: number;
  onBrushSize: (delta: number) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  /** Deletes the selected shapes. */
  onDeleteShape: () => void;
  /** A polygon, spline or box is selected: "Delete shape" has something to delete. */
  shapeSelected: boolean;
  saveState: SaveState;
  onSave: () => void;
  /** MPR views (axial / sagittal / coronal) under the stack, painting the same labelmap. */
  mpr: boolean;
  onMpr: () => void;
  onRetry: () => void;
}) {
  const button = "rounded px-2 py-1 text-xs font-medium hover:bg-slate-700 aria-pressed:bg-teal-700 disabled:text-slate-500";
  return (
    <div role="toolbar" aria-label="Annotation tools" className="flex flex-wrap items-center gap-1 border-b border-slate-700 bg-slate-900 px-2 py-1 text-slate-100">
      {TOOLS.map((t) => (
        <button key={t.id} type="button" className={button} aria-pressed={props.tool === t.id} title={t.key} onClick={() => props.onTool(t.id)}>
          {t.name}
        </button>
      ))}
      <span className="mx-1 text-xs text-slate-300" data-testid="brush-size">
        Size {props.brushSize}
      </span>
      <button type="button" className={button} onClick={() => props.onBrushSize(-2)} aria-label="Smaller brush">
        −
      </button>
      <button type="button" className={button} onClick={() => props.onBrushSize(2)} aria-label="Larger brush">
        +
      </button>
      <span className="mx-1 h-5 w-px bg-slate-700" />
      <button type="button" className={button} aria-pressed={props.mpr} onClick={props.onMpr} title="Brush and eraser in axial, sagittal and coronal views">
        MPR
      </button>
      <span className="mx-1 h-5 w-px bg-slate-700" />
      <button type="button" className={button} disabled={!props.canUndo} onClick={props.onUndo}>
        Undo
      </button>
      <button type="button" className={button} disabled={!props.canRedo} onClick={props.onRedo}>
        Redo
      </button>
      <button
        type="button"
        className={button}
        disabled={!props.shapeSelected}
        onClick={props.onDeleteShape}
        title={
          props.shapeSelected
            ? "Delete / Backspace: delete the selected shape"
            : "Select a polygon, spline or box first (click its outline)"
        }
      >
        Delete shape
      </button>
      <span className="flex-1" />
      <span role="status" data-testid="save-state" data-state={props.saveState} className={`text-xs ${props.saveState === "error" || props.saveState === "conflict" ? "text-red-300" : "text-slate-300"}`}>
        {STATE_TEXT[props.saveState]}
      </span>
      {props.saveState === "error" && (
        <button type="button" className={button} onClick={props.onRetry}>
          Retry
        </button>
      )}
      <button type="button" className={button} onClick={props.onSave} title="Alt+S: save a version">
        Save
      </button>
    </div>
  );
}
