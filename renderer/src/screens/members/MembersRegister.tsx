import { useState } from 'react';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import { MEMBER_KIND_LABELS, type Member } from '../../../../shared/contract/schemas/members';
import { formatInteger } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApp } from '../../store/app';
import { MemberDialog } from './MemberDialog';

type Editing = { member: Member | null } | null;

export function MembersRegister() {
  const { members, upsertMember, dropMember, notify } = useApp();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove(member: Member) {
    setBusy(true);
    try {
      await call('members.remove', { id: member.id });
      dropMember(member.id);
      notify('success', `${member.name} togs bort ur medlemsregistret.`, {
        label: 'Ångra',
        run: async () => {
          try {
            const restored = await call('members.save', {
              name: member.name,
              shortName: member.shortName ?? undefined,
              kind: member.kind,
              orgNr: member.orgNr,
              populations: member.populations,
            });
            upsertMember(restored);
            notify('info', `${member.name} är tillbaka i registret.`);
          } catch (err) {
            notify('error', errorMessage(err));
          }
        },
      });
    } catch (err) {
      notify('error', errorMessage(err));
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  }

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
      <TableContainer component={Paper}>
        <Table aria-label="Medlemsregister">
          <TableHead>
            <TableRow>
              <TableCell>Namn</TableCell>
              <TableCell>Typ</TableCell>
              <TableCell>Organisationsnummer</TableCell>
              <TableCell align="right">Folkmängd (senaste)</TableCell>
              <TableCell align="right" sx={{ width: 128 }}>
                Åtgärder
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {members.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>
                  <Typography color="text.secondary">Registret är tomt. Lägg till förbundets medlemmar.</Typography>
                </TableCell>
              </TableRow>
            )}
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
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Tooltip title="Redigera">
                      <IconButton aria-label={`Redigera ${m.name}`} onClick={() => setEditing({ member: m })}>
                        <EditOutlined />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title="Ta bort">
                      <IconButton aria-label={`Ta bort ${m.name}`} onClick={() => setRemoving(m)}>
                        <DeleteOutline />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {editing && (
        <MemberDialog
          key={editing.member?.id ?? 'new'}
          open
          member={editing.member}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            upsertMember(saved);
            setEditing(null);
            notify('success', editing.member ? `Ändringarna för ${saved.name} är sparade.` : `${saved.name} är tillagd i medlemsregistret.`);
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Ta bort ${removing?.name ?? ''}?`}
        text="Medlemmen och dess folkmängdsuppgifter tas bort ur registret. Ändringen loggas och kan ångras direkt efteråt."
        confirmLabel="Ta bort"
        busy={busy}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && void remove(removing)}
      />
    </Stack>
  );
}
