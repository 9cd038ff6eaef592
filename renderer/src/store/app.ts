import { useEffect } from 'react';
import { create } from 'zustand';
import type { AppInfo, Forbund } from '../../../shared/contract/schemas/forbund';
import type { Member } from '../../../shared/contract/schemas/members';
import { call, errorMessage } from '../api';

export const SECTIONS = [
  { id: 'oversikt', label: 'Översikt' },
  { id: 'arenden', label: 'Ärenden & dokument' },
  { id: 'arendeblad', label: 'Ärendeblad' },
  { id: 'sammantraden', label: 'Sammanträden' },
  { id: 'insatser', label: 'Ansökningar & insatser' },
  { id: 'verksamhetsplan', label: 'Verksamhetsplan' },
  { id: 'arsredovisning', label: 'Årsredovisning' },
  { id: 'register', label: 'Register' },
  { id: 'ekonomi', label: 'Ekonomi' },
  { id: 'internkontroll', label: 'Risk & internkontroll' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

/** "#/register/styrelse" → ['register', 'styrelse']. */
function hashParts(): string[] {
  return window.location.hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
}

function sectionFromHash(): SectionId {
  const id = hashParts()[0];
  return SECTIONS.find((s) => s.id === id)?.id ?? 'oversikt';
}

/** What follows the section in the address, e.g. ['styrelse'] or ['12'] (a tab, a record). */
function routeFromHash(): string[] {
  return hashParts().slice(1);
}

export interface Notice {
  id: number;
  severity: 'success' | 'error' | 'info';
  text: string;
  /** E.g. "Ångra" after a removal. */
  action?: { label: string; run: () => Promise<void> };
}

/** A navigation held back because something on screen is not saved. */
export interface PendingLeave {
  /** What is not saved, in words: "budgetförslaget 2027, protokollet". */
  what: string;
  proceed(): void;
}

interface AppState {
  section: SectionId;
  /** The rest of the address after the section: a tab or a record id. */
  route: string[];
  info: AppInfo | null;
  forbund: Forbund | null;
  members: Member[];
  loading: boolean;
  /** A load that failed: shown in place of the screen, with a retry. */
  loadError: string | null;
  notice: Notice | null;
  /** Screens with changes not yet saved, by key, with what they are in words. */
  unsaved: Record<string, string>;
  /** Set while the user is asked whether to leave unsaved changes. */
  pendingLeave: PendingLeave | null;
  /**
   * Opens a section, optionally at a tab or record: go('register', 'styrelse'), go('arenden', '12').
   * With unsaved changes on screen it asks first.
   */
  go(section: SectionId, ...route: string[]): void;
  setUnsaved(key: string, what: string | null): void;
  /** Leaves despite unsaved changes (the question's "Lämna utan att spara"), or stays. */
  answerLeave(leave: boolean): void;
  load(): Promise<void>;
  setForbund(forbund: Forbund): void;
  upsertMember(member: Member): void;
  dropMember(id: number): void;
  notify(severity: Notice['severity'], text: string, action?: Notice['action']): void;
  clearNotice(): void;
}

let noticeSeq = 0;

export const useApp = create<AppState>((set, get) => ({
  section: sectionFromHash(),
  route: routeFromHash(),
  info: null,
  forbund: null,
  members: [],
  loading: true,
  loadError: null,
  notice: null,
  unsaved: {},
  pendingLeave: null,
  go(section, ...route) {
    const hash = `#/${[section, ...route].map(encodeURIComponent).join('/')}`;
    const navigate = () => {
      window.location.hash = hash;
      set({ section, route });
    };
    if (hash === window.location.hash) return;
    askBeforeLeaving(navigate);
  },
  setUnsaved(key, what) {
    const unsaved = { ...get().unsaved };
    if (what === null) delete unsaved[key];
    else unsaved[key] = what;
    set({ unsaved });
  },
  answerLeave(leave) {
    const pending = get().pendingLeave;
    set({ pendingLeave: null });
    if (leave && pending) {
      set({ unsaved: {} });
      pending.proceed();
    }
  },
  async load() {
    set({ loading: true, loadError: null });
    try {
      const [info, forbund, members] = await Promise.all([call('app.info', {}), call('forbund.get', {}), call('members.list', {})]);
      set({ info, forbund, members, loading: false });
    } catch (err) {
      set({ loading: false, loadError: errorMessage(err) });
    }
  },
  setForbund(forbund) {
    set({ forbund });
  },
  upsertMember(member) {
    // The server decides the order; reload quietly so the list matches the register.
    const others = get().members.filter((m) => m.id !== member.id);
    set({ members: [...others, member] });
    void call('members.list', {}).then((members) => set({ members }));
  },
  dropMember(id) {
    set({ members: get().members.filter((m) => m.id !== id) });
  },
  notify(severity, text, action) {
    set({ notice: { id: ++noticeSeq, severity, text, ...(action ? { action } : {}) } });
  },
  clearNotice() {
    set({ notice: null });
  },
}));

/** Runs `proceed` at once, or after the user agrees to leave what is not saved (also for a change of year on a screen). */
export function askBeforeLeaving(proceed: () => void): void {
  const what = Object.values(useApp.getState().unsaved);
  if (what.length === 0) proceed();
  else useApp.setState({ pendingLeave: { what: [...new Set(what)].join(', '), proceed } });
}

// A link or the browser's back button changes the address directly: hold it back the same way.
let shownHash = window.location.hash;
window.addEventListener('hashchange', () => {
  const next = window.location.hash;
  if (next === shownHash) return;
  if (Object.keys(useApp.getState().unsaved).length === 0) {
    shownHash = next;
    useApp.setState({ section: sectionFromHash(), route: routeFromHash() });
    return;
  }
  window.history.replaceState(window.history.state, '', shownHash || '#/');
  askBeforeLeaving(() => {
    shownHash = next;
    window.location.hash = next;
    useApp.setState({ section: sectionFromHash(), route: routeFromHash() });
  });
});
useApp.subscribe((s, prev) => {
  if (s.section !== prev.section || s.route !== prev.route) shownHash = window.location.hash;
  // An error belongs to the screen it happened on: it does not follow you to the next.
  if (s.section !== prev.section && s.notice?.severity === 'error') useApp.setState({ notice: null });
});

// Closing or reloading the window: the browser (or Electron's will-prevent-unload) asks.
window.addEventListener('beforeunload', (event) => {
  if (Object.keys(useApp.getState().unsaved).length === 0) return;
  event.preventDefault();
  event.returnValue = '';
});

/**
 * Marks what this screen holds as not saved while `dirty`, so leaving it (the menu, a
 * link, back, reload, closing the window) asks first. `what` names it for the question.
 */
export function useUnsavedChanges(key: string, what: string, dirty: boolean): void {
  const setUnsaved = useApp((s) => s.setUnsaved);
  useEffect(() => {
    setUnsaved(key, dirty ? what : null);
  }, [key, what, dirty, setUnsaved]);
  useEffect(() => () => setUnsaved(key, null), [key, setUnsaved]);
}
