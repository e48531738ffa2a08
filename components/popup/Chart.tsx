/** Calls versus emails per day, as paired bars. Plain SVG: no library, nothing from the network. */
import type { Day } from '../../lib/ledger/day';
import type { DayCounts } from '../../lib/ledger/queries';

export interface ChartProps {
  days: ({ day: Day } & DayCounts)[];
  /** The accessible summary ("Last 7 days: 12 calls, 40 emails"). */
  label: string;
  /** Title of one day's bars, for hover and screen readers. */
  dayLabel: (d: { day: Day } & DayCounts) => string;
  /** Short label under a bar (weekday or date); empty for none. */
  tick: (day: Day, index: number) => string;
}

const HEIGHT = 96;
const AXIS = 14;

export function Chart({ days, label, dayLabel, tick }: ChartProps) {
  const width = 320;
  const slot = width / Math.max(days.length, 1);
  const gap = Math.max(1, slot * 0.18);
  const bar = Math.max(1, (slot - gap) / 2);
  const max = Math.max(1, ...days.map((d) => Math.max(d.calls, d.emails)));
  const h = (n: number) => (n === 0 ? 0 : Math.max(2, (n / max) * (HEIGHT - 4)));
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${HEIGHT + AXIS}`} role="img" aria-label={label} data-testid="chart">
      <line class="chart-base" x1="0" x2={width} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} />
      {days.map((d, i) => {
        const x = i * slot + gap / 2;
        const text = tick(d.day, i);
        return (
          <g key={d.day}>
            <title>{dayLabel(d)}</title>
            <rect class="bar-calls" x={x} y={HEIGHT - h(d.calls)} width={bar} height={h(d.calls)} rx="1.5" />
            <rect class="bar-emails" x={x + bar} y={HEIGHT - h(d.emails)} width={bar} height={h(d.emails)} rx="1.5" />
            {text && (
              <text class="chart-tick" x={x + bar} y={HEIGHT + AXIS - 2} text-anchor="middle">
                {text}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
