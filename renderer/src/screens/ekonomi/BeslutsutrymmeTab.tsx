import { useEffect, useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ChartConfiguration } from 'chart.js';
import type { BeslutsutrymmeView } from '../../../../shared/contract/schemas/ekonomi';
import type { BeslutsutrymmeRow } from '../../../../shared/domain/beslutsutrymme';
import { formatInteger } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';
import { useApp } from '../../store/app';
import { EconomyChart, EconomyExportButton, thisYear, tkr, useWriteBlad, YearField, type ChartHandle } from './common';
import { TypedCheckDialog } from './TypedCheckDialog';
import { TableBox } from '../../components/TableBox';

const SOURCE = { utfall: 'utfall', budget: 'budget', antagande: 'antagande' } as const;

/** "Ekonomisk information": the beslutsutrymme year by year, with each pending application's effect. */
export function BeslutsutrymmeTab() {
  const notify = useApp((s) => s.notify);
  const write = useWriteBlad();
  const [fromYear, setFromYear] = useState(thisYear());
  const [b, setB] = useState<BeslutsutrymmeView | null>(null);
  const [checking, setChecking] = useState(false);
  const chart = useRef<ChartHandle>(null);

  useEffect(() => {
    call('ekonomi.beslutsutrymme', { fromYear, years: 5 })
      .then(setB)
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [fromYear, notify]);

  const config = useMemo<ChartConfiguration | null>(
    () =>
      b && {
        type: 'bar',
        data: {
          labels: b.rows.map((r) => String(r.year)),
          datasets: [
            { type: 'bar', label: 'Efter aktuella finansieringsbeslut', data: b.rows.map((r) => tkr(r.efterAktuellaKr)), backgroundColor: '#1c4a73' },
            { type: 'bar', label: 'Efter ej beslutade ansökningar', data: b.rows.map((r) => tkr(r.efterPendingKr)), backgroundColor: '#9fb7cc' },
            { type: 'line', label: 'Samverkansinsatser', data: b.rows.map((r) => tkr(r.samverkanKr)), borderColor: '#b3541e', backgroundColor: '#b3541e' },
          ],
        },
        options: { scales: { y: { title: { display: true, text: 'tkr' } } } },
      },
    [b],
  );

  const line = (label: string, pick: (r: BeslutsutrymmeRow) => number, strong = false) => (
    <TableRow key={label} sx={strong ? { '& td': { fontWeight: 700 } } : undefined}>
      <TableCell>{label}</TableCell>
      {b?.rows.map((r) => (
        <TableCell key={r.year} align="right" sx={pick(r) < 0 && strong ? { color: 'error.main' } : undefined}>
          {formatInteger(tkr(pick(r)))}
        </TableCell>
      ))}
    </TableRow>
  );

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <YearField label="Från år" value={fromYear} onChange={setFromYear} />
        <Stack direction="row" spacing={1} sx={{ flexGrow: 1, justifyContent: 'flex-end' }}>
          <Button variant="outlined" onClick={() => setChecking(true)}>
            Kontrollera äldre tabell …
          </Button>
          <Button
            variant="outlined"
            disabled={!b}
            onClick={() => {
              const png = chart.current?.png();
              void write('ekonomisk_information', fromYear, png ? [{ title: 'Beslutsutrymme och samverkansinsatser (tkr)', pngBase64: png }] : []);
            }}
          >
            Skriv ärendeblad
          </Button>
          <EconomyExportButton table="beslutsutrymme" year={fromYear} />
        </Stack>
      </Stack>
      {b?.notes.map((n) => (
        <Alert key={n} severity="info">
          {n}
        </Alert>
      ))}
      {b && (
        <TableBox label="Ekonomisk information (tkr)">
          <Table size="small" aria-label="Ekonomisk information (tkr)">
            <TableHead>
              <TableRow>
                <TableCell>Ekonomisk information (belopp i tkr)</TableCell>
                {b.rows.map((r) => (
                  <TableCell key={r.year} align="right">
                    {r.year}
                    <Typography variant="caption" sx={{ display: 'block' }} color="text.secondary">
                      {SOURCE[r.source]}
                    </Typography>
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {line('Finansiella anslag', (r) => r.anslagKr)}
              {line('Över-/underskott från tidigare år', (r) => r.fromEarlierKr)}
              {line('Totalt ingående beslutsutrymme', (r) => r.ingaendeKr, true)}
              {line('Samverkansinsatser', (r) => r.samverkanKr)}
              {line('Förtroendevalda och förvaltning (netto)', (r) => r.ovrigtNettoKr)}
              {line('Årets resultat', (r) => r.resultatKr, true)}
              {line('Beslutsutrymme efter aktuella finansieringsbeslut', (r) => r.efterAktuellaKr, true)}
              {b.pending.map((a) => line(a.label, (r) => a.byYear.find((e) => e.year === r.year)?.kr ?? 0))}
              {b.pending.length > 0 && line('Beslutsutrymme efter ej beslutade ansökningar', (r) => r.efterPendingKr, true)}
            </TableBody>
          </Table>
        </TableBox>
      )}
      {b && (
        <Typography variant="body2" color="text.secondary">
          {b.openingSource}
        </Typography>
      )}
      {config && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h2">
            Beslutsutrymme över åren (tkr)
          </Typography>
          <EconomyChart
            ref={chart}
            config={config}
            label={`Beslutsutrymme efter aktuella beslut: ${b?.rows.map((r) => `${r.year} ${formatInteger(tkr(r.efterAktuellaKr))} tkr`).join(', ')}`}
          />
        </Paper>
      )}
      <TypedCheckDialog open={checking} onClose={() => setChecking(false)} />
    </Stack>
  );
}
