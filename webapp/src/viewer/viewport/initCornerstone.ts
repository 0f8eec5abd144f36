/**
 * Cornerstone3D's global set-up: the rendering core, the tools library and the
 * DICOM image loader (WADO-RS through LabelStack's own /dicomweb, with the
 * session cookie, so no token ever sits in an image id).
 *
 * Runs once per page load through `once`; React StrictMode's double mount and
 * re-entering the workspace reuse the same promise.
 */
import { cornerstoneStreamingImageVolumeLoader, init as coreInit, volumeLoader } from "@cornerstonejs/core";
import { init as dicomImageLoaderInit } from "@cornerstonejs/dicom-image-loader";
import * as tools from "@cornerstonejs/tools";

import { once } from "@/app/once";

/** Tools every viewport may use; a tool group picks which are active. */
const TOOL_CLASSES = [
  tools.WindowLevelTool,
  tools.PanTool,
  tools.ZoomTool,
  tools.StackScrollTool,
  tools.CrosshairsTool,
  tools.TrackballRotateTool,
  tools.BrushTool,
  tools.PlanarFreehandROITool,
  tools.SplineROITool,
  tools.RectangleROITool,
];

export function initCornerstone(): Promise<void> {
  return once("cornerstone", async () => {
    await coreInit();
    dicomImageLoaderInit({
      // Two decoding workers: the machine shares its cores with the page's own rendering.
      maxWebWorkers: Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1)),
    });
    // Volumes for MPR and 3D stream their slices through the same WADO-RS image loader.
    volumeLoader.registerVolumeLoader("cornerstoneStreamingImageVolume", cornerstoneStreamingImageVolumeLoader as never);
    volumeLoader.registerUnknownVolumeLoader(cornerstoneStreamingImageVolumeLoader as never);
    tools.init();
    for (const Tool of TOOL_CLASSES) tools.addTool(Tool);
  });
}
