import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import GavelOutlined from '@mui/icons-material/GavelOutlined';
import type { Delegation, DelegationDecision } from '../../../../shared/contract/schemas/delegation';
import { ExportButton } from '../../components/ExportButton';
import { useApp } from '../../store/app';
import { DecisionDialog } from './DecisionDialog';
import { DelegationDialog } from './DelegationDialog';
import { ReportDialog } from './ReportDialog';
import { DecisionsTable, DelegationOrderTable } from './DelegationTables';
import { useDelegation, viewFrom, type View } from './useDelegation';

export function DelegationRegister({ route }: { route: string[] }) {
  const { notify, go } = useApp();
  const view = viewFrom(route);
  const [editingDecision, setEditingDecision] = useState<{ decision: DelegationDecision | null } | null>(null);
  const [editingDelegation, setEditingDelegation] = useState<{ delegation: Delegation | null } | null>(null);
  const [reporting, setReporting] = useState(false);
  const state = useDelegation(view, () => setEditingDelegation(null));
  const { delegations, decisions, unreported, people, refresh, removal, pending, selecting, chosen } = state;

  const setView = (v: View) => {
    state.setSelected(new Set());
    go('register', 'delegation', ...(v === 'beslut' ? [] : [v]));
  };

  return (
    <Stack spacing={2}>
      <Tabs
        value={view === 'ordning' ? 'ordning' : 'beslut'}
        onChange={(_e, v: View) => setView(v)}
        aria-label="Delegation"
        sx={{ minHeight: 40, '& .MuiTab-root': { minHeight: 40, py: 0.5 } }}
      >
        <Tab value="beslut" label="Delegationsbeslut" />
        <Tab value="ordning" label="Delegationsordning" />
      </Tabs>

      {view !== 'ordning' && (
        <>
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: { lg: 'center' }, justifyContent: 'space-between' }}>
            <ToggleButtonGroup
              exclusive
              size="small"
              color="primary"
              value={view}
              onChange={(_e, v: View | null) => v && setView(v)}
              aria-label="Vilka beslut som visas"
            >
              <ToggleButton value="beslut" sx={{ px: 2 }}>
                Alla beslut{decisions.data ? ` (${decisions.data.length})` : ''}
              </ToggleButton>
              <ToggleButton
                value="ej-anmalda"
                sx={{ px: 2, ...(pending.length > 0 && view !== 'ej-anmalda' ? { color: 'warning.dark', borderColor: 'warning.main' } : {}) }}
              >
                Ej anmälda till styrelsen ({unreported.data ? pending.length : '…'})
              </ToggleButton>
            </ToggleButtonGroup>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {selecting && (
                <Button variant="contained" color="secondary" startIcon={<GavelOutlined />} disabled={chosen.length === 0} onClick={() => setReporting(true)}>
                  Anmäl till styrelsen{chosen.length > 0 ? ` (${chosen.length})` : ''}
                </Button>
              )}
              <ExportButton register="delegationsbeslut" />
              <Button variant="contained" startIcon={<Add />} onClick={() => setEditingDecision({ decision: null })}>
                Registrera beslut
              </Button>
            </Stack>
          </Stack>
          {selecting && pending.length > 0 && (
            <Typography color="text.secondary">
              Markera de beslut som tas upp på styrelsens sammanträde och välj Anmäl till styrelsen. Besluten markeras då som anmälda med sammanträdets datum.
            </Typography>
          )}
          <DecisionsTable state={state} onEdit={(d) => setEditingDecision({ decision: d })} />
        </>
      )}

      {view === 'ordning' && (
        <>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
            <Typography color="text.secondary">
              Vad styrelsen har delegerat, till vem och upp till vilket belopp. Beslut under delegation anmäls till styrelsen.
            </Typography>
            <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
              <ExportButton register="delegationsordning" />
              <Button variant="contained" startIcon={<Add />} onClick={() => setEditingDelegation({ delegation: null })}>
                Ny punkt
              </Button>
            </Stack>
          </Stack>
          <DelegationOrderTable delegations={delegations} onEdit={(d) => setEditingDelegation({ delegation: d })} />
        </>
      )}

      {editingDecision && (
        <DecisionDialog
          key={editingDecision.decision?.id ?? 'new'}
          decision={editingDecision.decision}
          delegations={delegations.data ?? []}
          onClose={() => setEditingDecision(null)}
          onSaved={(saved) => {
            const wasNew = editingDecision.decision === null;
            setEditingDecision(null);
            void refresh();
            notify(
              'success',
              wasNew
                ? `Delegationsbeslutet är registrerat som ${saved.diarienummer}${saved.mustBeReported ? ' och ska anmälas till styrelsen' : ''}.`
                : `Ändringarna i ${saved.diarienummer} är sparade.`,
            );
          }}
        />
      )}
      {editingDelegation && (
        <DelegationDialog
          key={editingDelegation.delegation?.id ?? 'new'}
          delegation={editingDelegation.delegation}
          people={people.data ?? []}
          onClose={() => setEditingDelegation(null)}
          onRemove={(d) => removal.ask(d)}
          onSaved={(saved) => {
            const wasNew = editingDelegation.delegation === null;
            setEditingDelegation(null);
            void refresh();
            notify('success', wasNew ? `Punkt ${saved.code} är tillagd i delegationsordningen.` : `Punkt ${saved.code} är sparad.`);
          }}
        />
      )}
      {reporting && (
        <ReportDialog
          decisions={chosen}
          onClose={() => setReporting(false)}
          onReported={(done, meetingOn) => {
            setReporting(false);
            state.setSelected(new Set());
            void refresh();
            notify(
              'success',
              `${done.length === 1 ? '1 delegationsbeslut är anmält' : `${done.length} delegationsbeslut är anmälda`} vid styrelsens sammanträde ${meetingOn}.`,
            );
          }}
        />
      )}
      {removal.dialog}
    </Stack>
  );
}
