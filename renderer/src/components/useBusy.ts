import { useState } from 'react';
import { errorMessage } from '../api';

/**
 * One action at a time on a screen: what is running (for the progress bar's label and to
 * disable the buttons), and the Swedish message of the last failure.
 */
export function useBusy() {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  async function run<T>(what: string, action: () => Promise<T>): Promise<T | undefined> {
    setBusy(what);
    setFailure(null);
    try {
      return await action();
    } catch (err) {
      setFailure(errorMessage(err));
      return undefined;
    } finally {
      setBusy(null);
    }
  }
  return { busy, failure, setFailure, run };
}
