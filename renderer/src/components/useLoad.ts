import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../api';

/**
 * Loads something from the API when the component mounts (and whenever `key`
 * changes); `reload` fetches again quietly, keeping the old data on screen.
 */
export function useLoad<T>(load: () => Promise<T>, key: string | number = 0) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const value = await loadRef.current();
      if (mine === seq.current) {
        setData(value);
        setError(null);
      }
    } catch (err) {
      if (mine === seq.current) setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload, key]);

  return { data, error, reload, setData };
}

/** The people register, for the pickers in the board and group dialogs. */
export function usePeople() {
  return useLoad(() => call('people.list', {}));
}
