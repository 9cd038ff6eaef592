import { migration0001 } from './0001_init';
import { migration0002 } from './0002_registers';
import { migration0003 } from './0003_arendeblad';
import { migration0004 } from './0004_meetings';
import { migration0005 } from './0005_protokoll';
import { migration0006 } from './0006_insatser';
import { migration0007 } from './0007_deltagare_kon';
import { migration0008 } from './0008_ekonomi';
import { migration0009 } from './0009_risk';
import { migration0010 } from './0010_trust';
import { migration0011 } from './0011_names';
import { migration0012 } from './0012_search_prefix';
import { migration0013 } from './0013_utfall_months';
import { migration0014 } from './0014_diarium_page';
import { migration0015 } from './0015_verksamhetsplan';
import { migration0016 } from './0016_maluppfyllelse';
import { migration0017 } from './0017_bokslut';
import { migration0018 } from './0018_arsredovisning';
import { migration0019 } from './0019_delarsrapport';
import { migration0020 } from './0020_arshjul';
import { migration0021 } from './0021_statistik';
import { migration0022 } from './0022_bokslut_noter';
import { migration0023 } from './0023_insats_form';
import { migration0024 } from './0024_forbund_setup';
import { migration0025 } from './0025_users';
import type { Migration } from './types';

/** Every migration this version of Kansli knows, in order. Never edit one that has shipped: add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
  migration0025,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

for (const [i, m] of MIGRATIONS.entries()) {
  if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
}
