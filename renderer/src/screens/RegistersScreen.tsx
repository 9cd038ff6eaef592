import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useApp } from '../store/app';
import { PrintButton } from '../components/PrintButton';
import { ForbundForm } from './ForbundForm';
import { MembersRegister } from './members/MembersRegister';
import { BoardRegister } from './board/BoardRegister';
import { PeopleRegister } from './people/PeopleRegister';
import { GroupsRegister } from './groups/GroupsRegister';
import { DelegationRegister } from './delegation/DelegationRegister';
import { AuditLog } from './audit/AuditLog';
import { BackupsPanel } from './backup/BackupsPanel';

/** Each tab has its own address, #/register/<id>, so search results and links can open it. */
const TABS = [
  { id: 'medlemmar', label: 'Medlemmar' },
  { id: 'styrelse', label: 'Styrelse' },
  { id: 'personer', label: 'Personer' },
  { id: 'grupper', label: 'Grupper' },
  { id: 'delegation', label: 'Delegation' },
  { id: 'forbundet', label: 'Förbundet' },
  { id: 'granskningslogg', label: 'Granskningslogg' },
  { id: 'sakerhetskopior', label: 'Säkerhetskopior' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function isTab(id: string | undefined): id is TabId {
  return TABS.some((t) => t.id === id);
}

export function RegistersScreen() {
  const forbund = useApp((s) => s.forbund);
  const route = useApp((s) => s.route);
  const go = useApp((s) => s.go);
  const first = route[0];
  const tab: TabId = isTab(first) ? first : 'medlemmar';
  // What follows the tab, e.g. a person's id (#/register/personer/12) or a view (#/register/delegation/ej-anmalda).
  const rest = route.slice(1);

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h1">Register</Typography>
        <PrintButton what={`registret ${TABS.find((t) => t.id === tab)?.label ?? ''}`.trim()} />
      </Stack>
      <Tabs value={tab} onChange={(_e, v: TabId) => go('register', v)} aria-label="Register" variant="scrollable" scrollButtons="auto">
        {TABS.map((t) => (
          <Tab key={t.id} value={t.id} label={t.label} />
        ))}
      </Tabs>
      {tab === 'medlemmar' && <MembersRegister />}
      {tab === 'styrelse' && <BoardRegister route={rest} />}
      {tab === 'personer' && <PeopleRegister route={rest} />}
      {tab === 'grupper' && <GroupsRegister route={rest} />}
      {tab === 'delegation' && <DelegationRegister route={rest} />}
      {tab === 'forbundet' && forbund && <ForbundForm forbund={forbund} />}
      {tab === 'granskningslogg' && <AuditLog />}
      {tab === 'sakerhetskopior' && <BackupsPanel />}
    </Stack>
  );
}
