import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import { MEMBER_KIND_LABELS, type Member } from '../../../../shared/contract/schemas/members';
import { formatInteger } from '../../../../shared/format/sv';
import { call } from '../../api';
import { RowActions } from '../../components/RowActions';
import { useRemoval } from '../../components/useRemoval';
import { useApp } from '../../store/app';
import { MemberDialog } from './MemberDialog';
import { RegisterTable } from '../../components/RegisterTable';

type Editing = { member: Member | null } | null;

export function MembersRegister() {
  const { members, upsertMember, dropMember, notify } = useApp();
  const [editing, setEditing] = useState<Editing>(null);
  const removal = useRemoval<Member>({
    remove: (m) => call('members.remove', { id: m.id }),
    restore: async (m) =>
      upsertMember(await call('members.save', { name: m.name, shortName: m.shortName ?? undefined, kind: m.kind, orgNr: m.orgNr, populations: m.populations })),
    refresh: () => Promise.resolve(),
    onRemoved: (m) => dropMember(m.id),
    title: (m) => `Ta bort ${m.name}?`,
    text: () => 'Medlemmen och dess folkmängdsuppgifter tas bort ur registret. Ändringen loggas och kan ångras direkt efteråt.',
    removed: (m) => `${m.name} togs bort ur medlemsregistret.`,
    restored: (m) => `${m.name} är tillbaka i registret.`,
  });

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography color="text.secondary">
          {members.length === 1 ? '1 medlem' : `${members.length} medlemmar`}. Folkmängden används för att fördela kommunernas del av medlemsavgiften.
        </Typography>
        <Button variant="contained" startIcon={<Add />} onClick={() => setEditing({ member: null })}>
          Lägg till medlem
        </Button>
      </Stack>
      <RegisterTable
        label="Medlemsregister"
        columns={[{ label: 'Namn' }, { label: 'Typ' }, { label: 'Organisationsnummer' }, { label: 'Folkmängd (senaste)', align: 'right' }]}
        actionsWidth={128}
        loading={null}
        empty={members.length === 0 ? 'Registret är tomt. Lägg till förbundets medlemmar.' : null}
      >
        {members.map((m) => {
          const latest = m.populations[0];
          return (
            <TableRow key={m.id} hover data-testid="member-row">
              <TableCell>
                <Typography sx={{ fontWeight: 600 }}>{m.name}</Typography>
                {m.shortName && (
                  <Typography variant="body2" color="text.secondary">
                    {m.shortName}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{MEMBER_KIND_LABELS[m.kind]}</TableCell>
              <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{m.orgNr}</TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {latest ? (
                  <>
                    {formatInteger(latest.population)}
                    <Typography variant="body2" color="text.secondary">
                      1 nov {latest.year}
                    </Typography>
                  </>
                ) : (
                  '–'
                )}
              </TableCell>
              <RowActions size="medium" name={m.name} onEdit={() => setEditing({ member: m })} onRemove={() => removal.ask(m)} />
            </TableRow>
          );
        })}
      </RegisterTable>
      {editing && (
        <MemberDialog
          key={editing.member?.id ?? 'new'}
          member={editing.member}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            upsertMember(saved);
            setEditing(null);
            notify('success', editing.member ? `Ändringarna för ${saved.name} är sparade.` : `${saved.name} är tillagd i medlemsregistret.`);
          }}
        />
      )}
      {removal.dialog}
    </Stack>
  );
}
