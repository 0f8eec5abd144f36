/**
 * One undo history across every tool of the workspace.
 *
 * Cornerstone keeps its own memo of brush strokes and contour edits; each of
 * those is entered here as a step that delegates to it, next to the
 * workspace's own steps (classification answers, flags, segment settings), so
 * Ctrl+Z always undoes the last thing the user did, whatever the tool.
 */
export interface UndoStep {
  label: string;
  undo: () => void;
  redo: () => void;
}

export class UndoStack {
  private done: UndoStep[] = [];
  private undone: UndoStep[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly limit = 200) {}

  /** Records a step that has just been done; anything undone before it can no longer be redone. */
  push(step: UndoStep): void {
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
    this.changed();
  }

  undo(): UndoStep | null {
    const step = this.done.pop();
    if (!step) return null;
    step.undo();
    this.undone.push(step);
    this.changed();
    return step;
  }

  redo(): UndoStep | null {
    const step = this.undone.pop();
    if (!step) return null;
    step.redo();
    this.done.push(step);
    this.changed();
    return step;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
