import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";

import { Loading } from "@/components/Loading";

import { hasRole, useAuth, type Role } from "./AuthProvider";

/** Renders its children for a logged-in user (holding one of `roles`, if given); else the login page. */
export function RequireAuth({ children, roles }: { children: ReactNode; roles?: Role[] }) {
  const { user, notice } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Loading label="Checking your session" />;
  if (user === null) {
    // After a deliberate logout-with-notice, start afresh rather than return here.
    if (notice) return <Navigate to="/login" replace />;
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !hasRole(user, "admin") && !roles.some((role) => hasRole(user, role))) {
    return (
      <div role="alert" className="m-8 rounded border border-amber-300 bg-amber-50 p-4">
        This page needs the {roles.join(" or ")} role.
      </div>
    );
  }
  return <>{children}</>;
}
