import { Navigate } from "react-router";

import { hasRole, useUser } from "@/auth/AuthProvider";
import { MyTasksPage } from "@/tasks/MyTasksPage";

/** The start page: one's own tasks for people who annotate or review, the dashboard for admins. */
export function HomePage() {
  const user = useUser();
  if (hasRole(user, "annotator") || hasRole(user, "reviewer")) return <MyTasksPage />;
  return <Navigate to={hasRole(user, "admin") ? "/dashboard" : "/account/password"} replace />;
}
