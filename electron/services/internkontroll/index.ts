import { risksHandlers } from './risks';
import { planHandlers } from './plan';
import { checklistsHandlers } from './checklists';
import { reportHandlers } from './report';

/** Risk & internkontroll: the scale and the riskanalys, the plan and its kontrolltillfällen, checklists and avvikelser, the report. */
export const internkontrollHandlers = { ...risksHandlers, ...planHandlers, ...checklistsHandlers, ...reportHandlers };
