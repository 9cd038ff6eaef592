import type { z } from 'zod';
import { method, type MethodSpec } from './define';
import { emptyInput } from './schemas/common';
import { forbundSaveInput, type AppInfo, type Forbund } from './schemas/forbund';
import { memberIdInput, memberSaveInput, type Member } from './schemas/members';
import { auditListInput, setUserInput, type AuditEntryView, type AuditVerifyResult, type CurrentUser } from './schemas/audit';
import {
  backupCreateInput,
  backupFileInput,
  backupSettingsInput,
  type BackupInfo,
  type BackupRestoreResult,
  type BackupStatus,
  type BackupVerifyResult,
} from './schemas/backup';
import {
  boardIdInput,
  boardListInput,
  boardSaveInput,
  periodIdInput,
  periodSaveInput,
  peopleListInput,
  personIdInput,
  personSaveInput,
  signaturesInput,
  type BoardAppointment,
  type BoardView,
  type MandatePeriod,
  type Person,
  type SignatureBlock,
} from './schemas/board';
import {
  decisionSaveInput,
  decisionsListInput,
  decisionsReportInput,
  delegationIdInput,
  delegationSaveInput,
  meetingsListInput,
  type Delegation,
  type DelegationDecision,
  type Meeting,
} from './schemas/delegation';
import {
  arendeIdInput,
  arendeSaveInput,
  arendenListInput,
  arendeVoidInput,
  documentAddInput,
  documentIdInput,
  linkAddInput,
  linkIdInput,
  nextNumberInput,
  type Arende,
  type ArendeListItem,
  type DocumentContent,
  type DocumentMeta,
  type RecordLink,
} from './schemas/diarium';
import { groupIdInput, groupSaveInput, type Group } from './schemas/groups';
import { searchInput, type SearchResult } from './schemas/search';
import {
  arendebladByArendeInput,
  arendebladCreateInput,
  arendebladIdInput,
  arendebladListInput,
  arendebladSaveInput,
  arendebladSignInput,
  arendebladNewVersionInput,
  documentSignInput,
  exportSignedInput,
  pdfVerifyInput,
  templatesInput,
  type Arendeblad,
  type ArendebladListItem,
  type ExportResult,
  type GeneratedFile,
  type PdfVerification,
  type TemplateInfo,
} from './schemas/arendeblad';
import type { DocumentMeta as SignedDocumentMeta } from './schemas/diarium';
import {
  controlIdInput,
  controlSaveInput,
  copyYearInput,
  deviationCloseInput,
  deviationSaveInput,
  internkontrollBladInput,
  occasionIdInput,
  occasionSaveInput,
  occasionSignOffInput,
  overdueInput,
  riskIdInput,
  riskSaveInput,
  riskScaleInput,
  riskYearInput,
  type DeviationListItem,
  type OccasionView,
  type OverdueView,
  type PlanView,
  type RiskYearView,
} from './schemas/risk';
import type { RiskScale } from '../domain/risk';
import {
  beslutsutrymmeInput,
  budgetDecideInput,
  budgetGetInput,
  budgetMotUtfallInput,
  budgetSaveInput,
  economyExportInput,
  economyOverviewInput,
  ekonomiArendebladInput,
  feeGetInput,
  feeSaveInput,
  historySaveInput,
  mappingsSaveInput,
  settingsSaveInput,
  typedCheckInput,
  utfallIdInput,
  utfallImportInput,
  utfallListInput,
  utfallSaveInput,
  yearCloseInput,
  type BeslutsutrymmeView,
  type BudgetMotUtfall,
  type BudgetYearView,
  type EconomyOverview,
  type EconomySettings,
  type FeeView,
  type HistoryView,
  type Mappings,
  type TypedCheckResult,
  type UtfallImportPreview,
  type UtfallImportResult,
  type UtfallList,
} from './schemas/ekonomi';

