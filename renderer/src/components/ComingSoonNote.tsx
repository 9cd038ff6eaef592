import Alert from '@mui/material/Alert';

export function ComingSoonNote({ text }: { text: string }) {
  return (
    <Alert severity="info" sx={{ maxWidth: 720 }}>
      Kommer i en senare version: {text}
    </Alert>
  );
}
