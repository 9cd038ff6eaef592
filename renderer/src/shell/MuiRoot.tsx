import type { ReactNode } from 'react';
import { ThemeProvider } from '@mui/material/styles';
import { theme } from '../theme';

/**
 * MUI's theme around what uses MUI: every screen but Översikt, the dialogs and the notices.
 * Loaded after the first screen; the page's baseline is set by shell.css, not CssBaseline.
 */
export default function MuiRoot({ children }: { children: ReactNode }) {
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
}