import {
  agendaSaveInput,
  jobIdInput,
  meetingIdInput,
  meetingSaveInput,
  packetStartInput,
  type AgendaCandidate,
  type MeetingView,
  type PacketJob,
} from './schemas/meetings';
import {
  applicationDecideInput,
  applicationIdInput,
  applicationProposalInput,
  applicationSaveInput,
  applicationsListInput,
  checklistSaveInput,
  insatsIdInput,
  insatserListInput,
  priorityGroupsInput,
  priorityGroupsSaveInput,
  goalOutcomeInput,
  insatsUpdateInput,
  evaluationPmInput,
  overviewInput,
  participantsSaveInput,
  reportAddInput,
  requisitionIdInput,
  requisitionSaveInput,
  targetsSaveInput,
  type Application,
  type Insats,
  type InsatsDetail,
  type Overview,
  type PriorityGroup,
} from './schemas/insatser';
import { anslagInput, justeringStepInput, protocolIdInput, protocolSaveInput, protocolSignInput, utdragInput, type ProtocolView } from './schemas/protokoll';
import { exportInput, importApplyInput, importPreviewInput, type ExportFile, type ImportPreview, type ImportResult } from './schemas/xlsx';

/**
 * The API contract: every operation the renderer, the HTTP host and the CLI can
 * ask for. Each transport looks methods up here and parses the input with the
 * schema before a service sees it.
 */
