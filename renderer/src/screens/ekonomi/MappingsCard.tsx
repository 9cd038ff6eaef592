import { useEffect, useState } from 'react';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ExpandMore from '@mui/icons-material/ExpandMore';
import type { Mappings } from '../../../../shared/contract/schemas/ekonomi';
import type { Insats } from '../../../../shared/contract/schemas/insatser';
import type { BudgetPost } from '../../../../shared/domain/budget-posts';
import { AccountPostSelect, NOT_UTFALL, ObjectTargetSelect } from './MappingSelects';
import type { MethodInput } from '../../../../shared/contract/methods';
import { call, errorMessage } from '../../api';
import { useApp } from '../../store/app';

/** The remembered mappings of accounts and objects, to look over and change; a change applies to the next import. */
export function MappingsCard() {
  const notify = useApp((s) => s.notify);
  const [m, setM] = useState<Mappings | null>(null);
  const [insatser, setInsatser] = useState<Insats[]>([]);
  useEffect(() => {
    call('utfall.mappings', {})
      .then(setM)
      .catch(() => undefined);
    call('insatser.list', {})
      .then(setInsatser)
      .catch(() => undefined);
  }, []);
  if (!m || (m.accounts.length === 0 && m.objects.length === 0)) return null;

  async function save(input: MethodInput<'utfall.saveMappings'>, what: string) {
    try {
      setM(await call('utfall.saveMappings', input));
      notify('success', `${what} är ändrad. Den gäller från nästa import.`);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  return (
    <Accordion variant="outlined" disableGutters>
      <AccordionSummary expandIcon={<ExpandMore />}>
        <Typography>
          Kopplingar från bokföringen ({m.accounts.length} konton, {m.objects.length} objekt)
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        <Table size="small" aria-label="Kontokopplingar">
          <TableBody>
            {m.accounts.map((a) => (
              <TableRow key={a.account}>
                <TableCell>
                  {a.account} {a.name}
                </TableCell>
                <TableCell>
                  <AccountPostSelect
                    account={a.account}
                    value={a.post ?? NOT_UTFALL}
                    onChange={(v) =>
                      void save(
                        { accounts: [{ account: a.account, name: a.name, post: v === NOT_UTFALL ? null : (v as BudgetPost) }] },
                        `Kopplingen för konto ${a.account}`,
                      )
                    }
                  />
                </TableCell>
              </TableRow>
            ))}
            {m.objects.map((o) => (
              <TableRow key={`${o.dimension}:${o.objectId}`}>
                <TableCell>
                  Objekt {o.objectId} {o.name}
                </TableCell>
                <TableCell>
                  <ObjectTargetSelect
                    objectId={o.objectId}
                    value={o.insatsId !== null ? `insats:${o.insatsId}` : (o.post ?? '')}
                    insatser={insatser}
                    onChange={(v) => {
                      void save(
                        {
                          objects: [
                            {
                              dimension: o.dimension,
                              objectId: o.objectId,
                              name: o.name,
                              insatsId: v.startsWith('insats:') ? Number(v.slice(7)) : null,
                              post: v === '' || v.startsWith('insats:') ? null : (v as BudgetPost),
                            },
                          ],
                        },
                        `Kopplingen för objekt ${o.objectId}`,
                      );
                    }}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </AccordionDetails>
    </Accordion>
  );
}
