import fs from 'node:fs';

/** A deliberate layer violation, to show the lint catches it. */
export const scratch = fs.existsSync('.');
