import { useEffect, useMemo, useRef, useState } from 'react';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ChartConfiguration } from 'chart.js';
import type { BudgetMotUtfall } from '../../../../shared/contract/schemas/ekonomi';
import { formatInteger, formatPercent } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';
import { useApp } from '../../store/app';
import { EconomyChart, EconomyExportButton, thisYear, tkr, useWriteBlad, YearField, type ChartHandle } from './common';
import { TableBox } from '../../components/TableBox';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, 0));

interface ComparisonRow {
  key: string;
  label: string;
  budgetKr: number;
  utfallKr: number;
  kvot: number | null;
  previousKr: number;
  warn?: boolean;
}

/** Budget, utfall, förbrukningskvot and the year before, with a total row in bold. */
function ComparisonTable(props: {
  label: string;
  first: string;
  budgetHeader: string;
  previousYear: number;
  rows: ComparisonRow[];
  total: Omit<ComparisonRow, 'key'>;
}) {
  const row = (r: Omit<ComparisonRow, 'key'>) => (
    <>
      <TableCell>{r.label}</TableCell>
      <TableCell align="right">{formatInteger(r.budgetKr)}</TableCell>
      <TableCell align="right">{formatInteger(r.utfallKr)}</TableCell>
      <TableCell align="right" sx={r.warn ? { color: 'warning.main', fontWeight: 600 } : undefined}>
        {r.kvot === null && r.label === props.total.label ? '' : pct(r.kvot)}
      </TableCell>
      <TableCell align="right">{formatInteger(r.previousKr)}</TableCell>
    </>
  );
  return (
    <TableBox label={props.label}>
      <Table size="small" aria-label={props.label}>
        <TableHead>
          <TableRow>
            <TableCell>{props.first}</TableCell>
            <TableCell align="right">{props.budgetHeader}</TableCell>
            <TableCell align="right">Utfall, kr</TableCell>
            <TableCell align="right">Förbrukningskvot</TableCell>
            <TableCell align="right">Utfall {props.previousYear}, kr</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((r) => (
            <TableRow key={r.key}>{row(r)}</TableRow>
          ))}
          <TableRow sx={{ '& td': { fontWeight: 700 } }}>{row(props.total)}</TableRow>
        </TableBody>
      </Table>
    </TableBox>
  );
}

