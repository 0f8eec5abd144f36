/**
 * The workspace's keyboard shortcuts, in one table so that the help overlay
 * and the key handler can never disagree.
 *
 * A key spec is modifiers joined with "+" before the key, e.g. "Ctrl+Shift+Z";
 * letters match case-insensitively and Shift is only significant when named
 * (except for "?", which needs Shift on most layouts).
 */
export type ShortcutAction =
  | "undo"
  | "redo"
  | "toolBigger"
  | "toolSmaller"
  | "drawMode"
  | "eraseMode"
  | "save"
  | "nextItem"
  | "previousItem"
  | "nextSlice"
  | "previousSlice"
  | "pageForward"
  | "pageBackward"
  | "invert"
  | "brush"
  | "polygon"
  | "spline"
  | "box"
  | "deleteShape"
  | "windowLevel"
  | "reset"
  | "cine"
  | "help"
  | "qcAccept"
  | "qcReject"
  | "qcFineTune"
  | "qcUnclassified"
  | "qcNextCase"
  | "reviewAccept"
  | "reviewRequestCorrection"
  | "reviewPin";

export interface Shortcut {
  keys: string[];
  action: ShortcutAction;
  description: string;
  /** Where it applies: everywhere, or only in one workspace mode. */
  mode?: "annotate" | "qc" | "review";
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ["Ctrl+Z"], action: "undo", description: "Undo" },
  { keys: ["Ctrl+Y", "Ctrl+Shift+Z"], action: "redo", description: "Redo" },
  { keys: ["Alt+="], action: "toolBigger", description: "Larger brush / tool" },
  { keys: ["Alt+-"], action: "toolSmaller", description: "Smaller brush / tool" },
  { keys: ["D"], action: "drawMode", description: "Draw mode (brush paints)", mode: "annotate" },
  { keys: ["E"], action: "eraseMode", description: "Erase mode (brush erases)", mode: "annotate" },
  { keys: ["Alt+S"], action: "save", description: "Save now" },
  { keys: ["ArrowRight"], action: "nextItem", description: "Next image of the task" },
  { keys: ["ArrowLeft"], action: "previousItem", description: "Previous image of the task" },
  { keys: ["ArrowDown"], action: "nextSlice", description: "Next slice / frame" },
  { keys: ["ArrowUp"], action: "previousSlice", description: "Previous slice / frame" },
  { keys: ["PageDown"], action: "pageForward", description: "10 slices forward" },
  { keys: ["PageUp"], action: "pageBackward", description: "10 slices back" },
  { keys: ["I"], action: "invert", description: "Invert grey levels" },
  { keys: ["B"], action: "brush", description: "Brush tool", mode: "annotate" },
  { keys: ["P"], action: "polygon", description: "Polygon tool", mode: "annotate" },
  { keys: ["S"], action: "spline", description: "Spline tool", mode: "annotate" },
  { keys: ["R"], action: "box", description: "Box (rectangle) tool", mode: "annotate" },
  { keys: ["Delete", "Backspace"], action: "deleteShape", description: "Delete the selected shape (click it first)", mode: "annotate" },
  { keys: ["W"], action: "windowLevel", description: "Window/level with the left mouse button" },
  { keys: ["Escape"], action: "reset", description: "Reset the view" },
  { keys: ["C"], action: "cine", description: "Play / stop cine" },
  { keys: ["?"], action: "help", description: "Show this help" },
  { keys: ["1"], action: "qcAccept", description: "QC: accept", mode: "qc" },
  { keys: ["2"], action: "qcReject", description: "QC: reject", mode: "qc" },
  { keys: ["3"], action: "qcFineTune", description: "QC: fine-tune", mode: "qc" },
  { keys: ["4"], action: "qcUnclassified", description: "QC: unclassified", mode: "qc" },
  { keys: ["N"], action: "qcNextCase", description: "QC: next case", mode: "qc" },
  { keys: ["A"], action: "reviewAccept", description: "Review: accept the version", mode: "review" },
  { keys: ["X"], action: "reviewRequestCorrection", description: "Review: send back for correction", mode: "review" },
  { keys: ["M"], action: "reviewPin", description: "Review: pin a comment (then click the image)", mode: "review" },
];

interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The spec of a key event, normalised like the table ("Ctrl+Shift+Z", "Alt+=", "?"). */
export function keySpec(event: KeyLike): string {
  let key = event.key;
  // Alt changes the produced character on some layouts (Alt+S gives "ß" on macOS): use the physical key.
  if (event.altKey && event.code) {
    if (event.code.startsWith("Key")) key = event.code.slice(3);
    else if (event.code === "Equal") key = "=";
    else if (event.code === "Minus") key = "-";
  }
  if (key.length === 1) key = key.toUpperCase();
  if (key === "+" && event.code === "Equal") key = "=";
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push("Ctrl");
  if (event.altKey) parts.push("Alt");
  // Shift is part of the character for punctuation ("?", "+"); only letters and named keys carry it.
  if (event.shiftKey && (/^[A-Z]$/.test(key) || key.length > 1)) parts.push("Shift");
  parts.push(key);
  return parts.join("+");
}

/** The action bound to an event in `mode`, or null. */
export function matchShortcut(event: KeyLike, mode: "annotate" | "qc" | "review" | "view"): ShortcutAction | null {
  const spec = keySpec(event);
  for (const shortcut of SHORTCUTS) {
    if (shortcut.mode && shortcut.mode !== mode) continue;
    if (shortcut.keys.includes(spec)) return shortcut.action;
  }
  return null;
}

/** Typing in a form field must not trigger viewer shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || target.isContentEditable) return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    return !["range", "checkbox", "radio", "button"].includes(type);
  }
  return tag === "SELECT";
}
