import type { Role } from "@/auth/AuthProvider";
import { CheckboxField } from "@/components/Field";

import { ROLES } from "./roles";

export function RoleCheckboxes({ value, onChange }: { value: Role[]; onChange(roles: Role[]): void }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">Roles</legend>
      <div className="mt-1 flex gap-4">
        {ROLES.map((role) => (
          <CheckboxField
            key={role.value}
            label={role.label}
            checked={value.includes(role.value)}
            onChange={(checked) =>
              onChange(checked ? [...value, role.value] : value.filter((r) => r !== role.value))
            }
          />
        ))}
      </div>
    </fieldset>
  );
}
