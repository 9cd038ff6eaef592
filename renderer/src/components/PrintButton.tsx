import Button from '@mui/material/Button';
import PrintOutlined from '@mui/icons-material/PrintOutlined';

/** Skriv ut: the list on the screen, on paper (shell.css's print rules leave out the bar, menu and buttons). */
export function PrintButton({ what }: { what: string }) {
  return (
    <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()} aria-label={`Skriv ut ${what}`}>
      Skriv ut
    </Button>
  );
}
