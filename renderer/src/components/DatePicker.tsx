import { useEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const DAYS = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];

const pad = (n: number) => String(n).padStart(2, '0');
/** A calendar day as ÅÅÅÅ-MM-DD, in the computer's own time zone (never via UTC). */
export const isoOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** "2026-12-07" → that day, or null when the text is not a real date. */
export function parseIso(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return isoOf(d) === text.trim() ? d : null;
}

/** ISO 8601 week number, as Swedish calendars print it. */
function weekOf(d: Date): number {
  const t = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  t.setDate(t.getDate() + 3 - ((t.getDay() + 6) % 7));
  const firstThursday = new Date(t.getFullYear(), 0, 4);
  return 1 + Math.round(((t.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getDay() + 6) % 7)) / 7);
}

/**
 * A Swedish calendar beside a date field: weeks from Monday with their numbers, month names
 * in Swedish, today marked; arrows move a day or a week, Page Up/Down a month, Enter picks,
 * Escape closes. Whatever language the computer speaks, the date goes in as ÅÅÅÅ-MM-DD.
 */
export function DatePicker({ value, onPick, label, disabled }: { value: string; onPick: (iso: string) => void; label: string; disabled?: boolean }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [focus, setFocus] = useState<Date>(() => parseIso(value) ?? new Date());
  const grid = useRef<HTMLDivElement>(null);
  const selected = parseIso(value);
  const today = isoOf(new Date());

  useEffect(() => {
    if (!anchor) return;
    // The grid holds the focus (the day is its active descendant), so the keyboard works at once and no key is lost while days redraw.
    const id = window.setTimeout(() => grid.current?.focus(), 0);
    return () => window.clearTimeout(id);
  }, [anchor]);

  const open = (el: HTMLElement) => {
    setFocus(parseIso(value) ?? new Date());
    setAnchor(el);
  };
  const move = (days: number, months = 0) => {
    const d = new Date(focus.getFullYear(), focus.getMonth() + months, focus.getDate() + days);
    setFocus(d);
  };
  const pick = (d: Date) => {
    onPick(isoOf(d));
    setAnchor(null);
  };

  const first = new Date(focus.getFullYear(), focus.getMonth(), 1);
  const start = new Date(first);
  start.setDate(1 - ((first.getDay() + 6) % 7));
  const weeks: Date[][] = [];
  for (let w = 0; w < 6; w++) {
    weeks.push(Array.from({ length: 7 }, (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + w * 7 + i)));
    if (weeks[w]![6]!.getMonth() !== focus.getMonth() && w >= 4) break;
  }

  return (
    <>
      <IconButton
        size="small"
        edge="end"
        aria-label="Öppna kalendern"
        title={`Välj ${label.toLowerCase()} i kalendern`}
        disabled={disabled}
        onClick={(e) => open(e.currentTarget)}
      >
        <CalendarMonthOutlined fontSize="small" />
      </IconButton>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': `${label}: kalender` } as object }}
      >
        <Box sx={{ p: 1.5, width: 300 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
            <IconButton size="small" aria-label="Föregående månad" onClick={() => move(0, -1)}>
              <ChevronLeft />
            </IconButton>
            <Typography sx={{ flexGrow: 1, textAlign: 'center', fontWeight: 600 }} aria-live="polite">
              {MONTHS[focus.getMonth()]} {focus.getFullYear()}
            </Typography>
            <IconButton size="small" aria-label="Nästa månad" onClick={() => move(0, 1)}>
              <ChevronRight />
            </IconButton>
          </Box>
          <Box
            ref={grid}
            role="grid"
            aria-label={`${MONTHS[focus.getMonth()]} ${focus.getFullYear()}`}
            onKeyDown={(e) => {
              const step: Record<string, [number, number]> = {
                ArrowLeft: [-1, 0],
                ArrowRight: [1, 0],
                ArrowUp: [-7, 0],
                ArrowDown: [7, 0],
                PageUp: [0, -1],
                PageDown: [0, 1],
              };
              const s = step[e.key];
              if (s) {
                e.preventDefault();
                move(s[0], s[1]);
              } else if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                pick(focus);
              }
            }}
            tabIndex={0}
            aria-activedescendant={`dag-${isoOf(focus)}`}
            sx={{
              fontSize: 13,
              borderRadius: 1,
              '&:focus-visible': { outline: 'none' },
              '&:focus-visible [data-active=true]': { outline: '3px solid #f5b700', outlineOffset: 1 },
            }}
          >
            <Box role="row" sx={{ display: 'grid', gridTemplateColumns: '28px repeat(7, 1fr)', color: 'text.secondary', mb: 0.5 }}>
              <Box role="columnheader" aria-label="Vecka" sx={{ textAlign: 'center' }}>
                v.
              </Box>
              {DAYS.map((d) => (
                <Box key={d} role="columnheader" aria-label={d} sx={{ textAlign: 'center' }}>
                  {d.slice(0, 2)}
                </Box>
              ))}
            </Box>
            {weeks.map((week) => (
              <Box key={isoOf(week[0]!)} role="row" sx={{ display: 'grid', gridTemplateColumns: '28px repeat(7, 1fr)', alignItems: 'center' }}>
                <Box role="rowheader" aria-label={`Vecka ${weekOf(week[0]!)}`} sx={{ textAlign: 'center', color: 'text.secondary', fontSize: 11 }}>
                  {weekOf(week[0]!)}
                </Box>
                {week.map((d) => {
                  const iso = isoOf(d);
                  const isSelected = selected !== null && isoOf(selected) === iso;
                  const other = d.getMonth() !== focus.getMonth();
                  return (
                    <Box key={iso} role="gridcell" aria-selected={isSelected} sx={{ display: 'flex', justifyContent: 'center' }}>
                      <Box
                        component="button"
                        type="button"
                        id={`dag-${iso}`}
                        data-active={iso === isoOf(focus)}
                        tabIndex={-1}
                        aria-label={`${DAYS[(d.getDay() + 6) % 7]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}${iso === today ? ', i dag' : ''}`}
                        aria-current={iso === today ? 'date' : undefined}
                        onClick={() => pick(d)}
                        sx={{
                          width: 34,
                          height: 32,
                          border: iso === today ? '1px solid' : '1px solid transparent',
                          borderColor: iso === today ? 'primary.main' : 'transparent',
                          borderRadius: 1,
                          bgcolor: isSelected ? 'primary.main' : 'transparent',
                          color: isSelected ? 'primary.contrastText' : other ? 'text.secondary' : 'text.primary',
                          font: 'inherit',
                          cursor: 'pointer',
                          '&:hover': { bgcolor: isSelected ? 'primary.dark' : 'action.hover' },
                          '&[data-active=true]': { boxShadow: (t) => `inset 0 0 0 2px ${t.palette.primary.main}` },
                        }}
                      >
                        {d.getDate()}
                      </Box>
                    </Box>
                  );
                })}
              </Box>
            ))}
          </Box>
        </Box>
      </Popover>
    </>
  );
}
