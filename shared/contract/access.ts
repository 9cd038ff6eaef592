import type { MethodName } from './methods';

/**
 * Who may call what on a server database (issue 18). A file has one user and no roles:
 * every method is theirs. On a server each person has a role:
 *  - förbundschef and administratör: everything;
 *  - handläggare: everything except economy decisions and settings, and files on the
 *    machine Kansli runs on;
 *  - läsare (ordförande, ledamöter, revisorer): read, and sign what they are asked to sign.
 * The services refuse a call outside the role (api.ts) before anything is read or written;
 * the window only hides what the role cannot do.
 */
export const ROLES = ['forbundschef', 'administrator', 'handlaggare', 'lasare'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  forbundschef: 'förbundschef',
  administrator: 'administratör',
  handlaggare: 'handläggare',
  lasare: 'läsare',
};

/** What a method does, as far as roles go. */
export type Access = 'read' | 'write' | 'economy' | 'settings' | 'sign' | 'files';

/** Decisions with money in them: the budget, the fees, the books, the year's closing, the board's grant and its payments. */
const ECONOMY: readonly MethodName[] = [
  'medlemsavgifter.save',
  'budget.save',
  'budget.decide',
  'utfall.save',
  'utfall.remove',
  'utfall.removeImport',
  'utfall.import',
  'utfall.saveMappings',
  'years.close',
  'ekonomi.saveHistory',
  'ekonomi.saveSettings',
  'bokslut.import',
  'bokslut.saveSaldon',
  'bokslut.saveMappings',
  'bokslut.saveNote',
  'insatser.decide',
  'insatser.saveRequisition',
  'insatser.removeRequisition',
  'arsredovisning.store',
];

/** The förbund's settings: its details, the diarium's series, the delegationsordning, the årshjul, the risk scale, backups, users. */
const SETTINGS: readonly MethodName[] = [
  'forbund.save',
  'arenden.startSeries',
  'delegations.save',
  'delegations.remove',
  'backup.saveSettings',
  'arshjul.save',
  'internkontroll.saveScale',
  'insatser.savePriorityGroups',
  'setup.finish',
  'users.save',
  'users.remove',
];

/** What a läsare is asked to sign: a protokoll's justering, a document (the årsredovisning, a revisionsberättelse). */
const SIGN: readonly MethodName[] = ['protokoll.sign', 'documents.sign'];

/** Reads or writes files on the machine Kansli runs on (a folder, a backup): on a server, that machine is not the caller's. */
const FILES: readonly MethodName[] = ['documents.exportSigned', 'backup.status', 'backup.create', 'backup.verify', 'backup.restore'];

const BY_METHOD = new Map<string, Access>([
  ...ECONOMY.map((m) => [m, 'economy'] as const),
  ...SETTINGS.map((m) => [m, 'settings'] as const),
  ...SIGN.map((m) => [m, 'sign'] as const),
  ...FILES.map((m) => [m, 'files'] as const),
]);

export function accessOf(method: MethodName, writes: boolean): Access {
  return BY_METHOD.get(method) ?? (writes ? 'write' : 'read');
}

const ALLOWED: Record<Role, readonly Access[]> = {
  forbundschef: ['read', 'write', 'economy', 'settings', 'sign', 'files'],
  administrator: ['read', 'write', 'economy', 'settings', 'sign', 'files'],
  handlaggare: ['read', 'write', 'sign'],
  lasare: ['read', 'sign'],
};

export function mayCall(role: Role, access: Access): boolean {
  return ALLOWED[role].includes(access);
}

const WHAT: Record<Exclude<Access, 'read'>, string> = {
  write: 'ändra något i Kansli (du kan läsa och signera det du ombeds signera)',
  economy: 'fatta eller registrera ekonomiska beslut (budget, medlemsavgifter, utfall, bokslut, beviljade medel och utbetalningar)',
  settings: 'ändra förbundets inställningar (uppgifter om förbundet, diariets nummerserie, delegationsordningen, årshjulet, användare)',
  sign: 'signera',
  files: 'läsa eller skriva filer på den dator där Kansli körs',
};

/** The Swedish refusal, naming the role and what it may not do. */
export function refusalFor(role: Role, access: Access): string {
  const what = access === 'read' ? 'läsa' : WHAT[access];
  return `Som ${ROLE_LABELS[role]} får du inte ${what}. Be förbundschefen eller administratören om det behövs. Inget har ändrats.`;
}
