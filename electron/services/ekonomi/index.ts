import { medlemsavgifterHandlers } from './medlemsavgifter';
import { budgetHandlers } from './budget';
import { utfallHandlers } from './utfall';
import { utfallImportHandlers } from './utfall-import';
import { reportsHandlers } from './reports';
import { arendebladHandlers } from './arendeblad';
import { exportHandlers } from './export';
import { bokslutHandlers } from './bokslut';

/** Ekonomi: medlemsavgifter, budget, utfall and its import, the reports, the ekonomi ärendeblad, the Excel export and the bokslut. */
export const ekonomiHandlers = {
  ...medlemsavgifterHandlers,
  ...budgetHandlers,
  ...utfallHandlers,
  ...utfallImportHandlers,
  ...reportsHandlers,
  ...arendebladHandlers,
  ...exportHandlers,
  ...bokslutHandlers,
};
