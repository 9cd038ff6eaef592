/**
 * The renderer's only way into the main process: `window.kansli.call(method, input)`.
 * A sandboxed preload may require nothing but 'electron', so this file has no
 * other runtime import; the channel name is checked against main's by type.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { CONNECT_SERVER_CHANNEL, IPC_CHANNEL, PICK_FOLDER_CHANNEL, SHOW_CONNECT_CHANNEL } from './security';
import type { ConnectServerInput, KansliBridge } from '../shared/bridge';

const channel: typeof IPC_CHANNEL = 'kansli:call';
const pickFolderChannel: typeof PICK_FOLDER_CHANNEL = 'kansli:pick-folder';
const connectChannel: typeof CONNECT_SERVER_CHANNEL = 'kansli:connect-server';
const showConnectChannel: typeof SHOW_CONNECT_CHANNEL = 'kansli:show-connect';

const bridge = {
  call: (method: string, input: unknown) => ipcRenderer.invoke(channel, method, input),
  pickFolder: () => ipcRenderer.invoke(pickFolderChannel) as Promise<string | null>,
  connectServer: (input: ConnectServerInput) => ipcRenderer.invoke(connectChannel, input),
  onShowConnect: (listener: () => void) => void ipcRenderer.on(showConnectChannel, () => listener()),
} satisfies KansliBridge;

contextBridge.exposeInMainWorld('kansli', bridge);
