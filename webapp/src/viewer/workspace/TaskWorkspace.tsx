import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";

import { api, unwrap } from "@/api/client";
import { useAuth } from "@/auth/AuthProvider";
import { CSRF_HEADER, csrfToken } from "@/api/csrf";

import { ClassificationPanel, EMPTY_CLASSIFICATION, type Classification } from "../panels/ClassificationPanel";
import { SegmentList } from "../panels/SegmentList";
import { AnnotationTools, TOOL_DEFAULTS, type AnnotationTool, type SegmentInfo } from "../tools/AnnotationTools";
import type { ShortcutAction } from "../tools/shortcuts";
import { UndoStack } from "../tools/undoStack";
import { SeriesViewer } from "../viewport/SeriesViewer";
import { ActiveTime } from "./activeTime";
import { AnnotationToolbar } from "./AnnotationToolbar";
import { ItemBar } from "./ItemBar";
import { SaveQueue, type SaveState } from "./saveQueue";

interface Draft {
  classification: Classification;
  labelmap: Record<number, Record<number, number>>;
  contours: ReturnType<AnnotationTools["contours"]>;
}

/**
 * The annotate workspace of one task: its items in order, the viewer with the
 * annotation tools, segments and classification, autosave and active time.
 * `?item=` is the position of the item on screen (deep links survive reloads).
 */
