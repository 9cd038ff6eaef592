import { useEffect, useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Box from '@mui/material/Box';
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
import { KATEGORI_LABELS, type Overview } from '../../../../shared/contract/schemas/insatser';
import { formatKr, formatPercent } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';
import { useApp } from '../../store/app';
import { EconomyChart, type ChartHandle } from '../ekonomi/common';
import { TableBox } from '../../components/TableBox';

/** Granted money by kategori beside the board's guideline (e.g. 60/30/10). */
function splitConfig(o: Overview): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: o.split.map((s) => KATEGORI_LABELS[s.kategori]),
      datasets: [
        { label: 'Beviljat', data: o.split.map((s) => Math.round(s.share * 1000) / 10), backgroundColor: '#1c4a73' },
        { label: 'Riktlinje', data: o.split.map((s) => Math.round(s.guideline * 1000) / 10), backgroundColor: '#9fb7cc' },
      ],
    },
    options: {
      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatPercent(Number(item.raw) / 100)}` } } },
      scales: { y: { beginAtZero: true, max: 100, ticks: { callback: (v) => `${v} %` } } },
    },
  };
}

const share = (v: number | null) => (v === null ? '–' : formatPercent(v));

/** The year's insatser as the board reads them: budget, utfall, kvot, deltagare, share to work or studies, cost per participant. */
export function InsatsOverview() {
  const { notify, go } = useApp();
  const [halvar, setHalvar] = useState<1 | 2>(new Date().getMonth() < 6 ? 2 : 1);
  const [year, setYear] = useState(new Date().getFullYear());
  const [o, setO] = useState<Overview | null>(null);
  const [target, setTarget] = useState('');
  const chart = useRef<ChartHandle>(null);
  const config = useMemo(() => (o ? splitConfig(o) : null), [o]);

  useEffect(() => {
    call('insatser.overview', { year })
      .then((result) => {
        setO(result);
        setTarget(result.workStudyTarget === null ? '' : String(Math.round(result.workStudyTarget * 1000) / 10).replace('.', ','));
      })
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [year, notify]);

  async function saveTarget() {
    if (!o) return;
    const value = target.trim() === '' ? null : Number(target.replace(',', '.')) / 100;
    try {
      setO(await call('insatser.targets', { year, workStudyTarget: value, guideline: o.guideline }));
      notify('success', 'Målet är sparat.');
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField size="small" label="År" value={year} onChange={(e) => setYear(Number(e.target.value) || year)} sx={{ width: 100 }} />
        <TextField
          size="small"
          label="Mål till arbete/studier, %"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          onBlur={() => void saveTarget()}
          helperText="T.ex. 34 (rikssnittet)."
        />
        <Box sx={{ flexGrow: 1 }} />
        <TextField select size="small" label="Period" value={halvar} onChange={(e) => setHalvar(Number(e.target.value) as 1 | 2)} sx={{ minWidth: 170 }}>
          <MenuItem value={1}>Första halvåret</MenuItem>
          <MenuItem value={2}>Helåret</MenuItem>
        </TextField>
        <Button
          variant="outlined"
          onClick={async () => {
            try {
              const png = chart.current?.png();
              const charts =
                png && o
                  ? [
                      {
                        title: `Fördelning av beviljade medel per kategori mot riktlinjen (${o.guideline.individ}/${o.guideline.struktur}/${o.guideline.kompetens})`,
                        pngBase64: png,
                      },
                    ]
                  : [];
              const pm = await call('insatser.pm', { year, halvar, charts });
              notify('success', `${pm.rubrik} är skrivet som ärendeblad (${pm.diarienummer}).`);
              go('arendeblad', String(pm.id));
            } catch (err) {
              notify('error', errorMessage(err));
            }
          }}
        >
          Skriv utvärderings-PM
        </Button>
      </Stack>
      {o && o.rows.length === 0 && <Alert severity="info">Inga insatser med budget eller utfall {year}.</Alert>}
      {o && o.rows.length > 0 && (
        <>
          <TableBox label={`Insatser ${year}`}>
            <Table size="small" aria-label={`Insatser ${year}`}>
              <TableHead>
                <TableRow>
                  <TableCell>Insats</TableCell>
                  <TableCell align="right">Budget</TableCell>
                  <TableCell align="right">Utfall</TableCell>
                  <TableCell align="right">Förbr.kvot</TableCell>
                  <TableCell align="right">Deltagare (k/m)</TableCell>
                  <TableCell align="right">Avslutade</TableCell>
                  <TableCell align="right">Till arbete/studier</TableCell>
                  <TableCell align="right">Kvinnor / män</TableCell>
                  <TableCell align="right">Kostnad/deltagare</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {[...o.rows.map((r) => ({ key: String(r.insatsId), name: r.name, r })), { key: 'total', name: 'Totalt', r: o.total }].map(
                  ({ key, name, r }) => (
                    <TableRow key={key} sx={key === 'total' ? { '& td': { fontWeight: 700 } } : undefined}>
                      <TableCell>{name}</TableCell>
                      <TableCell align="right">{formatKr(r.budgetKr)}</TableCell>
                      <TableCell align="right">{formatKr(r.utfallKr)}</TableCell>
                      <TableCell align="right">{share(r.kvot)}</TableCell>
                      <TableCell align="right">
                        {r.deltagare} ({r.kvinnor}/{r.man})
                      </TableCell>
                      <TableCell align="right">{r.avslutade}</TableCell>
                      <TableCell
                        align="right"
                        sx={
                          o.workStudyTarget !== null && r.workStudyShare !== null && r.workStudyShare < o.workStudyTarget
                            ? { color: 'warning.main' }
                            : undefined
                        }
                      >
                        {share(r.workStudyShare)}
                      </TableCell>
                      <TableCell align="right">
                        {r.workStudyShareKvinnor === null && r.workStudyShareMan === null
                          ? '–'
                          : `${share(r.workStudyShareKvinnor)} / ${share(r.workStudyShareMan)}`}
                      </TableCell>
                      <TableCell align="right">{r.costPerParticipant === null ? '–' : formatKr(r.costPerParticipant)}</TableCell>
                    </TableRow>
                  ),
                )}
              </TableBody>
            </Table>
          </TableBox>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
              Fördelning per kategori mot riktlinjen ({o.guideline.individ}/{o.guideline.struktur}/{o.guideline.kompetens})
            </Typography>
            {config && (
              <EconomyChart
                ref={chart}
                config={config}
                height={240}
                label={`Fördelning per kategori: ${o.split.map((s) => `${KATEGORI_LABELS[s.kategori]} ${formatPercent(s.share)} (riktlinje ${formatPercent(s.guideline, 0)})`).join(', ')}`}
              />
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
