import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BUDGET_KIND_LABELS, type BudgetVersion, type BudgetYearView } from '../../../../shared/contract/schemas/ekonomi';
import { BUDGET_POSTS, POST_INFO, type BudgetPost } from '../../../../shared/domain/budget-posts';
import { formatInteger, formatKr } from '../../../../shared/format/sv';
import { DateField } from '../../components/fields';
import { call, errorMessage } from '../../api';
import { todayIso } from '../../components/text';
import { askBeforeLeaving, useApp, useUnsavedChanges } from '../../store/app';
import { EconomyExportButton, parseAmount, thisYear, useWriteBlad, YearField } from './common';
import { TableBox } from '../../components/TableBox';

const versionLabel = (v: BudgetVersion) =>
  `${BUDGET_KIND_LABELS[v.kind]}${v.kind === 'reviderad' ? ` ${v.revision}` : ''}${v.decidedOn ? ` ${v.decidedOn}` : ''}`;

/** The förslag's amounts as the fields show them. */
function storedDraft(v: BudgetYearView | null): Record<string, string> {
  const forslag = v?.versions.find((x) => x.kind === 'forslag');
  return Object.fromEntries(BUDGET_POSTS.map((p) => [p, formatInteger(forslag?.lines.find((l) => l.post === p)?.amountKr ?? 0)]));
}

