import { useState, type ReactElement } from 'react';
import { errorMessage } from '../api';
import { useApp } from '../store/app';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * What a register does to remove a record: ask first, remove, say so with Ångra that
 * puts it back, and say why when the API refuses (e.g. "… används i …").
 */
export interface Removal<T> {
  /** The call that removes it. */
  remove: (item: T) => Promise<unknown>;
  /** The call that puts it back, for Ångra; none where nothing can be put back. */
  restore?: (item: T) => Promise<unknown>;
  /** Brings the screen up to date after a removal or a restore. */
  refresh: () => Promise<unknown>;
  /** The confirmation's title and text. */
  title: (item: T) => string;
  text: (item: T) => string;
  /** The notice after the removal, and after Ångra. */
  removed: (item: T) => string;
  restored?: (item: T) => string;
  /** Runs once the removal is done, before the screen is refreshed (e.g. close its dialog). */
  onRemoved?: (item: T) => void;
}

/** `ask(item)` opens the confirmation; render `dialog` in the register. */
export function useRemoval<T>(removal: Removal<T>): { ask: (item: T) => void; dialog: ReactElement } {
  const notify = useApp((s) => s.notify);
  const [removing, setRemoving] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);

  async function undo(item: T, restore: (item: T) => Promise<unknown>) {
    try {
      await restore(item);
      await removal.refresh();
      notify('info', removal.restored?.(item) ?? 'Borttagningen är ångrad.');
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  async function confirm(item: T) {
    setBusy(true);
    try {
      await removal.remove(item);
      removal.onRemoved?.(item);
      await removal.refresh();
      const { restore } = removal;
      notify('success', removal.removed(item), restore ? { label: 'Ångra', run: () => undo(item, restore) } : undefined);
    } catch (err) {
      notify('error', errorMessage(err));
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  }

  const dialog = (
    <ConfirmDialog
      open={removing !== null}
      title={removing === null ? '' : removal.title(removing)}
      text={removing === null ? '' : removal.text(removing)}
      confirmLabel="Ta bort"
      busy={busy}
      onCancel={() => setRemoving(null)}
      onConfirm={() => removing !== null && void confirm(removing)}
    />
  );
  return { ask: setRemoving, dialog };
}
