import { useRef, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { SUS_GROUPS, type StatistikView, type SusImportResult, type SusKey } from '../../../../shared/contract/schemas/statistik';
import { call, errorMessage } from '../../api';
import { DateField, SelectField } from '../../components/fields';
import { useLoad } from '../../components/useLoad';
import { fileToBase64 } from '../../files';
import { YearField } from '../ekonomi/common';

const ROWS: { key: SusKey; label: string; group: string }[] = [
  { key: 'deltagare', label: 'Deltagare', group: 'Totalt' },
  ...Object.values(SUS_GROUPS).flatMap((g) => Object.entries(g.keys).map(([key, label]) => ({ key: key as SusKey, label, group: g.label }))),
];

/** SUS figures for the year, for the whole förbund or one insats: one field per count, empty where not known. */
function SusForm({ view, insatser, onSaved }: { view: StatistikView; insatser: { id: number; name: string }[]; onSaved: (v: StatistikView) => void }) {
  const [insatsId, setInsatsId] = useState<number | null>(null);
  const has = new Set(view.sus.filter((x) => Object.keys(x.figures).length > 0).map((x) => x.insatsId));
  const options = [
    { value: '', label: `Hela förbundet${has.has(null) ? '' : ' (inga siffror)'}` },
    ...insatser.map((i) => ({ value: String(i.id), label: `${i.name}${has.has(i.id) ? '' : ' (inga siffror)'}` })),
  ];
  const name = insatsId === null ? 'hela förbundet' : (insatser.find((i) => i.id === insatsId)?.name ?? '');
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h2">Deltagare enligt SUS, {name}</Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        Bara antal – aldrig uppgifter om enskilda. En grupp får inte bli fler än deltagarna.
      </Typography>
      <SelectField
        size="small"
        label="Gäller"
        value={insatsId === null ? '' : String(insatsId)}
        options={options}
        onChange={(e) => setInsatsId(e.target.value === '' ? null : Number(e.target.value))}
        sx={{ minWidth: 320, mb: 2 }}
      />
      <SusFields
        key={`${insatsId ?? 'forbundet'}-${JSON.stringify(view.sus.find((x) => x.insatsId === insatsId)?.figures ?? {})}`}
        view={view}
        insatsId={insatsId}
        onSaved={onSaved}
      />
    </Paper>
  );
}

function SusFields({ view, insatsId, onSaved }: { view: StatistikView; insatsId: number | null; onSaved: (v: StatistikView) => void }) {
  const stored = view.sus.find((s) => s.insatsId === insatsId)?.figures ?? {};
  const initial = Object.fromEntries(ROWS.map((r) => [r.key, stored[r.key] === undefined ? '' : String(stored[r.key])])) as Record<SusKey, string>;
  const [text, setText] = useState(initial);
  const [failure, setFailure] = useState<string | null>(null);
  const dirty = JSON.stringify(text) !== JSON.stringify(initial);
  const save = async () => {
    setFailure(null);
    const figures = Object.fromEntries(ROWS.map((r) => [r.key, (text[r.key] ?? '').trim() === '' ? null : Number((text[r.key] ?? '').trim())])) as Record<
      SusKey,
      number | null
    >;
    const bad = ROWS.find((r) => figures[r.key] !== null && !Number.isInteger(figures[r.key]));
    if (bad) return setFailure(`${bad.label}: skriv ett helt antal.`);
    try {
      onSaved(await call('statistik.saveSus', { year: view.year, insatsId, figures }));
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };
  return (
    <>
      {[...new Set(ROWS.map((r) => r.group))].map((group) => (
        <Box key={group} component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 1.5 }}>
          {group !== 'Totalt' && (
            <Typography component="legend" variant="body2" sx={{ fontWeight: 600, mb: 1 }}>
              {group}
            </Typography>
          )}
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5 }}>
            {ROWS.filter((r) => r.group === group).map((r) => (
              <TextField
                key={r.key}
                size="small"
                label={r.label}
                value={text[r.key]}
                onChange={(e) => setText({ ...text, [r.key]: e.target.value })}
                slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': r.group === 'Totalt' ? r.label : `${r.group}: ${r.label}` } }}
                sx={{ width: 200 }}
              />
            ))}
          </Stack>
        </Box>
      ))}
      {failure && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {failure}
        </Alert>
      )}
      <Button variant="contained" sx={{ mt: 2 }} disabled={!dirty} onClick={() => void save()}>
        Spara SUS-siffrorna
      </Button>
    </>
  );
}

/**
 * A card of things the year holds (tillfällen, indikatorer, dialoger): each with Ta bort,
 * then the fields for a new one and Lägg till; a refusal is said under them.
 */
