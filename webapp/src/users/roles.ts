import type { Role } from "@/auth/AuthProvider";

export const ROLES: readonly { value: Role; label: string }[] = [
  { value: "admin", label: "Admin" },
  { value: "annotator", label: "Annotator" },
  { value: "reviewer", label: "Reviewer" },
];
