import type { Insats } from '../../../../shared/contract/schemas/insatser';
import { BUDGET_POSTS, POST_INFO } from '../../../../shared/domain/budget-posts';
import { SelectField } from '../../components/fields';

/** The choice for an account that is not part of the utfall (a balance account, say). */
export const NOT_UTFALL = '__ej__';

/** The budget post an account of the books counts under, or "Ingår inte i utfallet". */
export function AccountPostSelect(props: { account: string; value: string; onChange: (value: string) => void; helperText?: string; placeholder?: boolean }) {
  return (
    <SelectField
      size="small"
      fullWidth
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      helperText={props.helperText}
      slotProps={{ htmlInput: { 'aria-label': `Budgetpost för konto ${props.account}` } }}
      options={[
        ...(props.placeholder ? [{ value: '', label: 'Välj …' }] : []),
        ...BUDGET_POSTS.map((p) => ({ value: p, label: POST_INFO[p].label })),
        { value: NOT_UTFALL, label: 'Ingår inte i utfallet' },
      ]}
    />
  );
}

/** What an object of the books (a project, a result unit) stands for: an insats, a post, or nothing (the account's post holds). */
export function ObjectTargetSelect(props: { objectId: string; value: string; insatser: Insats[]; onChange: (value: string) => void }) {
  return (
    <SelectField
      size="small"
      fullWidth
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      slotProps={{ htmlInput: { 'aria-label': `Koppling för objekt ${props.objectId}` } }}
      options={[
        { value: '', label: 'Ingen koppling (kontots post gäller)' },
        ...props.insatser.map((i) => ({ value: `insats:${i.id}`, label: `Insats: ${i.name}` })),
        ...BUDGET_POSTS.map((p) => ({ value: p, label: `Post: ${POST_INFO[p].label}` })),
      ]}
    />
  );
}
