/**
 * Cornerstone3D's global set-up: the rendering core, the tools library and the
 * DICOM image loader (WADO-RS through LabelStack's own /dicomweb, with the
 * session cookie, so no token ever sits in an image id).
 *
 * Runs once per page load through `once`; React StrictMode's double mount and
 * re-entering the workspace reuse the same promise.
 */
import { imageLoader, init as coreInit, volumeLoader } from "@cornerstonejs/core";
import { init as dicomImageLoaderInit } from "@cornerstonejs/dicom-image-loader";
import * as tools from "@cornerstonejs/tools";

import { once } from "@/app/once";

import { floatVolumeLoader } from "./floatVolumeLoader";
import { singleFramePart } from "./frameResponse";
import { loadWadorsImage } from "./nativeFrameLoader";

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

/** Cornerstone's settings where ours differ from its defaults. */
const CORE_CONFIG = {
  rendering: {
    // WebGL contexts each rendering engine makes up front (Cornerstone's default is 7). Every
    // engine here has one stack viewport, or MPR views that always share the first context, so
    // one is enough; each extra context costs time before the first image and GPU memory after.
    webGlContextCount: 1,
  },
  debug: {},
};

/**
 * The image loader's hook between a frame's response and its decoding: hands
 * on the frame's one part (see frameResponse). The loader reads the content
 * type from the request after this hook, so the request is made to answer
 * with the part's own type; any other response goes on untouched.
 */
function unwrapFramePart(xhr: XMLHttpRequest): Promise<ArrayBuffer> {
  const part = singleFramePart(xhr.response as ArrayBuffer, xhr.getResponseHeader("Content-Type") ?? "");
  if (part) {
    const header = xhr.getResponseHeader.bind(xhr);
    xhr.getResponseHeader = (name: string) => (name.toLowerCase() === "content-type" ? part.contentType : header(name));
  }
  return Promise.resolve(part?.body ?? (xhr.response as ArrayBuffer));
}

export function initCornerstone(): Promise<void> {
  return once("cornerstone", async () => {
    await coreInit(CORE_CONFIG);
    dicomImageLoaderInit({
      // Two decoding workers: the machine shares its cores with the page's own rendering.
      maxWebWorkers: Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1)),
      beforeProcessing: unwrapFramePart,
    });
    // Native greyscale frames are read on the page; the rest still go to the decoding workers.
    imageLoader.registerImageLoader("wadors", loadWadorsImage as never);
    // Volumes for MPR and 3D stream their slices through the same WADO-RS image loader.
    volumeLoader.registerVolumeLoader("cornerstoneStreamingImageVolume", floatVolumeLoader as never);
    volumeLoader.registerUnknownVolumeLoader(floatVolumeLoader as never);
    tools.init();
    for (const Tool of TOOL_CLASSES) tools.addTool(Tool);
    performance.mark("viewer:cornerstone-ready");
  });
}
