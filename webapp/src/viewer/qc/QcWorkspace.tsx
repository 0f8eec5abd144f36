import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";

import { api, unwrap, type Schemas } from "@/api/client";

import { segmentStyles } from "../modes/labelmapOverlay";
import { ModeHeader, ModeMessage } from "../modes/ModeHeader";
import { cyclePhase, phaseImageIds } from "../modes/timePoints";
import { useProjectLabels } from "../modes/useProjectLabels";
import { useActiveTime, useTaskItem } from "../modes/useTaskItem";
import { HelpOverlay } from "../panels/HelpOverlay";
import { isTypingTarget, matchShortcut } from "../tools/shortcuts";
import { loadSeries, type LoadedSeries } from "../viewport/seriesLoader";
import type { ActiveTime } from "../workspace/activeTime";
import { decisionOf, nextCase, type QcDecision } from "./qcDecisions";
import { QcDecisionPanel } from "./QcDecisionPanel";
import { QcPie } from "./QcPie";
import { QcViews } from "./QcViews";
import type { QcSegmentation, QcViewsController } from "./QcViewsController";

type Context = Schemas["QcItemContext"];
type Label = Schemas["LabelRead"];

/**
 * The QC workspace of a QC task (the CMR QC workflow): for each case, the
 * image with its segmentation, the segmentation alone and a 3D view side by
 * side on one slice; the time point (ED/ES or any) switches with T; 1-4
 * accept / reject / fine-tune / leave unclassified the time point on screen,
 * with a comment; N finishes the case and opens the next. A pie chart shows
 * the task's decisions so far.
 */
export function QcWorkspace() {
  const { taskId, task, item, goTo, refresh, allFinished } = useTaskItem();
  const activeTime = useActiveTime();
  const [, setParams] = useSearchParams();
  const index = item.data?.index;
  const context = useQuery({
    enabled: index !== undefined,
    queryKey: ["qc-item", taskId, index],
    queryFn: () => unwrap(api.GET("/api/v1/tasks/{task_id}/items/{index}/qc", { params: { path: { task_id: taskId, index: index! } } })),
  });
  const tally = useQuery({
    queryKey: ["qc-tally", taskId],
    queryFn: () => unwrap(api.GET("/api/v1/tasks/{task_id}/qc", { params: { path: { task_id: taskId } } })),
  });
  const labels = useProjectLabels(task.data?.project_id);

  if (allFinished) {
    return <ModeMessage>{task.data?.items_total ? "Every case of this task is decided." : "This task has no cases."}</ModeMessage>;
  }
  const failed = task.error ?? item.error ?? context.error ?? labels.error;
  if (failed) return <ModeMessage alert>{failed instanceof Error ? failed.message : String(failed)}</ModeMessage>;
  if (!task.data || !item.data || !context.data || !labels.data) return <ModeMessage>Loading QC…</ModeMessage>;

  const at = item.data;
  return (
    <main className="flex h-screen flex-col bg-slate-950 text-slate-100">
      <ModeHeader task={task.data} at={at} onGo={goTo} />
      <QcItem
        key={at.item.id}
        task={task.data}
        at={at}
        context={context.data}
        counts={tally.data?.counts ?? {}}
        labels={labels.data}
        activeTime={activeTime}
        onGo={goTo}
        onFinished={(next) => {
          refresh();
          if (next === null) setParams({});
          else goTo(next);
        }}
      />
    </main>
  );
}

