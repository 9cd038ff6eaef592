import { create } from 'zustand';
import type { AppInfo, Forbund } from '../../../shared/contract/schemas/forbund';
import type { Member } from '../../../shared/contract/schemas/members';
import { call, errorMessage } from '../api';

export const SECTIONS = [
  { id: 'oversikt', label: 'Översikt' },
  { id: 'arenden', label: 'Ärenden & dokument' },
  { id: 'ansokningar', label: 'Ansökningar & insatser' },
  { id: 'register', label: 'Register' },
  { id: 'budget', label: 'Budget' },
  { id: 'risk', label: 'Risk & internkontroll' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

function sectionFromHash(): SectionId {
  const id = window.location.hash.replace(/^#\/?/, '').split('/')[0];
  return SECTIONS.find((s) => s.id === id)?.id ?? 'oversikt';
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
  info: AppInfo | null;
  forbund: Forbund | null;
  members: Member[];
  loading: boolean;
  /** A load that failed: shown in place of the screen, with a retry. */
  loadError: string | null;
  notice: Notice | null;
  go(section: SectionId): void;
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
  info: null,
  forbund: null,
  members: [],
  loading: true,
  loadError: null,
  notice: null,
  go(section) {
    window.location.hash = `#/${section}`;
    set({ section });
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

window.addEventListener('hashchange', () => useApp.setState({ section: sectionFromHash() }));
