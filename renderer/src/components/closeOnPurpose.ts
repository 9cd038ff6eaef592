/**
 * A form dialog closes when the user means it (Avbryt, Escape, the close button), not
 * on a stray click beside it that would throw away what was typed.
 */
export function closeOnPurpose(onClose: (() => void) | undefined): ((event: object, reason: 'backdropClick' | 'escapeKeyDown') => void) | undefined {
  if (!onClose) return undefined;
  return (_event, reason) => {
    if (reason !== 'backdropClick') onClose();
  };
}
