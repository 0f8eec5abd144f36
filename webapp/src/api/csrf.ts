/** The CSRF token the server hands out at login, echoed on every state-changing request. */

export const CSRF_COOKIE = "labelstack_csrf";
export const CSRF_HEADER = "X-CSRF-Token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The value of cookie `name` in a `document.cookie` string, or null. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export function needsCsrf(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The token to send: the cookie (fresh after a login in another tab) or the one remembered from login. */
export function csrfToken(remembered: string | null): string | null {
  const fromCookie = typeof document === "undefined" ? null : readCookie(document.cookie, CSRF_COOKIE);
  return fromCookie ?? remembered;
}

/** Drop the token cookie of a session the server has ended, so a reload does not ask about it. */
export function dropCsrfCookie(): void {
  if (typeof document !== "undefined") {
    document.cookie = `${CSRF_COOKIE}=; Max-Age=0; Path=/; SameSite=Strict`;
  }
}
