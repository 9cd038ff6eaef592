import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import Tooltip from '@mui/material/Tooltip';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';

/** The last cell of a register row: Redigera, and Ta bort where the row can go. Buttons are named by the row. */
export function RowActions(props: { name: string; onEdit: () => void; onRemove?: () => void; size?: 'small' | 'medium' }) {
  const size = props.size ?? 'small';
  return (
    <TableCell align="right" sx={{ whiteSpace: 'nowrap', py: size === 'small' ? 0.5 : undefined }}>
      <Tooltip title="Redigera">
        <IconButton size={size} aria-label={`Redigera ${props.name}`} onClick={props.onEdit}>
          <EditOutlined fontSize={size} />
        </IconButton>
      </Tooltip>
      {props.onRemove && (
        <Tooltip title="Ta bort">
          <IconButton size={size} aria-label={`Ta bort ${props.name}`} onClick={props.onRemove}>
            <DeleteOutline fontSize={size} />
          </IconButton>
        </Tooltip>
      )}
    </TableCell>
  );
}
