import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
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
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import type { UtfallList } from '../../../../shared/contract/schemas/ekonomi';
import type { Insats } from '../../../../shared/contract/schemas/insatser';
import { BUDGET_POSTS, isSamverkanPost, POST_INFO, type BudgetPost } from '../../../../shared/domain/budget-posts';
import { countOf, formatInteger } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';
import { todayIso } from '../../components/text';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApp } from '../../store/app';
import { EconomyExportButton, parseAmount, thisYear, YearField } from './common';
import { ImportUtfallDialog } from './ImportUtfallDialog';
import { MappingsCard } from './MappingsCard';
import { SelectField, DateField } from '../../components/fields';
import { TableBox } from '../../components/TableBox';

const kr = (ore: number) => (ore % 100 === 0 ? formatInteger(ore / 100) : (ore / 100).toLocaleString('sv-SE', { minimumFractionDigits: 2 }));

/** Utfall: typed by hand or imported; the year's rows, imports, and closing the year. */
export function UtfallTab() {
  const notify = useApp((s) => s.notify);
  const [year, setYear] = useState(thisYear());
  const [list, setList] = useState<UtfallList | null>(null);
  const [insatser, setInsatser] = useState<Insats[]>([]);
  const [importing, setImporting] = useState(false);
  const [closing, setClosing] = useState(false);

  const load = useCallback(() => {
    call('utfall.list', { year })
      .then(setList)
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [year, notify]);
  useEffect(load, [load]);
  useEffect(() => {
    void call('insatser.list', {})
      .then(setInsatser)
      .catch(() => undefined);
  }, []);

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <YearField value={year} onChange={setYear} />
        {list && (
          <Typography>
            {countOf(list.total, 'rad', 'rader')}, summa {kr(list.sumOre)} kr
          </Typography>
        )}
        {list?.closed && <Chip label="Stängt år" color="default" />}
        <Stack direction="row" spacing={1} sx={{ flexGrow: 1, justifyContent: 'flex-end' }}>
          <Button variant="contained" disabled={list?.closed} onClick={() => setImporting(true)}>
            Importera fil …
          </Button>
          <EconomyExportButton table="utfall" year={year} />
          <Button variant="outlined" color="warning" disabled={list?.closed || year >= thisYear()} onClick={() => setClosing(true)}>
            Stäng år {year}
          </Button>
        </Stack>
      </Stack>
      {!list?.closed && <ManualUtfallForm insatser={insatser} onSaved={setList} />}
      <MappingsCard key={list?.imports.length ?? 0} />
      {list && list.imports.length > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h2">
            Importer
          </Typography>
          {list.imports.map((i) => (
            <Stack key={i.id} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Typography sx={{ flexGrow: 1 }}>
                {i.fileName} ({i.kind.toUpperCase()}), {countOf(i.rowCount, 'rad', 'rader')}, {kr(i.sumOre)} kr – {i.importedAt.slice(0, 16).replace('T', ' ')},{' '}
                {i.importedBy}
              </Typography>
              {!list.closed && (
                <Button
                  size="small"
                  color="error"
                  onClick={async () => {
                    try {
                      setList(await call('utfall.removeImport', { id: i.id }));
                      notify('success', `Importen ${i.fileName} är borttagen.`);
                    } catch (err) {
                      notify('error', errorMessage(err));
                    }
                  }}
                >
                  Ta bort import
                </Button>
              )}
            </Stack>
          ))}
        </Paper>
      )}
      {list && list.rows.length === 0 && <Alert severity="info">Inget utfall för {year} ännu.</Alert>}
      {list && list.rows.length > 0 && <UtfallRows list={list} year={year} onChange={setList} />}
      <ImportUtfallDialog
        open={importing}
        onClose={() => setImporting(false)}
        onDone={(message) => {
          setImporting(false);
          notify('success', message);
          load();
        }}
      />
      <ConfirmDialog
        open={closing}
        title={`Stäng år ${year}?`}
        text={`När året är stängt kan dess utfall inte längre ändras, tas bort eller importeras på nytt. Beslutsutrymmet räknar då ${year} med utfallet i stället för budgeten.`}
        confirmLabel="Stäng året"
        onCancel={() => setClosing(false)}
        onConfirm={async () => {
          setClosing(false);
          try {
            setList(await call('years.close', { year }));
            notify('success', `År ${year} är stängt.`);
          } catch (err) {
            notify('error', errorMessage(err));
          }
        }}
      />
    </Stack>
  );
}

