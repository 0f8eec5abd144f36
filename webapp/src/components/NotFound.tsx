import { Link } from "react-router";

export function NotFound() {
  return (
    <div role="alert" className="max-w-xl space-y-3 rounded border border-slate-300 bg-white p-6">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p>There is no page at this address.</p>
      <Link to="/" className="text-teal-800 underline">
        Go to the start page
      </Link>
    </div>
  );
}
