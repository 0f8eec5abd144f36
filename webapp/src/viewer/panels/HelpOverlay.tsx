import { SHORTCUTS } from "../tools/shortcuts";

/** Every keyboard shortcut, from the same table the key handler uses. */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div role="dialog" aria-label="Keyboard shortcuts" className="absolute inset-0 z-30 flex items-center justify-center bg-black/70" onClick={onClose}>
      <div className="max-h-[90%] w-[32rem] overflow-auto rounded bg-slate-800 p-4 text-slate-100 shadow-xl" onClick={(e) => e.stopPropagation()}>
        <div className="mb-3 flex items-center justify-between">
          <h2 className="text-base font-semibold">Keyboard shortcuts</h2>
          <button type="button" className="rounded px-2 hover:bg-slate-700" onClick={onClose} aria-label="Close help">×</button>
        </div>
        <table className="w-full text-sm">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action} className="border-t border-slate-700">
                <td className="py-1 pr-3 font-mono text-teal-300">{s.keys.join(" / ")}</td>
                <td className="py-1">{s.description}</td>
                <td className="py-1 text-xs text-slate-400">{s.mode ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-xs text-slate-400">Mouse: left drag = active tool, right drag = zoom, middle drag = pan, wheel = scroll.</p>
      </div>
    </div>
  );
}
