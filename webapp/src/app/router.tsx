import { createBrowserRouter } from "react-router";

import { AuditPage } from "@/audit/AuditPage";
import { ChangePasswordPage } from "@/auth/ChangePasswordPage";
import { LoginPage } from "@/auth/LoginPage";
import { RequireAuth } from "@/auth/RequireAuth";
import { NotFound } from "@/components/NotFound";
import { RouteError } from "@/components/RouteError";
import { HomePage } from "@/home/HomePage";
import { ImagesPage } from "@/images/ImagesPage";
import { ProjectPage } from "@/projects/ProjectPage";
import { ProjectsPage } from "@/projects/ProjectsPage";
import { TaskBoardPage } from "@/tasks/TaskBoardPage";
import { TaskPage } from "@/tasks/TaskPage";
import { prefetchTaskBoard } from "@/tasks/useTaskList";
import { UsersPage } from "@/users/UsersPage";
import { prefetchWorkItem } from "@/viewer/modes/taskItemQueries";
import { prefetchSeriesData, STACK_USE, VOLUME_USE } from "@/viewer/viewport/seriesData";

import { queryClient } from "./queryClient";
import { Shell } from "./Shell";

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage />, errorElement: <RouteError /> },
  {
    // The viewer workspace takes the whole window; it is loaded only when opened.
    path: "/tasks/:taskId/work",
    errorElement: <RouteError />,
    // The task, its item and the item's series are asked for while the viewer's code loads.
    loader: ({ params, request }) => {
      prefetchWorkItem(queryClient, Number(params.taskId), request.url);
      return null;
    },
    lazy: async () => {
      const { WorkspacePage } = await import("@/viewer/WorkspacePage");
      return {
        element: (
          <RequireAuth>
            <WorkspacePage />
          </RequireAuth>
        ),
      };
    },
  },
  {
    // The review workspace of a review task: versions under review, history, decisions.
    path: "/tasks/:taskId/review",
    errorElement: <RouteError />,
    lazy: async () => {
      const { ReviewWorkspace } = await import("@/viewer/review/ReviewWorkspace");
      return {
        element: (
          <RequireAuth>
            <ReviewWorkspace />
          </RequireAuth>
        ),
      };
    },
  },
  {
    // The QC workspace of a QC task: image, segmentation and 3D side by side, decisions per time point.
    path: "/tasks/:taskId/qc",
    errorElement: <RouteError />,
    lazy: async () => {
      const { QcWorkspace } = await import("@/viewer/qc/QcWorkspace");
      return {
        element: (
          <RequireAuth>
            <QcWorkspace />
          </RequireAuth>
        ),
      };
    },
  },
  {
    // One series in the viewer, outside a task.
    path: "/viewer/series/:seriesId",
    errorElement: <RouteError />,
    loader: ({ params, request }) => {
      const seriesId = Number(params.seriesId);
      const layout = new URL(request.url).searchParams.get("layout");
      if (Number.isInteger(seriesId)) prefetchSeriesData(seriesId, !layout || layout === "stack" ? STACK_USE : VOLUME_USE);
      return null;
    },
    // A change of layout is the page's own: the series it shows is loaded (asking again for its
    // pixel data would fetch what the stack already holds).
    shouldRevalidate: ({ currentParams, nextParams }) => currentParams.seriesId !== nextParams.seriesId,
    lazy: async () => {
      const { SeriesViewerPage } = await import("@/viewer/workspace/SeriesViewerPage");
      return {
        element: (
          <RequireAuth>
            <SeriesViewerPage />
          </RequireAuth>
        ),
      };
    },
  },
  {
    path: "/",
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: "account/password", element: <ChangePasswordPage /> },
          {
            path: "tasks",
            loader: ({ request }) => {
              prefetchTaskBoard(queryClient, request.url);
              return null;
            },
            element: <RequireAuth roles={["admin"]}><TaskBoardPage /></RequireAuth>,
          },
          { path: "tasks/:taskId", element: <TaskPage /> },
          {
            // Charts are heavy: their pages load on first visit.
            path: "dashboard",
            lazy: async () => {
              const { DashboardPage } = await import("@/dashboard/DashboardPage");
              return { element: <RequireAuth roles={["admin"]}><DashboardPage /></RequireAuth> };
            },
          },
          { path: "images", element: <RequireAuth roles={["admin"]}><ImagesPage /></RequireAuth> },
          { path: "projects", element: <RequireAuth roles={["admin"]}><ProjectsPage /></RequireAuth> },
          { path: "projects/:projectId", element: <RequireAuth roles={["admin"]}><ProjectPage /></RequireAuth> },
          { path: "users", element: <RequireAuth roles={["admin"]}><UsersPage /></RequireAuth> },
          {
            path: "users/:userId",
            lazy: async () => {
              const { UserPage } = await import("@/users/UserPage");
              return { element: <RequireAuth roles={["admin"]}><UserPage /></RequireAuth> };
            },
          },
          { path: "audit", element: <RequireAuth roles={["admin"]}><AuditPage /></RequireAuth> },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
]);
