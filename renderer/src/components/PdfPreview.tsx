import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GeneratedFile } from '../../../shared/contract/schemas/arendeblad';
import { downloadBase64 } from '../files';
import { closeOnPurpose } from './closeOnPurpose';

/** How wide a page is drawn, in CSS pixels (A4 at about 100 %). */
const PAGE_WIDTH = 760;

/**
 * Förhandsgranska: the PDF exactly as it will be saved or signed, page by page, drawn with
 * pdf.js in the window (no plugin, nothing leaves the computer). "Spara som PDF" saves these
 * same bytes.
 */
export function PdfPreview({ file, onClose, actions }: { file: GeneratedFile; onClose(): void; actions?: React.ReactNode }) {
  const [pages, setPages] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const urls: string[] = [];
    setPages([]);
    void (async () => {
      try {
        const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
        pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
        const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
        // No eval and no font loading: the page is drawn within the app's content security policy.
        const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
        setProgress({ done: 0, total: doc.numPages });
        for (let n = 1; n <= doc.numPages && !cancelled; n++) {
          const page = await doc.getPage(n);
          const base = page.getViewport({ scale: 1 });
          const ratio = window.devicePixelRatio || 1;
          const viewport = page.getViewport({ scale: (PAGE_WIDTH / base.width) * ratio });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          const context = canvas.getContext('2d');
          if (!context) throw new Error('Webbläsaren kan inte rita sidan.');
          await page.render({ canvasContext: context, viewport }).promise;
          const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
          if (cancelled || !blob) break;
          const url = URL.createObjectURL(blob);
          urls.push(url);
          setPages((p) => [...p, url]);
          setProgress({ done: n, total: doc.numPages });
        }
        await doc.destroy();
      } catch (err) {
        if (!cancelled)
          setError(`Förhandsgranskningen kunde inte visas: ${err instanceof Error ? err.message : String(err)}. Spara PDF:en och öppna den i stället.`);
      }
    })();
    return () => {
      cancelled = true;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [file]);

  return (
    <Dialog open onClose={closeOnPurpose(onClose)} maxWidth="lg" fullWidth aria-labelledby="pdf-preview-title">
      <DialogTitle id="pdf-preview-title">Förhandsgranska {file.fileName}</DialogTitle>
      <DialogContent dividers sx={{ bgcolor: 'grey.200' }}>
        {error && <Alert severity="error">{error}</Alert>}
        {progress === null && !error && <LinearProgress aria-label="Läser in PDF:en" />}
        {progress !== null && progress.done < progress.total && (
          <Typography role="status" variant="body2" sx={{ mb: 1 }}>
            Ritar sida {progress.done + 1} av {progress.total} …
          </Typography>
        )}
        <Stack spacing={2} sx={{ alignItems: 'center', '& img': { bgcolor: 'common.white', boxShadow: 2, width: PAGE_WIDTH, maxWidth: '100%' } }}>
          {pages.map((url, i) => (
            <img key={url} src={url} alt={`Sida ${i + 1} av ${progress?.total ?? pages.length}`} className="kansli-pdf-page" />
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        {progress !== null && progress.done === progress.total && (
          <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto', pl: 2 }}>
            {progress.total === 1 ? '1 sida' : `${progress.total} sidor`}
          </Typography>
        )}
        <Button onClick={onClose}>Stäng</Button>
        {actions}
        <Button variant="contained" onClick={() => downloadBase64(file.fileName, file.mimeType, file.contentBase64)}>
          Spara som PDF
        </Button>
      </DialogActions>
    </Dialog>
  );
}
