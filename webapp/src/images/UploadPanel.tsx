import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type DragEvent } from "react";

import { errorMessage } from "@/api/errors";
import { Button } from "@/components/Button";
import { ErrorMessage } from "@/components/ErrorMessage";

import { formatBytes, percent, summarise, uploadFiles, UploadError, type UploadProgress, type UploadResult } from "./upload";

const STATUS_STYLE = { stored: "text-emerald-800", duplicate: "text-slate-600", rejected: "text-red-800" } as const;

/** DICOM files, NIfTI volumes and zips into the archive, with progress and a result per file. */
export function UploadPanel() {
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const total = files.reduce((sum, f) => sum + f.size, 0);

  function choose(list: FileList | null) {
    setFiles(list ? [...list] : []);
    setResult(null);
    setError(null);
  }

  async function start() {
    setBusy(true);
    setError(null);
    setResult(null);
    setProgress({ loaded: 0, total });
    try {
      const outcome = await uploadFiles(files, setProgress).done;
      setResult(outcome);
      setFiles([]);
      if (input.current) input.current.value = "";
      client.invalidateQueries({ queryKey: ["archive"] });
    } catch (failure) {
      setError(errorMessage(failure));
      if (failure instanceof UploadError) setResult(failure.result);
    } finally {
      setBusy(false);
    }
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files);
  }

  return (
    <section aria-labelledby="upload-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="upload-title" className="mb-2 font-medium">
        Upload images
      </h2>
      <div
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        className={`flex flex-wrap items-center gap-3 rounded border-2 border-dashed p-3 ${dragging ? "border-teal-600 bg-teal-50" : "border-slate-300"}`}
      >
        <label className="text-sm">
          <span className="mr-2">DICOM files, NIfTI volumes or zip archives (or drop them here):</span>
          <input ref={input} type="file" multiple aria-label="Files to upload" onChange={(e) => choose(e.target.files)} className="text-sm" />
        </label>
        <Button variant="primary" disabled={files.length === 0 || busy} onClick={start}>
          {busy ? "Uploading…" : `Upload ${files.length || ""} file${files.length === 1 ? "" : "s"}`}
        </Button>
        {files.length > 0 && !busy && <span className="text-xs text-slate-600">{formatBytes(total)}</span>}
      </div>
      {progress && busy && (
        <div className="mt-3">
          <div role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent(progress)} className="h-2 overflow-hidden rounded bg-slate-200">
            <div className="h-full bg-teal-600 transition-[width]" style={{ width: `${percent(progress)}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-600">
            {percent(progress)}% · {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
            {percent(progress) === 100 && " · the server is filing the images…"}
          </p>
        </div>
      )}
      {error && <div className="mt-3"><ErrorMessage>{error}</ErrorMessage></div>}
      {result && (
        <div className="mt-3" data-testid="upload-result">
          <p role="status" className="text-sm font-medium">
            Upload finished: {summarise(result)}.
          </p>
          <ul className="mt-1 max-h-48 overflow-y-auto text-sm">
            {result.items.map((item, i) => (
              <li key={`${item.name}-${i}`} className="flex gap-2 border-t border-slate-100 py-0.5">
                <span className="min-w-0 flex-1 truncate font-mono text-xs">{item.name}</span>
                <span className={STATUS_STYLE[item.status]}>{item.status}</span>
                {(item.instances ?? 1) > 1 && <span className="text-xs text-slate-500">{item.instances} instances</span>}
                {item.reason && <span className="text-xs text-slate-600">{item.reason}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
