import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { call, errorMessage } from '../api';
import { useApp } from '../store/app';

/**
 * "Exportera till mapp …": signed documents saved in a folder, named by diarienummer and
 * title. Electron opens the system's folder picker; in the browser host the folder is typed.
 */
export function ExportSignedButton({ documentIds, label = 'Exportera till mapp …' }: { documentIds: number[]; label?: string }) {
  const notify = useApp((s) => s.notify);
  const [folder, setFolder] = useState('');
  const picker = window.kansli?.pickFolder;

  async function exportTo() {
    const chosen = picker ? await picker() : folder.trim();
    if (!chosen) return;
    try {
      const result = await call('documents.exportSigned', { documentIds, folder: chosen });
      notify('success', `Sparat i ${result.folder}: ${result.files.join(', ')}`);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  return (
    <Stack spacing={1}>
      {!picker && (
        <TextField size="small" label="Mapp att spara i" placeholder="/home/…/Styrelsen 2026" value={folder} onChange={(e) => setFolder(e.target.value)} />
      )}
      <Button variant="outlined" size="small" onClick={() => void exportTo()} disabled={documentIds.length === 0 || (!picker && folder.trim() === '')}>
        {label}
      </Button>
    </Stack>
  );
}
