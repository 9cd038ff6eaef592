import { create } from 'zustand';
import type { AppInfo, Forbund } from '../../../shared/contract/schemas/forbund';
import type { Member } from '../../../shared/contract/schemas/members';
import { call, errorMessage } from '../api';

export const SECTIONS = [
  { id: 'oversikt', label: 'Översikt' },
  { id: 'arenden', label: 'Ärenden & dokument' },
  { id: 'arendeblad', label: 'Ärendeblad' },
  { id: 'sammantraden', label: 'Sammanträden' },
  { id: 'ansokningar', label: 'Ansökningar & insatser' },
  { id: 'register', label: 'Register' },
  { id: 'ekonomi', label: 'Ekonomi' },
  { id: 'risk', label: 'Risk & internkontroll' },
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
  /** Opens a section, optionally at a tab or record: go('register', 'styrelse'), go('arenden', '12'). */
  go(section: SectionId, ...route: string[]): void;
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
  go(section, ...route) {
    window.location.hash = `#/${[section, ...route].map(encodeURIComponent).join('/')}`;
    set({ section, route });
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

window.addEventListener('hashchange', () => useApp.setState({ section: sectionFromHash(), route: routeFromHash() }));
