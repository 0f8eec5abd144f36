import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";

import { api, unwrap } from "@/api/client";
import { Button } from "@/components/Button";
import { QueryError } from "@/components/ErrorMessage";
import { Loading } from "@/components/Loading";
import { Pagination } from "@/components/Pagination";
import { SeriesThumbnail } from "@/images/SeriesThumbnail";
import { formatDateTime } from "@/lib/format";
import { BulkCreateDialog } from "@/tasks/BulkCreateDialog";
import { itemsFrom } from "@/tasks/itemSources";

const LIMIT = 48;

/** The project's images, its pending label assignments, and packaging them into tasks. */
export function ProjectImages({ projectId }: { projectId: number }) {
  const [offset, setOffset] = useState(0);
  const [packaging, setPackaging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const images = useQuery({
    queryKey: ["projects", "images", projectId, offset],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(api.GET("/api/v1/projects/{project_id}/images", { params: { path: { project_id: projectId }, query: { limit: LIMIT, offset } } })),
  });
  const pending = useQuery({
    queryKey: ["assignments", projectId, "pending"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/projects/{project_id}/assignments", {
          params: { path: { project_id: projectId }, query: { status: "pending", limit: 1 } },
        }),
      ),
  });

  return (
    <section aria-labelledby="images-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="images-title" className="font-medium">
          Images
        </h2>
        <div className="flex items-center gap-2">
          <Link to="/images" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
            Add images from the archive
          </Link>
          <Button variant="primary" disabled={!pending.data?.total} onClick={() => setPackaging(true)}>
            Create tasks from {pending.data?.total ?? 0} pending label assignments
          </Button>
        </div>
      </div>
      {notice && (
        <p role="status" className="rounded border border-teal-200 bg-teal-50 p-2 text-sm text-teal-900">
          {notice}
        </p>
      )}
      {images.isPending && <Loading label="Loading images" />}
      {images.isError && <QueryError error={images.error} onRetry={() => images.refetch()} />}
      {images.data && (
        <>
          <ul className="grid grid-cols-3 gap-3 sm:grid-cols-4 lg:grid-cols-6 xl:grid-cols-8">
            {images.data.items.map((image) => (
              <li key={image.id} className="rounded border border-slate-200 bg-white p-2 text-xs">
                <SeriesThumbnail seriesId={image.series_id} size={128} />
                <p className="mt-1">
                  Series {image.series_id}
                  {image.instance_id && `, instance ${image.instance_id}`}
                </p>
                <p className="text-slate-500">added {formatDateTime(image.added_at)}</p>
              </li>
            ))}
          </ul>
          {images.data.items.length === 0 && <p className="text-sm text-slate-500">No images yet: select series in the image browser and add them to this project.</p>}
          {images.data.total > LIMIT && <Pagination total={images.data.total} limit={LIMIT} offset={offset} onOffset={setOffset} />}
        </>
      )}
      <BulkCreateDialog
        open={packaging}
        title="Create tasks from pending label assignments"
        projectId={projectId}
        items={(id) => itemsFrom("assignments", id)}
        onClose={() => setPackaging(false)}
        onCreated={(count) => {
          setPackaging(false);
          setNotice(`${count} task${count === 1 ? "" : "s"} created.`);
        }}
      />
    </section>
  );
}
