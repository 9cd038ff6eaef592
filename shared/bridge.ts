import type { Envelope } from './contract/errors';

/** What the Electron preload exposes as `window.kansli`. */
export interface KansliBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** The system's folder picker (Electron only); null when the user cancels. */
  pickFolder?(): Promise<string | null>;
  /** Arkiv → Anslut till server …: opens a server database in the window (Electron only). */
  connectServer?(input: ConnectServerInput): Promise<Envelope<{ database: string; remembered: boolean }>>;
  /** Called when the menu asks for the connection form. */
  onShowConnect?(listener: () => void): void;
}

export interface ConnectServerInput {
  /** postgres://user@host[:port]/database, without the password. */
  address: string;
  password: string;
  /** Keep the password, encrypted with the operating system's keychain (Electron's safeStorage). */
  remember: boolean;
}