function ListCard(props: {
  title: string;
  items: { id: number; text: string }[];
  kind: 'event' | 'indikator' | 'dialog';
  note?: ReactNode;
  onAdd: () => Promise<void>;
  onChanged: () => void;
  children: ReactNode;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const add = async () => {
    setFailure(null);
    try {
      await props.onAdd();
      props.onChanged();
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        {props.title}
      </Typography>
      {props.items.map((item) => (
        <Stack key={item.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography sx={{ flexGrow: 1 }}>{item.text}</Typography>
          <IconButton
            aria-label={`Ta bort ${item.text}`}
            onClick={() => void call('statistik.remove', { kind: props.kind, id: item.id }).then(props.onChanged)}
          >
            <DeleteOutline />
          </IconButton>
        </Stack>
      ))}
      {props.note}
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, mt: 1 }}>
        {props.children}
        <Button onClick={() => void add()}>Lägg till</Button>
      </Stack>
      {failure && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {failure}
        </Alert>
      )}
    </Paper>
  );
}

function Events({ view, onChanged }: { view: StatistikView; onChanged: () => void }) {
  const [heldOn, setHeldOn] = useState(`${view.year}-`);
  const [title, setTitle] = useState('');
  const [deltagare, setDeltagare] = useState('');
  const [arrangor, setArrangor] = useState<'forbundet' | 'parterna'>('forbundet');
  return (
    <ListCard
      title="Kompetenshöjande tillfällen"
      kind="event"
      items={view.events.map((e) => ({
        id: e.id,
        text: `${e.heldOn} ${e.title} – ${e.deltagare} deltagare${e.arrangor === 'parterna' ? ' (hos parterna)' : ''}`,
      }))}
      note={
        <Typography variant="body2" sx={{ color: 'text.secondary', my: 1 }}>
          Summa {view.eventTotals.forbundet} deltagare hos förbundet och {view.eventTotals.parterna} hos parterna.
        </Typography>
      }
      onAdd={async () => {
        await call('statistik.saveEvent', { heldOn, title, deltagare: Number(deltagare), arrangor });
        setTitle('');
        setDeltagare('');
      }}
      onChanged={onChanged}
    >
      <DateField size="small" label="Datum" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} sx={{ width: 150 }} />
      <TextField size="small" label="Tillfälle" value={title} onChange={(e) => setTitle(e.target.value)} sx={{ flexGrow: 1, minWidth: 240 }} />
      <TextField size="small" label="Deltagare" value={deltagare} onChange={(e) => setDeltagare(e.target.value)} sx={{ width: 110 }} />
      <SelectField
        size="small"
        label="Arrangör"
        value={arrangor}
        options={[
          { value: 'forbundet', label: 'Förbundet' },
          { value: 'parterna', label: 'Parterna' },
        ]}
        onChange={(e) => setArrangor(e.target.value as 'forbundet' | 'parterna')}
        sx={{ width: 140 }}
      />
    </ListCard>
  );
}

/** Indicator and survey results: "Styrelseenkät – besvarad av 14 av 22", with the result in words. */
function Indikatorer({ view, onChanged }: { view: StatistikView; onChanged: () => void }) {
  const [name, setName] = useState('');
  const [besvarade, setBesvarade] = useState('');
  const [tillfragade, setTillfragade] = useState('');
  const [resultat, setResultat] = useState('');
  const num = (t: string) => (t.trim() === '' ? null : Number(t.trim()));
  return (
    <ListCard
      title="Indikatorer och enkäter"
      kind="indikator"
      items={view.indikatorer.map((i) => ({
        id: i.id,
        text: `${i.name}${i.besvarade === null ? '' : ` – besvarad av ${i.besvarade}${i.tillfragade === null ? '' : ` av ${i.tillfragade}`}`}${i.resultat ? `: ${i.resultat}` : ''}`,
      }))}
      onAdd={async () => {
        await call('statistik.saveIndikator', { year: view.year, name, besvarade: num(besvarade), tillfragade: num(tillfragade), resultat });
        setName('');
        setBesvarade('');
        setTillfragade('');
        setResultat('');
      }}
      onChanged={onChanged}
    >
      <TextField size="small" label="Indikator eller enkät" value={name} onChange={(e) => setName(e.target.value)} sx={{ minWidth: 220 }} />
      <TextField size="small" label="Besvarade" value={besvarade} onChange={(e) => setBesvarade(e.target.value)} sx={{ width: 110 }} />
      <TextField size="small" label="Tillfrågade" value={tillfragade} onChange={(e) => setTillfragade(e.target.value)} sx={{ width: 110 }} />
      <TextField size="small" label="Resultat" value={resultat} onChange={(e) => setResultat(e.target.value)} sx={{ flexGrow: 1, minWidth: 220 }} />
    </ListCard>
  );
}

