import { medlemsavgifterHandlers } from './medlemsavgifter';
import { budgetHandlers } from './budget';
import { utfallHandlers } from './utfall';
import { utfallImportHandlers } from './utfall-import';
import { reportsHandlers } from './reports';
import { arendebladHandlers } from './arendeblad';
import { exportHandlers } from './export';

/** Ekonomi: medlemsavgifter, budget, utfall and its import, the reports, the ekonomi ärendeblad and the Excel export. */
export const ekonomiHandlers = {
  ...medlemsavgifterHandlers,
  ...budgetHandlers,
  ...utfallHandlers,
  ...utfallImportHandlers,
  ...reportsHandlers,
  ...arendebladHandlers,
  ...exportHandlers,
};
