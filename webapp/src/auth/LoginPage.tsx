import { useState, type FormEvent } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";

import { errorMessage } from "@/api/errors";
import { Button } from "@/components/Button";
import { ErrorMessage } from "@/components/ErrorMessage";
import { TextField } from "@/components/Field";
import { safeNextPath } from "@/lib/paths";

import { useAuth } from "./AuthProvider";

export function LoginPage() {
  const { user, login, notice } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(next, { replace: true });
    } catch (failure) {
      setError(errorMessage(failure));
      setPassword("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-4">
      <form
        onSubmit={submit}
        className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-8 shadow-sm"
        aria-labelledby="login-title"
      >
        <div>
          <h1 id="login-title" className="text-2xl font-semibold text-teal-800">
            LabelStack
          </h1>
          <p className="text-sm text-slate-600">Log in to continue</p>
        </div>
        {notice && (
          <p role="status" className="rounded border border-teal-200 bg-teal-50 p-2 text-sm text-teal-900">
            {notice}
          </p>
        )}
        <TextField
          label="Username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={setUsername}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        {error && <ErrorMessage>{error}</ErrorMessage>}
        <Button type="submit" variant="primary" className="w-full" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </Button>
      </form>
    </main>
  );
}
