import { useEffect, useRef } from 'react';
import { formatInteger, formatPercent } from '../../../shared/format/sv';
import type { PopulationShare } from '../../../shared/domain/population';

/** chart.js, loaded when the first chart is drawn, not with the first screen. */
async function loadChart() {
  const { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } = await import('chart.js');
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
  return Chart;
}

/** Horizontal bars: each kommun's folkmängd, labelled with its share. */
export function PopulationChart({ rows, year }: { rows: PopulationShare[]; year: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    void loadChart().then((Chart) => {
      if (cancelled || !canvas.current) return;
      const sorted = [...rows].sort((a, b) => b.population - a.population);
      chart = new Chart(canvas.current, {
        type: 'bar',
        data: {
          labels: sorted.map((r) => r.member.shortName ?? r.member.name),
          datasets: [{ data: sorted.map((r) => r.population), backgroundColor: '#2f7d6d', borderRadius: 4, maxBarThickness: 22 }],
        },
        options: {
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            tooltip: {
              callbacks: {
                label: (item) => {
                  const row = sorted[item.dataIndex];
                  return row ? `${formatInteger(row.population)} invånare (${formatPercent(row.share)})` : '';
                },
              },
            },
          },
          scales: {
            x: { ticks: { callback: (v) => formatInteger(Number(v)) }, grid: { color: '#eef1f4' } },
            y: { grid: { display: false } },
          },
        },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [rows]);

  return (
    <div style={{ position: 'relative', height: Math.max(160, rows.length * 34) }}>
      <canvas ref={canvas} role="img" aria-label={`Folkmängd per kommun 1 november ${year}`} />
    </div>
  );
}
