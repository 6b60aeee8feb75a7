// Sandboxed preload (bundled to dist/main/preload.cjs): exposes `window.tpw`, built from the bridge contract.
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridgeApi } from './bridge/buildBridgeApi';

contextBridge.exposeInMainWorld('tpw', buildBridgeApi(ipcRenderer));
