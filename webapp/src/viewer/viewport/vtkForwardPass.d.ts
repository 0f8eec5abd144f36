/** vtk.js ships no types for its OpenGL forward pass; only what overlayRenderPass uses. */
declare module "@kitware/vtk.js/Rendering/OpenGL/ForwardPass" {
  const vtkForwardPass: { newInstance(initialValues?: Record<string, unknown>): unknown };
  export default vtkForwardPass;
}
