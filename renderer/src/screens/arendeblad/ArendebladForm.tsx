import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import type { ArendebladContent, Section } from '../../../../shared/contract/schemas/arendeblad';
import { ORGAN_OPTIONS } from '../../../../shared/contract/schemas/arendeblad';
import type { Person } from '../../../../shared/contract/schemas/board';
import type { DocumentMeta } from '../../../../shared/contract/schemas/diarium';
import { DateField } from '../../components/fields';
import { BlockEditor, NEW_BLOCKS, RowTools, move } from './BlockEditors';
import type { Draft } from './useArendebladEditor';

type ContentProps = { content: ArendebladContent; onContent: (content: ArendebladContent) => void };

/** The headings an ärendeblad's sections usually have, as the papers write them. */
const SECTION_HEADINGS = ['Sammanfattning', 'Ärendet', 'Bedömning', 'Ekonomiska konsekvenser', 'Beslutsunderlag', 'Nytt avsnitt'];

/** The whole ärendeblad as a form: head, förslag till beslut, sections, föredragande, bilagor and sändlista. */
export function ArendebladForm(props: {
  draft: Draft;
  people: Person[];
  documents: DocumentMeta[];
  onChange: (draft: Draft) => void;
  onUpload: (file: File) => Promise<DocumentMeta | null>;
}) {
  const { draft, onChange } = props;
  const c = draft.content;
  const onContent = (content: ArendebladContent) => onChange({ ...draft, content });
  return (
    <Stack spacing={2}>
      <TextField
        label="Rubrik"
        value={draft.rubrik}
        onChange={(e) => onChange({ ...draft, rubrik: e.target.value })}
        slotProps={{ htmlInput: { style: { fontSize: 22, fontWeight: 600 } } }}
      />
      <Stack direction="row" spacing={2}>
        <TextField
          select
          label="Till"
          value={draft.organ}
          onChange={(e) =>
            onChange({
              ...draft,
              organ: e.target.value,
              content: { ...c, forslag: { ...c.forslag, inledning: c.forslag.inledning.replace(draft.organ, e.target.value) } },
            })
          }
          sx={{ minWidth: 220 }}
        >
          {[...new Set([...ORGAN_OPTIONS, draft.organ])].map((o) => (
            <MenuItem key={o} value={o}>
              {o}
            </MenuItem>
          ))}
        </TextField>
        <DateField label="Datum" value={draft.datum} onChange={(e) => onChange({ ...draft, datum: e.target.value })} />
      </Stack>
      <ForslagFields content={c} onContent={onContent} />
      <SectionsFields content={c} onContent={onContent} />
      <Divider />
      <ForedragandeFields content={c} onContent={onContent} people={props.people} />
      <BilagorFields content={c} onContent={onContent} documents={props.documents} onUpload={props.onUpload} />
      <TextField
        label="Beslutet skickas till"
        helperText="En mottagare per rad."
        multiline
        minRows={1}
        value={c.skickasTill.join('\n')}
        onChange={(e) => onContent({ ...c, skickasTill: e.target.value.split('\n') })}
      />
    </Stack>
  );
}

/** Förslag till beslut: the opening line and its att-satser. */
function ForslagFields({ content: c, onContent }: ContentProps) {
  const setPunkter = (punkter: string[]) => onContent({ ...c, forslag: { ...c.forslag, punkter } });
  return (
    <>
      <Typography variant="h6" component="h2">
        Förslag till beslut
      </Typography>
      <TextField
        size="small"
        label="Inledning"
        value={c.forslag.inledning}
        onChange={(e) => onContent({ ...c, forslag: { ...c.forslag, inledning: e.target.value } })}
      />
      {c.forslag.punkter.map((p, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Typography sx={{ pt: 1, width: 28, flexShrink: 0, fontWeight: 600 }}>att</Typography>
          <TextField
            fullWidth
            multiline
            value={p}
            onChange={(e) => setPunkter(c.forslag.punkter.map((x, j) => (j === i ? e.target.value : x)))}
            slotProps={{ htmlInput: { 'aria-label': `Att-sats ${i + 1}` } }}
          />
          <RowTools
            index={i}
            count={c.forslag.punkter.length}
            what={`att-sats ${i + 1}`}
            onMove={(d) => setPunkter(move(c.forslag.punkter, i, d))}
            onRemove={() => setPunkter(c.forslag.punkter.filter((_, j) => j !== i))}
          />
        </Stack>
      ))}
      <Box>
        <Button startIcon={<AddOutlined />} onClick={() => setPunkter([...c.forslag.punkter, ''])}>
          Lägg till att-sats
        </Button>
      </Box>
    </>
  );
}

