import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { decisionsReportInput, type DelegationDecision, type Meeting } from '../../../../shared/contract/schemas/delegation';
import { call } from '../../api';
import { useSaveForm } from '../../components/useSaveForm';
import { DateField } from '../../components/fields';
import { todayIso } from '../../components/text';
import { RecordDialog } from '../../components/RecordDialog';

/**
 * "Anmälan av delegationsbeslut": the chosen decisions are taken up at a board
 * meeting, under a paragraph of its minutes.
 */
export function ReportDialog(props: {
  decisions: DelegationDecision[];
  onClose: () => void;
  onReported: (d: DelegationDecision[], meetingOn: string) => void;
}) {
  const [meetingOn, setMeetingOn] = useState(todayIso());
  const [paragraph, setParagraph] = useState('');
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const form = useSaveForm(decisionsReportInput);
  const { errors } = form;

  useEffect(() => {
    let live = true;
    call('meetings.list', {})
      .then((all) => {
        if (!live) return;
        const board = all.filter((m) => m.body === 'styrelse');
        setMeetings(board);
        // The next board meeting from today is the likeliest; otherwise keep today.
        const upcoming = board.filter((m) => m.heldOn >= todayIso()).sort((a, b) => a.heldOn.localeCompare(b.heldOn))[0];
        if (upcoming) setMeetingOn(upcoming.heldOn);
      })
      .catch(() => {
        // Quick picks are a convenience; the date can always be typed.
      });
    return () => {
      live = false;
    };
  }, []);

  async function report() {
    const input = { ids: props.decisions.map((d) => d.id), meetingOn, paragraph };
    const done = await form.submit(input, (i) => call('decisions.report', i));
    if (done) props.onReported(done, meetingOn);
  }

  const near = [...meetings].sort((a, b) => Math.abs(Date.parse(a.heldOn) - Date.now()) - Math.abs(Date.parse(b.heldOn) - Date.now())).slice(0, 4);
  const count = props.decisions.length;

  return (
    <RecordDialog
      id="report-dialog"
      title="Anmäl till styrelsen"
      form={form}
      onSave={() => void report()}
      onClose={props.onClose}
      saveLabel="Anmäl"
      savingLabel="Anmäler …"
    >
      <Typography>{count === 1 ? '1 delegationsbeslut' : `${count} delegationsbeslut`} anmäls vid styrelsens sammanträde och markeras som anmälda.</Typography>
      <Paper variant="outlined" sx={{ maxHeight: 200, overflow: 'auto', px: 2, py: 1 }}>
        {props.decisions.map((d) => (
          <Stack key={d.id} direction="row" spacing={2} sx={{ py: 0.5 }}>
            <Typography variant="body2" sx={{ width: 84, flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
              {d.diarienummer}
            </Typography>
            <Typography variant="body2">{d.title}</Typography>
          </Stack>
        ))}
      </Paper>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <DateField
          label="Sammanträdesdatum"
          required
          fullWidth
          value={meetingOn}
          onChange={(e) => setMeetingOn(e.target.value)}
          error={!!errors.meetingOn}
          helperText={errors.meetingOn ?? 'Dagen då styrelsen sammanträder'}
        />
        <TextField
          label="Paragraf"
          value={paragraph}
          onChange={(e) => setParagraph(e.target.value)}
          error={!!errors.paragraph}
          helperText={errors.paragraph ?? 'T.ex. § 12'}
          sx={{ width: { xs: '100%', sm: 200 } }}
        />
      </Stack>
      {near.length > 0 && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" color="text.secondary">
            Styrelsens sammanträden:
          </Typography>
          {near.map((m) => (
            <Chip
              key={m.id}
              size="small"
              label={m.heldOn}
              variant={m.heldOn === meetingOn ? 'filled' : 'outlined'}
              color={m.heldOn === meetingOn ? 'primary' : 'default'}
              onClick={() => setMeetingOn(m.heldOn)}
            />
          ))}
        </Stack>
      )}
      {errors.ids && <Alert severity="error">{errors.ids}</Alert>}
    </RecordDialog>
  );
}
