/** Where a new task's items come from: a project's images or its pending label assignments. */
import { api, unwrap, type Schemas } from "@/api/client";

export type ItemRef = Schemas["ItemRef"];
export type ItemSource = "images" | "assignments" | "none";

export const ITEM_SOURCES: readonly { value: ItemSource; label: string }[] = [
  { value: "assignments", label: "The project's pending label assignments" },
  { value: "images", label: "Every image of the project" },
  { value: "none", label: "No items yet" },
];

const PAGE = 1000;

/** Every page of a paged list, in order. */
export async function fetchAllPages<T>(page: (offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { items, total } = await page(offset);
    rows.push(...items);
    if (items.length === 0 || rows.length >= total) return rows;
  }
}

export async function itemsFrom(source: ItemSource, projectId: number): Promise<ItemRef[]> {
  if (source === "none") return [];
  if (source === "images") {
    const images = await fetchAllPages((offset) =>
      unwrap(api.GET("/api/v1/projects/{project_id}/images", { params: { path: { project_id: projectId }, query: { limit: PAGE, offset } } })),
    );
    return images.map((image) => (image.instance_id ? { instance_id: image.instance_id } : { series_id: image.series_id }));
  }
  const assignments = await fetchAllPages((offset) =>
    unwrap(
      api.GET("/api/v1/projects/{project_id}/assignments", {
        params: { path: { project_id: projectId }, query: { status: "pending", limit: PAGE, offset } },
      }),
    ),
  );
  return assignments.map((a) => ({ label_assignment_id: a.id }));
}
