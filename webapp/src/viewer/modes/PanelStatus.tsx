/** Why a panel's buttons are off (a quiet note) and what went wrong (an alert), under the buttons. */
export function PanelStatus({ disabled, error }: { disabled: string | null; error: string | null }) {
  return (
    <>
      {disabled && <p className="mt-1 text-slate-400">{disabled}</p>}
      {error && (
        <p role="alert" className="mt-1 text-red-300">
          {error}
        </p>
      )}
    </>
  );
}