export const contract = {
  'app.info': method<AppInfo>()({
    description: 'Version, databasfil och användare.',
    input: emptyInput,
    writes: false,
  }),
  'forbund.get': method<Forbund>()({
    description: 'Förbundets uppgifter.',
    input: emptyInput,
    writes: false,
  }),
  'forbund.save': method<Forbund>()({
    description: 'Sparar förbundets uppgifter.',
    input: forbundSaveInput,
    writes: true,
  }),
  'members.list': method<Member[]>()({
    description: 'Alla medlemmar med folkmängd per år.',
    input: emptyInput,
    writes: false,
  }),
  'members.get': method<Member>()({
    description: 'En medlem.',
    input: memberIdInput,
    writes: false,
  }),
  'members.save': method<Member>()({
    description: 'Lägger till en medlem (utan id) eller sparar ändringar (med id).',
    input: memberSaveInput,
    writes: true,
  }),
  'members.remove': method<{ id: number }>()({
    description: 'Tar bort en medlem.',
    input: memberIdInput,
    writes: true,
  }),

  'user.get': method<CurrentUser>()({
    description: 'Vem som är inloggad och hur ändringar signeras i granskningsloggen.',
    input: emptyInput,
    writes: false,
  }),
  'user.set': method<CurrentUser>()({
    description: 'Sätter ditt namn, som skrivs i granskningsloggen vid varje ändring.',
    input: setUserInput,
    writes: true,
  }),

  'people.list': method<Person[]>()({
    description: 'Personregistret: styrelseledamöter, gruppmedlemmar och delegater.',
    input: peopleListInput,
    writes: false,
  }),
  'people.save': method<Person>()({
    description: 'Lägger till eller ändrar en person.',
    input: personSaveInput,
    writes: true,
  }),
  'people.remove': method<{ id: number }>()({
    description: 'Tar bort en person som inte har något uppdrag.',
    input: personIdInput,
    writes: true,
  }),

  'periods.list': method<MandatePeriod[]>()({
    description: 'Mandatperioderna, den senaste först.',
    input: emptyInput,
    writes: false,
  }),
  'periods.save': method<MandatePeriod>()({
    description: 'Lägger till eller ändrar en mandatperiod.',
    input: periodSaveInput,
    writes: true,
  }),
  'periods.remove': method<{ id: number }>()({
    description: 'Tar bort en mandatperiod utan uppdrag.',
    input: periodIdInput,
    writes: true,
  }),

  'board.list': method<BoardView>()({
    description: 'Styrelsen under en mandatperiod: per medlemsorganisation ordinarie ledamot och ersättare.',
    input: boardListInput,
    writes: false,
  }),
  'board.save': method<BoardAppointment>()({
    description: 'Lägger till eller ändrar ett styrelseuppdrag (med personens uppgifter).',
    input: boardSaveInput,
    writes: true,
  }),
  'board.remove': method<{ id: number }>()({
    description: 'Tar bort ett styrelseuppdrag.',
    input: boardIdInput,
    writes: true,
  }),
  'board.signatures': method<SignatureBlock>()({
    description: 'Namnteckningsblocket: presidiet eller hela styrelsen en viss dag.',
    input: signaturesInput,
    writes: false,
  }),

  'groups.list': method<Group[]>()({
    description: 'Arbetsutskott, beredningsgrupp, lokusgrupper och andra grupper med medlemmar.',
    input: emptyInput,
    writes: false,
  }),
  'groups.save': method<Group>()({
    description: 'Lägger till eller ändrar en grupp och dess medlemmar.',
    input: groupSaveInput,
    writes: true,
  }),
  'groups.remove': method<{ id: number }>()({
    description: 'Tar bort en grupp.',
    input: groupIdInput,
    writes: true,
  }),

  'arenden.list': method<ArendeListItem[]>()({
    description: 'Diariet, senaste ärendet först.',
    input: arendenListInput,
    writes: false,
  }),
  'arenden.get': method<Arende>()({
    description: 'Ett ärende med handlingar och kopplingar.',
    input: arendeIdInput,
    writes: false,
  }),
  'arenden.nextNumber': method<{ diarienummer: string }>()({
    description: 'Nästa lediga diarienummer i årets serie (tas först när ärendet sparas).',
    input: nextNumberInput,
    writes: false,
  }),
  'arenden.save': method<Arende>()({
    description: 'Registrerar ett ärende (nästa nummer i årets serie) eller sparar ändringar.',
    input: arendeSaveInput,
    writes: true,
  }),
  'arenden.void': method<Arende>()({
    description: 'Makulerar ett ärende. Det ligger kvar med sitt nummer och skälet; numret används aldrig igen.',
    input: arendeVoidInput,
    writes: true,
  }),

  'documents.add': method<DocumentMeta>()({
    description: 'Lägger en handling (fil) i ett ärende, med SHA-256.',
    input: documentAddInput,
    writes: true,
  }),
  'documents.get': method<DocumentContent>()({
    description: 'En handlings innehåll; kontrollsumman prövas först.',
    input: documentIdInput,
    writes: false,
  }),
  'documents.remove': method<{ id: number }>()({
    description: 'Tar bort en handling ur ett ärende.',
    input: documentIdInput,
    writes: true,
  }),

  'links.add': method<RecordLink>()({
    description: 'Kopplar ett ärende till ett annat ärende, en medlem, person, grupp eller ett delegationsbeslut.',
    input: linkAddInput,
    writes: true,
  }),
  'links.remove': method<{ id: number }>()({
    description: 'Tar bort en koppling.',
    input: linkIdInput,
    writes: true,
  }),

  'delegations.list': method<Delegation[]>()({
    description: 'Delegationsordningen.',
    input: emptyInput,
    writes: false,
  }),
  'delegations.save': method<Delegation>()({
    description: 'Lägger till eller ändrar en punkt i delegationsordningen.',
    input: delegationSaveInput,
    writes: true,
  }),
  'delegations.remove': method<{ id: number }>()({
    description: 'Tar bort en delegation som inget beslut har fattats under.',
    input: delegationIdInput,
    writes: true,
  }),
  'decisions.list': method<DelegationDecision[]>()({
    description: 'Delegationsbesluten; med unreportedOnly de som ännu inte anmälts till styrelsen.',
    input: decisionsListInput,
    writes: false,
  }),
  'decisions.save': method<DelegationDecision>()({
    description: 'Registrerar ett delegationsbeslut (och dess ärende i diariet). Ett belopp över delegationens gräns avvisas.',
    input: decisionSaveInput,
    writes: true,
  }),
  'decisions.report': method<DelegationDecision[]>()({
    description: 'Anmälan av delegationsbeslut: markerar besluten som anmälda vid styrelsens sammanträde.',
    input: decisionsReportInput,
    writes: true,
  }),
  'meetings.list': method<Meeting[]>()({
    description: 'Sammanträden, det senaste först.',
    input: meetingsListInput,
    writes: false,
  }),

  'arendeblad.templates': method<TemplateInfo[]>()({
    description: 'Mallarna för ärendeblad, med den rubrik varje mall ger i år.',
    input: templatesInput,
    writes: false,
  }),
  'arendeblad.list': method<ArendebladListItem[]>()({
    description: 'Ärendebladen, det senaste först.',
    input: arendebladListInput,
    writes: false,
  }),
  'arendeblad.get': method<Arendeblad>()({
    description: 'Ett ärendeblad med innehåll, det som saknas innan det kan bli PDF och dess signerade versioner.',
    input: arendebladIdInput,
    writes: false,
  }),
  'arendeblad.forArende': method<{ arendeblad: Arendeblad | null }>()({
    description: 'Ärendebladet till ett ärende i diariet, om det har ett.',
    input: arendebladByArendeInput,
    writes: false,
  }),
  'arendeblad.create': method<Arendeblad>()({
    description: 'Skapar ett ärendeblad från en mall, för ett ärende i diariet eller ett nytt beslutsärende.',
    input: arendebladCreateInput,
    writes: true,
  }),
  'arendeblad.save': method<Arendeblad>()({
    description: 'Sparar ärendebladet (autosparning). Avvisas om någon annan har sparat en nyare version.',
    input: arendebladSaveInput,
    writes: true,
  }),
  'arendeblad.pdf': method<GeneratedFile>()({
    description: 'Ärendebladet som PDF/A (A4). Avvisas så länge något saknas, t.ex. att-satser eller bilagor.',
    input: arendebladIdInput,
    writes: false,
  }),
  'arendeblad.docx': method<GeneratedFile>()({
    description: 'Ärendebladet som Word-dokument (.docx) för den som måste redigera det i Word.',
    input: arendebladIdInput,
    writes: false,
  }),
  'arendeblad.sign': method<Arendeblad>()({
    description: 'Skapar PDF:en, signerar den med användarens certifikat (PAdES) och lägger den i diariet. Lösenordet sparas aldrig.',
    input: arendebladSignInput,
    writes: true,
  }),
  'arendeblad.newVersion': method<Arendeblad>()({
    description: 'Gör en ny version av ett signerat ärendeblad så att det kan ändras; underskrifterna står kvar på den tidigare versionen.',
    input: arendebladNewVersionInput,
    writes: true,
  }),
  'documents.sign': method<SignedDocumentMeta>()({
    description: 'Lägger till ännu en signatur (t.ex. ordförande, justerare) på ett signerat dokument; den nya versionen ersätter den förra.',
    input: documentSignInput,
    writes: true,
  }),
  'pdf.verify': method<PdfVerification>()({
    description: 'Kontrollerar signaturerna i en PDF: vem som signerat, när, och om dokumentet ändrats efteråt.',
    input: pdfVerifyInput,
    writes: false,
  }),
  'documents.exportSigned': method<ExportResult>()({
    description: 'Sparar signerade dokument i en mapp, namngivna efter diarienummer och rubrik.',
    input: exportSignedInput,
    writes: false,
  }),

  'meetings.get': method<MeetingView>()({
    description: 'Ett sammanträde med tid, plats och dagordning.',
    input: meetingIdInput,
    writes: false,
  }),
  'meetings.save': method<MeetingView>()({
    description: 'Skapar eller ändrar ett sammanträde. Ett nytt får dagordningens standardpunkter.',
    input: meetingSaveInput,
    writes: true,
  }),
  'meetings.saveAgenda': method<MeetingView>()({
    description: 'Sparar dagordningen i ny ordning: punkter flyttas, läggs till eller tas bort.',
    input: agendaSaveInput,
    writes: true,
  }),
  'meetings.candidates': method<AgendaCandidate[]>()({
    description: 'Ärendeblad till detta organ som ännu inte står på någon dagordning.',
    input: meetingIdInput,
    writes: false,
  }),
  'meetings.packetStart': method<PacketJob>()({
    description: 'Börjar skapa utskicket (kallelse, dagordning, ärendeblad och bilagor i en PDF). Följ det med meetings.packetStatus.',
    input: packetStartInput,
    writes: false,
  }),
  'meetings.packetStatus': method<PacketJob>()({
    description: 'Hur långt utskicket har kommit, och filen när det är klart.',
    input: jobIdInput,
    writes: false,
  }),

  'protokoll.get': method<{ protocol: ProtocolView | null }>()({
    description: 'Sammanträdets protokoll med justeringens läge och datum, om det finns ett.',
    input: protocolIdInput,
    writes: false,
  }),
  'protokoll.start': method<ProtocolView>()({
    description: 'Skriv protokoll: närvaro från styrelseregistret, paragrafnummer och besluten ifyllda från förslagen.',
    input: protocolIdInput,
    writes: true,
  }),
  'protokoll.save': method<ProtocolView>()({
    description: 'Sparar protokollet (närvaro, justerare, beslut per paragraf). Avvisas när det är låst för justering.',
    input: protocolSaveInput,
    writes: true,
  }),
  'protokoll.send': method<ProtocolView>()({
    description: 'Skickar protokollet för justering: reglerna prövas, protokollet låses och PDF:en läggs i diariet.',
    input: protocolIdInput,
    writes: true,
  }),
  'protokoll.step': method<ProtocolView>()({
    description: 'Ordföranden eller en justerare godkänner, föreslår en ändring eller skickar tillbaka protokollet.',
    input: justeringStepInput,
    writes: true,
  }),
  'protokoll.sign': method<ProtocolView>()({
    description: 'Nästa i underskriftsordningen signerar protokollet. Den sista signaturen gör det justerat och skapar anslagsbeviset.',
    input: protocolSignInput,
    writes: true,
  }),
  'protokoll.anslag': method<ProtocolView>()({
    description: 'Anger dagen då justeringen anslogs och skapar ett nytt anslagsbevis.',
    input: anslagInput,
    writes: true,
  }),
  'protokoll.utdrag': method<SignedDocumentMeta>()({
    description: 'Protokollsutdrag för en paragraf ur det justerade protokollet, sparat i diariet.',
    input: utdragInput,
    writes: true,
  }),

  'malgrupper.list': method<PriorityGroup[]>()({
    description: 'Styrelsens prioriterade målgrupper för ett år.',
    input: priorityGroupsInput,
    writes: false,
  }),
  'malgrupper.save': method<PriorityGroup[]>()({
    description: 'Sparar årets prioriterade målgrupper. En målgrupp som anges i en ansökan kan inte tas bort.',
    input: priorityGroupsSaveInput,
    writes: true,
  }),
  'applications.list': method<Application[]>()({
    description: 'Ansökningarna, den senast inkomna först.',
    input: applicationsListInput,
    writes: false,
  }),
  'applications.get': method<Application>()({
    description: 'En ansökan med parter, mål, belopp per år, beredning och beslut.',
    input: applicationIdInput,
    writes: false,
  }),
  'applications.save': method<Application>()({
    description: 'Registrerar en inkommen ansökan (och dess ärende i diariet) eller ändrar en som inte är beslutad.',
    input: applicationSaveInput,
    writes: true,
  }),
  'applications.checklist': method<Application>()({
    description: 'Sparar beredningens checklista.',
    input: checklistSaveInput,
    writes: true,
  }),
  'applications.proposal': method<Application>()({
    description: 'Skriver ärendebladet till styrelsen ur ansökan, med föreslaget belopp, period och villkor.',
    input: applicationProposalInput,
    writes: true,
  }),
  'applications.decide': method<Application>()({
    description: 'Beslut om ansökan: bifall, delvis bifall eller avslag, av styrelsen eller på delegation. Bifall ger en insats.',
    input: applicationDecideInput,
    writes: true,
  }),
  'insatser.list': method<Insats[]>()({
    description: 'Insatserna med beviljad budget per år.',
    input: insatserListInput,
    writes: false,
  }),
  'insatser.get': method<Insats>()({
    description: 'En insats med budget per år och de ansökningar den bygger på.',
    input: insatsIdInput,
    writes: false,
  }),
  'insatser.detail': method<InsatsDetail>()({
    description: 'En insats med uppföljning: budget och utfall per år, förbrukningskvot, deltagare, mål, rapporter.',
    input: insatsIdInput,
    writes: false,
  }),
  'insatser.update': method<InsatsDetail>()({
    description: 'Ändrar insatsens status och styrgrupp.',
    input: insatsUpdateInput,
    writes: true,
  }),
  'requisitions.save': method<InsatsDetail>()({
    description: 'Registrerar eller ändrar en rekvisition (utfall) för en insats.',
    input: requisitionSaveInput,
    writes: true,
  }),
  'requisitions.remove': method<InsatsDetail>()({
    description: 'Tar bort en rekvisition.',
    input: requisitionIdInput,
    writes: true,
  }),
  'participants.save': method<InsatsDetail>()({
    description: 'Deltagaruppgifter för ett år, bara antal: deltagare, kvinnor, män, avslutade, till arbete och till studier.',
    input: participantsSaveInput,
    writes: true,
  }),
  'goals.outcome': method<InsatsDetail>()({
    description: 'Utfallet för ett effektmål eller insatsmål: uppfyllt, delvis eller ej uppfyllt.',
    input: goalOutcomeInput,
    writes: true,
  }),
  'insatser.report': method<InsatsDetail>()({
    description: 'Registrerar en inkommen årsrapport, slutrapport eller avvikelserapport.',
    input: reportAddInput,
    writes: true,
  }),
  'insatser.targets': method<Overview>()({
    description: 'Årets mål för andel till arbete eller studier och riktlinjen för fördelningen per kategori.',
    input: targetsSaveInput,
    writes: true,
  }),
  'insatser.overview': method<Overview>()({
    description:
      'Översikt över årets insatser: budget, utfall, förbrukningskvot, deltagare, andel till arbete/studier, kostnad per deltagare och fördelning per kategori.',
    input: overviewInput,
    writes: false,
  }),
  'insatser.pm': method<Arendeblad>()({
    description: 'Skriver halvårets utvärderings-PM som ärendeblad, med översiktens siffror.',
    input: evaluationPmInput,
    writes: true,
  }),

  'fees.get': method<FeeView>()({
    description: 'Årets medlemsavgift per medlem (sparad), eller en förhandsvisning av fördelningen för ett angivet totalbelopp.',
    input: feeGetInput,
    writes: false,
  }),
  'fees.save': method<FeeView>()({
    description:
      'Sparar årets totala medlemsavgift och fördelningen per medlem: staten hälften, regionen en fjärdedel, kommunerna en fjärdedel efter folkmängd.',
    input: feeSaveInput,
    writes: true,
  }),
  'budget.get': method<BudgetYearView>()({
    description: 'Årets budget i alla versioner (förslag, fastställd, reviderad) med beviljade insatser per kategori.',
    input: budgetGetInput,
    writes: false,
  }),
  'budget.save': method<BudgetYearView>()({
    description: 'Sparar årets budgetförslag per post.',
    input: budgetSaveInput,
    writes: true,
  }),
  'budget.decide': method<BudgetYearView>()({
    description: 'Styrelsens beslut: förslaget blir fastställd eller reviderad budget och låses.',
    input: budgetDecideInput,
    writes: true,
  }),
  'utfall.list': method<UtfallList>()({
    description: 'Årets utfallsrader, nyast först, med summa och importer.',
    input: utfallListInput,
    writes: false,
  }),
  'utfall.save': method<UtfallList>()({
    description: 'Registrerar eller ändrar en utfallsrad för hand.',
    input: utfallSaveInput,
    writes: true,
  }),
  'utfall.remove': method<UtfallList>()({
    description: 'Tar bort en utfallsrad som registrerats för hand.',
    input: utfallIdInput,
    writes: true,
  }),
  'utfall.removeImport': method<UtfallList>()({
    description: 'Tar bort en import med alla dess utfallsrader.',
    input: utfallIdInput,
    writes: true,
  }),
  'utfall.importPreview': method<UtfallImportPreview>()({
    description: 'Läser en SIE 4-, Excel- eller CSV-fil och visar vad som skulle importeras, okopplade konton och fel. Inget sparas.',
    input: utfallImportInput,
    writes: false,
  }),
  'utfall.import': method<UtfallImportResult>()({
    description: 'Importerar utfall ur en SIE 4-, Excel- eller CSV-fil och sparar kopplingarna av konton och objekt. Allt eller inget.',
    input: utfallImportInput,
    writes: true,
  }),
  'utfall.mappings': method<Mappings>()({
    description: 'De sparade kopplingarna från konton och objekt till budgetposter och insatser.',
    input: emptyInput,
    writes: false,
  }),
  'utfall.saveMappings': method<Mappings>()({
    description: 'Sparar kopplingar från konton och objekt till budgetposter och insatser.',
    input: mappingsSaveInput,
    writes: true,
  }),
  'years.close': method<UtfallList>()({
    description: 'Stänger ett avslutat räkenskapsår: därefter kan dess utfall inte ändras.',
    input: yearCloseInput,
    writes: true,
  }),
  'ekonomi.budgetMotUtfall': method<BudgetMotUtfall>()({
    description: 'Budget mot utfall per post och per insats för en period, med förbrukningskvot och samma period föregående år.',
    input: budgetMotUtfallInput,
    writes: false,
  }),
  'ekonomi.beslutsutrymme': method<BeslutsutrymmeView>()({
    description: 'Ekonomisk information: beslutsutrymmet år för år efter fattade finansieringsbeslut och efter inkomna ej beslutade ansökningar.',
    input: beslutsutrymmeInput,
    writes: false,
  }),
  'ekonomi.checkTyped': method<TypedCheckResult>()({
    description: 'Kontrollerar att en inskriven tabell över beslutsutrymmet från en äldre handling går ihop.',
    input: typedCheckInput,
    writes: false,
  }),
  'ekonomi.history': method<HistoryView>()({
    description: 'Förbrukning i förhållande till medlemsintäkt, år för år.',
    input: emptyInput,
    writes: false,
  }),
  'ekonomi.saveHistory': method<HistoryView>()({
    description: 'Skriver in ett tidigare års siffror från en äldre handling. Ett resultat som inte går ihop flaggas.',
    input: historySaveInput,
    writes: true,
  }),
  'ekonomi.settings': method<EconomySettings>()({
    description: 'Riktlinjerna för god ekonomisk hushållning: bunden reservfond, riktlinje för eget kapital, eget kapital vid ett års början, stängda år.',
    input: emptyInput,
    writes: false,
  }),
  'ekonomi.saveSettings': method<EconomySettings>()({
    description: 'Sparar riktlinjerna för god ekonomisk hushållning.',
    input: settingsSaveInput,
    writes: true,
  }),
  'ekonomi.overview': method<EconomyOverview>()({
    description: 'God ekonomisk hushållning för ett år: budget i balans, eget kapital mot riktlinjen, beslutsutrymme. Varningar till översikten.',
    input: economyOverviewInput,
    writes: false,
  }),
  'ekonomi.arendeblad': method<Arendeblad>()({
    description: 'Skriver ärendebladet Medlemsavgifter, Ekonomisk information eller Budget ur förbundets siffror, med diagram om sådana skickas med.',
    input: ekonomiArendebladInput,
    writes: true,
  }),
  'ekonomi.export': method<ExportFile>()({
    description: 'En av ekonomins tabeller som Excel-fil.',
    input: economyExportInput,
    writes: false,
  }),

  'risk.scale': method<RiskScale>()({
    description: 'Förbundets riskskala: antal steg, orden för sannolikhet och konsekvens och färggränserna för riskvärdet.',
    input: emptyInput,
    writes: false,
  }),
  'risk.saveScale': method<RiskScale>()({
    description: 'Sparar förbundets riskskala.',
    input: riskScaleInput,
    writes: true,
  }),
  'risks.list': method<RiskYearView>()({
    description: 'Årets riskanalys med riskvärde, förändring mot föregående år och riskmatrisen.',
    input: riskYearInput,
    writes: false,
  }),
  'risks.save': method<RiskYearView>()({
    description: 'Registrerar eller ändrar en risk: process, beskrivning, orsak, sannolikhet, konsekvens, riskägare och hantering.',
    input: riskSaveInput,
    writes: true,
  }),
  'risks.remove': method<RiskYearView>()({
    description: 'Tar bort en risk som inget kontrollmoment svarar mot.',
    input: riskIdInput,
    writes: true,
  }),
  'internkontroll.plan': method<PlanView>()({
    description: 'Årets internkontrollplan: kontrollmomenten per process med sina tillfällen.',
    input: riskYearInput,
    writes: false,
  }),
  'controls.save': method<PlanView>()({
    description: 'Registrerar eller ändrar ett kontrollmoment i internkontrollplanen.',
    input: controlSaveInput,
    writes: true,
  }),
  'controls.remove': method<PlanView>()({
    description: 'Tar bort ett kontrollmoment som inte har genomförda kontroller.',
    input: controlIdInput,
    writes: true,
  }),
  'internkontroll.copyYear': method<PlanView>()({
    description: 'Påbörjar ett nytt års riskanalys och internkontrollplan utifrån föregående års.',
    input: copyYearInput,
    writes: true,
  }),
  'occasions.generate': method<PlanView>()({
    description: 'Lägger in årets kontrolltillfällen utifrån varje kontrollmoments frekvens.',
    input: riskYearInput,
    writes: true,
  }),
  'occasions.get': method<OccasionView>()({
    description: 'Ett kontrolltillfälle med checklista, urval och avvikelser.',
    input: occasionIdInput,
    writes: false,
  }),
  'occasions.save': method<OccasionView>()({
    description: 'Sparar urvalet och checklistans svar (ok eller avvikelse, kommentar, underlag i diariet).',
    input: occasionSaveInput,
    writes: true,
  }),
  'occasions.signOff': method<OccasionView>()({
    description: 'Avslutar kontrollen med datum och vem som gjorde den. Alla punkter måste vara besvarade.',
    input: occasionSignOffInput,
    writes: true,
  }),
  'deviations.save': method<OccasionView>()({
    description: 'Registrerar en avvikelse med åtgärd, ansvarig och datum då den ska vara klar.',
    input: deviationSaveInput,
    writes: true,
  }),
  'deviations.close': method<OccasionView>()({
    description: 'Stänger en avvikelse när åtgärden är genomförd.',
    input: deviationCloseInput,
    writes: true,
  }),
  'deviations.list': method<DeviationListItem[]>()({
    description: 'Årets avvikelser med åtgärd, ansvarig och status, de öppna först.',
    input: riskYearInput,
    writes: false,
  }),
  'internkontroll.overdue': method<OverdueView>()({
    description: 'Försenade kontroller och åtgärder, för översikten.',
    input: overdueInput,
    writes: false,
  }),
  'internkontroll.arendeblad': method<Arendeblad>()({
    description: 'Skriver ärendebladet Riskanalys och internkontrollplan (med riskmatrisen) eller Uppföljning av internkontrollplan ur registret.',
    input: internkontrollBladInput,
    writes: true,
  }),
  'internkontroll.export': method<ExportFile>()({
    description: 'Riskanalysen, internkontrollplanen och resultaten som Excel-fil.',
    input: riskYearInput,
    writes: false,
  }),

  'search.query': method<SearchResult>()({
    description: 'Söker bland ärenden, personer, medlemmar och handlingar (ord och ordbörjan).',
    input: searchInput,
    writes: false,
  }),

  'audit.list': method<AuditEntryView[]>()({
    description: 'Granskningsloggen, nyast först; för en post om entity och entityId anges.',
    input: auditListInput,
    writes: false,
  }),
  'audit.verify': method<AuditVerifyResult>()({
    description: 'Prövar hela granskningsloggens kedja av kontrollsummor och visar var den bryts.',
    input: emptyInput,
    writes: false,
  }),

  'backup.status': method<BackupStatus>()({
    description: 'Säkerhetskopiorna av databasen: var de automatiska ligger, hur många som sparas och vilka som finns.',
    input: emptyInput,
    writes: false,
  }),
  'backup.create': method<BackupInfo>()({
    description:
      'Gör en säkerhetskopia nu (databasen, handlingarna och en innehållsförteckning med kontrollsummor), i en vald mapp eller bland de automatiska.',
    input: backupCreateInput,
    writes: false,
  }),
  'backup.verify': method<BackupVerifyResult>()({
    description: 'Kontrollerar en säkerhetskopia (filer, databas, granskningslogg) utan att ändra något.',
    input: backupFileInput,
    writes: false,
  }),
  'backup.restore': method<BackupRestoreResult>()({
    description: 'Kontrollerar en säkerhetskopia och sätter den i databasens ställe; den ersatta databasen sparas.',
    input: backupFileInput,
    writes: false,
  }),
  'backup.saveSettings': method<z.output<typeof backupSettingsInput>>()({
    description: 'Hur många automatiska säkerhetskopior som sparas: de senaste, dagliga, veckovisa och månatliga.',
    input: backupSettingsInput,
    writes: true,
  }),

  'xlsx.export': method<ExportFile>()({
    description: 'Ett register som Excel-fil (.xlsx) med svenska rubriker.',
    input: exportInput,
    writes: false,
  }),
  'xlsx.importPreview': method<ImportPreview>()({
    description: 'Visar vilka rader i en Excel-fil som skulle läggas till, ändras eller avvisas. Inget sparas.',
    input: importPreviewInput,
    writes: false,
  }),
  'xlsx.import': method<ImportResult>()({
    description: 'Importerar styrelse eller diarium från en Excel-fil, allt eller inget.',
    input: importApplyInput,
    writes: true,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodResult<K extends MethodName> = NonNullable<Contract[K]['result']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
