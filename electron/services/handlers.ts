import type { MethodName, MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';
import { listAudit, verifyAudit } from './audit';
import { backupStatus, createBackupNow, restoreBackup, saveBackupSettings, verifyBackup } from './backups';
import {
  arendebladDocx,
  arendebladPdf,
  createArendeblad,
  findArendeblad,
  getArendeblad,
  listArendeblad,
  listTemplates,
  saveArendeblad,
  newArendebladVersion,
} from './arendeblad';
import { boardSignatures, listBoard, listPeriods, removeAppointment, removePeriod, saveAppointment, savePeriod } from './board';
import { listDecisions, listDelegations, listMeetings, removeDelegation, reportDecisions, saveDecision, saveDelegation } from './delegation';
import { getArende, listArenden, nextArendeNumber, saveArende, voidArende } from './diarium';
import { addDocument, getDocument, removeDocument } from './documents';
import { appInfo, getForbund, saveForbund } from './forbund';
import { listGroups, removeGroup, saveGroup } from './groups';
import { addLink, removeLink } from './links';
import { getMember, listMembers, removeMember, saveMember } from './members';
import { listPeople, removePerson, savePerson } from './people';
import { agendaCandidates, getMeeting, saveAgenda, saveMeeting } from './meetings';
import { packetStatus, startPacket } from './packet';
import { getProtocol, justeringStep, protocolUtdrag, saveProtocol, sendForJustering, setAnslag, signProtocol, startProtocol } from './protokoll';
import { decideApplication, getApplication, listApplications, proposeDecision, saveApplication, saveChecklist } from './applications';
import { getInsats, listInsatser, listPriorityGroups, savePriorityGroups } from './insatser';
import {
  addReport,
  insatsDetail,
  overview,
  writeEvaluationPm,
  removeRequisition,
  saveParticipants,
  saveRequisition,
  saveTargets,
  setGoalOutcome,
  updateInsats,
} from './uppfoljning';
import { search } from './search';
import { decideBudget, getBudget, saveBudget } from './ekonomi/budget';
import { getFee, saveFee } from './ekonomi/fees';
import { closeYear, getMappings, listUtfall, removeImport, removeUtfall, saveMappings, saveUtfall } from './ekonomi/utfall';
import { importUtfall, previewUtfallImport } from './ekonomi/utfall-import';
import { checkTyped, getBeslutsutrymme, getBudgetMotUtfall, getEconomyOverview, getHistory, getSettings, saveHistory, saveSettings } from './ekonomi/reports';
import { ekonomiArendeblad } from './ekonomi/arendeblad';
import { exportEconomyTable } from './ekonomi/export';
import { getScale, listRisks, removeRisk, saveRisk, saveScale } from './risk/risks';
import { copyYear, generateOccasions, getPlan, removeControl, saveControl } from './risk/plan';
import { closeDeviation, getOccasion, listDeviations, overdue, saveDeviation, saveOccasion, signOffOccasion } from './risk/checklists';
import { exportInternkontroll, internkontrollArendeblad } from './risk/report';
import { exportSigned, signArendeblad, signDocument, verifyDocument } from './signed-documents';
import { getUser, setUser } from './user';
import { applyImport, exportRegister, previewImport } from './xlsx';

export type Handler<K extends MethodName> = (input: ParsedInput<K>, scope: Scope) => Promise<MethodResult<K>>;
export type Handlers = { [K in MethodName]: Handler<K> };

/** One handler per contract method; the type makes a missing or extra one a compile error. */
export const handlers: Handlers = {
  'app.info': appInfo,
  'forbund.get': getForbund,
  'forbund.save': saveForbund,
  'members.list': listMembers,
  'members.get': getMember,
  'members.save': saveMember,
  'members.remove': removeMember,
  'user.get': getUser,
  'user.set': setUser,
  'people.list': listPeople,
  'people.save': savePerson,
  'people.remove': removePerson,
  'periods.list': listPeriods,
  'periods.save': savePeriod,
  'periods.remove': removePeriod,
  'board.list': listBoard,
  'board.save': saveAppointment,
  'board.remove': removeAppointment,
  'board.signatures': boardSignatures,
  'groups.list': listGroups,
  'groups.save': saveGroup,
  'groups.remove': removeGroup,
  'arenden.list': listArenden,
  'arenden.get': getArende,
  'arenden.nextNumber': nextArendeNumber,
  'arenden.save': saveArende,
  'arenden.void': voidArende,
  'documents.add': addDocument,
  'documents.get': getDocument,
  'documents.remove': removeDocument,
  'links.add': addLink,
  'links.remove': removeLink,
  'delegations.list': listDelegations,
  'delegations.save': saveDelegation,
  'delegations.remove': removeDelegation,
  'decisions.list': listDecisions,
  'decisions.save': saveDecision,
  'decisions.report': reportDecisions,
  'meetings.list': listMeetings,
  'arendeblad.templates': listTemplates,
  'arendeblad.list': listArendeblad,
  'arendeblad.get': getArendeblad,
  'arendeblad.forArende': findArendeblad,
  'arendeblad.create': createArendeblad,
  'arendeblad.save': saveArendeblad,
  'arendeblad.pdf': arendebladPdf,
  'arendeblad.docx': arendebladDocx,
  'arendeblad.sign': signArendeblad,
  'arendeblad.newVersion': newArendebladVersion,
  'documents.sign': signDocument,
  'pdf.verify': verifyDocument,
  'documents.exportSigned': exportSigned,
  'meetings.get': getMeeting,
  'meetings.save': saveMeeting,
  'meetings.saveAgenda': saveAgenda,
  'meetings.candidates': agendaCandidates,
  'meetings.packetStart': startPacket,
  'meetings.packetStatus': packetStatus,
  'protokoll.get': getProtocol,
  'protokoll.start': startProtocol,
  'protokoll.save': saveProtocol,
  'protokoll.send': sendForJustering,
  'protokoll.step': justeringStep,
  'protokoll.sign': signProtocol,
  'protokoll.anslag': setAnslag,
  'protokoll.utdrag': protocolUtdrag,
  'malgrupper.list': listPriorityGroups,
  'malgrupper.save': savePriorityGroups,
  'applications.list': listApplications,
  'applications.get': getApplication,
  'applications.save': saveApplication,
  'applications.checklist': saveChecklist,
  'applications.proposal': proposeDecision,
  'applications.decide': decideApplication,
  'insatser.list': listInsatser,
  'insatser.get': getInsats,
  'insatser.detail': insatsDetail,
  'insatser.update': updateInsats,
  'requisitions.save': saveRequisition,
  'requisitions.remove': removeRequisition,
  'participants.save': saveParticipants,
  'goals.outcome': setGoalOutcome,
  'insatser.report': addReport,
  'insatser.targets': saveTargets,
  'insatser.overview': overview,
  'insatser.pm': writeEvaluationPm,
  'fees.get': getFee,
  'fees.save': saveFee,
  'budget.get': getBudget,
  'budget.save': saveBudget,
  'budget.decide': decideBudget,
  'utfall.list': listUtfall,
  'utfall.save': saveUtfall,
  'utfall.remove': removeUtfall,
  'utfall.removeImport': removeImport,
  'utfall.importPreview': previewUtfallImport,
  'utfall.import': importUtfall,
  'utfall.mappings': getMappings,
  'utfall.saveMappings': saveMappings,
  'years.close': closeYear,
  'ekonomi.budgetMotUtfall': getBudgetMotUtfall,
  'ekonomi.beslutsutrymme': getBeslutsutrymme,
  'ekonomi.checkTyped': checkTyped,
  'ekonomi.history': getHistory,
  'ekonomi.saveHistory': saveHistory,
  'ekonomi.settings': getSettings,
  'ekonomi.saveSettings': saveSettings,
  'ekonomi.overview': getEconomyOverview,
  'ekonomi.arendeblad': ekonomiArendeblad,
  'ekonomi.export': exportEconomyTable,
  'risk.scale': getScale,
  'risk.saveScale': saveScale,
  'risks.list': listRisks,
  'risks.save': saveRisk,
  'risks.remove': removeRisk,
  'internkontroll.plan': getPlan,
  'controls.save': saveControl,
  'controls.remove': removeControl,
  'internkontroll.copyYear': copyYear,
  'occasions.generate': generateOccasions,
  'occasions.get': getOccasion,
  'occasions.save': saveOccasion,
  'occasions.signOff': signOffOccasion,
  'deviations.save': saveDeviation,
  'deviations.close': closeDeviation,
  'deviations.list': listDeviations,
  'internkontroll.overdue': overdue,
  'internkontroll.arendeblad': internkontrollArendeblad,
  'internkontroll.export': exportInternkontroll,
  'search.query': search,
  'audit.list': listAudit,
  'audit.verify': verifyAudit,
  'backup.status': backupStatus,
  'backup.create': createBackupNow,
  'backup.verify': verifyBackup,
  'backup.restore': restoreBackup,
  'backup.saveSettings': saveBackupSettings,
  'xlsx.export': exportRegister,
  'xlsx.importPreview': previewImport,
  'xlsx.import': applyImport,
};
