/**
 * The renderer's only way into the main process: `window.kansli.call(method, input)`.
 * A sandboxed preload may require nothing but 'electron', so this file has no
 * other runtime import; the channel name is checked against main's by type.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IPC_CHANNEL, PICK_FOLDER_CHANNEL } from './security';
import type { KansliBridge } from '../shared/bridge';

const channel: typeof IPC_CHANNEL = 'kansli:call';
const pickFolderChannel: typeof PICK_FOLDER_CHANNEL = 'kansli:pick-folder';

const bridge = {
  call: (method: string, input: unknown) => ipcRenderer.invoke(channel, method, input),
  pickFolder: () => ipcRenderer.invoke(pickFolderChannel) as Promise<string | null>,
} satisfies KansliBridge;

contextBridge.exposeInMainWorld('kansli', bridge);
