/**
 * Uploading files to the archive with progress: fetch cannot report upload
 * progress, so this uses XMLHttpRequest, with the same session cookie and
 * CSRF header as every other call.
 */
import { CSRF_HEADER, csrfToken } from "@/api/csrf";
import type { Schemas } from "@/api/client";
import { ApiError } from "@/api/errors";

export type UploadResult = Schemas["UploadResult"];
export type UploadItem = Schemas["UploadItemRead"];

export interface UploadProgress {
  loaded: number;
  total: number;
}

export function uploadFiles(
  files: readonly File[],
  onProgress: (progress: UploadProgress) => void,
  csrf: string | null = csrfToken(null),
): { done: Promise<UploadResult>; abort(): void } {
  const xhr = new XMLHttpRequest();
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  const done = new Promise<UploadResult>((resolve, reject) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadResult);
      else reject(new UploadError(xhr.status, (body as { detail?: unknown } | null)?.detail));
    };
    xhr.onerror = () => reject(new UploadError(0, undefined));
    xhr.onabort = () => reject(new UploadError(0, "the upload was cancelled"));
  });
  xhr.open("POST", "/api/v1/uploads");
  xhr.withCredentials = true;
  if (csrf) xhr.setRequestHeader(CSRF_HEADER, csrf);
  xhr.send(form);
  return { done, abort: () => xhr.abort() };
}

/** A refused upload; when no file was accepted the server still lists why for each file. */
export class UploadError extends ApiError {
  get result(): UploadResult | null {
    const detail = this.detail as Partial<UploadResult> | undefined;
    return detail && Array.isArray(detail.items) ? (detail as UploadResult) : null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** "3 stored, 1 duplicate, 2 rejected" (only the parts that are not zero). */
export function summarise(result: Pick<UploadResult, "stored" | "duplicates" | "rejected">): string {
  const parts = [
    [result.stored, "stored"],
    [result.duplicates, result.duplicates === 1 ? "duplicate" : "duplicates"],
    [result.rejected, "rejected"],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, word]) => `${n} ${word}`);
  return said.length ? said.join(", ") : "nothing uploaded";
}

export function percent(progress: UploadProgress | null): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.min(100, Math.round((progress.loaded / progress.total) * 100));
}

/** Bytes as KB / MB / GB with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
