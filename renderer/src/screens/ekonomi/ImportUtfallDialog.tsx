import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { UnmappedAccount, UtfallImportPreview } from '../../../../shared/contract/schemas/ekonomi';
import type { Insats } from '../../../../shared/contract/schemas/insatser';
import { POST_INFO, type BudgetPost } from '../../../../shared/domain/budget-posts';
import { AccountPostSelect, NOT_UTFALL, ObjectTargetSelect } from './MappingSelects';
import { countOf, formatInteger } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';
import { fileToBase64 } from '../../files';
import { closeOnPurpose } from '../../components/closeOnPurpose';

const kr = (ore: number) => formatInteger(Math.round(ore / 100));

/**
 * Import of utfall from SIE 4, Excel or CSV: pick the file, see what it holds, map each
 * new account to a budget post (the suggestion is only applied when the user asks),
 * map objects to insatser, then import everything or nothing.
 */
export function ImportUtfallDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (message: string) => void }) {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<UtfallImportPreview | null>(null);
  const [accounts, setAccounts] = useState<Record<string, string>>({});
  const [objects, setObjects] = useState<Record<string, string>>({});
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [insatser, setInsatser] = useState<Insats[]>([]);
  // Accounts that needed a mapping stay listed once mapped, so the choice can be changed.
  const [needs, setNeeds] = useState<UnmappedAccount[]>([]);

  useEffect(() => {
    if (open)
      void call('insatser.list', {})
        .then(setInsatser)
        .catch(() => undefined);
    else {
      setFile(null);
      setPreview(null);
      setAccounts({});
      setObjects({});
      setReplace(false);
      setError(null);
      setNeeds([]);
    }
  }, [open]);

  function mappingInput(p: UtfallImportPreview | null) {
    const acc = Object.entries(accounts)
      .filter(([, v]) => v !== '')
      .map(([account, v]) => ({ account, name: needs.find((a) => a.account === account)?.name ?? account, post: v === NOT_UTFALL ? null : (v as BudgetPost) }));
    const obj = Object.entries(objects)
      .filter(([, v]) => v !== '')
      .map(([key, v]) => {
        const [dimension, objectId] = [Number(key.split(':')[0]), key.slice(key.indexOf(':') + 1)];
        const name = p?.objects.find((o) => o.dimension === dimension && o.objectId === objectId)?.name ?? objectId;
        return v.startsWith('insats:') ? { dimension, objectId, name, insatsId: Number(v.slice(7)) } : { dimension, objectId, name, post: v as BudgetPost };
      });
    return { accounts: acc, objects: obj };
  }

  // Preview again whenever the file or a mapping changes: the sums shown are what would be imported.
  useEffect(() => {
    if (!file) return;
    let live = true;
    setBusy(true);
    call('utfall.importPreview', { fileName: file.name, contentBase64: file.base64, ...mappingInput(preview) })
      .then((p) => {
        if (!live) return;
        setPreview(p);
        setError(null);
        setNeeds((prev) =>
          [...prev, ...p.unmappedAccounts.filter((a) => !prev.some((x) => x.account === a.account))].sort((a, b) => a.account.localeCompare(b.account)),
        );
      })
      .catch((err: unknown) => live && setError(errorMessage(err)))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, accounts, objects]);

  async function doImport() {
    if (!file) return;
    setBusy(true);
    try {
      const r = await call('utfall.import', { fileName: file.name, contentBase64: file.base64, replaceEarlier: replace, ...mappingInput(preview) });
      onDone(
        `${formatInteger(r.rowCount)} utfallsrader för ${r.year} är importerade${r.replaced > 0 ? ` (${countOf(r.replaced, 'rad', 'rader')} från en tidigare import ersattes)` : ''}.`,
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const unmapped = needs;
  const stillUnmapped = unmapped.filter((a) => !accounts[a.account]);
  const blocked =
    !preview || preview.errors.length > 0 || stillUnmapped.length > 0 || preview.unmappedAccounts.length > 0 || (preview.alreadyImported !== null && !replace);
  return (
    <Dialog open={open} onClose={closeOnPurpose(onClose)} maxWidth="md" fullWidth aria-labelledby="import-utfall-title">
      <DialogTitle id="import-utfall-title">Importera utfall</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography color="text.secondary">
            SIE 4 från bokföringen (.se, .si), eller Excel/CSV med kolumnerna Datum, Post eller Konto, Insats (valfri), Belopp och Text. I Excel och CSV anges
            både kostnader och intäkter som positiva belopp.
          </Typography>
          <Button variant="outlined" component="label">
            Välj fil …
            <input
              hidden
              type="file"
              accept=".se,.si,.sie,.xlsx,.csv,.txt"
              data-testid="utfall-file"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                if (!f) return;
                setNeeds([]);
                setAccounts({});
                setObjects({});
                setFile({ name: f.name, base64: await fileToBase64(f) });
              }}
            />
          </Button>
          {busy && <LinearProgress aria-label="Läser filen" />}
          {error && <Alert severity="error">{error}</Alert>}
          {preview && (
            <>
              <Typography>
                <strong>{preview.fileName}</strong>
                {preview.companyName ? ` – ${preview.companyName}` : ''}
                {preview.year !== null ? `, år ${preview.year}` : ''}: {formatInteger(preview.rowCount)} utfallsrader.
              </Typography>
              {preview.errors.map((e) => (
                <Alert key={e} severity="error">
                  {e}
                </Alert>
              ))}
              {preview.warnings.map((w) => (
                <Alert key={w} severity="warning">
                  {w}
                </Alert>
              ))}
              {unmapped.length > 0 && (
                <>
                  <Stack direction="row" sx={{ alignItems: 'center' }}>
                    <Typography variant="subtitle1" sx={{ flexGrow: 1 }}>
                      Konton som ska kopplas till en budgetpost ({stillUnmapped.length} kvar)
                    </Typography>
                    <Button
                      size="small"
                      onClick={() =>
                        setAccounts({
                          ...accounts,
                          ...Object.fromEntries(unmapped.filter((a) => !accounts[a.account]).map((a) => [a.account, a.suggestion ?? NOT_UTFALL])),
                        })
                      }
                    >
                      Använd förslagen
                    </Button>
                  </Stack>
                  <Table size="small" aria-label="Okopplade konton">
                    <TableHead>
                      <TableRow>
                        <TableCell>Konto</TableCell>
                        <TableCell align="right">Summa, kr</TableCell>
                        <TableCell>Budgetpost</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {unmapped.map((a) => (
                        <TableRow key={a.account}>
                          <TableCell>
                            {a.account} {a.name}
                          </TableCell>
                          <TableCell align="right">{kr(a.sumOre)}</TableCell>
                          <TableCell>
                            <AccountPostSelect
                              account={a.account}
                              placeholder
                              value={accounts[a.account] ?? ''}
                              onChange={(v) => setAccounts({ ...accounts, [a.account]: v })}
                              helperText={a.suggestion ? `Förslag: ${POST_INFO[a.suggestion].label}` : undefined}
                            />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </>
              )}
              {preview.objects.length > 0 && <ObjectsTable objects={preview.objects} chosen={objects} insatser={insatser} onChange={setObjects} />}
              {preview.byPost.length > 0 && <SumsByPost byPost={preview.byPost} />}
              {(preview.earlierImports > 0 || preview.alreadyImported) && (
                <FormControlLabel
                  control={<Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)} />}
                  label={
                    preview.alreadyImported
                      ? 'Filen är redan importerad. Ersätt den tidigare importen.'
                      : `Ersätt tidigare import för ${preview.year} (${preview.earlierImports} st) – en ny export av samma bokföring.`
                  }
                />
              )}
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Avbryt</Button>
        <Button variant="contained" disabled={busy || blocked} onClick={() => void doImport()}>
          Importera
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The file's objects (projects, result units), each tied to an insats or a post, or to nothing. */
function ObjectsTable(props: {
  objects: UtfallImportPreview['objects'];
  chosen: Record<string, string>;
  insatser: Insats[];
  onChange: (chosen: Record<string, string>) => void;
}) {
  const { objects, chosen, insatser, onChange } = props;
  return (
    <>
      <Typography variant="subtitle1">Objekt (projekt, resultatenheter)</Typography>
      <Table size="small" aria-label="Objekt">
        <TableBody>
          {objects.map((o) => {
            const key = `${o.dimension}:${o.objectId}`;
            const stored = o.insatsId !== null ? `insats:${o.insatsId}` : (o.post ?? '');
            return (
              <TableRow key={key}>
                <TableCell>
                  {o.objectId} {o.name}
                </TableCell>
                <TableCell>
                  <ObjectTargetSelect
                    objectId={o.objectId}
                    value={chosen[key] ?? stored}
                    insatser={insatser}
                    onChange={(v) => onChange({ ...chosen, [key]: v })}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}

/** What would be imported, by post: rows and sum. */
function SumsByPost({ byPost }: { byPost: UtfallImportPreview['byPost'] }) {
  return (
    <Table size="small" aria-label="Summor per post">
      <TableHead>
        <TableRow>
          <TableCell>Post</TableCell>
          <TableCell align="right">Rader</TableCell>
          <TableCell align="right">Summa, kr</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {byPost.map((p) => (
          <TableRow key={p.post}>
            <TableCell>{POST_INFO[p.post].label}</TableCell>
            <TableCell align="right">{p.rows}</TableCell>
            <TableCell align="right">{kr(p.sumOre)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
