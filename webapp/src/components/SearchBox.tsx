import { useEffect, useId, useState } from "react";

/** A search input that reports after typing pauses, so every keystroke is not a request. */
export function SearchBox({
  label,
  value,
  onChange,
  delayMs = 250,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  delayMs?: number;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => onChange(text), delayMs);
    return () => window.clearTimeout(timer);
  }, [text, value, onChange, delayMs]);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === "Enter" && onChange(text)}
        className="mt-1 block w-64 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm"
      />
    </div>
  );
}
