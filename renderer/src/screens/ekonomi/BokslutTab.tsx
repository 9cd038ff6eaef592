import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import type { Section } from '../../../../shared/contract/schemas/arendeblad';
import type { BokslutView } from '../../../../shared/contract/schemas/bokslut';
import { BOKSLUT_LINE_KEYS, BOKSLUT_LINES, type BokslutLine } from '../../../../shared/domain/bokslut';
import { bokslutSections } from '../../../../shared/domain/bokslut-document';
import { formatInteger } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';
import { SelectField } from '../../components/fields';
import { useBusy } from '../../components/useBusy';
import { useLoad } from '../../components/useLoad';
import { downloadBase64, fileToBase64 } from '../../files';
import { parseAmount, YearField } from './common';
import { SaldonDialog } from './SaldonDialog';

/** One of the bokslut's tables as the PDF sets it: amounts right-aligned, headings in bold. */
function StatementTable({ section }: { section: Section }) {
  const block = section.blocks[0];
  if (!block || block.type !== 'tabell') return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        {section.heading}
      </Typography>
      <Table size="small" aria-label={section.heading}>
        <TableHead>
          <TableRow>
            {block.header.map((h, i) => (
              <TableCell key={i} align={i >= 2 || (i === 1 && block.header.length === 3) ? 'right' : 'left'}>
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {block.rows.map((r, i) => {
            const heading = r.slice(1).every((c) => c === '');
            const sum = /^(Summa|Årets|Verksamhetens rörelseresultat|Resultat efter|Kassaflöde|Medel från)/.test(r[0] ?? '');
            return (
              <TableRow key={i}>
                {r.map((c, j) => (
                  <TableCell
                    key={j}
                    align={j >= 2 || (j === 1 && r.length === 3) ? 'right' : 'left'}
                    sx={{ fontWeight: heading || sum ? 600 : 400, whiteSpace: j > 0 ? 'nowrap' : undefined }}
                  >
                    {c}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}

/** The accounts and the line each goes to; a change is remembered for every year. */
function Accounts({ view, onChange }: { view: BokslutView; onChange: (v: BokslutView) => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const map = async (account: string, line: BokslutLine | null) => {
    try {
      onChange(await call('bokslut.saveMappings', { year: view.year, mappings: [{ account, line }] }));
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };
  const options = [{ value: '', label: 'Ingår inte i bokslutet' }, ...BOKSLUT_LINE_KEYS.map((k) => ({ value: k, label: BOKSLUT_LINES[k].label }))];
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Konton och rader
      </Typography>
      {failure && <Alert severity="error">{failure}</Alert>}
      <Table size="small" aria-label="Konton och rader">
        <TableHead>
          <TableRow>
            <TableCell>Konto</TableCell>
            <TableCell>Namn</TableCell>
            <TableCell align="right">IB</TableCell>
            <TableCell align="right">UB</TableCell>
            <TableCell align="right">Resultat</TableCell>
            <TableCell>Rad</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.accounts.map((a) => (
            <TableRow key={a.account}>
              <TableCell>{a.account}</TableCell>
              <TableCell>{a.name}</TableCell>
              <TableCell align="right">{a.ibKr ? formatInteger(a.ibKr) : ''}</TableCell>
              <TableCell align="right">{a.ubKr ? formatInteger(a.ubKr) : ''}</TableCell>
              <TableCell align="right">{a.resKr ? formatInteger(a.resKr) : ''}</TableCell>
              <TableCell>
                <SelectField
                  size="small"
                  label={`Rad för konto ${a.account}`}
                  value={a.line ?? ''}
                  options={options}
                  onChange={(e) => void map(a.account, (e.target.value || null) as BokslutLine | null)}
                  sx={{ width: { xs: 210, lg: 300 } }}
                  helperText={a.mapped ? 'Kopplad' : 'Förslag efter kontoplanen'}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

/** A note the registers cannot fill: its rows as "text; belopp", one per line. */
function NoteEditor({ view, onSaved }: { view: BokslutView; onSaved: (v: BokslutView) => void }) {
  const numbered = BOKSLUT_LINE_KEYS.map((k) => BOKSLUT_LINES[k] as { label: string; note?: number }).filter((l) => l.note && l.note !== 2 && l.note !== 3);
  const [number, setNumber] = useState(numbered[0]?.note ?? 1);
  const existing = view.notes.find((n) => n.number === number && n.typed);
  const [rows, setRows] = useState(existing ? existing.rows.map((r) => `${r.label}; ${r.kr}`).join('\n') : '');
  const [failure, setFailure] = useState<string | null>(null);
  const label = numbered.find((l) => l.note === number)?.label ?? '';
  const save = async () => {
    setFailure(null);
    const parsed = rows
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const at = line.lastIndexOf(';');
        return { label: line.slice(0, at).trim(), kr: parseAmount(line.slice(at + 1)) };
      });
    const bad = parsed.find((r) => r.kr === null || r.label === '');
    if (bad) return setFailure('Skriv varje rad som ”text; belopp”, t.ex. ”Hyresintäkter; 176 720”.');
    try {
      onSaved(await call('bokslut.saveNote', { year: view.year, number, label, rows: parsed.map((r) => ({ label: r.label, kr: Math.round(r.kr!) })) }));
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Skriv in en not
      </Typography>
      <Stack spacing={1.5}>
        <SelectField
          size="small"
          label="Not"
          value={number}
          options={numbered.map((l) => ({ value: l.note!, label: `Not ${l.note} ${l.label}` }))}
          onChange={(e) => {
            const n = Number(e.target.value);
            setNumber(n);
            const other = view.notes.find((x) => x.number === n && x.typed);
            setRows(other ? other.rows.map((r) => `${r.label}; ${r.kr}`).join('\n') : '');
          }}
          sx={{ maxWidth: 420 }}
        />
        <TextField
          label="Rader (text; belopp)"
          multiline
          minRows={3}
          value={rows}
          onChange={(e) => setRows(e.target.value)}
          helperText="Tomt: noten tas bort."
        />
        {failure && <Alert severity="error">{failure}</Alert>}
        <Button variant="contained" sx={{ alignSelf: 'flex-start' }} onClick={() => void save()}>
          Spara noten
        </Button>
      </Stack>
    </Paper>
  );
}

/** Ekonomi → Bokslut: the year's saldon from SIE, the three statements, the noter and the checks. */
export function BokslutTab() {
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const { data: view, error, setData } = useLoad(() => call('bokslut.get', { year }), year);
  const { busy, failure, run } = useBusy();
  const fileInput = useRef<HTMLInputElement>(null);
  const [typing, setTyping] = useState(false);
  const importFile = (file: File) =>
    run('Läser in …', async () => {
      const v = await call('bokslut.import', { fileName: file.name, contentBase64: await fileToBase64(file) });
      setYear(v.year);
      setData(v);
    });
  const failed = view?.checks.filter((c) => !c.ok) ?? [];
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <YearField value={year} onChange={setYear} />
        <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => fileInput.current?.click()} disabled={busy !== null}>
          Läs in SIE-fil …
        </Button>
        <Button variant="outlined" onClick={() => setTyping(true)} disabled={busy !== null || !view}>
          Skriv in saldon …
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".se,.si,.sie"
          hidden
          aria-label="Välj SIE-fil"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <Button
          onClick={() => void run('Gör PDF …', async () => downloadFile(await call('bokslut.pdf', { year })))}
          disabled={busy !== null || !view?.hasSaldon}
        >
          PDF
        </Button>
        {view?.source && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Saldon från {view.source.kind === 'sie' ? `”${view.source.fileName ?? ''}”` : 'inskrivna belopp'}, {view.source.updatedAt.slice(0, 10)} av{' '}
            {view.source.updatedBy}
          </Typography>
        )}
      </Stack>
      {busy && <LinearProgress aria-label={busy} />}
      {(failure ?? error) && <Alert severity="error">{failure ?? error}</Alert>}
      {view && !view.hasSaldon && (
        <Alert severity="info">
          Inga saldon för {year}. Läs in en SIE-fil ur bokföringen (typ 1–4, med #IB, #UB och #RES); årets föregående år följer med när filen har det. Ger
          bokföringen ingen SIE-fil: Skriv in saldon ….
        </Alert>
      )}
      {typing && view && <SaldonDialog view={view} onClose={() => setTyping(false)} onSaved={setData} />}
      {view?.hasSaldon && (
        <>
          {failed.length === 0 ? (
            <Alert severity="success">Alla {view.checks.length} kontroller stämmer.</Alert>
          ) : (
            <Alert severity="warning" data-testid="bokslut-kontroller">
              <AlertTitle>Det här stämmer inte</AlertTitle>
              {failed.map((c) => (
                <div key={c.what}>
                  {c.what}: {c.message}
                </div>
              ))}
            </Alert>
          )}
          {bokslutSections(view)
            .filter((s) => s.heading !== 'Kontroller')
            .flatMap((s) =>
              s.heading === 'Noter'
                ? s.blocks.filter((b) => b.type === 'tabell').map((b) => ({ heading: b.type === 'tabell' ? b.caption : '', blocks: [b] }))
                : [s],
            )
            .map((s) => (
              <StatementTable key={s.heading} section={s} />
            ))}
          <NoteEditor key={`n${view.year}`} view={view} onSaved={setData} />
          <Accounts view={view} onChange={setData} />
        </>
      )}
    </Stack>
  );
}

function downloadFile(file: { fileName: string; mimeType: string; contentBase64: string }): void {
  downloadBase64(file.fileName, file.mimeType, file.contentBase64);
}
