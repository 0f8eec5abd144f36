/** Someone saved a newer version of this item: autosave has stopped until the annotator reloads it. */
export function ConflictBanner({ message, onReload }: { message: string; onReload: () => void }) {
  return (
    <div role="alert" data-testid="conflict-banner" className="flex items-center gap-3 bg-red-950 px-3 py-1 text-sm text-red-100">
      <span className="flex-1">
        A newer version of this item was saved elsewhere; your latest changes are not saved.
        {message && <span className="ml-2 text-xs text-red-300">({message})</span>}
      </span>
      <button type="button" className="rounded bg-red-800 px-2 py-0.5 text-xs font-medium hover:bg-red-700" onClick={onReload}>
        Reload latest
      </button>
    </div>
  );
}