/** Medlemsdialoger and samråd held in the year. */
function Dialoger({ view, onChanged }: { view: StatistikView; onChanged: () => void }) {
  const [heldOn, setHeldOn] = useState(`${view.year}-`);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<'medlemsdialog' | 'samrad'>('medlemsdialog');
  return (
    <ListCard
      title="Medlemsdialoger och samråd"
      kind="dialog"
      items={view.dialoger.map((d) => ({ id: d.id, text: `${d.heldOn} ${d.title} (${d.kind === 'samrad' ? 'samråd' : 'medlemsdialog'})` }))}
      onAdd={async () => {
        await call('statistik.saveDialog', { heldOn, title, kind });
        setTitle('');
      }}
      onChanged={onChanged}
    >
      <DateField size="small" label="Dialogens datum" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} sx={{ width: 170 }} />
      <TextField size="small" label="Dialog" value={title} onChange={(e) => setTitle(e.target.value)} sx={{ flexGrow: 1, minWidth: 240 }} />
      <SelectField
        size="small"
        label="Slag"
        value={kind}
        options={[
          { value: 'medlemsdialog', label: 'Medlemsdialog' },
          { value: 'samrad', label: 'Samråd' },
        ]}
        onChange={(e) => setKind(e.target.value as 'medlemsdialog' | 'samrad')}
        sx={{ width: 160 }}
      />
    </ListCard>
  );
}

/** SUS figures from an Excel or CSV export: read, shown, then imported (all or nothing). */
function SusImport({ year, onImported }: { year: number; onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [result, setResult] = useState<SusImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const read = async (f: File) => {
    setFailure(null);
    try {
      const base64 = await fileToBase64(f);
      setFile({ name: f.name, base64 });
      setResult(await call('statistik.importSus', { year, fileName: f.name, contentBase64: base64 }));
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };
  const importNow = async () => {
    if (!file) return;
    try {
      const done = await call('statistik.importSus', { year, fileName: file.name, contentBase64: file.base64, preview: false });
      setResult(null);
      if (done.imported) onImported();
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };
  return (
    <>
      <Button variant="outlined" sx={{ alignSelf: 'flex-start' }} onClick={() => input.current?.click()}>
        Importera SUS-siffror från Excel eller CSV …
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".xlsx,.csv,.txt"
        aria-label="Välj fil med SUS-siffror"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void read(f);
        }}
      />
      {failure && <Alert severity="error">{failure}</Alert>}
      <Dialog open={result !== null} onClose={() => setResult(null)} maxWidth="md" fullWidth aria-labelledby="sus-import-title">
        <DialogTitle id="sus-import-title">Importera SUS-siffror {year}</DialogTitle>
        <DialogContent>
          {result?.errors.map((e) => (
            <Alert key={e} severity="error" sx={{ mb: 1 }}>
              {e}
            </Alert>
          ))}
          {result?.warnings.map((w) => (
            <Alert key={w} severity="warning" sx={{ mb: 1 }}>
              {w}
            </Alert>
          ))}
          {result?.rows.map((r) => (
            <Typography key={r.row}>
              {r.name}:{' '}
              {Object.entries(r.figures)
                .map(([k, v]) => `${ROWS.find((x) => x.key === k)?.label ?? k} ${v}`)
                .join(', ')}
            </Typography>
          ))}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setResult(null)}>Avbryt</Button>
          <Button variant="contained" disabled={(result?.errors.length ?? 1) > 0} onClick={() => void importNow()}>
            Importera
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** Ansökningar & insatser → Statistik: SUS figures, kompetenshöjande tillfällen, indikatorer and dialoger for a year. */
export function StatistikTab() {
  const [year, setYear] = useState(new Date().getFullYear());
  const { data: view, error, setData, reload } = useLoad(() => call('statistik.get', { year }), year);
  const { data: insatser } = useLoad(() => call('insatser.list', {}), 0);
  return (
    <Stack spacing={2}>
      <YearField value={year} onChange={setYear} />
      {error && <Alert severity="error">{error}</Alert>}
      {!view && !error && <LinearProgress aria-label="Hämtar statistiken" />}
      {view && (
        <>
          <SusImport year={view.year} onImported={() => void reload()} />
          <SusForm key={`s${view.year}`} view={view} insatser={insatser ?? []} onSaved={setData} />
          <Events key={`e${view.year}`} view={view} onChanged={() => void reload()} />
          <Indikatorer key={`i${view.year}`} view={view} onChanged={() => void reload()} />
          <Dialoger key={`d${view.year}`} view={view} onChanged={() => void reload()} />
        </>
      )}
    </Stack>
  );
}
