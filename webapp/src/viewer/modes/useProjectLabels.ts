import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/api/client";

/** Every label of a project, retired ones too (an old version may use them), for names and colours. */
export function useProjectLabels(projectId: number | undefined) {
  return useQuery({
    enabled: projectId !== undefined,
    queryKey: ["labels", projectId, "with-retired"],
    queryFn: () => unwrap(api.GET("/api/v1/labels", { params: { query: { project_id: projectId!, include_retired: true } } })),
  });
}
