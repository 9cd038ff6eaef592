import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { findPersonnummer } from '../../../shared/domain/personnummer';

/** Asked when a text looks like a personnummer: remove it (default) or keep it on purpose. */
export function PersonalDataDialog({ message, onAnswer }: { message: string | null; onAnswer: (confirmed: boolean) => void }) {
  return (
    <Dialog open={message !== null} onClose={() => onAnswer(false)} aria-labelledby="personal-data-title">
      <DialogTitle id="personal-data-title">Personnummer i texten?</DialogTitle>
      <DialogContent>
        <DialogContentText>{message}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onAnswer(false)} autoFocus variant="contained">
          Ändra texten
        </Button>
        <Button color="warning" onClick={() => onAnswer(true)}>
          Spara ändå
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** helperText for a free-text field: a warning as soon as a personnummer is typed. */
export function personalDataHint(text: string): string | null {
  const hits = findPersonnummer(text);
  if (hits.length === 0) return null;
  return `Ser ut som ett personnummer (${hits.map((h) => h.masked).join(', ')}). Förbundet får inte spara uppgifter om enskilda.`;
}
