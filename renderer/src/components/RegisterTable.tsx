import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from './fields';

export interface RegisterColumn {
  label: string;
  width?: number | string;
  align?: 'right';
}

/**
 * A register's table: its columns and a last one for the row's buttons ("Åtgärder", or
 * read only by a screen reader when `actionsHidden`), a progress bar while it loads, and
 * one row that says why the table is empty.
 */
export function RegisterTable({
  label,
  columns,
  actionsWidth,
  actionsHidden = false,
  size,
  loading,
  empty,
  children,
}: {
  /** The table's name for a screen reader. */
  label: string;
  columns: RegisterColumn[];
  actionsWidth: number;
  actionsHidden?: boolean;
  size?: 'small';
  /** The progress bar's name while the rows load, or null when they are here. */
  loading: string | null;
  /** What the one row says when there are no rows, or null when there are. */
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <TableContainer component={Paper}>
      {loading && <LinearProgress aria-label={loading} />}
      <Table aria-label={label} size={size}>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c.label} align={c.align} sx={c.width === undefined ? undefined : { width: c.width }}>
                {c.label}
              </TableCell>
            ))}
            <TableCell align="right" sx={{ width: actionsWidth }}>
              {actionsHidden ? (
                <Box component="span" sx={visuallyHidden}>
                  Åtgärder
                </Box>
              ) : (
                'Åtgärder'
              )}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {empty !== null && (
            <TableRow>
              <TableCell colSpan={columns.length + 1}>
                <Typography color="text.secondary" sx={{ py: 1 }}>
                  {empty}
                </Typography>
              </TableCell>
            </TableRow>
          )}
          {children}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
