import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import ArrowDownwardOutlined from '@mui/icons-material/ArrowDownwardOutlined';
import ArrowUpwardOutlined from '@mui/icons-material/ArrowUpwardOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import type { Block, TableBlock } from '../../../../shared/contract/schemas/arendeblad';

/** Editors for the parts of an ärendeblad section: stycke, underrubrik, punktlista, tabell. */

export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const next = list.slice();
  const target = index + delta;
  if (target < 0 || target >= next.length) return next;
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

export function RowTools({
  index,
  count,
  onMove,
  onRemove,
  what,
}: {
  index: number;
  count: number;
  onMove(delta: number): void;
  onRemove(): void;
  what: string;
}) {
  return (
    <Stack direction="row" sx={{ flexShrink: 0 }}>
      <Tooltip title="Flytta upp">
        <span>
          <IconButton size="small" aria-label={`Flytta upp ${what}`} disabled={index === 0} onClick={() => onMove(-1)}>
            <ArrowUpwardOutlined fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title="Flytta ned">
        <span>
          <IconButton size="small" aria-label={`Flytta ned ${what}`} disabled={index === count - 1} onClick={() => onMove(1)}>
            <ArrowDownwardOutlined fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title="Ta bort">
        <IconButton size="small" aria-label={`Ta bort ${what}`} onClick={onRemove}>
          <DeleteOutline fontSize="small" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}

function TableEditor({ block, onChange, label }: { block: TableBlock; onChange(b: TableBlock): void; label: string }) {
  const setCell = (r: number, c: number, value: string) =>
    onChange({ ...block, rows: block.rows.map((row, i) => (i === r ? row.map((v, j) => (j === c ? value : v)) : row)) });
  const setHead = (c: number, value: string) => onChange({ ...block, header: block.header.map((v, j) => (j === c ? value : v)) });
  const addRow = () => onChange({ ...block, rows: [...block.rows, block.header.map(() => '')] });
  const addColumn = () => onChange({ ...block, header: [...block.header, ''], rows: block.rows.map((r) => [...r, '']) });
  const removeRow = (r: number) => onChange({ ...block, rows: block.rows.filter((_, i) => i !== r) });
  const removeColumn = (c: number) =>
    block.header.length > 1 && onChange({ ...block, header: block.header.filter((_, j) => j !== c), rows: block.rows.map((r) => r.filter((_, j) => j !== c)) });
  const cellSx = { '& .MuiInputBase-input': { py: 0.5, px: 1, fontSize: 14 } };
  return (
    <Stack spacing={1}>
      <TextField size="small" label="Tabellrubrik" value={block.caption} onChange={(e) => onChange({ ...block, caption: e.target.value })} />
      <Box sx={{ overflowX: 'auto' }}>
        <Box component="table" sx={{ borderCollapse: 'collapse', width: '100%' }} aria-label={label}>
          <thead>
            <tr>
              {block.header.map((h, c) => (
                <Box component="th" key={c} sx={{ p: 0.25, bgcolor: 'action.hover' }}>
                  <Stack direction="row">
                    <TextField
                      size="small"
                      fullWidth
                      value={h}
                      placeholder={`Kolumn ${c + 1}`}
                      onChange={(e) => setHead(c, e.target.value)}
                      sx={{ ...cellSx, '& input': { fontWeight: 700 } }}
                      slotProps={{ htmlInput: { 'aria-label': `Kolumnrubrik ${c + 1}` } }}
                    />
                    {block.header.length > 1 && (
                      <IconButton size="small" aria-label={`Ta bort kolumn ${c + 1}`} onClick={() => removeColumn(c)}>
                        <DeleteOutline fontSize="inherit" />
                      </IconButton>
                    )}
                  </Stack>
                </Box>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((v, c) => (
                  <Box component="td" key={c} sx={{ p: 0.25 }}>
                    <TextField
                      size="small"
                      fullWidth
                      value={v}
                      onChange={(e) => setCell(r, c, e.target.value)}
                      sx={cellSx}
                      slotProps={{ htmlInput: { 'aria-label': `Rad ${r + 1}, kolumn ${c + 1}` } }}
                    />
                  </Box>
                ))}
                <td>
                  <IconButton size="small" aria-label={`Ta bort rad ${r + 1}`} onClick={() => removeRow(r)}>
                    <DeleteOutline fontSize="inherit" />
                  </IconButton>
                </td>
              </tr>
            ))}
          </tbody>
        </Box>
      </Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button size="small" startIcon={<AddOutlined />} onClick={addRow}>
          Rad
        </Button>
        <Button size="small" startIcon={<AddOutlined />} onClick={addColumn} disabled={block.header.length >= 10}>
          Kolumn
        </Button>
        <FormControlLabel
          control={<Checkbox size="small" checked={block.sumRow} onChange={(e) => onChange({ ...block, sumRow: e.target.checked })} />}
          label="Sista raden är en summa"
        />
      </Stack>
      <TextField size="small" label="Fotnot" value={block.note} onChange={(e) => onChange({ ...block, note: e.target.value })} />
    </Stack>
  );
}

