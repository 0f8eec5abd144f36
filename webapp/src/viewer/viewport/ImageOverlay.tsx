import { Enums as CoreEnums, utilities, type StackViewport, type Types } from "@cornerstonejs/core";
import { useEffect, useState, type MouseEvent } from "react";

/** Something drawn on one image of a stack, in image coordinates (pixel corners on integers). */
export interface OverlayShape {
  key: string;
  /** Index of the image in the viewport's stack. */
  imageIndex: number;
  kind: "polyline" | "pin";
  points: [number, number][];
  closed?: boolean;
  color: string;
  label?: string;
}

/**
 * Read-only shapes and pinned comments drawn as SVG over a stack viewport,
 * re-projected whenever the image, camera or size changes. With `onPick`,
 * a click on the image gives its image coordinates (e.g. to pin a comment)
 * instead of reaching the viewing tools.
 */
export function ImageOverlay({
  viewport,
  shapes,
  onPick,
}: {
  viewport: StackViewport | null;
  shapes: OverlayShape[];
  onPick?: (point: { imageIndex: number; x: number; y: number }) => void;
}) {
  const [, setFrame] = useState(0);
  useEffect(() => {
    const element = viewport?.element;
    if (!element) return;
    const redraw = () => setFrame((n) => n + 1);
    const events = [CoreEnums.Events.IMAGE_RENDERED, CoreEnums.Events.CAMERA_MODIFIED, CoreEnums.Events.STACK_NEW_IMAGE];
    for (const name of events) element.addEventListener(name, redraw);
    return () => {
      for (const name of events) element.removeEventListener(name, redraw);
    };
  }, [viewport]);

  if (!viewport || viewport.getImageIds().length === 0) return null;
  const index = viewport.getCurrentImageIdIndex();
  const imageId = viewport.getImageIds()[index];
  const toCanvas = ([x, y]: [number, number]) => viewport.worldToCanvas(utilities.imageToWorldCoords(imageId, [x, y]) as Types.Point3);
  const visible = shapes.filter((s) => s.imageIndex === index);

  const pick = (event: MouseEvent<HTMLDivElement>) => {
    if (!onPick) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const world = viewport.canvasToWorld([event.clientX - rect.left, event.clientY - rect.top]);
    const ij = utilities.worldToImageCoords(imageId, world);
    if (!ij) return;
    onPick({ imageIndex: index, x: Math.round(ij[0] * 10) / 10, y: Math.round(ij[1] * 10) / 10 });
  };

  return (
    <div
      className={`absolute inset-0 ${onPick ? "cursor-crosshair" : "pointer-events-none"}`}
      data-testid="image-overlay"
      data-shapes={visible.length}
      onClick={pick}
    >
      <svg className="h-full w-full overflow-visible">
        {visible.map((shape) => {
          const canvas = shape.points.map(toCanvas);
          if (shape.kind === "pin") {
            const [cx, cy] = canvas[0];
            return (
              <g key={shape.key} data-testid="pin">
                <circle cx={cx} cy={cy} r={7} fill={shape.color} stroke="white" strokeWidth={2} />
                {shape.label && (
                  <text x={cx + 10} y={cy + 4} fill="white" fontSize={12} stroke="black" strokeWidth={3} paintOrder="stroke">
                    {shape.label}
                  </text>
                )}
              </g>
            );
          }
          const path = canvas.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
          return <path key={shape.key} d={path + (shape.closed ? " Z" : "")} fill="none" stroke={shape.color} strokeWidth={2} />;
        })}
      </svg>
    </div>
  );
}
