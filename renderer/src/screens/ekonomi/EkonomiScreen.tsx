import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useApp } from '../../store/app';
import { BeslutsutrymmeTab } from './BeslutsutrymmeTab';
import { BudgetMotUtfallTab } from './BudgetMotUtfallTab';
import { BudgetTab } from './BudgetTab';
import { MedlemsavgifterTab } from './MedlemsavgifterTab';
import { HushallningTab } from './HushallningTab';
import { UtfallTab } from './UtfallTab';
import { BokslutTab } from './BokslutTab';
import { DelarsrapportTab } from './DelarsrapportTab';

const TABS = [
  { id: 'medlemsavgifter', label: 'Medlemsavgifter' },
  { id: 'budget', label: 'Budget' },
  { id: 'utfall', label: 'Utfall' },
  { id: 'budget-mot-utfall', label: 'Budget mot utfall' },
  { id: 'beslutsutrymme', label: 'Beslutsutrymme' },
  { id: 'hushallning', label: 'Hushållning & historik' },
  { id: 'delarsrapport', label: 'Delårsrapport' },
  { id: 'bokslut', label: 'Bokslut' },
] as const;

/** Ekonomi: #/ekonomi/<flik>. */
export function EkonomiScreen() {
  const { route, go } = useApp();
  const tab = TABS.find((t) => t.id === route[0])?.id ?? 'medlemsavgifter';
  const year = route[1] !== undefined && /^\d{4}$/.test(route[1]) ? Number(route[1]) : undefined;
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Ekonomi</Typography>
      <Tabs value={tab} onChange={(_e, v: string) => go('ekonomi', v)} aria-label="Ekonomi" variant="scrollable">
        {TABS.map((t) => (
          <Tab key={t.id} value={t.id} label={t.label} />
        ))}
      </Tabs>
      {tab === 'medlemsavgifter' && <MedlemsavgifterTab />}
      {tab === 'budget' && <BudgetTab key={year} initialYear={year} />}
      {tab === 'utfall' && <UtfallTab />}
      {tab === 'budget-mot-utfall' && <BudgetMotUtfallTab />}
      {tab === 'beslutsutrymme' && <BeslutsutrymmeTab />}
      {tab === 'hushallning' && <HushallningTab />}
      {tab === 'delarsrapport' && <DelarsrapportTab />}
      {tab === 'bokslut' && <BokslutTab />}
    </Stack>
  );
}
