/**
 * The typed API client: every path, parameter and reply type comes from
 * schema.d.ts, generated from the server's OpenAPI schema.
 *
 * The browser authenticates with the httpOnly session cookie set at login;
 * state-changing requests carry the CSRF token, and a 401 anywhere sends the
 * user back to the login page.
 */
import createClient, { type Middleware } from "openapi-fetch";

import { CSRF_HEADER, csrfToken, needsCsrf } from "./csrf";
import { ApiError } from "./errors";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];

let rememberedCsrf: string | null = null;
const unauthorisedListeners = new Set<() => void>();

export function rememberCsrfToken(token: string | null): void {
  rememberedCsrf = token;
}

/** Called whenever the server says the session is gone; returns an unsubscribe function. */
export function onUnauthorised(listener: () => void): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (needsCsrf(request.method)) {
      const token = csrfToken(rememberedCsrf);
      if (token) request.headers.set(CSRF_HEADER, token);
    }
    return request;
  },
  onResponse({ response, request }) {
    const isLogin = new URL(request.url).pathname.endsWith("/auth/login");
    if (response.status === 401 && !isLogin) {
      for (const listener of unauthorisedListeners) listener();
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(sessionMiddleware);

/** The data of an openapi-fetch result, or an ApiError carrying the server's message. */
export async function unwrap<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) {
    const detail = (error as { detail?: unknown } | undefined)?.detail;
    throw new ApiError(response.status, detail);
  }
  return data as T;
}
