import type { ViewState } from "./StackController";
import { dicomValue, type DicomJson, type LoadedSeries } from "./seriesLoader";

function personName(value: unknown): string {
  if (value && typeof value === "object" && "Alphabetic" in value) return String((value as { Alphabetic: string }).Alphabetic);
  return value == null ? "" : String(value);
}

function text(dataset: DicomJson | undefined, tag: string): string {
  const value = dicomValue(dataset, tag);
  return value == null ? "" : String(value);
}

/**
 * Each corner is a compositing layer of its own (will-change). The texts lie over the WebGL
 * canvas, so the browser must composite them; left to itself it merges the corners, with
 * Cornerstone's SVG layer beneath them, into one transparent layer the size of the viewport,
 * blended over the image on every slice. As four small layers, only the corner that changes
 * with the slice is painted again, and the blend covers four small boxes: on a software
 * rasteriser, about a tenth of a slice's frame time.
 */
const CORNER = "absolute will-change-transform";

/** The four corner texts of a radiology viewport: who, which study, which series, where and how it is shown. */
export function ViewportOverlay({ series, state }: { series: LoadedSeries; state: ViewState }) {
  const frame = series.frames[state.imageIndex];
  const dataset = frame ? series.metadata.get(frame.instance.sop_instance_uid) : undefined;
  const position = frame?.instance.image_position;
  const sliceLocation = frame?.instance.slice_location;
  return (
    <div className="pointer-events-none absolute inset-0 select-none p-2 font-mono text-xs text-slate-100 [text-shadow:0_0_3px_#000]">
      <div className={`${CORNER} left-2 top-2`} data-testid="overlay-patient">
        <div>{personName(dicomValue(dataset, "00100010")) || series.detail.patient_name}</div>
        <div>{series.detail.patient_id}</div>
        <div>{text(dataset, "00100040")} {text(dataset, "00101010")}</div>
      </div>
      <div className={`${CORNER} right-2 top-2 text-right`} data-testid="overlay-study">
        <div>{series.detail.study_description}</div>
        <div>{series.detail.study_date ?? ""}</div>
        <div>
          {series.detail.modality} #{series.detail.series_number ?? "—"} {series.detail.description}
        </div>
      </div>
      <div className={`${CORNER} bottom-2 left-2`} data-testid="overlay-slice">
        <div>
          Image {state.imageIndex + 1} / {state.imageCount}
          {frame && frame.instance.number_of_frames > 1 ? ` (frame ${frame.frame})` : ""}
          {frame?.temporalPosition != null ? ` · t${frame.temporalPosition}` : ""}
        </div>
        {sliceLocation != null && <div>Loc {sliceLocation.toFixed(2)} mm</div>}
        {position && <div>Pos {position.map((p) => p.toFixed(1)).join(", ")}</div>}
        {state.loaded < state.imageCount && <div className="text-amber-300">Loaded {state.loaded} / {state.imageCount}</div>}
      </div>
      <div className={`${CORNER} bottom-2 right-2 text-right`} data-testid="overlay-view">
        <div>
          W {state.windowWidth != null ? Math.round(state.windowWidth) : "—"} L{" "}
          {state.windowCenter != null ? Math.round(state.windowCenter) : "—"}
        </div>
        <div>Zoom {(state.zoom * 100).toFixed(0)}%</div>
        {(state.invert || state.rotation || state.flipHorizontal || state.flipVertical) && (
          <div>
            {state.invert ? "Inverted " : ""}
            {state.rotation ? `Rot ${state.rotation}° ` : ""}
            {state.flipHorizontal ? "FlipH " : ""}
            {state.flipVertical ? "FlipV" : ""}
          </div>
        )}
      </div>
    </div>
  );
}
