import type { ReactNode } from "react";

import { errorMessage } from "@/api/errors";

import { Button } from "./Button";

/** An error shown in place, readable and announced to screen readers. */
export function ErrorMessage({ children, onRetry }: { children: ReactNode; onRetry?: () => void }) {
  return (
    <div role="alert" className="flex items-start justify-between gap-3 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <span>{children}</span>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

/** The message for a failed query or mutation. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return <ErrorMessage onRetry={onRetry}>{errorMessage(error)}</ErrorMessage>;
}
