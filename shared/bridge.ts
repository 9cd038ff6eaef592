import type { Envelope } from './contract/errors';

/** What the Electron preload exposes as `window.kansli`. */
export interface KansliBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
}
