import { useState } from "react";
import { NavLink, Outlet } from "react-router";

import { errorMessage } from "@/api/errors";
import { useUser, useAuth } from "@/auth/AuthProvider";
import { ErrorMessage } from "@/components/ErrorMessage";

import { menuFor } from "./navigation";

/** The frame of every logged-in page: the menu, who is logged in, and the page. */
export function Shell() {
  const user = useUser();
  const { logout } = useAuth();
  const [logoutError, setLogoutError] = useState<string | null>(null);

  async function doLogout() {
    try {
      await logout();
    } catch (error) {
      setLogoutError(errorMessage(error));
    }
  }

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-screen-2xl items-center gap-6 px-4 py-2">
          <NavLink to="/" className="text-lg font-semibold text-teal-800">
            LabelStack
          </NavLink>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
            {menuFor(user.roles).map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                end={item.to === "/"}
                className={({ isActive }) =>
                  `rounded px-3 py-1.5 text-sm ${isActive ? "bg-teal-50 font-medium text-teal-900" : "text-slate-700 hover:bg-slate-100"}`
                }
              >
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="flex items-center gap-2 text-sm">
            <span className="text-slate-600" title={user.roles.join(", ")}>
              {user.full_name || user.username}
            </span>
            <NavLink to="/account/password" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
              Change password
            </NavLink>
            <button type="button" onClick={doLogout} className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
              Log out
            </button>
          </div>
        </div>
      </header>
      {logoutError && (
        <div className="mx-auto w-full max-w-screen-2xl px-4 pt-2">
          <ErrorMessage>{logoutError}</ErrorMessage>
        </div>
      )}
      <main id="main" className="mx-auto w-full max-w-screen-2xl flex-1 px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}
