import { QueryClient } from "@tanstack/react-query";

import { ApiError } from "@/api/errors";

/** The single query cache of the app (module state: survives StrictMode double mounts). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // Client errors will not get better by asking again.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});
