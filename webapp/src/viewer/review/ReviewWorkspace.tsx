import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";

import { api, unwrap, type Schemas } from "@/api/client";

import { LabelmapOverlay, segmentStyles } from "../modes/labelmapOverlay";
import { ModeHeader, ModeMessage } from "../modes/ModeHeader";
import { phaseImageIds, phaseImageIndices } from "../modes/timePoints";
import { useProjectLabels } from "../modes/useProjectLabels";
import { useActiveTime, useTaskItem } from "../modes/useTaskItem";
import type { ShortcutAction } from "../tools/shortcuts";
import { ImageOverlay } from "../viewport/ImageOverlay";
import { SeriesViewer } from "../viewport/SeriesViewer";
import type { LoadedSeries } from "../viewport/seriesLoader";
import type { StackController } from "../viewport/StackController";
import type { ActiveTime } from "../workspace/activeTime";
import { DecisionPanel, type ReviewOutcome } from "./DecisionPanel";
import { HistoryPanel } from "./HistoryPanel";
import { contentShapes, firstPaintedSlice, imageIndexOf, pinShapes, type Pin } from "./reviewShapes";
import { VersionPanel } from "./VersionPanel";

type Screen = Schemas["ReviewContextRead"];
type Label = Schemas["LabelRead"];

/**
 * The review workspace of a review task: each item is one annotation version,
 * shown read-only on its image with the annotation's history; the reviewer
 * accepts it, requests a correction or comments (comments may be pinned to a
 * place on the image). Accept and request correction move on to the next
 * item still to review.
 */
export function ReviewWorkspace() {
  const { taskId, task, item, goTo, refresh, allFinished } = useTaskItem();
  const activeTime = useActiveTime();
  const [, setParams] = useSearchParams();
  const index = item.data?.index;
  const screen = useQuery({
    enabled: index !== undefined,
    queryKey: ["review-screen", taskId, index],
    queryFn: () => unwrap(api.GET("/api/v1/reviews/tasks/{task_id}/items/{index}", { params: { path: { task_id: taskId, index: index! } } })),
  });
  const labels = useProjectLabels(task.data?.project_id);

  if (allFinished) {
    return <ModeMessage>{task.data?.items_total ? "Every item of this task is reviewed." : "This task has no items."}</ModeMessage>;
  }
  const failed = task.error ?? item.error ?? screen.error ?? labels.error;
  if (failed) return <ModeMessage alert>{String(failed instanceof Error ? failed.message : failed)}</ModeMessage>;
  if (!task.data || !item.data || !screen.data || !labels.data) return <ModeMessage>Loading review…</ModeMessage>;

  const at = item.data;
  const onDecided = () => {
    refresh();
    const next = at.next_pending_index;
    if (next != null && next !== at.index) goTo(next);
    else setParams({});
  };
  return (
    <main className="flex h-screen flex-col bg-slate-950 text-slate-100">
      <ModeHeader task={task.data} at={at} onGo={goTo} />
      <ReviewItem
        key={at.item.id}
        task={task.data}
        at={at}
        screen={screen.data}
        labels={labels.data}
        activeTime={activeTime}
        onGo={goTo}
        onDecided={onDecided}
      />
    </main>
  );
}

