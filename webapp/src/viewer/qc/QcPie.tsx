import { Cell, Pie, PieChart, Tooltip } from "recharts";

import { pieSlices } from "./qcDecisions";

/** The decisions taken so far in the task, as a pie (the counts are also in the legend, for reading exactly). */
export function QcPie({ counts }: { counts: Record<string, number> }) {
  const slices = pieSlices(counts);
  const total = slices.reduce((sum, s) => sum + s.count, 0);
  return (
    <section aria-label="Decisions so far" className="border-b border-slate-700 p-2 text-xs" data-testid="qc-pie" data-counts={JSON.stringify(counts)}>
      <h2 className="mb-1 font-semibold uppercase text-slate-400">Decisions in this task ({total})</h2>
      {total === 0 ? (
        <p className="text-slate-400">No decisions yet.</p>
      ) : (
        <div className="flex items-center gap-2">
          <PieChart width={110} height={110}>
            <Pie data={slices} dataKey="value" nameKey="name" outerRadius={50} innerRadius={18} isAnimationActive={false} stroke="#0f172a">
              {slices.map((s) => (
                <Cell key={s.name} fill={s.color} />
              ))}
            </Pie>
            <Tooltip />
          </PieChart>
          <ul className="space-y-0.5">
            {slices.map((s) => (
              <li key={s.name}>
                <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />
                {s.name}: {s.count} ({Math.round((100 * s.count) / total)}%)
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
