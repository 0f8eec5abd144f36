import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { api, unwrap } from "@/api/client";
import { Button } from "@/components/Button";
import { QueryError } from "@/components/ErrorMessage";
import { CheckboxField, SelectField } from "@/components/Field";
import { userName, useUsers, type Project } from "@/lib/lookups";

/** Who works on the project, and whether they annotate, review or both. */
export function ProjectMembers({ project }: { project: Project }) {
  const client = useQueryClient();
  const users = useUsers();
  const [userId, setUserId] = useState("");
  const [annotate, setAnnotate] = useState(true);
  const [review, setReview] = useState(false);
  const done = (updated: Project) => {
    client.setQueryData(["projects", "one", project.id], updated);
    client.invalidateQueries({ queryKey: ["projects", "all"] });
  };
  const setMember = useMutation({
    mutationFn: (member: { user_id: number; can_annotate: boolean; can_review: boolean }) =>
      unwrap(api.POST("/api/v1/projects/{project_id}/members", { params: { path: { project_id: project.id } }, body: member })),
    onSuccess: (updated) => {
      done(updated);
      setUserId("");
    },
  });
  const remove = useMutation({
    mutationFn: (memberId: number) =>
      unwrap(api.DELETE("/api/v1/projects/{project_id}/members/{user_id}", { params: { path: { project_id: project.id, user_id: memberId } } })),
    onSuccess: done,
  });
  const memberIds = new Set(project.members.map((m) => m.user_id));
  const candidates = (users.data?.items ?? []).filter((u) => !memberIds.has(u.id));

  return (
    <section aria-labelledby="members-title" className="space-y-3">
      <h2 id="members-title" className="font-medium">
        Members
      </h2>
      {(setMember.isError || remove.isError) && <QueryError error={setMember.error ?? remove.error} />}
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Member</th>
            <th scope="col" className="px-3 py-2 font-medium">Annotates</th>
            <th scope="col" className="px-3 py-2 font-medium">Reviews</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {project.members.map((m) => (
            <tr key={m.user_id} className="border-t border-slate-100">
              <td className="px-3 py-1.5">{userName(m)}</td>
              <td className="px-3 py-1.5">
                <CheckboxField label="annotates" checked={m.can_annotate} disabled={setMember.isPending} onChange={(on) => setMember.mutate({ user_id: m.user_id, can_annotate: on, can_review: m.can_review })} />
              </td>
              <td className="px-3 py-1.5">
                <CheckboxField label="reviews" checked={m.can_review} disabled={setMember.isPending} onChange={(on) => setMember.mutate({ user_id: m.user_id, can_annotate: m.can_annotate, can_review: on })} />
              </td>
              <td className="px-3 py-1.5 text-right">
                <Button variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate(m.user_id)} aria-label={`Remove ${m.username}`}>
                  Remove
                </Button>
              </td>
            </tr>
          ))}
          {project.members.length === 0 && (
            <tr>
              <td colSpan={4} className="px-3 py-4 text-center text-slate-500">No members yet.</td>
            </tr>
          )}
        </tbody>
      </table>
      <form
        aria-label="Add a member"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (userId) setMember.mutate({ user_id: Number(userId), can_annotate: annotate, can_review: review });
        }}
      >
        <SelectField label="User" value={userId} onChange={setUserId} options={[{ value: "", label: "Choose a user…" }, ...candidates.map((u) => ({ value: String(u.id), label: userName(u) }))]} />
        <div className="flex gap-3 pb-1.5">
          <CheckboxField label="Annotates" checked={annotate} onChange={setAnnotate} />
          <CheckboxField label="Reviews" checked={review} onChange={setReview} />
        </div>
        <Button type="submit" variant="primary" disabled={!userId || setMember.isPending}>
          Add member
        </Button>
      </form>
    </section>
  );
}
