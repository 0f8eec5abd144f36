import { useQuery } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Link } from "react-router";

import { api, unwrap } from "@/api/client";
import { useAuth } from "@/auth/AuthProvider";

import { ClassificationPanel, EMPTY_CLASSIFICATION, type Classification } from "../panels/ClassificationPanel";
import { SegmentList } from "../panels/SegmentList";
import { AnnotationTools, TOOL_DEFAULTS, type AnnotationTool, type SegmentInfo } from "../tools/AnnotationTools";
import type { ShortcutAction } from "../tools/shortcuts";
import { UndoStack } from "../tools/undoStack";
import { prefetchSeries, type LoadedSeries } from "../viewport/seriesLoader";
import { initCornerstone } from "../viewport/initCornerstone";
import { SeriesViewer } from "../viewport/SeriesViewer";
import { VolumeViewer } from "../viewport/VolumeViewer";
import type { StackController } from "../viewport/StackController";
import { useTaskItem } from "../modes/useTaskItem";
import { AnnotationToolbar } from "./AnnotationToolbar";
import { ConflictBanner } from "./ConflictBanner";
import { ItemBar } from "./ItemBar";
import { ItemSession } from "./itemSession";
import type { SaveState } from "./saveQueue";

/** What is on the item, shown beside the viewer (and read by tests through data attributes). */
interface Summary {
  labelmap: Record<number, Record<number, number>>;
  contours: ReturnType<AnnotationTools["contours"]>;
}

type LoadState = "loading" | "ready" | { error: string };

/**
 * The annotate workspace of one task: its items in order, the viewer with the
 * annotation tools, segments and classification, autosave and active time.
 * `?item=` is the position of the item on screen (deep links survive reloads).
 */
