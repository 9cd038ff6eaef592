import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import type { EconomyTable } from '../../../../shared/contract/schemas/ekonomi';
import type { MethodInput } from '../../../../shared/contract/methods';
import { call, errorMessage } from '../../api';
import { downloadBase64 } from '../../files';
import { useApp } from '../../store/app';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/** "21 966 000", "21966000 kr", "1 234,50" → a number, or null when it is not one. */
export function parseAmount(text: string): number | null {
  const t = text
    .replace(/[\s\u00a0]/g, '')
    .replace('\u2212', '-')
    .replace(/kr$/i, '')
    .replace(',', '.');
  if (t === '' || !/^-?\d+(\.\d{1,2})?$/.test(t)) return null;
  return Number(t);
}

export const thisYear = () => new Date().getFullYear();

/** A white background, so a chart copied into a PDF or Word is not transparent. */
const whiteBackground: Plugin = {
  id: 'kansliWhite',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export interface ChartHandle {
  /** The chart as PNG (base64, no data: prefix), drawn at twice the screen's size for print. */
  png(): string | null;
}

/** A chart.js chart the screens draw and the ärendeblad can take as a picture. */
export const EconomyChart = forwardRef<ChartHandle, { config: ChartConfiguration; label: string; height?: number }>(function EconomyChart(
  { config, label, height = 260 },
  ref,
) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const c = new Chart(canvas.current, {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, animation: false, devicePixelRatio: Math.max(2, window.devicePixelRatio), ...config.options },
      plugins: [...(config.plugins ?? []), whiteBackground],
    });
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, [config]);
  useImperativeHandle(ref, () => ({ png: () => chart.current?.toBase64Image('image/png').replace(/^data:image\/png;base64,/, '') ?? null }), []);
  return (
    <Box sx={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </Box>
  );
});

/** "Exportera till Excel" for one of the economy's tables. */
export function EconomyExportButton({ table, year, fromMonth, toMonth }: { table: EconomyTable; year: number; fromMonth?: number; toMonth?: number }) {
  const notify = useApp((s) => s.notify);
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="outlined"
      startIcon={<FileDownloadOutlined />}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const file = await call('ekonomi.export', { table, year, fromMonth, toMonth });
          downloadBase64(file.fileName, file.mimeType, file.contentBase64);
          notify('success', `${file.fileName} är skapad.`);
        } catch (err) {
          notify('error', errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? 'Skapar fil …' : 'Exportera till Excel'}
    </Button>
  );
}

export const tkr = (kr: number) => Math.sign(kr) * Math.round(Math.abs(kr) / 1000);

/** A year field that only passes on a whole year (four digits, 1990–2100), so typing "20…" asks nothing of the API. */
export function YearField({ value, onChange, label = 'År' }: { value: number; onChange: (year: number) => void; label?: string }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  return (
    <TextField
      size="small"
      label={label}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const y = Number(e.target.value);
        if (/^\d{4}$/.test(e.target.value) && y >= 1990 && y <= 2100) onChange(y);
      }}
      error={!/^\d{4}$/.test(text)}
      // Wide enough for its label ("Folkmängd 1 nov"), never narrower than a year.
      sx={{ width: Math.max(110, Math.ceil(label.length * 8.5) + 36) }}
      slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': label } }}
    />
  );
}

/** Writes one of the economy's ärendeblad (with the charts given) and opens it. */
export function useWriteBlad() {
  const { notify, go } = useApp();
  return useCallback(
    async (kind: MethodInput<'ekonomi.arendeblad'>['kind'], year: number, charts: { title: string; pngBase64: string }[] = []) => {
      try {
        const blad = await call('ekonomi.arendeblad', { kind, year, charts });
        notify(
          'success',
          `${blad.rubrik} är skrivet som ärendeblad (${blad.diarienummer})${charts.length > 0 ? ` med ${charts.length === 1 ? 'ett diagram' : `${charts.length} diagram`}` : ''}.`,
        );
        go('arendeblad', String(blad.id));
      } catch (err) {
        notify('error', errorMessage(err));
      }
    },
    [notify, go],
  );
}
