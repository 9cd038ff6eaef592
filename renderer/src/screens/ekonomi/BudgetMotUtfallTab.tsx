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
import { EconomyChart, EconomyExportButton, thisYear, tkr, type ChartHandle, YearField } from './common';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, 0));

/** Budget mot utfall per post and per insats, with förbrukningskvot and the year before beside it. */
export function BudgetMotUtfallTab() {
  const { notify, go } = useApp();
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
              datasets: [{ label: 'Förbrukningskvot', data: t.insatser.map((i) => (i.kvot === null ? 0 : Math.round(i.kvot * 100))), backgroundColor: t.insatser.map((i) => ((i.kvot ?? 0) > 1 ? '#b3541e' : '#1c4a73')) }],
            },
            options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, title: { display: true, text: '% av budget (målvärde 100 %)' } } } },
          }
        : null,
    [t],
  );

  async function writeBlad() {
    const charts = [
      { title: `Budget och utfall per post, ${t?.periodLabel ?? ''} (tkr)`, png: postsChart.current?.png() },
      { title: `Förbrukningskvot per insats, ${t?.periodLabel ?? ''}`, png: kvotChart.current?.png() },
    ].flatMap((c) => (c.png ? [{ title: c.title, pngBase64: c.png }] : []));
    try {
      const blad = await call('ekonomi.arendeblad', { kind: 'ekonomisk_information', year, charts });
      notify('success', `${blad.rubrik} är skrivet med ${charts.length} diagram (${blad.diarienummer}).`);
      go('arendeblad', String(blad.id));
    } catch (err) {
      notify('error', errorMessage(err));
    }
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
            {t.periodLabel.slice(1)}. Budget: {t.budgetKind === null ? 'saknas' : t.budgetKind === 'forslag' ? 'förslag (inte fastställd)' : t.budgetKind === 'faststalld' ? 'fastställd' : 'reviderad'}
            {t.fromMonth !== 1 || t.toMonth !== 12 ? ', periodiserad jämnt över året' : ''}.
          </Typography>
          <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label="Budget mot utfall per post">
              <TableHead>
                <TableRow>
                  <TableCell>Post</TableCell>
                  <TableCell align="right">Budget, kr</TableCell>
                  <TableCell align="right">Utfall, kr</TableCell>
                  <TableCell align="right">Förbrukningskvot</TableCell>
                  <TableCell align="right">Utfall {year - 1}, kr</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {t.posts.map((p) => (
                  <TableRow key={p.post}>
                    <TableCell>{p.label}</TableCell>
                    <TableCell align="right">{formatInteger(p.budgetKr)}</TableCell>
                    <TableCell align="right">{formatInteger(p.utfallKr)}</TableCell>
                    <TableCell align="right" sx={p.side === 'kostnad' && (p.kvot ?? 0) > 1 ? { color: 'warning.main', fontWeight: 600 } : undefined}>
                      {pct(p.kvot)}
                    </TableCell>
                    <TableCell align="right">{formatInteger(p.previousKr)}</TableCell>
                  </TableRow>
                ))}
                <TableRow sx={{ '& td': { fontWeight: 700 } }}>
                  <TableCell>Resultat</TableCell>
                  <TableCell align="right">{formatInteger(t.result.budgetKr)}</TableCell>
                  <TableCell align="right">{formatInteger(t.result.utfallKr)}</TableCell>
                  <TableCell />
                  <TableCell align="right">{formatInteger(t.result.previousKr)}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </Paper>
          {t.insatser.length > 0 && (
            <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-label="Budget mot utfall per insats">
                <TableHead>
                  <TableRow>
                    <TableCell>Insats</TableCell>
                    <TableCell align="right">Beviljad budget, kr</TableCell>
                    <TableCell align="right">Utfall, kr</TableCell>
                    <TableCell align="right">Förbrukningskvot</TableCell>
                    <TableCell align="right">Utfall {year - 1}, kr</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {t.insatser.map((i) => (
                    <TableRow key={i.insatsId}>
                      <TableCell>{i.name}</TableCell>
                      <TableCell align="right">{formatInteger(i.budgetKr)}</TableCell>
                      <TableCell align="right">{formatInteger(i.utfallKr)}</TableCell>
                      <TableCell align="right">{pct(i.kvot)}</TableCell>
                      <TableCell align="right">{formatInteger(i.previousKr)}</TableCell>
                    </TableRow>
                  ))}
                  <TableRow sx={{ '& td': { fontWeight: 700 } }}>
                    <TableCell>Samverkansinsatser totalt</TableCell>
                    <TableCell align="right">{formatInteger(t.samverkanTotal.budgetKr)}</TableCell>
                    <TableCell align="right">{formatInteger(t.samverkanTotal.utfallKr)}</TableCell>
                    <TableCell align="right">{pct(t.samverkanTotal.kvot)}</TableCell>
                    <TableCell align="right">{formatInteger(t.samverkanTotal.previousKr)}</TableCell>
                  </TableRow>
                </TableBody>
              </Table>
            </Paper>
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
                <EconomyChart ref={kvotChart} config={kvotConfig} height={320} label={`Förbrukningskvot per insats: ${t.insatser.map((i) => `${i.name} ${pct(i.kvot)}`).join(', ')}`} />
              </Paper>
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
