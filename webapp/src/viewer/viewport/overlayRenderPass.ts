/**
 * The render pass of the 2D stack viewports: vtk.js's forward pass, with the
 * translucent actors (a labelmap over the image) drawn by plain alpha
 * blending after the opaque image.
 *
 * vtk.js draws translucent actors with order-independent transparency by
 * default: per frame it clears two extra float framebuffers, draws the opaque
 * image again for depth, draws the overlay into both targets and composites
 * the result, several full-viewport passes more than the image itself. In a
 * stack viewport every actor lies in the one image plane, drawn image first,
 * so the order is known and blending gives the same picture for a fraction of
 * the fill work (the difference is most of a frame on a software rasteriser).
 */
import macro from "@kitware/vtk.js/macros";
import vtkForwardPass from "@kitware/vtk.js/Rendering/OpenGL/ForwardPass";
import vtkRenderPass from "@kitware/vtk.js/Rendering/SceneGraph/RenderPass";

interface SceneNode {
  traverse: (pass: unknown) => void;
}
interface OpenGLView {
  getContext: () => WebGL2RenderingContext;
}

/**
 * What the forward pass delegates translucent actors to: one ordinary
 * translucent traversal, as vtk.js itself does where float framebuffers are
 * missing (the mappers ask this pass for a shader replacement: none). The
 * overlay lies in the image's plane, where the depth test could reject it, so
 * it is drawn over the image whatever the depth; vtk.js's default (LEQUAL) is
 * put back for the next frame.
 */
function blendedTranslucentPass(publicAPI: Record<string, unknown> & { setCurrentOperation: (operation: string) => void }): void {
  publicAPI.getShaderReplacement = () => null;
  publicAPI.traverse = (view: OpenGLView, renderer: SceneNode) => {
    const gl = view.getContext();
    gl.depthFunc(gl.ALWAYS);
    publicAPI.setCurrentOperation("translucentPass");
    renderer.traverse(publicAPI);
    gl.depthFunc(gl.LEQUAL);
  };
}

// vtk.js objects are frozen once made: the pass is a vtk.js class of its own, extending RenderPass.
type RenderPassInitialValues = Parameters<typeof vtkRenderPass.extend>[2];
const newBlendedTranslucentPass = macro.newInstance((publicAPI: object, model: object, initialValues?: object) => {
  vtkRenderPass.extend(publicAPI, model, (initialValues ?? {}) as RenderPassInitialValues);
  blendedTranslucentPass(publicAPI as Parameters<typeof blendedTranslucentPass>[0]);
}, "vtkBlendedTranslucentPass") as () => unknown;

/** A forward pass for one viewport (passes keep framebuffer state, so none is shared). */
export function createOverlayRenderPass(): unknown {
  return vtkForwardPass.newInstance({ translucentPass: newBlendedTranslucentPass() });
}
