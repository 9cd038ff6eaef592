import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import type { MandatePeriod, SignatureBlock } from '../../../../shared/contract/schemas/board';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../store/app';
import { DateField } from '../../components/fields';
import { todayIso } from '../../components/text';

type Scope = 'presidium' | 'styrelse';

/** Today, or the nearest day of the period when today lies outside it. */
function defaultDate(period: MandatePeriod): string {
  const today = todayIso();
  if (today < period.startsOn) return period.startsOn;
  if (today > period.endsOn) return period.endsOn;
  return today;
}

/** The block as plain text, for pasting under a document written elsewhere. */
function asText(block: SignatureBlock): string {
  const lines = [block.placeAndDate, ''];
  for (const s of block.signers) {
    lines.push('', '_______________________________', s.name);
    if (s.roleTitle) lines.push(s.roleTitle);
    lines.push('Utsedd av', s.appointedBy);
  }
  return lines.join('\n');
}

/**
 * "Namnteckningar": who signs a document on a given day, laid out like page 3
 * of the annual report: place and date, then two columns of signature lines
 * with name, role, "Utsedd av" and the member organisation.
 */
export function SignatureCard({ period, version }: { period: MandatePeriod; version: number }) {
  const notify = useApp((s) => s.notify);
  const [date, setDate] = useState(() => defaultDate(period));
  const [scope, setScope] = useState<Scope>('presidium');
  const [block, setBlock] = useState<SignatureBlock | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setDate(defaultDate(period)), [period]);

  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      // Half-typed: keep the block until the date is whole.
      if (date.length >= 10) {
        setBlock(null);
        setError('Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2018-03-16.');
      }
      return;
    }
    let live = true;
    call('board.signatures', { periodId: period.id, date, scope })
      .then((b) => {
        if (!live) return;
        setBlock(b);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!live) return;
        setBlock(null);
        setError(err instanceof ApiCallError ? (err.issues[0]?.message ?? err.message) : errorMessage(err));
      });
    return () => {
      live = false;
    };
  }, [period.id, date, scope, version]);

  async function copy() {
    if (!block) return;
    try {
      await navigator.clipboard.writeText(asText(block));
      notify('success', 'Namnteckningsblocket är kopierat.');
    } catch {
      notify('error', 'Det gick inte att kopiera till urklipp.');
    }
  }

  return (
    <Paper sx={{ p: 3 }} component="section" aria-labelledby="signatures-title">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}>
        <Box>
          <Typography variant="h2" id="signatures-title">
            Namnteckningar
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 520 }}>
            Vilka som skriver under ett dokument en viss dag, som i årsredovisningen: de ordinarie ledamöter som har uppdraget den dagen.
          </Typography>
        </Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <DateField label="Datum" size="small" value={date} onChange={(e) => setDate(e.target.value)} error={error !== null} sx={{ width: 170 }} />
          <ToggleButtonGroup size="small" exclusive value={scope} onChange={(_e, v: Scope | null) => v && setScope(v)} aria-label="Vilka som skriver under">
            <ToggleButton value="presidium">Presidiet</ToggleButton>
            <ToggleButton value="styrelse">Hela styrelsen</ToggleButton>
          </ToggleButtonGroup>
          <Button size="small" startIcon={<ContentCopyOutlined />} onClick={() => void copy()} disabled={!block || block.signers.length === 0} sx={{ mt: 0.5 }}>
            Kopiera
          </Button>
        </Stack>
      </Stack>

      {error && (
        <Alert severity="warning" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
      {block && (
        <Box
          data-testid="signature-block"
          sx={{
            mt: 3,
            mx: 'auto',
            maxWidth: 760,
            border: '1px solid',
            borderColor: 'divider',
            borderRadius: 1,
            bgcolor: '#fcfcfa',
            px: { xs: 3, md: 6 },
            py: 4,
          }}
        >
          <Typography sx={{ mb: 1 }}>{block.placeAndDate}</Typography>
          {block.signers.length === 0 ? (
            <Typography color="text.secondary" sx={{ mt: 2 }}>
              {scope === 'presidium' ? 'Inget presidium är utsett den dagen.' : 'Ingen ordinarie ledamot har uppdraget den dagen.'}
            </Typography>
          ) : (
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 8, rowGap: 1 }}>
              {block.signers.map((s, i) => (
                <Box key={`${s.name}-${i}`} sx={{ pt: 6 }} data-testid="signer">
                  <Box sx={{ borderTop: '1px solid', borderColor: 'text.primary', width: '90%', mb: 0.75 }} />
                  <Typography sx={{ fontWeight: 600 }}>{s.name}</Typography>
                  {s.roleTitle && <Typography>{s.roleTitle}</Typography>}
                  <Typography variant="body2" color="text.secondary">
                    Utsedd av
                  </Typography>
                  <Typography>{s.appointedBy}</Typography>
                </Box>
              ))}
            </Box>
          )}
        </Box>
      )}
    </Paper>
  );
}
