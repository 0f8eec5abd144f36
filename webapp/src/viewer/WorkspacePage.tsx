/**
 * The viewer and annotation workspace of one task (Cornerstone3D). Everything
 * the viewer registers globally goes through `once` in app/once.ts; tool
 * groups, rendering engines and segmentations are torn down on unmount.
 */
export { TaskWorkspace as WorkspacePage } from "./workspace/TaskWorkspace";
