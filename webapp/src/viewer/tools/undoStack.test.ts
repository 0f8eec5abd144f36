import { describe, expect, it } from "vitest";

import { UndoStack } from "./undoStack";

function counter() {
  const state = { value: 0 };
  const step = (delta: number) => ({
    label: `add ${delta}`,
    undo: () => (state.value -= delta),
    redo: () => (state.value += delta),
  });
  return { state, step };
}

describe("UndoStack", () => {
  it("undoes and redoes in order", () => {
    const stack = new UndoStack();
    const { state, step } = counter();
    for (const d of [1, 10, 100]) {
      state.value += d;
      stack.push(step(d));
    }
    expect(stack.undo()?.label).toBe("add 100");
    expect(stack.undo()?.label).toBe("add 10");
    expect(state.value).toBe(1);
    expect(stack.redo()?.label).toBe("add 10");
    expect(state.value).toBe(11);
  });
  it("drops the redo branch when something new is done", () => {
    const stack = new UndoStack();
    const { state, step } = counter();
    state.value += 1;
    stack.push(step(1));
    stack.undo();
    expect(stack.canRedo).toBe(true);
    state.value += 5;
    stack.push(step(5));
    expect(stack.canRedo).toBe(false);
    expect(stack.redo()).toBeNull();
    expect(state.value).toBe(5);
  });
  it("is a no-op when empty and keeps at most `limit` steps", () => {
    const stack = new UndoStack(2);
    expect(stack.undo()).toBeNull();
    const { state, step } = counter();
    for (const d of [1, 2, 3]) {
      state.value += d;
      stack.push(step(d));
    }
    stack.undo();
    stack.undo();
    expect(stack.undo()).toBeNull();
    expect(state.value).toBe(1);
  });
  it("tells subscribers about every change", () => {
    const stack = new UndoStack();
    let calls = 0;
    const unsubscribe = stack.subscribe(() => calls++);
    stack.push({ label: "x", undo: () => {}, redo: () => {} });
    stack.undo();
    stack.redo();
    unsubscribe();
    stack.clear();
    expect(calls).toBe(3);
  });
});
