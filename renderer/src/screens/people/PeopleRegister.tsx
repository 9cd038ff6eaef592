import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import type { Person } from '../../../../shared/contract/schemas/board';
import { call } from '../../api';
import { RowActions } from '../../components/RowActions';
import { useRemoval } from '../../components/useRemoval';
import { ExportButton } from '../../components/ExportButton';
import { useApp } from '../../store/app';
import { PersonDialog } from './PersonDialog';
import { usePeople } from '../../components/useLoad';
import { RegisterTable } from '../../components/RegisterTable';

type Editing = { person: Person | null } | null;

function matches(p: Person, words: string[]): boolean {
  const text = [p.name, p.party, p.organisation, p.title, p.email, p.phone, ...p.usedIn].filter(Boolean).join(' ').toLocaleLowerCase('sv');
  return words.every((w) => text.includes(w));
}

export function PeopleRegister({ route }: { route: string[] }) {
  const { notify, go } = useApp();
  const people = usePeople();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing>(null);

  // #/register/personer/12 opens that person (from search results and links).
  const routeId = Number(route[0]);
  useEffect(() => {
    if (!Number.isInteger(routeId) || routeId <= 0 || !people.data) return;
    const person = people.data.find((p) => p.id === routeId);
    if (person) setEditing({ person });
  }, [routeId, people.data]);

  const list = useMemo(() => people.data ?? [], [people.data]);
  const shown = useMemo(() => {
    const words = filter.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    return words.length === 0 ? list : list.filter((p) => matches(p, words));
  }, [list, filter]);

  function close() {
    setEditing(null);
    if (route.length > 0) go('register', 'personer');
  }

  const removal = useRemoval<Person>({
    remove: (p) => call('people.remove', { id: p.id }),
    restore: (p) =>
      call('people.save', {
        name: p.name,
        party: p.party ?? undefined,
        organisation: p.organisation ?? undefined,
        title: p.title ?? undefined,
        email: p.email ?? undefined,
        phone: p.phone ?? undefined,
        notes: p.notes ?? undefined,
        confirmPersonalData: true,
      }),
    refresh: () => people.reload(),
    onRemoved: close,
    title: (p) => `Ta bort ${p.name}?`,
    text: (p) =>
      p.usedIn.length > 0
        ? `${p.name} har uppdrag (${p.usedIn.join('; ')}) och kan inte tas bort förrän uppdragen är borttagna.`
        : 'Personen tas bort ur personregistret. Ändringen loggas och kan ångras direkt efteråt.',
    removed: (p) => `${p.name} togs bort ur personregistret.`,
    restored: (p) => `${p.name} är tillbaka i registret.`,
  });

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
        <TextField
          size="small"
          placeholder="Sök namn, parti, organisation …"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          sx={{ width: { xs: '100%', md: 340 } }}
          slotProps={{
            htmlInput: { 'aria-label': 'Sök i personregistret' },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchOutlined fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        <Stack direction="row" spacing={1}>
          <ExportButton register="personer" />
          <Button variant="contained" startIcon={<Add />} onClick={() => setEditing({ person: null })}>
            Lägg till person
          </Button>
        </Stack>
      </Stack>
      <Typography color="text.secondary">
        {list.length === 1 ? '1 person' : `${list.length} personer`}
        {shown.length !== list.length ? `, ${shown.length} visas` : ''}. Styrelseledamöter, ersättare, gruppmedlemmar och delegater.
      </Typography>
      {people.error && <Alert severity="error">{people.error}</Alert>}
      <RegisterTable
        label="Personregister"
        size="small"
        columns={[{ label: 'Namn' }, { label: 'Parti' }, { label: 'Organisation, befattning' }, { label: 'E-post, telefon' }, { label: 'Uppdrag' }]}
        actionsWidth={112}
        loading={people.data === null && !people.error ? 'Hämtar personregistret' : null}
        empty={
          people.data && shown.length === 0
            ? list.length === 0
              ? 'Registret är tomt. Personer läggs till här eller när du lägger till en styrelseledamot.'
              : 'Ingen person matchar sökningen.'
            : null
        }
      >
        {shown.map((p) => (
          <TableRow key={p.id} hover data-testid="person-row" sx={{ verticalAlign: 'top' }}>
            <TableCell sx={{ fontWeight: 600, py: 1.25, whiteSpace: 'nowrap' }}>{p.name}</TableCell>
            <TableCell sx={{ py: 1.25 }}>{p.party ?? ''}</TableCell>
            <TableCell sx={{ py: 1.25 }}>
              {p.organisation && <Typography variant="body2">{p.organisation}</Typography>}
              {p.title && (
                <Typography variant="body2" color="text.secondary">
                  {p.title}
                </Typography>
              )}
            </TableCell>
            <TableCell sx={{ py: 1.25 }}>
              {p.email && <Typography variant="body2">{p.email}</Typography>}
              {p.phone && (
                <Typography variant="body2" color="text.secondary">
                  {p.phone}
                </Typography>
              )}
            </TableCell>
            <TableCell sx={{ py: 1.25 }}>
              {p.usedIn.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  Inget uppdrag
                </Typography>
              ) : (
                p.usedIn.map((u) => (
                  <Typography key={u} variant="body2">
                    {u}
                  </Typography>
                ))
              )}
            </TableCell>
            <RowActions name={p.name} onEdit={() => setEditing({ person: p })} onRemove={() => removal.ask(p)} />
          </TableRow>
        ))}
      </RegisterTable>
      {editing && (
        <PersonDialog
          key={editing.person?.id ?? 'new'}
          person={editing.person}
          onClose={close}
          onRemove={(p) => removal.ask(p)}
          onSaved={(saved) => {
            const wasNew = editing.person === null;
            close();
            void people.reload();
            notify('success', wasNew ? `${saved.name} är tillagd i personregistret.` : `Ändringarna för ${saved.name} är sparade.`);
          }}
        />
      )}
      {removal.dialog}
    </Stack>
  );
}
