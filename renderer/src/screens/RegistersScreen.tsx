import { useState } from 'react';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useApp } from '../store/app';
import { ComingSoonNote } from '../components/ComingSoonNote';
import { ForbundForm } from './ForbundForm';
import { MembersRegister } from './members/MembersRegister';

const TABS = [
  { id: 'medlemmar', label: 'Medlemmar' },
  { id: 'forbundet', label: 'Förbundet' },
  { id: 'styrelse', label: 'Styrelse och grupper' },
  { id: 'diarium', label: 'Diarium' },
  { id: 'delegation', label: 'Delegation' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function RegistersScreen() {
  const forbund = useApp((s) => s.forbund);
  const [tab, setTab] = useState<TabId>('medlemmar');
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Register</Typography>
      <Tabs value={tab} onChange={(_e, v: TabId) => setTab(v)} aria-label="Register">
        {TABS.map((t) => (
          <Tab key={t.id} value={t.id} label={t.label} />
        ))}
      </Tabs>
      {tab === 'medlemmar' && <MembersRegister />}
      {tab === 'forbundet' && forbund && <ForbundForm forbund={forbund} />}
      {tab === 'styrelse' && <ComingSoonNote text="Styrelsens ledamöter och ersättare per medlemsorganisation, presidiet, arbetsutskottet, beredningsgruppen och lokusgrupperna." />}
      {tab === 'diarium' && <ComingSoonNote text="Ärenden med diarienummer per år, handlingar och sökning." />}
      {tab === 'delegation' && <ComingSoonNote text="Delegationsordningen och registret över delegationsbeslut som ska anmälas till styrelsen." />}
    </Stack>
  );
}
