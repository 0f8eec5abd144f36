/**
 * Keeps one labelmap actor per segmentation in a stack viewport while the
 * slices change.
 *
 * Cornerstone's stack labelmap code ties an actor to one labelmap image: on
 * every new slice it drops that actor, builds another (a fresh image data
 * with a copy of the slice) and asks its segmentation engine for a render of
 * its own, so each slice is drawn twice. Moving the existing actor on to the
 * new slice's labelmap image before Cornerstone looks (this listener is added
 * before any segmentation is shown, so it runs first) lets Cornerstone find
 * the actor already in place: it copies the slice into it and renders once.
 * Only the simple case is taken over (one labelmap image per slice, same
 * size); anything else is left to Cornerstone.
 *
 * A slice with nothing painted on it hides the actor: with no translucent
 * actor the renderer skips the overlay pass and the frame costs what the image
 * alone costs. Any change of the labelmap's data shows it again (unless the
 * segmentation itself is hidden).
 */
import { cache, Enums as CoreEnums, eventTarget, type StackViewport, type Types } from "@cornerstonejs/core";
import * as tools from "@cornerstonejs/tools";

import { isEmpty } from "../annotations/sliceDiff";

const { SegmentationRepresentations } = tools.Enums;

interface LabelmapImageData {
  getDimensions: () => number[];
  setOrigin: (origin: number[]) => void;
}

function labelmapRepresentations(viewport: StackViewport, segmentationId?: string) {
  return (
    tools.segmentation.state.getSegmentationRepresentations(viewport.id, {
      type: SegmentationRepresentations.Labelmap,
      ...(segmentationId ? { segmentationId } : {}),
    }) ?? []
  );
}

function labelmapActors(viewport: StackViewport, segmentationId: string): Types.ActorEntry[] {
  const prefix = `${segmentationId}-${SegmentationRepresentations.Labelmap}`;
  return viewport.getActors().filter((entry) => String(entry.representationUID ?? "").startsWith(prefix));
}

function moveLabelmapActors(viewport: StackViewport): void {
  const imageId = viewport.getCurrentImageId();
  if (!imageId) return;
  for (const { segmentationId, visible } of labelmapRepresentations(viewport)) {
    const entries = labelmapActors(viewport, segmentationId);
    // (the labelmap images of the new slice are looked up as Cornerstone does it next)
    tools.segmentation.state.updateLabelmapSegmentationImageReferences(viewport.id, segmentationId);
    const labelmapIds = tools.segmentation.getCurrentLabelmapImageIdsForViewport(viewport.id, segmentationId) ?? [];
    if (entries.length !== 1 || labelmapIds.length !== 1) continue;
    const labelmap = cache.getImage(labelmapIds[0]);
    const data = entries[0].actor.getMapper?.()?.getInputData?.() as LabelmapImageData | undefined;
    if (!labelmap || !data) continue;
    const [columns, rows] = data.getDimensions();
    if (columns !== labelmap.columns || rows !== labelmap.rows) continue;
    if (entries[0].referencedId !== labelmapIds[0]) {
      const image = cache.getImage(imageId) ?? ({ imageId } as Parameters<StackViewport["getImageDataMetadata"]>[0]);
      data.setOrigin(viewport.getImageDataMetadata(image).origin as number[]);
      entries[0].referencedId = labelmapIds[0];
    }
    entries[0].actor.setVisibility(visible !== false && !isEmpty(labelmap.voxelManager?.getScalarData() ?? [1]));
  }
}

function showChangedLabelmap(viewport: StackViewport, segmentationId: string): void {
  for (const { visible } of labelmapRepresentations(viewport, segmentationId)) {
    if (visible === false) continue;
    for (const entry of labelmapActors(viewport, segmentationId)) entry.actor.setVisibility(true);
  }
}

/** Starts following on `viewport`'s element; returns the function that stops it. */
export function followLabelmapSlices(element: HTMLDivElement, viewport: () => StackViewport): () => void {
  const onNewImage = () => moveLabelmapActors(viewport());
  const onDataModified = (event: Event) => {
    const { segmentationId } = (event as CustomEvent<{ segmentationId: string }>).detail;
    showChangedLabelmap(viewport(), segmentationId);
  };
  // Capture: at the element itself capturing listeners run before the others, so this one
  // runs ahead of Cornerstone's, which is added when the element is enabled, before this one.
  element.addEventListener(CoreEnums.Events.PRE_STACK_NEW_IMAGE, onNewImage, { capture: true });
  eventTarget.addEventListener(tools.Enums.Events.SEGMENTATION_DATA_MODIFIED, onDataModified);
  return () => {
    element.removeEventListener(CoreEnums.Events.PRE_STACK_NEW_IMAGE, onNewImage, { capture: true });
    eventTarget.removeEventListener(tools.Enums.Events.SEGMENTATION_DATA_MODIFIED, onDataModified);
  };
}