function ReviewItem({
  task,
  at,
  screen,
  labels,
  activeTime,
  onGo,
  onDecided,
}: {
  task: Schemas["TaskRead"];
  at: Schemas["ItemAt"];
  screen: Screen;
  labels: Label[];
  activeTime: ActiveTime;
  onGo: (index: number | null | undefined) => void;
  onDecided: () => void;
}) {
  const queryClient = useQueryClient();
  const { annotation } = screen;
  const [viewer, setViewer] = useState<{ controller: StackController; series: LoadedSeries } | null>(null);
  const [shown, setShown] = useState(screen.version.number);
  const [comment, setComment] = useState("");
  const [pins, setPins] = useState<Pin[]>([]);
  const [pinning, setPinning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [labelmap, setLabelmap] = useState<{ version: number; slices: number } | null>(null);
  const label = labels.find((l) => l.id === annotation.label_id);
  const color = label?.color ?? "#22d3ee";

  // The content of the version on screen (an older one when picked in the history).
  const shownVersion = useQuery({
    queryKey: ["annotation-version", annotation.id, shown],
    initialData: shown === screen.version.number ? screen.version : undefined,
    queryFn: () =>
      unwrap(api.GET("/api/v1/annotations/{annotation_id}/versions/{number}", { params: { path: { annotation_id: annotation.id, number: shown } } })),
  });
  const content = (shownVersion.data?.content ?? {}) as Record<string, unknown>;

  const sliceImages = useMemo(() => (viewer ? phaseImageIndices(viewer.series.frames, annotation.phase) : []), [viewer, annotation.phase]);
  const shapeImage = viewer ? imageIndexOf(viewer.series.frames, annotation.instance_id, Number(content.frame ?? 0)) : -1;

  // A labelmap version goes into a read-only segmentation over the image; the view opens on its first painted slice.
  useEffect(() => {
    if (!viewer || annotation.kind !== "labelmap") return;
    const { controller, series } = viewer;
    const overlay = new LabelmapOverlay(phaseImageIds(series.imageIds, series.frames, annotation.phase));
    const abort = new AbortController();
    let cancelled = false;
    const styles = segmentStyles(screen.version.content.segments as { number: number; label_id: number }[] | undefined, labels);
    (async () => {
      await overlay.show(controller.viewportId, styles, 0.45);
      const patch = await overlay.load(annotation.id, shown, abort.signal);
      if (cancelled) return;
      setLabelmap({ version: shown, slices: patch.slices.size });
      const first = firstPaintedSlice(patch.slices);
      if (first !== null) await controller.scrollTo(sliceImages[first] ?? first);
      controller.viewport.render();
    })().catch((reason: unknown) => {
      if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
    });
    return () => {
      cancelled = true;
      abort.abort();
      overlay.destroy();
    };
  }, [viewer, annotation.id, annotation.kind, annotation.phase, shown, screen.version.content, labels, sliceImages]);

  // Boxes and contours: open on their image.
  useEffect(() => {
    if (viewer && shapeImage >= 0) void viewer.controller.scrollTo(shapeImage);
  }, [viewer, shapeImage]);

  const shapes = [
    ...contentShapes(content, annotation.kind, shapeImage, color),
    ...screen.reviews.flatMap((r) => pinShapes(r.comments ?? [], sliceImages, `R${r.number}.`, "#f59e0b")),
    ...pinShapes(pins, sliceImages, "P", "#f43f5e"),
  ];

  const decide = async (outcome: ReviewOutcome) => {
    if (pins.some((p) => !p.text.trim())) {
      setError("Write what each pinned comment is about.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const seconds = Math.min(3600, activeTime.take());
      if (seconds > 0) {
        // Time on a finished item is refused; the review itself still counts.
        await api.POST("/api/v1/tasks/{task_id}/items/{index}/time", { params: { path: { task_id: task.id, index: at.index } }, body: { seconds } });
      }
      await unwrap(api.POST("/api/v1/reviews", { body: { task_item_id: at.item.id, outcome, comment, comments: pins } }));
      setComment("");
      setPins([]);
      if (outcome === "comment") await queryClient.invalidateQueries({ queryKey: ["review-screen", task.id, at.index] });
      else onDecided();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };

  const disabled =
    task.status !== "in_progress"
      ? `The task is ${task.status.replace("_", " ")}.`
      : at.item.status !== "pending"
        ? `This item is ${at.item.status}: its review is in the history.`
        : null;

  const onShortcut = (action: ShortcutAction) => {
    if (action === "nextItem") onGo(at.next_index);
    if (action === "previousItem") onGo(at.previous_index);
    // The same rules as the buttons: nothing while a decision is in flight or the item is closed.
    const blocked = busy || disabled !== null;
    if (action === "reviewAccept" && !blocked) void decide("accept");
    if (action === "reviewRequestCorrection" && !blocked) void decide("request_correction");
    if (action === "reviewPin" && !blocked) {
      setPinning(true);
      viewer?.controller.setPrimaryTool(null);
    }
  };

  const side = (
    <aside aria-label="Review panels" className="flex w-80 flex-col overflow-auto border-l border-slate-700 bg-slate-900 text-slate-100">
      <VersionPanel screen={screen} labels={labels} />
      {annotation.kind === "labelmap" && (
        <p className="border-b border-slate-700 p-2 text-xs text-slate-400" data-testid="review-labelmap" data-version={labelmap?.version ?? ""} data-slices={labelmap?.slices ?? ""}>
          {labelmap ? `Showing version ${labelmap.version}: ${labelmap.slices} painted slice(s)` : "Loading the labelmap…"}
        </p>
      )}
      <HistoryPanel screen={screen} shown={shown} onShow={setShown} />
      <DecisionPanel
        comment={comment}
        onComment={setComment}
        pins={pins}
        onPins={setPins}
        pinning={pinning}
        onPinning={(on) => {
          setPinning(on);
          viewer?.controller.setPrimaryTool(on ? null : "WindowLevel");
        }}
        busy={busy}
        disabled={disabled}
        error={error}
        onDecide={(outcome) => void decide(outcome)}
      />
    </aside>
  );

  return (
    <SeriesViewer
      seriesId={at.item.series_id}
      mode="review"
      onShortcut={onShortcut}
      onReady={(controller, series) => setViewer({ controller, series })}
      onViewingTool={() => setPinning(false)}
      overlay={
        viewer && (
          <ImageOverlay
            viewport={viewer.controller.viewport}
            shapes={shapes}
            onPick={
              pinning
                ? ({ imageIndex, x, y }) => {
                    const slice = sliceImages.indexOf(imageIndex);
                    if (slice < 0) return;
                    setPins((list) => [...list, { text: "", slice_index: slice, x, y }]);
                    setPinning(false);
                    viewer.controller.setPrimaryTool("WindowLevel");
                  }
                : undefined
            }
          />
        )
      }
      side={side}
    />
  );
}
