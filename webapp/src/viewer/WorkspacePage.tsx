import { Link, useParams } from "react-router";

/**
 * The viewer and annotation workspace of one task (Cornerstone3D).
 * Everything the viewer registers globally goes through `once` in app/once.ts
 * and is torn down when this page unmounts.
 */
export function WorkspacePage() {
  const { taskId } = useParams();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 bg-slate-900 text-slate-100">
      <h1 className="text-lg font-semibold">Task {taskId}</h1>
      <p className="text-sm text-slate-300">The viewer workspace is not available in this version yet.</p>
      <Link to="/" className="text-teal-300 underline">
        Back to my tasks
      </Link>
    </main>
  );
}
