import type { Role } from "@/auth/AuthProvider";

export interface MenuItem {
  to: string;
  label: string;
  /** Who sees the item: holders of any of these roles. */
  roles: readonly Role[];
}

/** The main menu. A screen appears here only once the API behind it exists. */
export const MENU: readonly MenuItem[] = [
  { to: "/", label: "My tasks", roles: ["annotator", "reviewer"] },
  { to: "/dashboard", label: "Dashboard", roles: ["admin"] },
  { to: "/tasks", label: "Task board", roles: ["admin"] },
  { to: "/projects", label: "Projects", roles: ["admin"] },
  { to: "/images", label: "Images", roles: ["admin"] },
  { to: "/users", label: "Users", roles: ["admin"] },
  { to: "/audit", label: "Audit log", roles: ["admin"] },
];

export function menuFor(roles: readonly Role[]): MenuItem[] {
  return MENU.filter((item) => item.roles.some((role) => roles.includes(role)));
}
