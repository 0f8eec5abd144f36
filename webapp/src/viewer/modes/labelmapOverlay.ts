/**
 * A stored labelmap version shown read-only over one or more stack viewports
 * (review: the image with its overlay; QC: the overlay view and the
 * segmentation-alone view share one segmentation, each with its own style).
 * Filled by the annotations module's loader; released by `destroy`.
 */
import { cache, imageLoader, type Types } from "@cornerstonejs/core";
import * as tools from "@cornerstonejs/tools";

import { loadLabelmapVersion } from "../annotations/labelmapLoader";
import type { LabelmapPatch } from "../annotations/labelmapPatch";

const { SegmentationRepresentations } = tools.Enums;

export interface SegmentStyle {
  /** Segment number in the stored labelmap. */
  number: number;
  name: string;
  /** "#rrggbb" */
  color: string;
}

let counter = 0;

export function rgba(hex: string, alpha = 255): Types.Color {
  const value = /^#?([0-9a-f]{6})$/i.exec(hex)?.[1] ?? "ff0000";
  return [parseInt(value.slice(0, 2), 16), parseInt(value.slice(2, 4), 16), parseInt(value.slice(4, 6), 16), alpha];
}

/** Segment styles of a version: its `content.segments` ({number, label_id}) with the labels' names and colours. */
export function segmentStyles(
  segments: { number: number; label_id: number }[] | undefined,
  labels: { id: number; name: string; color: string }[],
): SegmentStyle[] {
  return (segments ?? []).map((s) => {
    const label = labels.find((l) => l.id === s.label_id);
    return { number: s.number, name: label?.name ?? `Segment ${s.number}`, color: label?.color ?? "#ff0000" };
  });
}

export class LabelmapOverlay {
  readonly segmentationId: string;
  readonly labelmapImageIds: string[];
  private readonly viewportIds: string[] = [];

  /** `imageIds`: the images the labelmap lies on, in the stored slice order (one time point). */
  constructor(imageIds: string[]) {
    counter += 1;
    this.segmentationId = `read-only-labelmap-${counter}`;
    this.labelmapImageIds = imageLoader.createAndCacheDerivedLabelmapImages(imageIds).map((image) => image.imageId);
    tools.segmentation.addSegmentations([
      {
        segmentationId: this.segmentationId,
        representation: { type: SegmentationRepresentations.Labelmap, data: { imageIds: this.labelmapImageIds } },
      },
    ]);
  }

  /** Shows the segmentation on a viewport, its segments in their labels' colours. */
  async show(viewportId: string, segments: SegmentStyle[], fillAlpha: number): Promise<void> {
    await tools.segmentation.addLabelmapRepresentationToViewport(viewportId, [{ segmentationId: this.segmentationId }]);
    this.viewportIds.push(viewportId);
    this.colour(viewportId, segments);
    this.setOpacity(viewportId, fillAlpha);
  }

  colour(viewportId: string, segments: SegmentStyle[]): void {
    for (const s of segments) {
      tools.segmentation.config.color.setSegmentIndexColor(viewportId, this.segmentationId, s.number, rgba(s.color));
    }
  }

  setOpacity(viewportId: string, fillAlpha: number, outline = true): void {
    tools.segmentation.config.style.setStyle(
      { viewportId, segmentationId: this.segmentationId, type: SegmentationRepresentations.Labelmap },
      { fillAlpha, fillAlphaInactive: fillAlpha, renderOutline: outline, renderOutlineInactive: outline },
    );
  }

  /** Fetches version `version` of labelmap annotation `annotationId` and puts it on screen. */
  load(annotationId: number, version: number, signal?: AbortSignal): Promise<LabelmapPatch> {
    return loadLabelmapVersion({
      annotationId,
      version,
      segmentationId: this.segmentationId,
      labelmapImageIds: this.labelmapImageIds,
      signal,
    });
  }

  destroy(): void {
    tools.segmentation.removeSegmentation(this.segmentationId);
    // The labelmap images were made for this overlay only: give their memory back.
    for (const imageId of this.labelmapImageIds) {
      if (cache.getImageLoadObject(imageId)) cache.removeImageLoadObject(imageId, { force: true });
    }
  }
}
