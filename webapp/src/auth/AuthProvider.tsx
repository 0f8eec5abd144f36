import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

import { api, onUnauthorised, rememberCsrfToken, unwrap, type Schemas } from "@/api/client";
import { CSRF_COOKIE, dropCsrfCookie, readCookie } from "@/api/csrf";
import { ApiError } from "@/api/errors";

export type User = Schemas["UserRead"];
export type Role = User["roles"][number];

interface AuthState {
  /** The logged-in user; null when nobody is, undefined while we ask the server. */
  user: User | null | undefined;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
  /** The server ended the session (password changed, expired): forget the user locally. */
  forget(notice?: string): void;
  /** Why the user was logged out, shown on the login page. */
  notice: string | null;
}

const AuthContext = createContext<AuthState | null>(null);
export const ME_KEY = ["users", "me"] as const;

async function fetchMe(): Promise<User | null> {
  // Login sets the (script-readable) CSRF cookie next to the httpOnly session
  // cookie; without it there is no session to ask about.
  if (!readCookie(document.cookie, CSRF_COOKIE)) return null;
  try {
    return await unwrap(api.GET("/api/v1/users/me"));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

function isMeQuery(key: readonly unknown[]): boolean {
  return key.length === ME_KEY.length && key.every((part, i) => part === ME_KEY[i]);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity });

  /** Drop everything cached for the previous user, and set who is logged in now. */
  const switchUser = useCallback(
    (user: User | null) => {
      client.removeQueries({ predicate: (query) => !isMeQuery(query.queryKey) });
      client.setQueryData(ME_KEY, user);
    },
    [client],
  );

  const [notice, setNotice] = useState<string | null>(null);
  const forget = useCallback(
    (why?: string) => {
      rememberCsrfToken(null);
      dropCsrfCookie();
      setNotice(why ?? null);
      switchUser(null);
    },
    [switchUser],
  );

  useEffect(() => onUnauthorised(() => forget()), [forget]);

  const login = useCallback(
    async (username: string, password: string) => {
      const token = await unwrap(api.POST("/api/v1/auth/login", { body: { username, password } }));
      rememberCsrfToken(token.csrf_token);
      const user = await unwrap(api.GET("/api/v1/users/me"));
      setNotice(null);
      switchUser(user);
      return user;
    },
    [switchUser],
  );

  const logout = useCallback(async () => {
    try {
      await unwrap(api.POST("/api/v1/auth/logout"));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    forget("You have logged out.");
  }, [forget]);

  const user = me.isError ? null : me.data;
  const value = useMemo(() => ({ user, login, logout, forget, notice }), [user, login, logout, forget, notice]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error("useAuth needs an AuthProvider");
  return state;
}

/** The logged-in user, for components that only render behind RequireAuth. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error("useUser outside a logged-in page");
  return user;
}

export function hasRole(user: User, role: Role): boolean {
  return user.roles.includes(role);
}
