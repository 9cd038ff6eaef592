import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import { GROUP_KIND_LABELS, type Group } from '../../../../shared/contract/schemas/groups';
import { call } from '../../api';
import { RowActions } from '../../components/RowActions';
import { useRemoval } from '../../components/useRemoval';
import { ExportButton } from '../../components/ExportButton';
import { useApp } from '../../store/app';
import { useLoad, usePeople } from '../../components/useLoad';
import { GroupDialog } from './GroupDialog';
import { RegisterTable } from '../../components/RegisterTable';

type Editing = { group: Group | null } | null;

function restoreInput(g: Group) {
  return {
    name: g.name,
    kind: g.kind,
    memberId: g.memberId,
    description: g.description ?? undefined,
    members: g.members.map((m) => ({
      personId: m.personId,
      ...(m.personId === null ? { name: m.name } : {}),
      organisation: m.organisation ?? undefined,
      role: m.role ?? undefined,
    })),
    confirmPersonalData: true,
  };
}

export function GroupsRegister({ route }: { route: string[] }) {
  const { members, notify, go } = useApp();
  const groups = useLoad(() => call('groups.list', {}));
  const people = usePeople();
  const [editing, setEditing] = useState<Editing>(null);

  // #/register/grupper/3 opens that group.
  const routeId = Number(route[0]);
  useEffect(() => {
    if (!Number.isInteger(routeId) || routeId <= 0 || !groups.data) return;
    const group = groups.data.find((g) => g.id === routeId);
    if (group) setEditing({ group });
  }, [routeId, groups.data]);

  function close() {
    setEditing(null);
    if (route.length > 0) go('register', 'grupper');
  }

  const removal = useRemoval<Group>({
    remove: (g) => call('groups.remove', { id: g.id }),
    restore: (g) => call('groups.save', restoreInput(g)),
    refresh: () => Promise.all([groups.reload(), people.reload()]),
    onRemoved: close,
    title: (g) => `Ta bort ${g.name}?`,
    text: () => 'Gruppen och dess medlemslista tas bort. Personerna finns kvar i personregistret. Ändringen loggas och kan ångras direkt efteråt.',
    removed: (g) => `${g.name} togs bort.`,
    restored: (g) => `${g.name} är tillbaka.`,
  });
  const list = groups.data ?? [];

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
        <Typography color="text.secondary">
          Arbetsutskottet, beredningsgruppen, lokusgrupperna i kommunerna och andra grupper som förbundet samordnar.
        </Typography>
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
          <ExportButton register="grupper" />
          <Button variant="contained" startIcon={<Add />} onClick={() => setEditing({ group: null })}>
            Ny grupp
          </Button>
        </Stack>
      </Stack>
      {groups.error && <Alert severity="error">{groups.error}</Alert>}
      <RegisterTable
        label="Grupper"
        columns={[{ label: 'Grupp', width: '30%' }, { label: 'Medlemmar' }]}
        actionsWidth={112}
        loading={groups.data === null && !groups.error ? 'Hämtar grupperna' : null}
        empty={groups.data && list.length === 0 ? 'Inga grupper ännu.' : null}
      >
        {list.map((g) => (
          <TableRow key={g.id} hover data-testid="group-row" sx={{ verticalAlign: 'top' }}>
            <TableCell>
              <Typography sx={{ fontWeight: 600 }}>{g.name}</Typography>
              <Stack direction="row" spacing={1} sx={{ mt: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
                {g.name !== GROUP_KIND_LABELS[g.kind] && <Chip size="small" label={GROUP_KIND_LABELS[g.kind]} />}
                {g.memberName && (
                  <Typography variant="body2" color="text.secondary">
                    {g.memberName}
                  </Typography>
                )}
              </Stack>
              {g.description && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.75 }}>
                  {g.description}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              {g.members.length === 0 ? (
                <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
                  Inga medlemmar
                </Typography>
              ) : (
                <Stack spacing={0.25}>
                  {g.members.map((m, i) => (
                    <Typography key={`${m.personId ?? m.name}-${i}`} variant="body2">
                      <strong>{m.name}</strong>
                      {m.organisation ? `, ${m.organisation}` : ''}
                      {m.role && (
                        <Typography component="span" variant="body2" color="text.secondary">
                          {' '}
                          – {m.role}
                        </Typography>
                      )}
                    </Typography>
                  ))}
                </Stack>
              )}
            </TableCell>
            <RowActions name={g.name} onEdit={() => setEditing({ group: g })} onRemove={() => removal.ask(g)} />
          </TableRow>
        ))}
      </RegisterTable>
      {editing && (
        <GroupDialog
          key={editing.group?.id ?? 'new'}
          group={editing.group}
          members={members}
          people={people.data ?? []}
          onClose={close}
          onRemove={(g) => removal.ask(g)}
          onSaved={(saved) => {
            const wasNew = editing.group === null;
            close();
            void groups.reload();
            void people.reload();
            notify('success', wasNew ? `${saved.name} är tillagd.` : `Ändringarna i ${saved.name} är sparade.`);
          }}
        />
      )}
      {removal.dialog}
    </Stack>
  );
}
