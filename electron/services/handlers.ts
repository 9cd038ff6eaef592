import type { MethodName } from '../../shared/contract/methods';
import type { Handler } from './handler';
import { forbundHandlers } from './forbund';
import { membersHandlers } from './members';
import { userHandlers } from './user';
import { peopleHandlers } from './people';
import { boardHandlers } from './board';
import { groupsHandlers } from './groups';
import { diariumHandlers } from './diarium';
import { documentsHandlers } from './documents';
import { linksHandlers } from './links';
import { delegationHandlers } from './delegation';
import { arendebladHandlers } from './arendeblad';
import { signedDocumentsHandlers } from './signed-documents';
import { meetingsHandlers } from './meetings';
import { packetHandlers } from './packet';
import { protokollHandlers } from './protokoll';
import { insatserHandlers } from './insatser';
import { ekonomiHandlers } from './ekonomi';
import { internkontrollHandlers } from './internkontroll';
import { searchHandlers } from './search';
import { auditHandlers } from './audit';
import { backupsHandlers } from './backups';
import { xlsxHandlers } from './xlsx';
import { verksamhetsplanHandlers } from './verksamhetsplan';
import { arsredovisningHandlers } from './arsredovisning';
import { delarsrapportHandlers } from './delarsrapport';
import { arshjulHandlers } from './arshjul';
import { statistikHandlers } from './statistik';
import { deskHandlers } from './desk';
import { setupHandlers } from './setup';
import { usersHandlers } from './users';

export type { Handler } from './handler';
export type Handlers = { [K in MethodName]: Handler<K> };

/**
 * One handler per contract method, merged from the modules that serve them; the type
 * makes a method without a handler a compile error, and handlersFor() in each module
 * checks every handler against its method's input and result.
 */
export const handlers: Handlers = {
  ...forbundHandlers,
  ...membersHandlers,
  ...userHandlers,
  ...peopleHandlers,
  ...boardHandlers,
  ...groupsHandlers,
  ...diariumHandlers,
  ...documentsHandlers,
  ...linksHandlers,
  ...delegationHandlers,
  ...arendebladHandlers,
  ...signedDocumentsHandlers,
  ...meetingsHandlers,
  ...packetHandlers,
  ...protokollHandlers,
  ...insatserHandlers,
  ...ekonomiHandlers,
  ...internkontrollHandlers,
  ...searchHandlers,
  ...auditHandlers,
  ...backupsHandlers,
  ...xlsxHandlers,
  ...verksamhetsplanHandlers,
  ...arsredovisningHandlers,
  ...delarsrapportHandlers,
  ...arshjulHandlers,
  ...statistikHandlers,
  ...deskHandlers,
  ...setupHandlers,
  ...usersHandlers,
};