/** Årsbudget: the förslag by post, then the board's fastställd and reviderade versions beside it. */
/** Budget: the year from the address (#/ekonomi/budget/2026, e.g. from a warning on Översikt), else next year's. */
export function BudgetTab({ initialYear }: { initialYear?: number }) {
  const notify = useApp((s) => s.notify);
  const write = useWriteBlad();
  const [year, setYear] = useState(initialYear ?? thisYear() + 1);
  const [view, setView] = useState<BudgetYearView | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [decideKind, setDecideKind] = useState<'faststalld' | 'reviderad'>('faststalld');
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [busy, setBusy] = useState(false);

  const show = useCallback((v: BudgetYearView) => {
    setView(v);
    const forslag = v.versions.find((x) => x.kind === 'forslag');
    setDraft(storedDraft(v));
    setReason(forslag?.balanceReason ?? '');
    setDecideKind(v.versions.some((x) => x.kind === 'faststalld') ? 'reviderad' : 'faststalld');
  }, []);

  useEffect(() => {
    call('budget.get', { year })
      .then(show)
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [year, notify, show]);

  const amounts = Object.fromEntries(BUDGET_POSTS.map((p) => [p, parseAmount(draft[p] ?? '0')])) as Record<BudgetPost, number | null>;
  const invalid = BUDGET_POSTS.filter((p) => amounts[p] === null || !Number.isInteger(amounts[p]) || (amounts[p] ?? 0) < 0);
  const sum = (side: 'intakt' | 'kostnad') => BUDGET_POSTS.filter((p) => POST_INFO[p].side === side).reduce((s, p) => s + (amounts[p] ?? 0), 0);
  const result = sum('intakt') - sum('kostnad');
  const decided = view?.versions.filter((v) => v.kind !== 'forslag') ?? [];
  const storedReason = view?.versions.find((x) => x.kind === 'forslag')?.balanceReason ?? '';
  const stored = storedDraft(view);
  const dirty = view !== null && (BUDGET_POSTS.some((p) => amounts[p] !== parseAmount(stored[p] ?? '0')) || reason.trim() !== storedReason);
  useUnsavedChanges('budget', `budgetförslaget för ${year}`, dirty);
  const lines = () => BUDGET_POSTS.map((post) => ({ post, amountKr: amounts[post] ?? 0 }));

  async function run(action: () => Promise<BudgetYearView>, done: string) {
    setBusy(true);
    try {
      show(await action());
      notify('success', done);
    } catch (err) {
      notify('error', errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const save = () => run(() => call('budget.save', { year, lines: lines(), balanceReason: reason }), `Budgetförslaget för ${year} är sparat.`);
  // The board decides what is on the screen: the förslag as typed is saved and decided in one step.
  const decide = () =>
    run(
      () => call('budget.decide', { year, kind: decideKind, decidedOn, forslag: { lines: lines(), balanceReason: reason } }),
      `Budgeten för ${year} är ${decideKind === 'faststalld' ? 'fastställd' : 'reviderad'}${dirty ? ' med siffrorna på skärmen, som också är sparade som förslag' : ''}.`,
    );
  async function writeBlad() {
    if (dirty) {
      setBusy(true);
      try {
        show(await call('budget.save', { year, lines: lines(), balanceReason: reason }));
      } catch (err) {
        notify('error', errorMessage(err));
        return;
      } finally {
        setBusy(false);
      }
    }
    await write('budget', year);
  }

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <YearField value={year} onChange={(y) => askBeforeLeaving(() => setYear(y))} />
        <Button variant="contained" disabled={busy || invalid.length > 0 || !dirty} onClick={() => void save()}>
          Spara förslag
        </Button>
        {dirty && (
          <Typography role="status" variant="body2" color="warning.main">
            Ändrat – inte sparat
          </Typography>
        )}
        <TextField
          select
          size="small"
          label="Styrelsens beslut"
          value={decideKind}
          onChange={(e) => setDecideKind(e.target.value as 'faststalld' | 'reviderad')}
          sx={{ minWidth: 170 }}
        >
          <MenuItem value="faststalld">Fastställd budget</MenuItem>
          <MenuItem value="reviderad">Reviderad budget</MenuItem>
        </TextField>
        <DateField size="small" label="Beslutsdatum" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />
        <Button
          variant="outlined"
          disabled={busy || invalid.length > 0 || (!dirty && !view?.versions.some((v) => v.kind === 'forslag'))}
          onClick={() => void decide()}
        >
          Registrera beslut
        </Button>
        <Button
          variant="outlined"
          disabled={busy || invalid.length > 0 || (!dirty && !view?.versions.some((v) => v.kind === 'forslag'))}
          onClick={() => void writeBlad()}
        >
          Skriv ärendeblad
        </Button>
        <EconomyExportButton table="budget" year={year} />
      </Stack>
      {view?.feeTotalKr != null && amounts.medlemsavgifter !== view.feeTotalKr && (
        <Alert severity="info">
          Medlemsavgiften för {year} är {formatKr(view.feeTotalKr)}; budgeten räknar med {formatKr(amounts.medlemsavgifter ?? 0)}.
        </Alert>
      )}
      <TableBox label={`Budget ${year}`}>
        <Table size="small" aria-label={`Budget ${year}`}>
          <TableHead>
            <TableRow>
              <TableCell>Post</TableCell>
              <TableCell align="right">Förslag, kr</TableCell>
              {decided.map((v) => (
                <TableCell key={v.id} align="right">
                  {versionLabel(v)}
                </TableCell>
              ))}
              <TableCell>Beviljade insatser</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {BUDGET_POSTS.map((post) => {
              const kategori = post.startsWith('samverkan_') ? (post.slice('samverkan_'.length) as 'individ' | 'struktur' | 'kompetens' | 'ej_fordelat') : null;
              const granted = kategori && kategori !== 'ej_fordelat' ? view?.grantedByKategori[kategori] : undefined;
              return (
                <TableRow key={post}>
                  <TableCell>
                    {POST_INFO[post].label}
                    {POST_INFO[post].side === 'intakt' && (
                      <Typography component="span" variant="caption" color="text.secondary">
                        {' '}
                        (intäkt)
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right" sx={{ width: 180 }}>
                    <TextField
                      size="small"
                      value={draft[post] ?? ''}
                      onChange={(e) => setDraft({ ...draft, [post]: e.target.value })}
                      error={invalid.includes(post)}
                      slotProps={{ htmlInput: { 'aria-label': POST_INFO[post].label, style: { textAlign: 'right' } } }}
                    />
                  </TableCell>
                  {decided.map((v) => (
                    <TableCell key={v.id} align="right">
                      {formatInteger(v.lines.find((l) => l.post === post)?.amountKr ?? 0)}
                    </TableCell>
                  ))}
                  <TableCell>{granted ? formatKr(granted) : ''}</TableCell>
                </TableRow>
              );
            })}
            <TableRow sx={{ '& td': { fontWeight: 700 } }}>
              <TableCell>Resultat</TableCell>
              <TableCell align="right" data-testid="budget-result" sx={{ color: result < 0 ? 'error.main' : undefined }}>
                {formatInteger(result)}
              </TableCell>
              {decided.map((v) => (
                <TableCell key={v.id} align="right">
                  {formatInteger(v.resultKr)}
                </TableCell>
              ))}
              <TableCell />
            </TableRow>
          </TableBody>
        </Table>
      </TableBox>
      {result < 0 && (
        <TextField
          label="Skäl till att budgeten inte är i balans"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          multiline
          minRows={2}
          helperText="Krävs innan ett underskott fastställs, t.ex. att överskott från tidigare år används till insatser för målgruppen."
        />
      )}
    </Stack>
  );
}
