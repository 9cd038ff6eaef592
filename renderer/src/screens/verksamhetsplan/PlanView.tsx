import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import type { PlanContent, Verksamhetsplan } from '../../../../shared/contract/schemas/verksamhetsplan';
import { PLAN_STATUS_LABELS } from '../../../../shared/contract/schemas/verksamhetsplan';
import { planYears } from '../../../../shared/domain/verksamhetsplan';
import { call } from '../../api';
import { AuditHistoryButton } from '../../components/AuditHistory';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useBusy } from '../../components/useBusy';
import { useLoad } from '../../components/useLoad';
import { downloadBase64 } from '../../files';
import { useApp, useUnsavedChanges } from '../../store/app';
import { AdoptDialog } from './AdoptDialog';
import { MaluppfyllelsePanel } from './MaluppfyllelsePanel';
import { PlanEditor } from './PlanEditor';

interface Draft {
  title: string;
  firstYear: number;
  lastYear: number;
  content: PlanContent;
}

const draftOf = (p: Verksamhetsplan): Draft => ({ title: p.title, firstYear: p.firstYear, lastYear: p.lastYear, content: p.content });

/** One plan: the förslag to edit (Spara, Fastställ), or the adopted plan to read, revise and print. */
export function PlanView({ id }: { id: number }) {
  const { data: plan, error, setData } = useLoad(() => call('verksamhetsplan.get', { id }), id);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!plan) return <LinearProgress aria-label="Hämtar verksamhetsplanen" />;
  return <PlanForm key={plan.revision} plan={plan} onSaved={setData} />;
}

