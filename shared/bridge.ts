import type { Envelope } from './contract/errors';

/** What the Electron preload exposes as `window.kansli`. */
export interface KansliBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** The system's folder picker (Electron only); null when the user cancels. */
  pickFolder?(): Promise<string | null>;
}
