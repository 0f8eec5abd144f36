/**
 * The calls the workspace makes to the annotations API. Reads go through the
 * typed client; saves use `fetch` directly because they are `keepalive` (a
 * save in flight while the tab closes still arrives) and may carry a binary
 * labelmap patch.
 * A save never throws for an HTTP error: it returns the status and the
 * server's message, so the autosave can tell a conflict (409) from a failure.
 */
import { api, unwrap, type Schemas } from "@/api/client";
import { CSRF_HEADER, csrfToken } from "@/api/csrf";

import { PATCH_MEDIA_TYPE } from "./labelmapPatch";

export type AnnotationRead = Schemas["AnnotationRead"];
export type AnnotationCreate = Schemas["AnnotationCreate"];
export type VersionRead = Schemas["VersionRead"];
export type DraftRead = Schemas["DraftRead"];
export type DraftSave = Schemas["DraftSave"];
export type Withdrawal = Schemas["Withdrawal"];

export type Outcome<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

const BASE = "/api/v1/annotations";
const KEEPALIVE_LIMIT = 60_000;

/** The annotations made for one item of a task (all kinds), oldest first. */
export async function listItemAnnotations(taskId: number, seriesId: number, itemId: number): Promise<AnnotationRead[]> {
  const page = await unwrap(
    api.GET("/api/v1/annotations", { params: { query: { task_id: taskId, series_id: seriesId, limit: 1000 } } }),
  );
  return page.items.filter((a) => a.task_item_id === itemId);
}

export function getVersion(annotationId: number, number: number): Promise<VersionRead> {
  return unwrap(
    api.GET("/api/v1/annotations/{annotation_id}/versions/{number}", { params: { path: { annotation_id: annotationId, number } } }),
  );
}

export function createAnnotation(body: AnnotationCreate): Promise<Outcome<AnnotationRead>> {
  return request("POST", BASE, { json: body });
}

/** Replaces the caller's draft (content in the JSON form). */
export function putDraft(annotationId: number, body: DraftSave): Promise<Outcome<DraftRead>> {
  return request("PUT", `${BASE}/${annotationId}/draft`, { json: body });
}

/** Updates the caller's labelmap draft with a binary patch of the slices changed since the previous draft. */
export function putLabelmapDraft(
  annotationId: number,
  patch: Uint8Array<ArrayBuffer>,
  meta: { baseVersion: number; activeSeconds: number; tool: string },
): Promise<Outcome<DraftRead>> {
  const query = new URLSearchParams({
    base_version: String(meta.baseVersion),
    active_seconds: String(Math.min(86_400, Math.max(0, meta.activeSeconds))),
    tool: meta.tool,
  });
  return request("PUT", `${BASE}/${annotationId}/draft/labelmap?${query}`, { binary: patch });
}

/** Explicit save: the caller's draft becomes a version (404: there is no draft). */
export function promoteDraft(annotationId: number): Promise<Outcome<VersionRead>> {
  return request("POST", `${BASE}/${annotationId}/draft/promote`, {});
}

/** The annotation was removed from the image: withdrawn on the server as a new version (409 if `base_version` is stale). */
export function withdrawAnnotation(annotationId: number, body: Withdrawal): Promise<Outcome<AnnotationRead>> {
  return request("POST", `${BASE}/${annotationId}/withdraw`, { json: body });
}

/** Undo of a removal: the withdrawn annotation is back, as a new version. */
export function reinstateAnnotation(annotationId: number, baseVersion: number): Promise<Outcome<AnnotationRead>> {
  return request("POST", `${BASE}/${annotationId}/reinstate`, { json: { base_version: baseVersion } });
}

async function request<T>(
  method: string,
  url: string,
  options: { json?: unknown; binary?: Uint8Array<ArrayBuffer> },
): Promise<Outcome<T>> {
  const headers: Record<string, string> = {};
  const token = csrfToken(null);
  if (token) headers[CSRF_HEADER] = token;
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = new TextEncoder().encode(JSON.stringify(options.json));
  } else if (options.binary) {
    headers["Content-Type"] = PATCH_MEDIA_TYPE;
    body = options.binary;
  }
  // Small saves are always keepalive: one in flight when the tab closes still reaches the server.
  // Browsers cap keepalive bodies (64 KiB in flight); a bigger save goes as a plain request.
  const keepalive = (body?.byteLength ?? 0) < KEEPALIVE_LIMIT;
  let response: Response;
  try {
    response = await fetch(url, { method, body, headers, credentials: "same-origin", keepalive });
  } catch (error) {
    return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) };
  }
  if (response.ok) return { ok: true, data: (await response.json()) as T };
  let message = `HTTP ${response.status}`;
  try {
    const detail = ((await response.json()) as { detail?: unknown }).detail;
    if (typeof detail === "string") message = detail;
    else if (detail && typeof detail === "object" && "message" in detail) message = String((detail as { message: unknown }).message);
  } catch {
    // not JSON: keep the status
  }
  return { ok: false, status: response.status, message };
}