export function BlockEditor({ block, onChange, where }: { block: Block; onChange(b: Block): void; where: string }) {
  switch (block.type) {
    case 'stycke':
      return (
        <TextField
          fullWidth
          multiline
          minRows={2}
          value={block.text}
          onChange={(e) => onChange({ ...block, text: e.target.value })}
          placeholder="Skriv stycket …"
          slotProps={{ htmlInput: { 'aria-label': `Stycke i ${where}` } }}
        />
      );
    case 'underrubrik':
      return (
        <TextField
          fullWidth
          size="small"
          value={block.text}
          onChange={(e) => onChange({ ...block, text: e.target.value })}
          placeholder="Underrubrik"
          sx={{ '& input': { fontWeight: 700 } }}
          slotProps={{ htmlInput: { 'aria-label': `Underrubrik i ${where}` } }}
        />
      );
    case 'punktlista':
      return (
        <Stack spacing={0.5}>
          {block.items.map((item, i) => (
            <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography aria-hidden>•</Typography>
              <TextField
                fullWidth
                size="small"
                multiline
                value={item}
                onChange={(e) => onChange({ ...block, items: block.items.map((v, j) => (j === i ? e.target.value : v)) })}
                slotProps={{ htmlInput: { 'aria-label': `Punkt ${i + 1} i ${where}` } }}
              />
              <RowTools
                index={i}
                count={block.items.length}
                what={`punkt ${i + 1}`}
                onMove={(d) => onChange({ ...block, items: move(block.items, i, d) })}
                onRemove={() => onChange({ ...block, items: block.items.filter((_, j) => j !== i) })}
              />
            </Stack>
          ))}
          <Box>
            <Button size="small" startIcon={<AddOutlined />} onClick={() => onChange({ ...block, items: [...block.items, ''] })}>
              Punkt
            </Button>
          </Box>
        </Stack>
      );
    case 'tabell':
      return <TableEditor block={block} onChange={onChange} label={`Tabell i ${where}`} />;
    case 'riskmatris':
      return (
        <Stack spacing={1}>
          <Box component="table" aria-label={block.caption || 'Riskmatris'} sx={{ borderCollapse: 'separate', borderSpacing: 2, alignSelf: 'flex-start' }}>
            <tbody>
              {block.rowLabels.map((label, r) => (
                <tr key={label}>
                  <Box component="th" scope="row" sx={{ textAlign: 'right', fontWeight: 400, pr: 1, fontSize: 13 }}>
                    {label}
                  </Box>
                  {(block.cells[r] ?? []).map((c, k) => (
                    <Box component="td" key={k} sx={{ bgcolor: c.color, width: 96, height: 44, textAlign: 'center', fontWeight: 700, fontSize: 12 }}>
                      {c.text}
                    </Box>
                  ))}
                </tr>
              ))}
              <tr>
                <Box component="th" sx={{ fontSize: 12 }}>{`${block.rowTitle} / ${block.colTitle}`}</Box>
                {block.colLabels.map((l) => (
                  <Box component="th" key={l} sx={{ fontWeight: 400, fontSize: 13 }}>
                    {l}
                  </Box>
                ))}
              </tr>
            </tbody>
          </Box>
          <TextField
            size="small"
            label="Rubrik"
            value={block.caption}
            onChange={(e) => onChange({ ...block, caption: e.target.value })}
            slotProps={{ htmlInput: { 'aria-label': `Riskmatrisens rubrik i ${where}` } }}
          />
        </Stack>
      );
    case 'bild':
      return (
        <Stack spacing={1}>
          <Box
            component="img"
            src={`data:image/png;base64,${block.pngBase64}`}
            alt={block.caption}
            sx={{ maxWidth: '100%', maxHeight: 320, objectFit: 'contain', alignSelf: 'flex-start', border: 1, borderColor: 'divider' }}
          />
          <TextField
            size="small"
            label="Bildtext"
            value={block.caption}
            onChange={(e) => onChange({ ...block, caption: e.target.value })}
            slotProps={{ htmlInput: { 'aria-label': `Bildtext i ${where}` } }}
          />
        </Stack>
      );
  }
}

export const NEW_BLOCKS: { label: string; make(): Block }[] = [
  { label: 'Stycke', make: () => ({ type: 'stycke', text: '' }) },
  { label: 'Underrubrik', make: () => ({ type: 'underrubrik', text: '' }) },
  { label: 'Punktlista', make: () => ({ type: 'punktlista', items: [''] }) },
  { label: 'Tabell', make: () => ({ type: 'tabell', caption: '', header: ['', 'Belopp, kr'], rows: [['', '']], sumRow: false, note: '' }) },
];
