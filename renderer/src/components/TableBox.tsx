import Paper from '@mui/material/Paper';
import type { SxProps, Theme } from '@mui/material/styles';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A table's box that scrolls sideways when the window is too narrow for it. While it
 * scrolls it is a named region in the tab order, so it can be reached and scrolled with
 * the keyboard (WCAG 2.1.1; axe's scrollable-region-focusable); when everything fits it is
 * a plain box and adds no tab stop.
 */
export function TableBox({ label, children, sx }: { label: string; children: ReactNode; sx?: SxProps<Theme> }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    // The box (the window narrows) and the table in it (rows come and go) are watched once.
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <Paper
      ref={ref}
      variant="outlined"
      sx={[{ overflowX: 'auto' }, ...(Array.isArray(sx) ? sx : [sx])]}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </Paper>
  );
}
