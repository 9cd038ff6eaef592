import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { SECTIONS, type SectionId } from '../store/app';

const PLANNED: Partial<Record<SectionId, string[]>> = {
  arenden: [
    'Ärendeblad med förslag till beslut och att-satser',
    'Mallar för årets återkommande ärenden',
    'Kallelse, dagordning och handlingar som en PDF',
    'Protokoll och signerade beslutsdokument',
  ],
  insatser: [
    'Ansökningar och tilläggsansökningar',
    'Beredning med checklista',
    'Beslut av styrelsen eller på delegation',
    'Insatser med budget, utfall och slutrapport',
  ],
};

export function ComingSoonScreen({ section }: { section: SectionId }) {
  const label = SECTIONS.find((s) => s.id === section)?.label ?? '';
  return (
    <Stack spacing={2}>
      <Typography variant="h1">{label}</Typography>
      <Paper sx={{ p: 3, maxWidth: 720 }}>
        <Typography variant="h3">Kommer i en senare version</Typography>
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          Den här delen av Kansli byggs nu. Den kommer att innehålla:
        </Typography>
        <ul>
          {(PLANNED[section] ?? []).map((item) => (
            <li key={item}>
              <Typography>{item}</Typography>
            </li>
          ))}
        </ul>
      </Paper>
    </Stack>
  );
}
