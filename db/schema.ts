import type { Generated } from 'kysely';

/** Kysely's view of the tables. Column names are snake_case as in SQL. */
export interface ForbundTable {
  id: Generated<number>;
  name: string;
  org_nr: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  is_demo: number;
  updated_at: string;
  city: string | null;
  diary_format: Generated<string>;
  proposal_style: Generated<'att' | 'numrerad'>;
  /** When "Kom igång" was finished; null while a new förbund is being set up. */
  setup_done_at: string | null;
}

export interface KansliMetaTable {
  key: string;
  value: string;
}

export interface BackupSettingsTable {
  id: number;
  recent: number;
  daily: number;
  weekly: number;
  monthly: number;
  updated_at: string;
}

export interface MembersTable {
  id: Generated<number>;
  name: string;
  short_name: string | null;
  kind: 'stat' | 'region' | 'kommun';
  org_nr: string;
  created_at: string;
  updated_at: string;
}

export interface MemberPopulationsTable {
  member_id: number;
  year: number;
  population: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  method: string;
  entity: string;
  entity_id: string | null;
  action: 'create' | 'update' | 'delete';
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** A person with a login on a server database, their name in the audit log and their role (migration 0025). */
export interface KansliUsersTable {
  login: string;
  display_name: string;
  role: 'forbundschef' | 'administrator' | 'handlaggare' | 'lasare';
  created_at: string;
  updated_at: string;
}

export interface UserNamesTable {
  os_user: string;
  display_name: string;
  updated_at: string;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  party: string | null;
  email: string | null;
  phone: string | null;
  organisation: string | null;
  title: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface MandatePeriodsTable {
  id: Generated<number>;
  starts_on: string;
  ends_on: string;
  label: string | null;
  created_at: string;
  updated_at: string;
}

export interface BoardAppointmentsTable {
  id: Generated<number>;
  period_id: number;
  member_id: number;
  person_id: number;
  seat: 'ordinarie' | 'ersattare';
  role: 'ordforande' | 'vice_ordforande_1' | 'vice_ordforande_2' | null;
  starts_on: string;
  ends_on: string;
  created_at: string;
  updated_at: string;
}

export interface GroupsTable {
  id: Generated<number>;
  name: string;
  kind: 'arbetsutskott' | 'beredningsgrupp' | 'lokusgrupp' | 'strategisk_utvecklingsgrupp' | 'annan';
  member_id: number | null;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface GroupMembersTable {
  id: Generated<number>;
  group_id: number;
  position: number;
  person_id: number | null;
  name: string | null;
  organisation: string | null;
  role: string | null;
}

export interface DiarySeriesTable {
  year: number;
  last_number: number;
}

export interface ArendenTable {
  id: Generated<number>;
  year: number;
  seq: number;
  diarienummer: string;
  title: string;
  kind: 'beslutsarende' | 'informationsarende' | 'delegationsbeslut' | 'inkommande' | 'utgaende';
  status: 'oppet' | 'under_beredning' | 'beslutat' | 'avslutat';
  received_on: string | null;
  decided_on: string | null;
  handlaggare: string | null;
  description: string | null;
  voided_at: string | null;
  voided_by: string | null;
  voided_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentsTable {
  id: Generated<number>;
  arende_id: number;
  title: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  storage: 'db' | 'file';
  content: Buffer | null;
  stored_path: string | null;
  text: string | null;
  added_at: string;
  added_by: string;
  signed: Generated<number>;
  superseded_by: number | null;
  /** What made the document, e.g. "arendeblad:12"; null for an uploaded file. */
  source: string | null;
  /** Which version of the source it is (an ärendeblad's signed PDF); null otherwise. */
  source_version: number | null;
}

export interface ArendebladTable {
  id: Generated<number>;
  arende_id: number;
  template: string;
  organ: string;
  rubrik: string;
  datum: string;
  /** JSON, checked by arendebladContent in shared/contract/schemas/arendeblad.ts. */
  content: string;
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
  updated_by: string;
  /** Raised by "Ny version"; starts at 1. */
  version: Generated<number>;
  /** The version that carries a signature; equal to `version` means frozen. */
  signed_version: number | null;
}

export interface RecordLinksTable {
  id: Generated<number>;
  arende_id: number;
  target_kind: 'arende' | 'member' | 'person' | 'group' | 'delegation_decision';
  target_id: number;
  note: string | null;
  created_at: string;
}

export interface MeetingsTable {
  id: Generated<number>;
  body: 'styrelse' | 'arbetsutskott';
  held_on: string;
  title: string | null;
  created_at: string;
  starts_at: string | null;
  ends_at: string | null;
  place: string | null;
  notes: string | null;
  updated_at: string | null;
}

export interface MeetingItemsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  kind: 'procedur' | 'information' | 'delegation' | 'beslut';
  title: string;
  arende_id: number | null;
  created_at: string;
  paragraph: number | null;
  /** JSON: { punkter: string[] }, the att-satser as decided. */
  decision: string | null;
  reservationer: string | null;
  anteckningar: string | null;
  jav: string | null;
}

export interface MeetingAttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  person_id: number | null;
  name: string;
  organisation: string | null;
  role: 'ledamot' | 'tjanstgorande_ersattare' | 'ersattare' | 'ovrig';
  replaces: string | null;
  distance: Generated<number>;
}

export interface ProtokollTable {
  meeting_id: number;
  status: 'utkast' | 'for_justering' | 'justerat' | 'anslaget';
  sekreterare: string | null;
  ordforande: string | null;
  /** JSON array of names. */
  justerare: Generated<string>;
  justering_plats: string | null;
  justering_dag: string | null;
  forvaring: string | null;
  arende_id: number | null;
  document_id: number | null;
  justerat_on: string | null;
  anslag_on: string | null;
  anslag_document_id: number | null;
  updated_at: string;
}

export interface ProtokollEventsTable {
  id: Generated<number>;
  meeting_id: number;
  at: string;
  actor: string;
  kind: 'skickat' | 'andringsforslag' | 'godkant' | 'avvisat' | 'signerat' | 'anslaget';
  person: string | null;
  text: string | null;
}

export interface DelegationsTable {
  id: Generated<number>;
  code: string;
  matter: string;
  delegate: string;
  person_id: number | null;
  limit_kr: number | null;
  valid_from: string;
  valid_to: string | null;
  report_to_board: number;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface DelegationDecisionsTable {
  id: Generated<number>;
  delegation_id: number;
  arende_id: number;
  decided_on: string;
  decided_by: string;
  title: string;
  amount_kr: number | null;
  reported_meeting_id: number | null;
  reported_paragraph: string | null;
  created_at: string;
  updated_at: string;
}

/** FTS5 table; rowid = record id * 8 + kind (see migration 0002). */
export interface SearchIndexTable {
  rowid: number;
  title: string;
  body: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export type Kategori = 'individ' | 'struktur' | 'kompetens';
export type InsatsForm = 'langsiktig' | 'projekt' | 'ovrig';

export interface PriorityGroupsTable {
  id: Generated<number>;
  year: number;
  name: string;
  position: number;
}

export interface InsatsTargetsTable {
  year: number;
  work_study_permille: number | null;
  guide_individ: Generated<number>;
  guide_struktur: Generated<number>;
  guide_kompetens: Generated<number>;
}

export interface InsatserTable {
  id: Generated<number>;
  name: string;
  kategori: Kategori;
  /** How the årsredovisning reports it (migration 0023). */
  form: Generated<InsatsForm>;
  owner_member_id: number;
  starts_on: string;
  ends_on: string;
  status: 'planerad' | 'pagaende' | 'avslutad' | 'avbruten';
  styrgrupp: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationsTable {
  id: Generated<number>;
  arende_id: number;
  kind: 'ny' | 'tillagg' | 'forlangning';
  insats_id: number | null;
  name: string;
  kategori: Kategori;
  owner_member_id: number;
  malgrupp: string | null;
  syfte: string | null;
  starts_on: string;
  ends_on: string;
  sus: number;
  lokus_agrees: number;
  received_on: string;
  status: 'inkommen' | 'under_beredning' | 'beviljad' | 'delvis_beviljad' | 'avslagen';
  /** JSON: checklist key → { ok: boolean | null, note: string }. */
  checklist: Generated<string>;
  decided_on: string | null;
  decided_by: 'styrelse' | 'delegation' | null;
  decision_reason: string | null;
  arendeblad_id: number | null;
  delegation_decision_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationPartiesTable {
  application_id: number;
  member_id: number;
}

export interface ApplicationPriorityGroupsTable {
  application_id: number;
  priority_group_id: number;
}

export interface ApplicationYearsTable {
  application_id: number;
  year: number;
  sought_kr: number;
  own_kr: Generated<number>;
  participants: number | null;
  granted_kr: number | null;
}

export interface GoalsTable {
  id: Generated<number>;
  application_id: number;
  insats_id: number | null;
  kind: 'effektmal' | 'insatsmal';
  position: number;
  text: string;
  outcome: 'uppfyllt' | 'delvis' | 'ej_uppfyllt' | null;
  outcome_note: string | null;
}

export interface RequisitionsTable {
  id: Generated<number>;
  insats_id: number;
  paid_on: string;
  amount_kr: number;
  period_from: string;
  period_to: string;
  note: string | null;
  created_at: string;
}

export interface ParticipantFiguresTable {
  insats_id: number;
  year: number;
  deltagare: number;
  kvinnor: number;
  man: number;
  avslutade: number;
  till_arbete: number;
  till_studier: number;
  avslutade_kvinnor: number | null;
  avslutade_man: number | null;
  arbete_studier_kvinnor: number | null;
  arbete_studier_man: number | null;
}

export interface InsatsReportsTable {
  id: Generated<number>;
  insats_id: number;
  kind: 'arsrapport' | 'slutrapport' | 'avvikelse';
  year: number | null;
  received_on: string;
  text: string | null;
  document_id: number | null;
}

export interface MedlemsavgifterTable {
  year: number;
  total_kr: number;
  population_year: number;
  due_on: string | null;
  status: 'preliminar' | 'faststalld';
  arendeblad_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface MedlemsavgiftSharesTable {
  year: number;
  member_id: number;
  population: number | null;
  amount_kr: number;
}

export interface BudgetsTable {
  id: Generated<number>;
  year: number;
  kind: 'forslag' | 'faststalld' | 'reviderad';
  revision: Generated<number>;
  decided_on: string | null;
  balance_reason: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface BudgetLinesTable {
  budget_id: number;
  post: string;
  amount_kr: number;
}

export interface ClosedYearsTable {
  year: number;
  closed_on: string;
  closed_by: string;
}

export interface UtfallImportsTable {
  id: Generated<number>;
  kind: 'sie' | 'xlsx' | 'csv';
  file_name: string;
  sha256: string;
  year: number;
  row_count: number;
  sum_ore: number;
  imported_at: string;
  imported_by: string;
}

export interface UtfallTable {
  id: Generated<number>;
  year: number;
  booked_on: string;
  post: string;
  insats_id: number | null;
  amount_ore: number;
  account: string | null;
  text: string | null;
  import_id: number | null;
  created_at: string;
}

/** Kept by triggers on utfall (migration 0013): never written by a service. */
export interface UtfallPostMonthsTable {
  year: number;
  month: number;
  post: string;
  amount_ore: number;
  row_count: number;
}

/** Kept by triggers on utfall (migration 0013): never written by a service. */
export interface UtfallInsatsMonthsTable {
  year: number;
  month: number;
  insats_id: number;
  amount_ore: number;
  row_count: number;
}

export interface AccountMappingsTable {
  account: string;
  name: string;
  post: string | null;
  updated_at: string;
}

export interface ObjectMappingsTable {
  dimension: number;
  object_id: string;
  name: string;
  insats_id: number | null;
  post: string | null;
  updated_at: string;
}

export interface EconomySettingsTable {
  id: number;
  reservfond_kr: Generated<number>;
  guideline_permille: Generated<number>;
  opening_year: number | null;
  opening_equity_kr: number | null;
  updated_at: string;
}

export interface EconomyHistoryTable {
  year: number;
  anslag_kr: number;
  samverkan_kr: number;
  fortroendevalda_kr: number;
  forvaltning_kr: number;
  sidointakter_kr: Generated<number>;
  resultat_kr: number | null;
  comment: string | null;
  updated_at: string;
}

export interface RiskSettingsTable {
  id: number;
  scale: string;
  updated_at: string;
}

export interface RisksTable {
  id: Generated<number>;
  year: number;
  code: string;
  process: string;
  title: string;
  description: string | null;
  orsak: string | null;
  sannolikhet: number;
  konsekvens: number;
  owner: string;
  hantering: 'kontroll' | 'atgard' | 'accepterad';
  hantering_text: string | null;
  previous_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ControlsTable {
  id: Generated<number>;
  year: number;
  process: string;
  moment: string;
  risk_id: number;
  metod: 'stickprov' | 'granskning' | 'avstamning' | 'uppfoljning';
  frekvens: 'styrelsemote' | 'manad' | 'kvartal' | 'halvar' | 'ar';
  ansvarig: string;
  rapport_till: string;
  rapport_nar: string;
  checklist: Generated<string>;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface ControlOccasionsTable {
  id: Generated<number>;
  control_id: number;
  due_on: string;
  label: string;
  sample: string | null;
  done_on: string | null;
  done_by: string | null;
  signed_off_at: string | null;
}

export interface OccasionItemsTable {
  id: Generated<number>;
  occasion_id: number;
  position: number;
  text: string;
  result: 'ok' | 'avvikelse' | null;
  comment: string | null;
  document_id: number | null;
}

export interface DeviationsTable {
  id: Generated<number>;
  occasion_id: number;
  item_id: number | null;
  description: string;
  action: string;
  owner: string;
  due_on: string;
  status: 'oppen' | 'stangd';
  closed_on: string | null;
  closed_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface VerksamhetsplanerTable {
  id: Generated<number>;
  title: string;
  first_year: number;
  last_year: number;
  status: 'forslag' | 'faststalld' | 'ersatt';
  version: number;
  revision_of: number | null;
  based_on: number | null;
  /** JSON: the PlanContent of shared/contract/schemas/verksamhetsplan.ts. */
  content: string;
  adopted_on: string | null;
  adopted_paragraph: string | null;
  arendeblad_id: number | null;
  revision: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface MaluppfyllelseTable {
  plan_id: number;
  year: number;
  period: 'delar' | 'helar';
  to_month: number;
  matt_id: string;
  value: number | null;
  result_text: string;
  status: 'uppfyllt' | 'delvis' | 'ej' | null;
  kommentar: string;
  updated_at: string;
  updated_by: string;
}

export interface BokslutSaldonTable {
  year: number;
  account: string;
  name: string;
  ib_ore: number;
  ub_ore: number;
  res_ore: number;
  source: 'sie' | 'inskrivet';
  file_name: string | null;
  updated_at: string;
  updated_by: string;
}

export interface BokslutKopplingarTable {
  account: string;
  /** A line of shared/domain/bokslut.ts, or null: not part of the bokslut. */
  line: string | null;
  updated_at: string;
}

export interface ArsredovisningTexterTable {
  year: number;
  key: string;
  text: string;
  updated_at: string;
  updated_by: string;
}

export interface DelarsrapporterTable {
  year: number;
  to_month: number;
  updated_at: string;
  updated_by: string;
}

export interface DelarsrapportPrognosTable {
  year: number;
  post: string;
  prognos_kr: number;
  kommentar: string;
}

export interface ArshjulTable {
  key: string;
  month_day: string;
  updated_at: string;
  updated_by: string;
}

export interface SusFiguresTable {
  year: number;
  period: 'delar' | 'helar';
  insats_key: number;
  key: string;
  value: number;
  updated_at: string;
  updated_by: string;
}

export interface IndikatorerTable {
  id: Generated<number>;
  year: number;
  name: string;
  tillfragade: number | null;
  besvarade: number | null;
  resultat: string;
  updated_at: string;
}

export interface KompetensEventsTable {
  id: Generated<number>;
  held_on: string;
  title: string;
  deltagare: number;
  arrangor: 'forbundet' | 'parterna';
  updated_at: string;
}

export interface MedlemsdialogerTable {
  id: Generated<number>;
  held_on: string;
  kind: 'medlemsdialog' | 'samrad';
  title: string;
  /** JSON array of member ids. */
  member_ids: string;
  updated_at: string;
}

export interface BokslutNoterTable {
  year: number;
  number: number;
  label: string;
  /** JSON: [{ label, kr }]. */
  rows: string;
  text: string;
  updated_at: string;
  updated_by: string;
}

export interface KansliTables {
  forbund: ForbundTable;
  kansli_meta: KansliMetaTable;
  backup_settings: BackupSettingsTable;
  members: MembersTable;
  member_populations: MemberPopulationsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
  user_names: UserNamesTable;
  kansli_users: KansliUsersTable;
  people: PeopleTable;
  mandate_periods: MandatePeriodsTable;
  board_appointments: BoardAppointmentsTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  diary_series: DiarySeriesTable;
  arenden: ArendenTable;
  documents: DocumentsTable;
  arendeblad: ArendebladTable;
  record_links: RecordLinksTable;
  meetings: MeetingsTable;
  meeting_items: MeetingItemsTable;
  meeting_attendance: MeetingAttendanceTable;
  protokoll: ProtokollTable;
  protokoll_events: ProtokollEventsTable;
  priority_groups: PriorityGroupsTable;
  insats_targets: InsatsTargetsTable;
  insatser: InsatserTable;
  applications: ApplicationsTable;
  application_parties: ApplicationPartiesTable;
  application_priority_groups: ApplicationPriorityGroupsTable;
  application_years: ApplicationYearsTable;
  goals: GoalsTable;
  requisitions: RequisitionsTable;
  participant_figures: ParticipantFiguresTable;
  insats_reports: InsatsReportsTable;
  medlemsavgifter: MedlemsavgifterTable;
  medlemsavgift_shares: MedlemsavgiftSharesTable;
  budgets: BudgetsTable;
  budget_lines: BudgetLinesTable;
  closed_years: ClosedYearsTable;
  utfall_imports: UtfallImportsTable;
  utfall: UtfallTable;
  utfall_post_months: UtfallPostMonthsTable;
  utfall_insats_months: UtfallInsatsMonthsTable;
  verksamhetsplaner: VerksamhetsplanerTable;
  maluppfyllelse: MaluppfyllelseTable;
  bokslut_saldon: BokslutSaldonTable;
  bokslut_kopplingar: BokslutKopplingarTable;
  arsredovisning_texter: ArsredovisningTexterTable;
  delarsrapporter: DelarsrapporterTable;
  delarsrapport_prognos: DelarsrapportPrognosTable;
  arshjul: ArshjulTable;
  sus_figures: SusFiguresTable;
  indikatorer: IndikatorerTable;
  kompetens_events: KompetensEventsTable;
  medlemsdialoger: MedlemsdialogerTable;
  bokslut_noter: BokslutNoterTable;
  account_mappings: AccountMappingsTable;
  object_mappings: ObjectMappingsTable;
  economy_settings: EconomySettingsTable;
  economy_history: EconomyHistoryTable;
  risk_settings: RiskSettingsTable;
  risks: RisksTable;
  controls: ControlsTable;
  control_occasions: ControlOccasionsTable;
  occasion_items: OccasionItemsTable;
  deviations: DeviationsTable;
  delegations: DelegationsTable;
  delegation_decisions: DelegationDecisionsTable;
  search_index: SearchIndexTable;
}
