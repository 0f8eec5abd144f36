import { Link } from "react-router";

import { hasRole, useUser } from "@/auth/AuthProvider";
import { PageHeader } from "@/components/PageHeader";

/** The start page: what this user can do from here. */
export function HomePage() {
  const user = useUser();
  const admin = hasRole(user, "admin");
  return (
    <section>
      <PageHeader title={`Welcome, ${user.full_name || user.username}`} />
      <div className="grid max-w-3xl gap-4 sm:grid-cols-2">
        {admin && (
          <>
            <Card to="/images" title="Images" text="Browse and upload studies, look at every DICOM attribute." />
            <Card to="/users" title="Users" text="Add people, give roles, reset passwords, see their activity." />
            <Card to="/audit" title="Audit log" text="Who did what, and when." />
          </>
        )}
        <Card to="/account/password" title="Your password" text="Change the password you log in with." />
      </div>
    </section>
  );
}

function Card({ to, title, text }: { to: string; title: string; text: string }) {
  return (
    <Link to={to} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-teal-600">
      <h2 className="font-medium text-teal-900">{title}</h2>
      <p className="text-sm text-slate-600">{text}</p>
    </Link>
  );
}
