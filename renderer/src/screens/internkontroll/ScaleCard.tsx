import { useEffect, useState } from 'react';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DEFAULT_SCALE, type RiskScale } from '../../../../shared/domain/internkontroll';
import { call, errorMessage } from '../../api';
import { useApp, useUnsavedChanges } from '../../store/app';

const resize = (words: string[], size: number, fallback: string[]) => Array.from({ length: size }, (_, i) => words[i] ?? fallback[i] ?? `Steg ${i + 1}`);

/** The förbund's risk scale: steps, the words for each, and the colour thresholds of riskvärde. */
export function ScaleCard() {
  const notify = useApp((s) => s.notify);
  const [scale, setScale] = useState<RiskScale | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    call('internkontroll.scale', {})
      .then((s) => {
        setScale(s);
        setSaved(JSON.stringify(s));
      })
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [notify]);
  useUnsavedChanges('riskskala', 'riskskalan', scale !== null && saved !== null && JSON.stringify(scale) !== saved);
  if (!scale) return null;
  const set = (next: Partial<RiskScale>) => setScale({ ...scale, ...next });
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        Riskskala
      </Typography>
      <Stack spacing={2}>
        <TextField
          select
          size="small"
          label="Antal steg"
          value={scale.size}
          sx={{ width: 140 }}
          onChange={(e) => {
            const size = Number(e.target.value);
            set({
              size,
              sannolikhet: resize(scale.sannolikhet, size, DEFAULT_SCALE.sannolikhet),
              konsekvens: resize(scale.konsekvens, size, DEFAULT_SCALE.konsekvens),
            });
          }}
        >
          {[3, 4, 5].map((n) => (
            <MenuItem key={n} value={n}>
              {n}
            </MenuItem>
          ))}
        </TextField>
        {(['sannolikhet', 'konsekvens'] as const).map((axis) => (
          <Stack key={axis} direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }} useFlexGap>
            <Typography sx={{ width: 110 }}>{axis === 'sannolikhet' ? 'Sannolikhet' : 'Konsekvens'}</Typography>
            {scale[axis].map((w, i) => (
              <TextField
                key={i}
                size="small"
                label={String(i + 1)}
                value={w}
                onChange={(e) => set({ [axis]: scale[axis].map((x, j) => (j === i ? e.target.value : x)) })}
                sx={{ width: 150 }}
              />
            ))}
          </Stack>
        ))}
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }} useFlexGap>
          <Typography sx={{ width: 110 }}>Nivåer</Typography>
          {scale.levels.map((l, i) => (
            <Stack key={i} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
              <input
                type="color"
                value={l.color}
                aria-label={`Färg för ${l.label}`}
                onChange={(e) => set({ levels: scale.levels.map((x, j) => (j === i ? { ...x, color: e.target.value } : x)) })}
              />
              <TextField
                size="small"
                label="Namn"
                value={l.label}
                onChange={(e) => set({ levels: scale.levels.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)) })}
                sx={{ width: 120 }}
              />
              <TextField
                size="small"
                label="t.o.m."
                value={l.upTo}
                onChange={(e) => set({ levels: scale.levels.map((x, j) => (j === i ? { ...x, upTo: Number(e.target.value) || 0 } : x)) })}
                sx={{ width: 70 }}
              />
            </Stack>
          ))}
        </Stack>
        <Button
          variant="outlined"
          sx={{ alignSelf: 'flex-start' }}
          onClick={async () => {
            try {
              const next = await call('internkontroll.saveScale', scale);
              setScale(next);
              setSaved(JSON.stringify(next));
              notify('success', 'Riskskalan är sparad.');
            } catch (err) {
              notify('error', errorMessage(err));
            }
          }}
        >
          Spara skalan
        </Button>
      </Stack>
    </Paper>
  );
}