function PlanForm({ plan, onSaved }: { plan: Verksamhetsplan; onSaved: (p: Verksamhetsplan) => void }) {
  const { go, notify } = useApp();
  const [draft, setDraft] = useState<Draft>(() => draftOf(plan));
  const { busy, failure, run } = useBusy();
  const [adopting, setAdopting] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [tab, setTab] = useState<'plan' | 'maluppfyllelse'>('plan');
  const editable = plan.status === 'forslag';
  const dirty = editable && JSON.stringify(draft) !== JSON.stringify(draftOf(plan));
  useUnsavedChanges(`plan-${plan.id}`, 'verksamhetsplanen', dirty);

  const save = () => run('Sparar …', async () => onSaved(await call('verksamhetsplan.save', { id: plan.id, revision: plan.revision, ...draft })));
  const download = (kind: 'pdf' | 'docx') =>
    run(kind === 'pdf' ? 'Gör PDF …' : 'Gör Word-fil …', async () => {
      const file = await call(kind === 'pdf' ? 'verksamhetsplan.pdf' : 'verksamhetsplan.docx', { id: plan.id });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    });
  const revise = () =>
    run('Gör revidering …', async () => {
      const revision = await call('verksamhetsplan.revise', { id: plan.id });
      go('verksamhetsplan', String(revision.id));
    });
  const arendeblad = () =>
    run('Skriver ärendebladet …', async () => {
      const blad = await call('verksamhetsplan.arendeblad', { id: plan.id });
      notify('success', `Ärendebladet ”${blad.rubrik}” är skrivet, med planen som bilaga 1.`);
      go('arendeblad', String(blad.id));
    });
  const remove = () =>
    run('Tar bort …', async () => {
      await call('verksamhetsplan.remove', { id: plan.id, revision: plan.revision });
      setRemoving(false);
      go('verksamhetsplan');
    });

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Button startIcon={<ArrowBackOutlined />} onClick={() => go('verksamhetsplan')} sx={{ alignSelf: 'flex-start' }}>
        Alla verksamhetsplaner
      </Button>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h1" sx={{ mr: 1 }}>
          {plan.title}
        </Typography>
        <Chip
          label={`${PLAN_STATUS_LABELS[plan.status]}${plan.version > 1 ? `, version ${plan.version}` : ''}`}
          color={plan.status === 'faststalld' ? 'success' : 'default'}
        />
        {plan.adoptedOn && (
          <Typography sx={{ color: 'text.secondary' }}>
            Fastställd {plan.adoptedOn}
            {plan.adoptedParagraph ? `, ${plan.adoptedParagraph}` : ''}
          </Typography>
        )}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {editable && (
          <Button variant="contained" onClick={() => void save()} disabled={!dirty || busy !== null}>
            {busy === 'Sparar …' ? busy : 'Spara'}
          </Button>
        )}
        {editable && (
          <Button variant="outlined" onClick={() => setAdopting(true)} disabled={dirty || busy !== null || plan.problems.length > 0}>
            Fastställ …
          </Button>
        )}
        {plan.status === 'faststalld' && (
          <Button variant="contained" onClick={() => void revise()} disabled={busy !== null}>
            Revidera
          </Button>
        )}
        <Button onClick={() => void download('pdf')} disabled={busy !== null || dirty}>
          PDF
        </Button>
        <Button onClick={() => void download('docx')} disabled={busy !== null || dirty}>
          Word
        </Button>
        {plan.status !== 'ersatt' && (
          <Button onClick={() => (plan.arendebladId ? go('arendeblad', String(plan.arendebladId)) : void arendeblad())} disabled={busy !== null || dirty}>
            {plan.arendebladId ? 'Öppna ärendebladet' : 'Skriv ärendeblad till styrelsen'}
          </Button>
        )}
        <AuditHistoryButton entity="verksamhetsplan" entityId={plan.id} title={plan.title} />
        {editable && (
          <Button color="error" onClick={() => setRemoving(true)} disabled={busy !== null}>
            Ta bort förslaget
          </Button>
        )}
      </Stack>
      {busy && <LinearProgress aria-label={busy} />}
      {failure && <Alert severity="error">{failure}</Alert>}
      {dirty && <Alert severity="info">Ändringarna är inte sparade. PDF, Word och fastställande görs av den sparade planen.</Alert>}
      {editable && plan.problems.length > 0 && (
        <Alert severity="warning" data-testid="plan-problems">
          <AlertTitle>Innan planen kan fastställas</AlertTitle>
          {plan.problems.map((p, i) => (
            <div key={i}>
              {p.where}: {p.message}
            </div>
          ))}
        </Alert>
      )}
      {editable && (
        <Stack direction="row" spacing={2}>
          <TextField label="Rubrik" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} sx={{ flexGrow: 1 }} />
          <TextField
            label="Första år"
            type="number"
            value={draft.firstYear}
            onChange={(e) => setDraft({ ...draft, firstYear: Number(e.target.value) })}
            sx={{ width: 130 }}
          />
          <TextField
            label="Sista år"
            type="number"
            value={draft.lastYear}
            onChange={(e) => setDraft({ ...draft, lastYear: Number(e.target.value) })}
            sx={{ width: 130 }}
          />
        </Stack>
      )}
      {!editable && (
        <Tabs value={tab} onChange={(_e, v: 'plan' | 'maluppfyllelse') => setTab(v)} aria-label="Planens delar">
          <Tab value="plan" label="Planen" />
          <Tab value="maluppfyllelse" label="Måluppfyllelse" />
        </Tabs>
      )}
      {tab === 'maluppfyllelse' && !editable ? (
        <MaluppfyllelsePanel plan={plan} />
      ) : (
        <PlanEditor
          content={draft.content}
          years={draft.lastYear >= draft.firstYear && draft.lastYear - draft.firstYear <= 2 ? planYears(draft.firstYear, draft.lastYear) : [draft.firstYear]}
          readOnly={!editable}
          onChange={(content) => setDraft({ ...draft, content })}
        />
      )}
      {adopting && (
        <AdoptDialog
          plan={plan}
          onClose={() => setAdopting(false)}
          onAdopted={(adopted) => {
            setAdopting(false);
            notify('success', `${adopted.title} är fastställd.`);
            onSaved(adopted);
          }}
        />
      )}
      <ConfirmDialog
        open={removing}
        title="Ta bort förslaget?"
        text={`Förslaget ”${plan.title}” tas bort med alla sina mål, mått och aktiviteter. Det går inte att ångra.`}
        confirmLabel="Ta bort"
        busy={busy !== null}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(false)}
      />
    </Stack>
  );
}