/** One utfall row typed by hand: date, post, the insats for a samverkan post, amount and text. */
function ManualUtfallForm({ insatser, onSaved }: { insatser: Insats[]; onSaved: (list: UtfallList) => void }) {
  const notify = useApp((s) => s.notify);
  const [row, setRow] = useState({
    bookedOn: todayIso(),
    post: 'forvaltning_ovrigt' as BudgetPost,
    insatsId: '',
    amount: '',
    text: '',
  });
  const amount = parseAmount(row.amount);
  async function add() {
    if (amount === null) return;
    try {
      onSaved(
        await call('utfall.save', {
          bookedOn: row.bookedOn,
          post: row.post,
          insatsId: row.insatsId === '' ? null : Number(row.insatsId),
          amountKr: amount,
          text: row.text,
        }),
      );
      setRow({ ...row, amount: '', text: '' });
      notify('success', 'Utfallsraden är sparad.');
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        Registrera utfall för hand
      </Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} useFlexGap>
        <DateField size="small" label="Datum" value={row.bookedOn} onChange={(e) => setRow({ ...row, bookedOn: e.target.value })} />
        <SelectField
          size="small"
          label="Post"
          value={row.post}
          onChange={(e) => setRow({ ...row, post: e.target.value as BudgetPost, insatsId: isSamverkanPost(e.target.value as BudgetPost) ? row.insatsId : '' })}
          sx={{ minWidth: 260 }}
          options={BUDGET_POSTS.map((p) => ({ value: p, label: POST_INFO[p].label }))}
        />
        <TextField
          select
          size="small"
          label="Insats"
          value={row.insatsId}
          disabled={!isSamverkanPost(row.post)}
          onChange={(e) => setRow({ ...row, insatsId: e.target.value })}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">Ingen</MenuItem>
          {insatser.map((i) => (
            <MenuItem key={i.id} value={String(i.id)}>
              {i.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label="Belopp, kr"
          value={row.amount}
          onChange={(e) => setRow({ ...row, amount: e.target.value })}
          error={row.amount !== '' && amount === null}
          sx={{ width: 150 }}
        />
        <TextField size="small" label="Text" value={row.text} onChange={(e) => setRow({ ...row, text: e.target.value })} sx={{ flexGrow: 1, minWidth: 200 }} />
        <Button variant="outlined" onClick={() => void add()} disabled={amount === null}>
          Lägg till
        </Button>
      </Stack>
    </Paper>
  );
}

/** The year's utfall rows, newest first; a row typed by hand can be removed while the year is open. */
function UtfallRows({ list, year, onChange }: { list: UtfallList; year: number; onChange: (list: UtfallList) => void }) {
  const notify = useApp((s) => s.notify);
  return (
    <TableBox label={`Utfall ${year}`}>
      <Table size="small" aria-label={`Utfall ${year}`}>
        <TableHead>
          <TableRow>
            <TableCell>Datum</TableCell>
            <TableCell>Post</TableCell>
            <TableCell>Insats</TableCell>
            <TableCell>Konto</TableCell>
            <TableCell align="right">Belopp, kr</TableCell>
            <TableCell>Text</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {list.rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell>{r.bookedOn}</TableCell>
              <TableCell>{POST_INFO[r.post].label}</TableCell>
              <TableCell>{r.insatsName ?? ''}</TableCell>
              <TableCell>{r.account ?? ''}</TableCell>
              <TableCell align="right">{kr(r.amountOre)}</TableCell>
              <TableCell>{r.text ?? ''}</TableCell>
              <TableCell>
                {r.importId === null && !list.closed && (
                  <IconButton
                    size="small"
                    aria-label="Ta bort raden"
                    onClick={async () => {
                      try {
                        onChange(await call('utfall.remove', { id: r.id }));
                      } catch (err) {
                        notify('error', errorMessage(err));
                      }
                    }}
                  >
                    <DeleteOutline fontSize="small" />
                  </IconButton>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {list.total > list.rows.length && (
        <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
          Visar de {list.rows.length} senaste av {countOf(list.total, 'rad', 'rader')}. Hela året finns i Excel-exporten.
        </Typography>
      )}
    </TableBox>
  );
}