export function TaskWorkspace() {
  const taskId = Number(useParams().taskId);
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const task = useQuery({
    queryKey: ["task", taskId],
    queryFn: () => unwrap(api.GET("/api/v1/tasks/{task_id}", { params: { path: { task_id: taskId } } })),
  });
  const { user } = useAuth();
  // Opening one's own open task starts it: active time counts only while a task is in progress.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !task.data || !user || task.data.assignee_id !== user.id || task.data.status !== "open") return;
    started.current = true;
    void unwrap(api.POST("/api/v1/tasks/{task_id}/start", { params: { path: { task_id: taskId } } })).then(() =>
      queryClient.invalidateQueries({ queryKey: ["task", taskId] }),
    );
  }, [task.data, user, taskId, queryClient]);
  const requested = params.get("item");
  const item = useQuery({
    queryKey: ["task-item", taskId, requested],
    queryFn: () =>
      requested === null
        ? unwrap(api.GET("/api/v1/tasks/{task_id}/items/next", { params: { path: { task_id: taskId } } }))
        : unwrap(api.GET("/api/v1/tasks/{task_id}/items/{index}", { params: { path: { task_id: taskId, index: Number(requested) } } })),
  });
  const labels = useQuery({
    enabled: task.isSuccess,
    queryKey: ["labels", task.data?.project_id],
    queryFn: () => unwrap(api.GET("/api/v1/labels", { params: { query: { project_id: task.data!.project_id, include_retired: false } } })),
  });
  const segments: SegmentInfo[] = useMemo(
    () =>
      (labels.data ?? [])
        .filter((l) => l.kind === "segmentation")
        .map((l, i) => ({ index: i + 1, labelId: l.id, name: l.name, color: l.color })),
    [labels.data],
  );

  const undo = useMemo(() => new UndoStack(), []);
  const [, setUndoVersion] = useState(0);
  useEffect(() => undo.subscribe(() => setUndoVersion((v) => v + 1)), [undo]);
  const [tools, setTools] = useState<AnnotationTools | null>(null);
  const [tool, setTool] = useState<AnnotationTool>("view");
  const [brushSize, setBrushSize] = useState(TOOL_DEFAULTS.brushSize);
  const [classification, setClassification] = useState<Classification>(EMPTY_CLASSIFICATION);
  const classificationRef = useRef(classification);
  classificationRef.current = classification;
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [summary, setSummary] = useState<Draft | null>(null);
  const activeTime = useMemo(() => new ActiveTime(), []);
  const index = item.data?.index;

  // The save queue of the item on screen: active time goes to the workflow API with each save.
  const queue = useMemo(() => {
    if (index === undefined) return null;
    return new SaveQueue<Draft>({
      baseVersion: 0,
      takeActiveSeconds: () => activeTime.take(),
      send: async ({ activeSeconds, keepalive }) => {
        if (activeSeconds > 0) {
          const response = await fetch(`/api/v1/tasks/${taskId}/items/${index}/time`, {
            method: "POST",
            credentials: "same-origin",
            keepalive,
            headers: { "Content-Type": "application/json", ...csrfHeader() },
            body: JSON.stringify({ seconds: Math.min(3600, activeSeconds) }),
          });
          if (!response.ok) return { ok: false, conflict: response.status === 409, message: `HTTP ${response.status}` };
        }
        return { ok: true, version: 0 };
      },
    });
  }, [index, taskId, activeTime]);

  useEffect(() => {
    if (!queue) return;
    const unsubscribe = queue.subscribe(setSaveState);
    const onExit = () => queue.flushOnExit();
    window.addEventListener("pagehide", onExit);
    return () => {
      window.removeEventListener("pagehide", onExit);
      unsubscribe();
      void queue.flush().then(() => queue.dispose());
    };
  }, [queue]);

  useEffect(() => {
    const touch = () => activeTime.touch();
    for (const name of ["pointerdown", "pointermove", "keydown", "wheel"]) window.addEventListener(name, touch, { passive: true });
    return () => {
      for (const name of ["pointerdown", "pointermove", "keydown", "wheel"]) window.removeEventListener(name, touch);
    };
  }, [activeTime]);

  const toolsRef = useRef<AnnotationTools | null>(null);
  const edited = () => {
    const current = toolsRef.current;
    const draft: Draft = {
      classification: classificationRef.current,
      labelmap: current?.labelmapSummary() ?? {},
      contours: current?.contours() ?? [],
    };
    setSummary(draft);
    queue?.edit(draft);
  };
  const editedRef = useRef(edited);
  editedRef.current = edited;

  useEffect(
    () => () => {
      toolsRef.current?.destroy();
      toolsRef.current = null;
    },
    [index],
  );

  const changeClassification = (next: Classification) => {
    const before = classificationRef.current;
    setClassification(next);
    classificationRef.current = next;
    undo.push({
      label: "classification",
      undo: () => {
        setClassification(before);
        classificationRef.current = before;
        editedRef.current();
      },
      redo: () => {
        setClassification(next);
        classificationRef.current = next;
        editedRef.current();
      },
    });
    editedRef.current();
  };

  const chooseTool = (next: AnnotationTool) => {
    setTool(next);
    toolsRef.current?.setTool(next);
  };

  const goTo = (position: number | null | undefined) => {
    if (position === null || position === undefined) return;
    void queue?.flush();
    undo.clear();
    setClassification(EMPTY_CLASSIFICATION);
    setSummary(null);
    setParams({ item: String(position) });
  };

  const onShortcut = (action: ShortcutAction) => {
    switch (action) {
      case "undo":
        undo.undo();
        break;
      case "redo":
        undo.redo();
        break;
      case "toolBigger":
      case "toolSmaller":
        setBrushSize(toolsRef.current?.changeBrushSize(action === "toolBigger" ? TOOL_DEFAULTS.brushStep : -TOOL_DEFAULTS.brushStep) ?? brushSize);
        break;
      case "drawMode":
      case "brush":
        chooseTool("brush");
        break;
      case "eraseMode":
        chooseTool("eraser");
        break;
      case "polygon":
        chooseTool("polygon");
        break;
      case "spline":
        chooseTool("spline");
        break;
      case "box":
        chooseTool("box");
        break;
      case "save":
        void queue?.flush();
        break;
      case "nextItem":
        goTo(item.data?.next_index);
        break;
      case "previousItem":
        goTo(item.data?.previous_index);
        break;
    }
  };

  const refreshItem = () => {
    void queryClient.invalidateQueries({ queryKey: ["task-item", taskId] });
    void queryClient.invalidateQueries({ queryKey: ["task", taskId] });
  };

  if (task.isError || item.isError) {
    return (
      <main className="flex h-screen flex-col items-center justify-center gap-2 bg-slate-950 text-slate-100">
        <p role="alert">{String((task.error ?? item.error) as Error)}</p>
        <Link to="/" className="text-teal-300 underline">
          Back to my tasks
        </Link>
      </main>
    );
  }
  if (!task.data || !item.data || !labels.data) {
    return <main className="flex h-screen items-center justify-center bg-slate-950 text-slate-300">Loading task…</main>;
  }

  const side = (
    <aside aria-label="Task panels" className="flex w-72 flex-col overflow-auto border-l border-slate-700 bg-slate-900 text-slate-100">
      {tools && <SegmentList tools={tools} segments={segments} />}
      <ClassificationPanel labels={labels.data.filter((l) => l.kind === "classification")} value={classification} onChange={changeClassification} />
      <section aria-label="Annotations on this item" className="p-2 text-xs text-slate-300" data-testid="annotation-summary">
        <h2 className="mb-1 font-semibold uppercase text-slate-400">On this item</h2>
        <div data-testid="labelmap-summary" data-summary={JSON.stringify(summary?.labelmap ?? {})}>
          Painted slices: {Object.keys(summary?.labelmap ?? {}).length}
        </div>
        <div data-testid="contour-summary" data-summary={JSON.stringify(summary?.contours ?? [])}>
          Contours: {summary?.contours.length ?? 0}
        </div>
      </section>
    </aside>
  );

  return (
    <main className="flex h-screen flex-col bg-slate-950 text-slate-100">
      <ItemBar task={task.data} at={item.data} onGo={goTo} onChanged={refreshItem} />
      <SeriesViewer
        key={item.data.item.id}
        seriesId={item.data.item.series_id}
        mode="annotate"
        onShortcut={onShortcut}
        onReady={(controller, series) => {
          const created = new AnnotationTools(controller, segments, undo, () => editedRef.current());
          toolsRef.current = created;
          void created.attach(series.imageIds).then(() => {
            if (toolsRef.current === created) setTools(created);
            created.setTool(tool);
          });
        }}
        toolbar={
          <AnnotationToolbar
            tool={tool}
            onTool={chooseTool}
            brushSize={brushSize}
            onBrushSize={(delta) => setBrushSize(toolsRef.current?.changeBrushSize(delta) ?? brushSize)}
            canUndo={undo.canUndo}
            canRedo={undo.canRedo}
            onUndo={() => undo.undo()}
            onRedo={() => undo.redo()}
            saveState={saveState}
            onSave={() => void queue?.flush()}
            onRetry={() => void queue?.retry()}
          />
        }
        side={side}
      />
    </main>
  );
}

function csrfHeader(): Record<string, string> {
  const token = csrfToken(null);
  return token ? { [CSRF_HEADER]: token } : {};
}
