import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";

import { api, unwrap } from "@/api/client";
import type { Role } from "@/auth/AuthProvider";
import { Button } from "@/components/Button";
import { QueryError } from "@/components/ErrorMessage";
import { SelectField } from "@/components/Field";
import { Loading } from "@/components/Loading";
import { PageHeader } from "@/components/PageHeader";
import { Pagination } from "@/components/Pagination";
import { SearchBox } from "@/components/SearchBox";
import { SortHeader } from "@/components/SortHeader";
import { formatDateTime } from "@/lib/format";
import { useListState, type ListDefaults } from "@/lib/listQuery";

import { AddUserDialog } from "./AddUserDialog";
import { ROLES } from "./roles";

type UserSort = "username" | "full_name" | "created_at" | "last_login_at" | "id";
const DEFAULTS: ListDefaults<UserSort> = {
  sort: { field: "username", descending: false },
  sortFields: ["username", "full_name", "created_at", "last_login_at", "id"],
  filterNames: ["role", "active"],
};

export function UsersPage() {
  const list = useListState(DEFAULTS);
  const { state } = list;
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);

  const users = useQuery({
    queryKey: ["users", "list", state],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/users", {
          params: {
            query: {
              search: state.search || undefined,
              role: (state.filters.role as Role | undefined) || undefined,
              active: state.filters.active ? state.filters.active === "yes" : undefined,
              sort: state.sort.field,
              descending: state.sort.descending,
              limit: state.limit,
              offset: state.offset,
            },
          },
        }),
      ),
  });

  return (
    <section>
      <PageHeader title="Users">
        <Button variant="primary" onClick={() => setAdding(true)}>
          Add user
        </Button>
      </PageHeader>
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <SearchBox label="Search users" value={state.search} onChange={list.setSearch} />
        <SelectField<string>
          label="Role"
          value={state.filters.role ?? ""}
          onChange={(v) => list.setFilter("role", v)}
          options={[{ value: "", label: "Any role" }, ...ROLES]}
        />
        <SelectField<string>
          label="Status"
          value={state.filters.active ?? ""}
          onChange={(v) => list.setFilter("active", v)}
          options={[
            { value: "", label: "Active and inactive" },
            { value: "yes", label: "Active" },
            { value: "no", label: "Deactivated" },
          ]}
        />
      </div>
      {users.isError && <QueryError error={users.error} onRetry={() => users.refetch()} />}
      {users.isPending && <Loading label="Loading users" />}
      {users.data && (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <SortHeader field="username" label="Username" sort={state.sort} onSort={list.setSort} />
                  <SortHeader field="full_name" label="Name" sort={state.sort} onSort={list.setSort} />
                  <th scope="col" className="px-3 py-2 text-left font-medium">Roles</th>
                  <th scope="col" className="px-3 py-2 text-left font-medium">Status</th>
                  <SortHeader field="last_login_at" label="Last login" sort={state.sort} onSort={list.setSort} />
                  <SortHeader field="created_at" label="Added" sort={state.sort} onSort={list.setSort} />
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <tr key={user.id} className="border-t border-slate-100 hover:bg-slate-50">
                    <td className="px-3 py-2">
                      <Link to={`/users/${user.id}`} className="font-medium text-teal-800 underline-offset-2 hover:underline">
                        {user.username}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{user.full_name || "—"}</td>
                    <td className="px-3 py-2">{user.roles.join(", ")}</td>
                    <td className="px-3 py-2">
                      {user.is_active ? "Active" : <span className="text-red-800">Deactivated</span>}
                    </td>
                    <td className="px-3 py-2">{formatDateTime(user.last_login_at)}</td>
                    <td className="px-3 py-2">{formatDateTime(user.created_at)}</td>
                  </tr>
                ))}
                {users.data.items.length === 0 && (
                  <tr>
                    <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
                      No users match.
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <Pagination total={users.data.total} limit={state.limit} offset={state.offset} onOffset={list.setOffset} />
        </>
      )}
      <AddUserDialog open={adding} onClose={() => setAdding(false)} onAdded={(user) => { setAdding(false); navigate(`/users/${user.id}`); }} />
    </section>
  );
}