/** Budget mot utfall per post and per insats, with förbrukningskvot and the year before beside it. */
export function BudgetMotUtfallTab() {
  const notify = useApp((s) => s.notify);
  const write = useWriteBlad();
  const [year, setYear] = useState(thisYear());
  const [fromMonth, setFrom] = useState(1);
  const [toMonth, setTo] = useState(new Date().getMonth() + 1);
  const [t, setT] = useState<BudgetMotUtfall | null>(null);
  const postsChart = useRef<ChartHandle>(null);
  const kvotChart = useRef<ChartHandle>(null);

  useEffect(() => {
    call('ekonomi.budgetMotUtfall', { year, fromMonth, toMonth: Math.max(fromMonth, toMonth) })
      .then(setT)
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [year, fromMonth, toMonth, notify]);

  const postsConfig = useMemo<ChartConfiguration | null>(
    () =>
      t && {
        type: 'bar',
        data: {
          labels: t.posts.filter((p) => p.side === 'kostnad').map((p) => p.label.replace('Samverkansinsatser, ', 'Samv. ')),
          datasets: [
            { label: `Budget ${t.periodLabel}`, data: t.posts.filter((p) => p.side === 'kostnad').map((p) => tkr(p.budgetKr)), backgroundColor: '#9fb7cc' },
            { label: `Utfall ${t.periodLabel}`, data: t.posts.filter((p) => p.side === 'kostnad').map((p) => tkr(p.utfallKr)), backgroundColor: '#1c4a73' },
          ],
        },
        options: { indexAxis: 'y', scales: { x: { title: { display: true, text: 'tkr' } } } },
      },
    [t],
  );
  const kvotConfig = useMemo<ChartConfiguration | null>(
    () =>
      t && t.insatser.length > 0
        ? {
            type: 'bar',
            data: {
              labels: t.insatser.map((i) => i.name),
              datasets: [
                {
                  label: 'Förbrukningskvot',
                  data: t.insatser.map((i) => (i.kvot === null ? 0 : Math.round(i.kvot * 100))),
                  backgroundColor: t.insatser.map((i) => ((i.kvot ?? 0) > 1 ? '#b3541e' : '#1c4a73')),
                },
              ],
            },
            options: {
              indexAxis: 'y',
              plugins: { legend: { display: false } },
              scales: { x: { beginAtZero: true, title: { display: true, text: '% av budget (målvärde 100 %)' } } },
            },
          }
        : null,
    [t],
  );

  async function writeBlad() {
    const charts = [
      { title: `Budget och utfall per post, ${t?.periodLabel ?? ''} (tkr)`, png: postsChart.current?.png() },
      { title: `Förbrukningskvot per insats, ${t?.periodLabel ?? ''}`, png: kvotChart.current?.png() },
    ].flatMap((c) => (c.png ? [{ title: c.title, pngBase64: c.png }] : []));
    await write('ekonomisk_information', year, charts);
  }

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <YearField value={year} onChange={setYear} />
        <TextField select size="small" label="Från" value={fromMonth} onChange={(e) => setFrom(Number(e.target.value))} sx={{ minWidth: 130 }}>
          {MONTHS.map((m, i) => (
            <MenuItem key={m} value={i + 1}>
              {m}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="Till och med" value={toMonth} onChange={(e) => setTo(Number(e.target.value))} sx={{ minWidth: 130 }}>
          {MONTHS.map((m, i) => (
            <MenuItem key={m} value={i + 1} disabled={i + 1 < fromMonth}>
              {m}
            </MenuItem>
          ))}
        </TextField>
        <Button size="small" onClick={() => (setFrom(1), setTo(12))}>
          Helår
        </Button>
        <Stack direction="row" spacing={1} sx={{ flexGrow: 1, justifyContent: 'flex-end' }}>
          <Button variant="outlined" onClick={() => void writeBlad()} disabled={!t}>
            Ärendeblad med diagrammen
          </Button>
          <EconomyExportButton table="budget_mot_utfall" year={year} fromMonth={fromMonth} toMonth={Math.max(fromMonth, toMonth)} />
        </Stack>
      </Stack>
      {t && (
        <>
          <Typography color="text.secondary">
            {t.periodLabel[0]?.toUpperCase()}
            {t.periodLabel.slice(1)}. Budget:{' '}
            {t.budgetKind === null
              ? 'saknas'
              : t.budgetKind === 'forslag'
                ? 'förslag (inte fastställd)'
                : t.budgetKind === 'faststalld'
                  ? 'fastställd'
                  : 'reviderad'}
            {t.fromMonth !== 1 || t.toMonth !== 12 ? ', periodiserad jämnt över året' : ''}.
          </Typography>
          <TableBox label="Ekonomisk översikt av verksamheten" sx={{ maxWidth: 640 }}>
            <Table size="small" aria-label="Ekonomisk översikt av verksamheten">
              <TableHead>
                <TableRow>
                  <TableCell>Ekonomisk översikt (tkr)</TableCell>
                  <TableCell align="right">Utfall {year}</TableCell>
                  <TableCell align="right">Utfall {year - 1}</TableCell>
                  <TableCell align="right">Budget {year}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {[
                  ...t.groups,
                  { group: 'resultat', label: 'Resultat', budgetKr: t.result.budgetKr, utfallKr: t.result.utfallKr, previousKr: t.result.previousKr },
                ].map((g) => (
                  <TableRow key={g.group} sx={g.group === 'resultat' ? { '& td': { fontWeight: 700 } } : undefined}>
                    <TableCell>{g.label}</TableCell>
                    <TableCell align="right">{formatInteger(tkr(g.utfallKr))}</TableCell>
                    <TableCell align="right">{formatInteger(tkr(g.previousKr))}</TableCell>
                    <TableCell align="right">{formatInteger(tkr(g.budgetKr))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableBox>
          <ComparisonTable
            label="Budget mot utfall per post"
            first="Post"
            budgetHeader="Budget, kr"
            previousYear={year - 1}
            rows={t.posts.map((p) => ({
              key: p.post,
              label: p.label,
              budgetKr: p.budgetKr,
              utfallKr: p.utfallKr,
              kvot: p.kvot,
              previousKr: p.previousKr,
              warn: p.side === 'kostnad' && (p.kvot ?? 0) > 1,
            }))}
            total={{ label: 'Resultat', ...t.result, kvot: null }}
          />
          {t.insatser.length > 0 && (
            <ComparisonTable
              label="Budget mot utfall per insats"
              first="Insats"
              budgetHeader="Beviljad budget, kr"
              previousYear={year - 1}
              rows={t.insatser.map((i) => ({
                key: String(i.insatsId),
                label: i.name,
                budgetKr: i.budgetKr,
                utfallKr: i.utfallKr,
                kvot: i.kvot,
                previousKr: i.previousKr,
                warn: (i.kvot ?? 0) > 1,
              }))}
              total={{ label: 'Samverkansinsatser totalt', ...t.samverkanTotal }}
            />
          )}
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
            {postsConfig && (
              <Paper variant="outlined" sx={{ p: 2, flex: 1 }}>
                <Typography variant="subtitle1" component="h2">
                  Budget och utfall per post (tkr)
                </Typography>
                <EconomyChart ref={postsChart} config={postsConfig} height={320} label={`Budget och utfall per post, ${t.periodLabel}`} />
              </Paper>
            )}
            {kvotConfig && (
              <Paper variant="outlined" sx={{ p: 2, flex: 1 }}>
                <Typography variant="subtitle1" component="h2">
                  Förbrukningskvot per insats
                </Typography>
                <EconomyChart
                  ref={kvotChart}
                  config={kvotConfig}
                  height={320}
                  label={`Förbrukningskvot per insats: ${t.insatser.map((i) => `${i.name} ${pct(i.kvot)}`).join(', ')}`}
                />
              </Paper>
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
