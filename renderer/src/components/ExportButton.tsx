import { useState } from 'react';
import Button from '@mui/material/Button';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import type { ExportRegister } from '../../../shared/contract/schemas/xlsx';
import { call, errorMessage } from '../api';
import { countOf } from '../../../shared/format/sv';
import { downloadBase64 } from '../files';
import { useApp } from '../store/app';

/** "Exportera till Excel" for one register: the main process builds the .xlsx, the user saves it. */
export function ExportButton({ register, label = 'Exportera till Excel' }: { register: ExportRegister; label?: string }) {
  const notify = useApp((s) => s.notify);
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const file = await call('xlsx.export', { register });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
      notify('success', `${file.fileName} är skapad (${countOf(file.rows, 'rad', 'rader')}).`);
    } catch (err) {
      notify('error', errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={() => void run()} disabled={busy}>
      {busy ? 'Skapar fil …' : label}
    </Button>
  );
}
