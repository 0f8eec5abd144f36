/** Turning API error replies into sentences people can read. */

/** One FastAPI validation problem (a 422 reply lists them). */
interface ValidationProblem {
  loc?: (string | number)[];
  msg?: string;
}

/** An HTTP error from the LabelStack API, with the server's `detail` made readable. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: unknown;

  constructor(status: number, detail: unknown) {
    super(describeDetail(status, detail));
    this.name = "ApiError";
    this.status = status;
    this.detail = detail;
  }
}

/** The text to show for a reply's `detail`: a string as is, validation lists as "field: message". */
export function describeDetail(status: number, detail: unknown): string {
  if (typeof detail === "string" && detail.trim()) return capitalise(detail);
  if (Array.isArray(detail) && detail.length > 0) {
    return detail
      .map((problem: ValidationProblem) => {
        const field = (problem.loc ?? []).filter((part) => part !== "body" && part !== "query").join(".");
        const message = problem.msg ?? "is not valid";
        return field ? `${field}: ${message}` : message;
      })
      .join("; ");
  }
  if (detail && typeof detail === "object" && "message" in detail) {
    const { message, allowed } = detail as { message?: unknown; allowed?: unknown };
    if (typeof message === "string" && message) {
      const next = Array.isArray(allowed) ? ` (allowed next: ${allowed.length ? allowed.join(", ") : "none"})` : "";
      return capitalise(message) + next;
    }
  }
  return fallbackFor(status);
}

function fallbackFor(status: number): string {
  if (status === 0) return "The server could not be reached. Check your connection and try again.";
  if (status === 401) return "Your session has ended. Please log in again.";
  if (status === 403) return "You do not have permission to do this.";
  if (status === 404) return "Not found.";
  if (status === 413) return "That is too large for the server.";
  if (status >= 500) return `The server had a problem (HTTP ${status}). Please try again.`;
  return `The request failed (HTTP ${status}).`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A message for anything thrown while talking to the API. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return fallbackFor(0);
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