export function TaskWorkspace() {
  const { taskId, task, item, goTo: openItem, refresh: refreshItem } = useTaskItem();
  const { user } = useAuth();
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
  const [mpr, setMpr] = useState(false);
  /** The stack's time point when the MPR was opened: the MPR opens on the same one. */
  const [mprTimePoint, setMprTimePoint] = useState<number | null>(null);
  const [shapeSelected, setShapeSelected] = useState(false);
  useEffect(() => {
    if (!tools) {
      setShapeSelected(false);
      return;
    }
    return tools.onSelectionChange(setShapeSelected);
  }, [tools]);
  const [classification, setClassification] = useState<Classification>(EMPTY_CLASSIFICATION);
  const classificationRef = useRef(classification);
  classificationRef.current = classification;
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [saveError, setSaveError] = useState("");
  const [summary, setSummary] = useState<Summary | null>(null);
  const [loadState, setLoadState] = useState<LoadState>("loading");
  const [notices, setNotices] = useState<string[]>([]);
  const [session, setSession] = useState<ItemSession | null>(null);
  const sessionRef = useRef<ItemSession | null>(null);
  const itemId = item.data?.item.id;
  const seriesId = item.data?.item.series_id;
  // The series is on its way while the labels still are (a layout effect: it runs before the viewer's own effects).
  useLayoutEffect(() => {
    if (seriesId !== undefined) prefetchSeries(seriesId);
  }, [seriesId]);
  // Cornerstone's set-up (decoders, tools) while the task and its item are on their way.
  useEffect(() => void initCornerstone(), []);
  /** The viewer of the item on screen once its first image is shown; the tools attach when the labels are in too. */
  const [shown, setShown] = useState<{ controller: StackController; series: LoadedSeries } | null>(null);
  const startedFor = useRef<typeof shown>(null);

  // The session of the item on screen: drafts on the way out when the tab closes or hides.
  useEffect(() => {
    if (!session) return;
    const unsubscribe = session.queue.subscribe((state) => {
      setSaveState(state);
      setSaveError(session.queue.error);
    });
    const onExit = () => session.exit();
    const onHidden = () => {
      if (document.visibilityState === "hidden") void session.queue.flush();
    };
    window.addEventListener("pagehide", onExit);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("pagehide", onExit);
      document.removeEventListener("visibilitychange", onHidden);
      unsubscribe();
    };
  }, [session]);

  useEffect(() => {
    if (!session) return;
    const touch = () => session.activeTime.touch();
    for (const name of ["pointerdown", "pointermove", "keydown", "wheel"]) window.addEventListener(name, touch, { passive: true });
    return () => {
      for (const name of ["pointerdown", "pointermove", "keydown", "wheel"]) window.removeEventListener(name, touch);
    };
  }, [session]);

  const toolsRef = useRef<AnnotationTools | null>(null);
  const showSummary = () => {
    const current = toolsRef.current;
    setSummary({ labelmap: current?.labelmapSummary() ?? {}, contours: current?.contours() ?? [] });
  };
  const edited = () => {
    showSummary();
    sessionRef.current?.edited();
  };
  const editedRef = useRef(edited);
  editedRef.current = edited;

  // Leaving the item (another item, another page): its last changes are read now and sent.
  useEffect(
    () => () => {
      setShown(null);
      void sessionRef.current?.leave();
      sessionRef.current = null;
      setSession(null);
      toolsRef.current?.destroy();
      toolsRef.current = null;
      setTools(null);
    },
    [itemId],
  );

  /** After the viewer shows the first image: the tools, then the stored annotations, then autosave. */
  const startItem = async (controller: StackController, series: LoadedSeries) => {
    const at = item.data!;
    const created = new AnnotationTools(controller, segments, undo, () => editedRef.current());
    toolsRef.current = created;
    await created.attach(series.imageIds, series.frames);
    if (toolsRef.current !== created) return;
    setTools(created);
    setLoadState("loading");
    const next = new ItemSession(
      {
        taskId,
        projectId: task.data!.project_id,
        itemId: at.item.id,
        userId: user?.id ?? 0,
        series,
        labels: labels.data ?? [],
        segments,
        tools: created,
        classification: () => classificationRef.current,
      },
      // Time counts on the workflow's side only for the assignee's own task.
      task.data!.assignee_id === user?.id ? at.index : null,
      setNotices,
    );
    try {
      const stored = await next.annotations.load({ promoteDrafts: true });
      if (toolsRef.current !== created) return;
      const value = stored ?? EMPTY_CLASSIFICATION;
      setClassification(value);
      classificationRef.current = value;
    } catch (reason) {
      if (toolsRef.current === created) setLoadState({ error: reason instanceof Error ? reason.message : String(reason) });
      return;
    }
    setNotices([...next.annotations.notices]);
    sessionRef.current = next;
    setSession(next);
    setSaveState("saved");
    setLoadState("ready");
    showSummary();
    // Drawing starts only once the stored work is on screen.
    created.setTool(toolRef.current);
  };

  useEffect(() => {
    if (!shown || !labels.data || startedFor.current === shown) return;
    startedFor.current = shown;
    void startItem(shown.controller, shown.series);
    // startItem reads the labels and the task of this render; it runs once per shown viewer.
  }, [shown, labels.data]);

  const reloadLatest = async () => {
    const current = sessionRef.current;
    if (!current) return;
    setLoadState("loading");
    try {
      const stored = await current.annotations.reload();
      const value = stored ?? EMPTY_CLASSIFICATION;
      setClassification(value);
      classificationRef.current = value;
      undo.clear();
      current.queue.rebase(0);
      setLoadState("ready");
      showSummary();
    } catch (reason) {
      // (an item left meanwhile has its own state)
      if (sessionRef.current === current) setLoadState({ error: reason instanceof Error ? reason.message : String(reason) });
    }
  };

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

  const toolRef = useRef(tool);
  toolRef.current = tool;
  const chooseTool = (next: AnnotationTool) => {
    setTool(next);
    toolRef.current = next;
    if (loadState === "ready") toolsRef.current?.setTool(next);
  };
  const saveVersion = () => sessionRef.current?.saveVersion() ?? Promise.resolve();

  const goTo = (position: number | null | undefined) => {
    if (position === null || position === undefined) return;
    void sessionRef.current?.leave();
    undo.clear();
    setClassification(EMPTY_CLASSIFICATION);
    setSummary(null);
    openItem(position);
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
      case "deleteShape":
        toolsRef.current?.deleteSelectedShapes();
        break;
      case "save":
        void saveVersion();
        break;
      case "nextItem":
        goTo(item.data?.next_index);
        break;
      case "previousItem":
        goTo(item.data?.previous_index);
        break;
    }
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
  // The viewer does not wait for the labels: only the annotation tools need them.
  if (!task.data || !item.data) {
    return <main className="flex h-screen items-center justify-center bg-slate-950 text-slate-300">Loading task…</main>;
  }

  const side = (
    <aside aria-label="Task panels" className="flex w-72 flex-col overflow-auto border-l border-slate-700 bg-slate-900 text-slate-100">
      {tools && <SegmentList tools={tools} segments={segments} />}
      {labels.data ? (
        <ClassificationPanel labels={labels.data.filter((l) => l.kind === "classification")} value={classification} onChange={changeClassification} />
      ) : (
        <p className="p-2 text-xs text-slate-400">Loading labels…</p>
      )}
      <section aria-label="Annotations on this item" className="p-2 text-xs text-slate-300" data-testid="annotation-summary">
        <h2 className="mb-1 font-semibold uppercase text-slate-400">On this item</h2>
        <div data-testid="load-state" data-state={typeof loadState === "string" ? loadState : "error"}>
          {loadState === "loading" ? "Loading annotations…" : null}
        </div>
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
      <ItemBar task={task.data} at={item.data} onGo={goTo} onChanged={refreshItem} beforeDone={saveVersion} />
      {saveState === "conflict" && <ConflictBanner message={saveError} onReload={() => void reloadLatest()} />}
      {loadState !== "ready" && loadState !== "loading" && (
        <p role="alert" className="bg-red-950 px-3 py-1 text-sm text-red-200">
          Could not load this item's annotations: {loadState.error}
        </p>
      )}
      {notices.map((notice) => (
        <p key={notice} role="note" className="bg-amber-950 px-3 py-1 text-xs text-amber-200">
          {notice}
        </p>
      ))}
      <SeriesViewer
        key={item.data.item.id}
        seriesId={item.data.item.series_id}
        mode="annotate"
        onShortcut={onShortcut}
        onReady={(controller, series) => setShown({ controller, series })}
        onViewingTool={() => {
          toolsRef.current?.releaseLeftButton();
          setTool("view");
          toolRef.current = "view";
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
            onDeleteShape={() => toolsRef.current?.deleteSelectedShapes()}
            shapeSelected={shapeSelected}
            saveState={saveState}
            onSave={() => void saveVersion()}
            onRetry={() => void sessionRef.current?.queue.retry()}
            mpr={mpr}
            onMpr={() => {
              if (!mpr && shown) setMprTimePoint(shown.series.frames[shown.controller.state().imageIndex]?.temporalPosition ?? null);
              setMpr(!mpr);
            }}
          />
        }
        side={side}
      />
      {mpr && tools && loadState === "ready" && (
        <div className="flex h-[42%] min-h-0 border-t border-slate-700" data-testid="annotate-mpr">
          <VolumeViewer
            key={item.data.item.id}
            seriesId={item.data.item.series_id}
            views={3}
            with3d={false}
            initialTimePoint={mprTimePoint}
            labelmap={{
              segmentationFor: tools.segmentationFor,
              brush: tool === "brush" || tool === "eraser" ? tool : null,
              brushSize,
              onEdit: () => tools.recordStep(tool),
            }}
          />
        </div>
      )}
    </main>
  );
}

