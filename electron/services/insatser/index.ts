import { applicationsHandlers } from './applications';
import { insatsHandlers } from './insatser';
import { uppfoljningHandlers } from './uppfoljning';

/** Ansökningar & insatser: ansökan to beslut, the insats register, and its uppföljning (rekvisitioner, deltagare, mål, rapporter, PM). */
export const insatserHandlers = { ...applicationsHandlers, ...insatsHandlers, ...uppfoljningHandlers };
