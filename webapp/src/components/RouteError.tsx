import { isRouteErrorResponse, Link, useRouteError } from "react-router";

import { errorMessage } from "@/api/errors";

/** What a page shows when rendering it failed: a message and a way back, never a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? error.status === 404
      ? "There is no page at this address."
      : `${error.status} ${error.statusText}`
    : errorMessage(error);
  return (
    <div role="alert" className="m-8 max-w-xl space-y-3 rounded border border-red-300 bg-red-50 p-6 text-red-900">
      <h1 className="text-lg font-semibold">This page could not be shown</h1>
      <p>{message}</p>
      <Link to="/" className="text-teal-800 underline">
        Go to the start page
      </Link>
    </div>
  );
}
