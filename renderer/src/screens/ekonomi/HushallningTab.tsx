import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { EconomyOverview, EconomySettings, HistoryView } from '../../../../shared/contract/schemas/ekonomi';
import { formatInteger, formatKr, formatPercent } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';
import { useApp, useUnsavedChanges } from '../../store/app';
import { EconomyExportButton, parseAmount, thisYear, tkr } from './common';
import { TableBox } from '../../components/TableBox';

const pct = (v: number | null) => (v === null ? '–' : formatPercent(v));

/** God ekonomisk hushållning: the guidelines, the year's warnings, and the förbrukning over the years. */
export function HushallningTab() {
  const notify = useApp((s) => s.notify);
  const [settings, setSettings] = useState<EconomySettings | null>(null);
  const [form, setForm] = useState({ reservfond: '', guideline: '', openingYear: '', openingEquity: '' });
  const [overview, setOverview] = useState<EconomyOverview | null>(null);
  const [history, setHistory] = useState<HistoryView | null>(null);
  const [typed, setTyped] = useState({ year: '', anslag: '', samverkan: '', fortroendevalda: '', forvaltning: '', resultat: '', comment: '' });
  const savedForm = settings && {
    reservfond: formatInteger(settings.reservfondKr),
    guideline: String(settings.guidelinePercent).replace('.', ','),
    openingYear: settings.openingYear === null ? '' : String(settings.openingYear),
    openingEquity: settings.openingEquityKr === null ? '' : formatInteger(settings.openingEquityKr),
  };
  const formDirty = savedForm !== null && JSON.stringify(savedForm) !== JSON.stringify(form);
  const typedDirty = Object.values(typed).some((v) => v.trim() !== '');
  useUnsavedChanges(
    'hushallning',
    formDirty && typedDirty ? 'riktlinjerna och ett år som skrivs in' : formDirty ? 'riktlinjerna' : 'ett år som skrivs in',
    formDirty || typedDirty,
  );

  useEffect(() => {
    call('ekonomi.settings', {})
      .then((s) => {
        setSettings(s);
        setForm({
          reservfond: formatInteger(s.reservfondKr),
          guideline: String(s.guidelinePercent).replace('.', ','),
          openingYear: s.openingYear === null ? '' : String(s.openingYear),
          openingEquity: s.openingEquityKr === null ? '' : formatInteger(s.openingEquityKr),
        });
      })
      .catch((err: unknown) => notify('error', errorMessage(err)));
    call('ekonomi.overview', { year: thisYear() })
      .then(setOverview)
      .catch(() => undefined);
    call('ekonomi.history', {})
      .then(setHistory)
      .catch(() => undefined);
  }, [notify]);

  async function saveSettings() {
    try {
      const s = await call('ekonomi.saveSettings', {
        reservfondKr: parseAmount(form.reservfond) ?? -1,
        guidelinePercent: parseAmount(form.guideline) ?? -1,
        openingYear: form.openingYear.trim() === '' ? null : Number(form.openingYear),
        openingEquityKr: form.openingEquity.trim() === '' ? null : (parseAmount(form.openingEquity) ?? 0.5),
      });
      setSettings(s);
      setOverview(await call('ekonomi.overview', { year: thisYear() }));
      notify('success', 'Riktlinjerna är sparade.');
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  async function saveTyped() {
    const kr = (v: string) => Math.round((parseAmount(v) ?? 0) * 1000);
    try {
      setHistory(
        await call('ekonomi.saveHistory', {
          year: Number(typed.year),
          anslagKr: kr(typed.anslag),
          samverkanKr: kr(typed.samverkan),
          fortroendevaldaKr: kr(typed.fortroendevalda),
          forvaltningKr: kr(typed.forvaltning),
          resultatKr: typed.resultat.trim() === '' ? null : kr(typed.resultat),
          comment: typed.comment,
        }),
      );
      setTyped({ year: '', anslag: '', samverkan: '', fortroendevalda: '', forvaltning: '', resultat: '', comment: '' });
      notify('success', `${typed.year} är inskrivet.`);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  return (
    <Stack spacing={2}>
      {overview && overview.warnings.length === 0 && (
        <Alert severity="success">Inga avvikelser från riktlinjerna för god ekonomisk hushållning {overview.year}.</Alert>
      )}
      {overview?.warnings.map((w) => (
        <Alert key={w.key} severity={w.level === 'varning' ? 'warning' : 'info'}>
          {w.message}
        </Alert>
      ))}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
          Riktlinjer för god ekonomisk hushållning
        </Typography>
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }} useFlexGap>
          <TextField size="small" label="Bunden reservfond, kr" value={form.reservfond} onChange={(e) => setForm({ ...form, reservfond: e.target.value })} />
          <TextField
            size="small"
            label="Eget kapital högst, % av medlemsavgifterna"
            value={form.guideline}
            onChange={(e) => setForm({ ...form, guideline: e.target.value })}
            sx={{ width: 360 }}
          />
          <TextField
            size="small"
            label="Eget kapital vid ingången av år"
            value={form.openingYear}
            onChange={(e) => setForm({ ...form, openingYear: e.target.value })}
            sx={{ width: 270 }}
          />
          <TextField
            size="small"
            label="Eget kapital då, kr"
            value={form.openingEquity}
            onChange={(e) => setForm({ ...form, openingEquity: e.target.value })}
          />
          <Button variant="contained" onClick={() => void saveSettings()}>
            Spara
          </Button>
        </Stack>
        {settings && settings.closedYears.length > 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            Stängda år: {settings.closedYears.join(', ')}.
          </Typography>
        )}
        {overview?.egetKapitalKr != null && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            Eget kapital vid ingången av {overview.year}: {formatKr(overview.egetKapitalKr)}.
          </Typography>
        )}
      </Paper>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h2" sx={{ flexGrow: 1 }}>
          Förbrukning i förhållande till medlemsintäkt
        </Typography>
        <EconomyExportButton table="forbrukning" year={thisYear()} />
      </Stack>
      {history && <HistoryTable history={history} />}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
          Skriv in ett tidigare år (tkr, från årsredovisningen)
        </Typography>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} useFlexGap>
          {(
            [
              ['year', 'År', 90],
              ['anslag', 'Tilldelning', 130],
              ['samverkan', 'Samverkansinsatser', 190],
              ['fortroendevalda', 'Förtroendevalda', 150],
              ['forvaltning', 'Förvaltning', 130],
              ['resultat', 'Resultat (valfritt)', 170],
            ] as const
          ).map(([key, label, width]) => (
            <TextField key={key} size="small" label={label} value={typed[key]} onChange={(e) => setTyped({ ...typed, [key]: e.target.value })} sx={{ width }} />
          ))}
          <TextField
            size="small"
            label="Kommentar"
            value={typed.comment}
            onChange={(e) => setTyped({ ...typed, comment: e.target.value })}
            sx={{ flexGrow: 1 }}
          />
          <Button variant="outlined" onClick={() => void saveTyped()} disabled={!/^\d{4}$/.test(typed.year)}>
            Spara år
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** Förbrukning i förhållande till medlemsintäkt by year, as the annual reports show it; a typed result that does not add up is named. */
function HistoryTable({ history }: { history: HistoryView }) {
  return (
    <TableBox label="Förbrukning i förhållande till medlemsintäkt">
      <Table size="small" aria-label="Förbrukning i förhållande till medlemsintäkt">
        <TableHead>
          <TableRow>
            <TableCell>År</TableCell>
            <TableCell align="right">Samverkansinsatser</TableCell>
            <TableCell align="right">Förtroendevalda</TableCell>
            <TableCell align="right">Förvaltning</TableCell>
            <TableCell align="right">Tilldelning, tkr</TableCell>
            <TableCell>Kommentar</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {history.rows.map((r) => (
            <TableRow key={r.year}>
              <TableCell>
                {r.year}
                {r.source === 'inskrivet' && (
                  <Typography variant="caption" color="text.secondary">
                    {' '}
                    (inskrivet)
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right">{pct(r.samverkanShare)}</TableCell>
              <TableCell align="right">{pct(r.fortroendevaldaShare)}</TableCell>
              <TableCell align="right">{pct(r.forvaltningShare)}</TableCell>
              <TableCell align="right">{formatInteger(tkr(r.anslagKr))}</TableCell>
              <TableCell>
                {r.comment ?? ''}
                {r.mismatchKr !== null && (
                  <Alert severity="warning" sx={{ mt: 0.5, py: 0 }}>
                    Resultatet i handlingen ({formatInteger(tkr(r.resultatKr ?? 0))} tkr) går inte ihop med siffrorna ({formatInteger(tkr(r.computedResultKr))}{' '}
                    tkr).
                  </Alert>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableBox>
  );
}
