import { createTheme } from '@mui/material/styles';
import { svSE } from '@mui/material/locale';

/** Calm, high-contrast colours that print and project well in a board room. */
export const theme = createTheme(
  {
    palette: {
      primary: { main: '#1f4e6b', dark: '#163a50', light: '#e7eff5' },
      secondary: { main: '#2f7d6d' },
      background: { default: '#f4f6f8', paper: '#ffffff' },
      text: { primary: '#1c2530', secondary: '#55616d' },
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: '"Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif',
      h1: { fontSize: '1.75rem', fontWeight: 600 },
      h2: { fontSize: '1.35rem', fontWeight: 600 },
      h3: { fontSize: '1.1rem', fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { root: { border: '1px solid #dde3e8' } } },
      MuiAppBar: { styleOverrides: { root: { border: 'none' } } },
      MuiTableCell: { styleOverrides: { head: { fontWeight: 600, color: '#55616d' } } },
    },
  },
  svSE,
);