function QcItem({
  task,
  at,
  context,
  counts,
  labels,
  activeTime,
  onGo,
  onFinished,
}: {
  task: Schemas["TaskRead"];
  at: Schemas["ItemAt"];
  context: Context;
  counts: Record<string, number>;
  labels: Label[];
  activeTime: ActiveTime;
  onGo: (index: number | null | undefined) => void;
  onFinished: (next: number | null) => void;
}) {
  const queryClient = useQueryClient();
  const phases = context.time_points.map((t) => t.phase);
  const [phase, setPhase] = useState(phases[0] ?? "");
  const [series, setSeries] = useState<LoadedSeries | null>(null);
  const [seriesError, setSeriesError] = useState<string | null>(null);
  const [opacity, setOpacity] = useState(0.5);
  const [cut, setCut] = useState(true);
  const [fps, setFps] = useState(5);
  const [help, setHelp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(context.decisions.map((d) => [d.phase, d.comment])),
  );
  const controller = useRef<QcViewsController | null>(null);
  const [, setViewState] = useState(0);

  useEffect(() => {
    let cancelled = false;
    loadSeries(at.item.series_id)
      .then((loaded) => !cancelled && setSeries(loaded))
      .catch((reason: unknown) => !cancelled && setSeriesError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      cancelled = true;
    };
  }, [at.item.series_id]);

  const imageIds = useMemo(() => (series ? phaseImageIds(series.imageIds, series.frames, phase) : []), [series, phase]);
  const onScreen = context.segmentations.find((s) => s.phase === phase) ?? null;
  const version = useQuery({
    enabled: onScreen !== null,
    queryKey: ["annotation-version", onScreen?.annotation_id, onScreen?.version],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/annotations/{annotation_id}/versions/{number}", {
          params: { path: { annotation_id: onScreen!.annotation_id, number: onScreen!.version } },
        }),
      ),
  });
  const segmentation: QcSegmentation | null = useMemo(
    () =>
      onScreen && version.data
        ? {
            annotationId: onScreen.annotation_id,
            version: onScreen.version,
            segments: segmentStyles(version.data.content.segments as { number: number; label_id: number }[] | undefined, labels),
          }
        : null,
    [onScreen, version.data, labels],
  );
  const decisions = context.decisions;
  const disabled = task.status !== "in_progress" ? `The task is ${task.status.replace("_", " ")}.` : null;

  // Decisions go out one after the other: a comment saved on leaving its field and the decision
  // clicked right after would otherwise both build on the same version, and one would be refused.
  // The key press shows at once; the stored decision replaces it when the server has it.
  const sending = useRef<Promise<void>>(Promise.resolve());
  const [pending, setPending] = useState<Record<string, QcDecision>>({});
  const decide = (decision: QcDecision, comment = comments[phase] ?? "") => {
    if (disabled) return;
    setPending((all) => ({ ...all, [phase]: decision }));
    const run = () => send(phase, decision, comment);
    sending.current = sending.current.then(run, run);
  };
  const send = async (phase: string, decision: QcDecision, comment: string) => {
    setBusy(true);
    setError(null);
    try {
      const seconds = Math.min(3600, activeTime.take());
      if (seconds > 0 && at.item.status === "pending") {
        await api.POST("/api/v1/tasks/{task_id}/items/{index}/time", { params: { path: { task_id: task.id, index: at.index } }, body: { seconds } });
      }
      await unwrap(
        api.PUT("/api/v1/tasks/{task_id}/items/{index}/qc", {
          params: { path: { task_id: task.id, index: at.index } },
          body: { phase, decision, comment, active_seconds: seconds },
        }),
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["qc-item", task.id, at.index] }),
        queryClient.invalidateQueries({ queryKey: ["qc-tally", task.id] }),
      ]);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setPending(({ [phase]: _sent, ...rest }) => rest);
      setBusy(false);
    }
  };

  const saveComment = () => {
    const current = decisions.find((d) => d.phase === phase);
    const text = comments[phase] ?? "";
    if (current && current.comment !== text) decide(current.decision, text);
  };

  const goNext = async () => {
    await sending.current;
    const decided = new Set([...decisions.map((d) => d.phase), ...Object.keys(pending)]);
    const step = nextCase(at, decided.size);
    try {
      if (step.finish) {
        await unwrap(api.POST("/api/v1/tasks/{task_id}/items/{index}/done", { params: { path: { task_id: task.id, index: at.index } } }));
      }
      onFinished(step.index);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };

  const togglePlay = () => {
    const c = controller.current;
    if (!c) return;
    if (c.playing) c.stop();
    else c.play(fps);
    setViewState((n) => n + 1);
  };

  const keys = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keys.current = (event) => {
    if (isTypingTarget(event.target)) return;
    if (event.key.toLowerCase() === "t" && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      setPhase((p) => cyclePhase(phases, p, event.shiftKey ? -1 : 1));
      return;
    }
    const action = matchShortcut(event, "qc");
    if (!action) return;
    event.preventDefault();
    const decision = decisionOf(action);
    if (decision) return decide(decision);
    const c = controller.current;
    switch (action) {
      case "qcNextCase":
        void goNext();
        break;
      case "nextItem":
        onGo(at.next_index);
        break;
      case "previousItem":
        onGo(at.previous_index);
        break;
      case "nextSlice":
        void c?.scrollBy(1);
        break;
      case "previousSlice":
        void c?.scrollBy(-1);
        break;
      case "pageForward":
        void c?.scrollBy(10);
        break;
      case "pageBackward":
        void c?.scrollBy(-10);
        break;
      case "cine":
        togglePlay();
        break;
      case "invert":
        c?.toggleInvert();
        break;
      case "reset":
        c?.reset();
        break;
      case "help":
        setHelp((v) => !v);
        break;
    }
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => keys.current(event);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const button = "rounded px-2 py-1 text-xs font-medium hover:bg-slate-700 aria-pressed:bg-teal-700";
  const playing = controller.current?.playing ?? false;
  return (
    <div className="flex min-h-0 flex-1">
      <div className="flex min-w-0 flex-1 flex-col">
        <div role="toolbar" aria-label="QC view tools" className="flex flex-wrap items-center gap-2 border-b border-slate-700 bg-slate-900 px-2 py-1 text-xs">
          <span className="text-slate-400">Time point</span>
          {context.time_points.map((t) => (
            <button key={t.phase} type="button" className={button} aria-pressed={t.phase === phase} onClick={() => setPhase(t.phase)}>
              {t.name || "Image"}
            </button>
          ))}
          {phases.length > 1 && <span className="text-slate-500">[T]</span>}
          <span className="mx-1 h-5 w-px bg-slate-700" />
          <label className="flex items-center gap-1">
            Overlay
            <input type="range" aria-label="Overlay opacity" min={0} max={1} step={0.05} value={opacity} onChange={(e) => setOpacity(Number(e.target.value))} className="w-24 accent-teal-500" />
            <span className="w-8 tabular-nums">{Math.round(opacity * 100)}%</span>
          </label>
          <button type="button" className={button} aria-pressed={playing} onClick={togglePlay}>
            {playing ? "Stop" : "Play"} [C]
          </button>
          <label className="flex items-center gap-1">
            <input
              type="number"
              aria-label="Frames per second"
              min={1}
              max={30}
              value={fps}
              onChange={(e) => setFps(Math.max(1, Math.min(30, Number(e.target.value) || 5)))}
              className="w-12 rounded bg-slate-800 px-1 py-0.5"
            />
            fps
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={cut} onChange={(e) => setCut(e.target.checked)} />
            Cut 3D at slice
          </label>
          <button type="button" className={button} onClick={() => controller.current?.reset()}>
            Reset
          </button>
          <span className="flex-1" />
          <button type="button" className={button} onClick={() => void goNext()}>
            Next case [N] →
          </button>
          <button type="button" className={button} onClick={() => setHelp((v) => !v)} aria-label="Keyboard shortcuts">
            ?
          </button>
        </div>
        <div className="relative flex min-h-0 flex-1 flex-col">
          {series ? (
            <QcViews
              imageIds={imageIds}
              phaseKey={phase}
              segmentation={segmentation}
              waiting={onScreen !== null && !version.data && !version.isError}
              opacity={opacity}
              cut={cut}
              onController={(c) => {
                controller.current = c;
                c?.subscribe(() => setViewState((n) => n + 1));
              }}
            />
          ) : (
            <p className="p-4 text-slate-400">{seriesError ?? "Loading images…"}</p>
          )}
          {controller.current && imageIds.length > 1 && (
            <input
              type="range"
              aria-label="Slice"
              min={0}
              max={imageIds.length - 1}
              value={controller.current.state().index}
              onChange={(e) => void controller.current?.scrollTo(Number(e.target.value))}
              className="w-full accent-teal-500"
            />
          )}
          {help && <HelpOverlay onClose={() => setHelp(false)} />}
        </div>
      </div>
      <aside aria-label="QC panels" className="flex w-72 flex-col overflow-auto border-l border-slate-700 bg-slate-900 text-slate-100">
        <QcDecisionPanel
          timePoints={context.time_points}
          phase={phase}
          decisions={decisions}
          pending={pending}
          comment={comments[phase] ?? ""}
          onComment={(text) => setComments((all) => ({ ...all, [phase]: text }))}
          onCommentDone={saveComment}
          onDecide={(d) => decide(d)}
          onPhase={setPhase}
          busy={busy}
          disabled={disabled}
          error={error}
        />
        <QcPie counts={counts} />
        <section aria-label="Segmentation" className="p-2 text-xs text-slate-300">
          {onScreen ? (
            <p>
              Judging labelmap {onScreen.annotation_id}, version {onScreen.version}.
            </p>
          ) : (
            <p className="text-amber-300">No segmentation stored for this time point.</p>
          )}
          <ul className="mt-1">
            {(segmentation?.segments ?? []).map((s) => (
              <li key={s.number}>
                <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />
                {s.number}: {s.name}
              </li>
            ))}
          </ul>
        </section>
      </aside>
    </div>
  );
}
