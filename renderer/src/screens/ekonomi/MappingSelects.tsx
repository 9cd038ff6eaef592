import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { Insats } from '../../../../shared/contract/schemas/insatser';
import { BUDGET_POSTS, POST_INFO } from '../../../../shared/domain/budget-posts';

/** The choice for an account that is not part of the utfall (a balance account, say). */
export const NOT_UTFALL = '__ej__';

/** The budget post an account of the books counts under, or "Ingår inte i utfallet". */
export function AccountPostSelect(props: { account: string; value: string; onChange: (value: string) => void; helperText?: string; placeholder?: boolean }) {
  return (
    <TextField
      select
      size="small"
      fullWidth
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      helperText={props.helperText}
      slotProps={{ htmlInput: { 'aria-label': `Budgetpost för konto ${props.account}` } }}
    >
      {props.placeholder && <MenuItem value="">Välj …</MenuItem>}
      {BUDGET_POSTS.map((p) => (
        <MenuItem key={p} value={p}>
          {POST_INFO[p].label}
        </MenuItem>
      ))}
      <MenuItem value={NOT_UTFALL}>Ingår inte i utfallet</MenuItem>
    </TextField>
  );
}

/** What an object of the books (a project, a result unit) stands for: an insats, a post, or nothing (the account's post holds). */
export function ObjectTargetSelect(props: { objectId: string; value: string; insatser: Insats[]; onChange: (value: string) => void }) {
  return (
    <TextField
      select
      size="small"
      fullWidth
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      slotProps={{ htmlInput: { 'aria-label': `Koppling för objekt ${props.objectId}` } }}
    >
      <MenuItem value="">Ingen koppling (kontots post gäller)</MenuItem>
      {props.insatser.map((i) => (
        <MenuItem key={i.id} value={`insats:${i.id}`}>
          Insats: {i.name}
        </MenuItem>
      ))}
      {BUDGET_POSTS.map((p) => (
        <MenuItem key={p} value={p}>
          Post: {POST_INFO[p].label}
        </MenuItem>
      ))}
    </TextField>
  );
}
