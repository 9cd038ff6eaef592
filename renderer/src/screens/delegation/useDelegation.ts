import { useMemo, useState } from 'react';
import type { Delegation } from '../../../../shared/contract/schemas/delegation';
import { call } from '../../api';
import { useRemoval } from '../../components/useRemoval';
import { useLoad, usePeople } from '../../components/useLoad';

export type View = 'beslut' | 'ej-anmalda' | 'ordning';

export function viewFrom(route: string[]): View {
  const v = route[0];
  return v === 'ej-anmalda' || v === 'ordning' ? v : 'beslut';
}

function restoreDelegation(d: Delegation) {
  return {
    code: d.code,
    matter: d.matter,
    delegate: d.delegate,
    personId: d.personId,
    limitKr: d.limitKr,
    validFrom: d.validFrom,
    validTo: d.validTo,
    reportToBoard: d.reportToBoard,
    notes: d.notes ?? undefined,
    confirmPersonalData: true,
  };
}

/**
 * The delegation register's data: the delegationsordning, every decision, those not yet
 * reported and the ones chosen to report, and removing a point with Ångra.
 */
export function useDelegation(view: View, onRemoved: () => void) {
  const delegations = useLoad(() => call('delegations.list', {}));
  const decisions = useLoad(() => call('decisions.list', { unreportedOnly: false }));
  const unreported = useLoad(() => call('decisions.list', { unreportedOnly: true }));
  const people = usePeople();
  const [selected, setSelected] = useState<Set<number>>(new Set());

  async function refresh() {
    await Promise.all([delegations.reload(), decisions.reload(), unreported.reload()]);
  }

  const removal = useRemoval<Delegation>({
    remove: (d) => call('delegations.remove', { id: d.id }),
    restore: (d) => call('delegations.save', restoreDelegation(d)),
    refresh: () => delegations.reload(),
    onRemoved,
    title: (d) => `Ta bort punkt ${d.code}?`,
    text: () =>
      'Punkten tas bort ur delegationsordningen. En punkt som beslut har fattats under kan inte tas bort. Ändringen loggas och kan ångras direkt efteråt.',
    removed: (d) => `Punkt ${d.code} togs bort ur delegationsordningen.`,
    restored: (d) => `Punkt ${d.code} är tillbaka.`,
  });

  const pending = useMemo(() => unreported.data ?? [], [unreported.data]);
  const selecting = view === 'ej-anmalda';
  const rowsError = selecting ? unreported.error : decisions.error;
  const chosen = useMemo(() => pending.filter((d) => selected.has(d.id)), [pending, selected]);

  function toggle(id: number) {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return {
    delegations,
    decisions,
    unreported,
    people,
    refresh,
    removal,
    pending,
    selecting,
    rows: selecting ? pending : (decisions.data ?? []),
    rowsError,
    rowsLoading: (selecting ? unreported.data : decisions.data) === null && !rowsError,
    selected,
    setSelected,
    toggle,
    chosen,
    allChosen: pending.length > 0 && chosen.length === pending.length,
  };
}

export type DelegationState = ReturnType<typeof useDelegation>;