/** The sections (Sammanfattning, Ärendet …), each a heading and its blocks of text, lists and tables. */
function SectionsFields({ content: c, onContent }: ContentProps) {
  const setSection = (i: number, s: Section) => onContent({ ...c, sections: c.sections.map((x, j) => (j === i ? s : x)) });
  return (
    <>
      {c.sections.map((s, i) => (
        <Box key={i} component="section" aria-label={s.heading || `Avsnitt ${i + 1}`}>
          <Divider sx={{ mb: 2 }} />
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
            <TextField
              size="small"
              label="Avsnittets rubrik"
              value={s.heading}
              onChange={(e) => setSection(i, { ...s, heading: e.target.value })}
              sx={{ flexGrow: 1, '& input': { fontWeight: 700 } }}
            />
            <RowTools
              index={i}
              count={c.sections.length}
              what={`avsnittet ${s.heading}`}
              onMove={(d) => onContent({ ...c, sections: move(c.sections, i, d) })}
              onRemove={() => onContent({ ...c, sections: c.sections.filter((_, j) => j !== i) })}
            />
          </Stack>
          <Stack spacing={1.5}>
            {s.blocks.map((b, k) => (
              <Stack key={k} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <Box sx={{ flexGrow: 1 }}>
                  <BlockEditor
                    block={b}
                    where={s.heading || `avsnitt ${i + 1}`}
                    onChange={(nb) => setSection(i, { ...s, blocks: s.blocks.map((x, j) => (j === k ? nb : x)) })}
                  />
                </Box>
                <RowTools
                  index={k}
                  count={s.blocks.length}
                  what={`del ${k + 1} i ${s.heading}`}
                  onMove={(d) => setSection(i, { ...s, blocks: move(s.blocks, k, d) })}
                  onRemove={() => setSection(i, { ...s, blocks: s.blocks.filter((_, j) => j !== k) })}
                />
              </Stack>
            ))}
          </Stack>
          <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
            {NEW_BLOCKS.map((nb) => (
              <Button key={nb.label} size="small" startIcon={<AddOutlined />} onClick={() => setSection(i, { ...s, blocks: [...s.blocks, nb.make()] })}>
                {nb.label}
              </Button>
            ))}
          </Stack>
        </Box>
      ))}
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
        {SECTION_HEADINGS.map((h) => (
          <Button
            key={h}
            size="small"
            variant="outlined"
            startIcon={<AddOutlined />}
            onClick={() => onContent({ ...c, sections: [...c.sections, { heading: h === 'Nytt avsnitt' ? '' : h, blocks: [{ type: 'stycke', text: '' }] }] })}
          >
            {h}
          </Button>
        ))}
      </Stack>
    </>
  );
}

/** Föredragande: a person from the register (name and title filled in) or a name typed. */
function ForedragandeFields({ content: c, onContent, people }: ContentProps & { people: Person[] }) {
  return (
    <>
      <Typography variant="h6" component="h2">
        Föredragande
      </Typography>
      <Stack direction="row" spacing={2}>
        <Autocomplete
          freeSolo
          options={people.map((p) => p.name)}
          value={c.foredragande.name}
          onInputChange={(_, value) => {
            const person = people.find((p) => p.name === value);
            onContent({ ...c, foredragande: { personId: person?.id ?? null, name: value, title: person?.title ?? c.foredragande.title } });
          }}
          renderInput={(params) => <TextField {...params} label="Namn" />}
          sx={{ flexGrow: 1 }}
        />
        <TextField
          label="Titel"
          value={c.foredragande.title}
          onChange={(e) => onContent({ ...c, foredragande: { ...c.foredragande, title: e.target.value } })}
        />
      </Stack>
    </>
  );
}

/** Bilagor: each a name and a handling in the ärende's documents, chosen or uploaded here. */
function BilagorFields({
  content: c,
  onContent,
  documents,
  onUpload,
}: ContentProps & { documents: DocumentMeta[]; onUpload: (file: File) => Promise<DocumentMeta | null> }) {
  const setBilaga = (i: number, patch: Partial<ArendebladContent['bilagor'][number]>) =>
    onContent({ ...c, bilagor: c.bilagor.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  // A large bilaga takes seconds to read and store: the row says so until it is in the diarium.
  const [uploading, setUploading] = useState<{ index: number; name: string } | null>(null);
  async function upload(i: number, file: File) {
    setUploading({ index: i, name: file.name });
    try {
      const meta = await onUpload(file);
      if (meta) setBilaga(i, { documentId: meta.id, title: c.bilagor[i]?.title || meta.title });
    } finally {
      setUploading(null);
    }
  }

  return (
    <>
      <Typography variant="h6" component="h2">
        Bilagor
      </Typography>
      {c.bilagor.map((b, i) => (
        <Stack key={i} spacing={0.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography sx={{ width: 24 }}>{i + 1}</Typography>
            <TextField size="small" label="Namn" value={b.title} onChange={(e) => setBilaga(i, { title: e.target.value })} sx={{ flexGrow: 1 }} />
            <TextField
              select
              size="small"
              label="Handling i diariet"
              value={b.documentId ?? ''}
              onChange={(e) => {
                const docId = e.target.value === '' ? null : Number(e.target.value);
                const doc = documents.find((d) => d.id === docId);
                setBilaga(i, { documentId: docId, title: b.title || doc?.title || '' });
              }}
              sx={{ minWidth: 220 }}
            >
              <MenuItem value="">
                <em>Ingen ännu</em>
              </MenuItem>
              {documents.map((d) => (
                <MenuItem key={d.id} value={d.id}>
                  {d.title}
                </MenuItem>
              ))}
            </TextField>
            <Button size="small" component="label" disabled={uploading !== null}>
              Ladda upp
              <input
                hidden
                type="file"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) void upload(i, f);
                  e.target.value = '';
                }}
              />
            </Button>
            <RowTools
              index={i}
              count={c.bilagor.length}
              what={`bilaga ${i + 1}`}
              onMove={(d) => onContent({ ...c, bilagor: move(c.bilagor, i, d) })}
              onRemove={() => onContent({ ...c, bilagor: c.bilagor.filter((_, j) => j !== i) })}
            />
          </Stack>
          {uploading?.index === i && (
            <Box role="status" sx={{ pl: 4 }}>
              <Typography variant="body2" color="text.secondary">
                Lägger till {uploading.name} i diariet …
              </Typography>
              <LinearProgress aria-label={`Lägger till ${uploading.name}`} />
            </Box>
          )}
        </Stack>
      ))}
      <Box>
        <Button startIcon={<AddOutlined />} onClick={() => onContent({ ...c, bilagor: [...c.bilagor, { documentId: null, title: '' }] })}>
          Lägg till bilaga
        </Button>
      </Box>
    </>
  );
}
