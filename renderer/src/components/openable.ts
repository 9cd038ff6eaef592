import type { KeyboardEvent } from 'react';

/** A table row that opens something: reachable with Tab, opened by a click, Enter or the space bar. */
export function openable(open: () => void) {
  return {
    tabIndex: 0,
    onClick: open,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      }
    },
  };
}
