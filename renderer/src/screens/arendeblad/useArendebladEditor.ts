import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Arendeblad, ArendebladContent, GeneratedFile } from '../../../../shared/contract/schemas/arendeblad';
import type { Person } from '../../../../shared/contract/schemas/board';
import type { DocumentMeta } from '../../../../shared/contract/schemas/diarium';
import { arendebladProblems } from '../../../../shared/domain/arendeblad-templates';
import { ApiCallError, call, errorMessage } from '../../api';
import { downloadBase64, fileToBase64 } from '../../files';
import { useApp } from '../../store/app';
import type { Credentials } from './SignDialog';

/** How long typing may pause before the draft is saved. */
const AUTOSAVE_MS = 900;

export interface Draft {
  organ: string;
  rubrik: string;
  datum: string;
  content: ArendebladContent;
}

export type SaveState =
  { kind: 'saved'; at: string } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'error'; message: string; conflict: boolean; personalData: boolean };

const backupKey = (id: number) => `kansli.arendeblad.${id}.utkast`;

function draftOf(b: Arendeblad): Draft {
  return { organ: b.organ, rubrik: b.rubrik, datum: b.datum, content: b.content };
}

/** The copy in this window's storage, when it holds something the database does not. */
function unsavedCopy(id: number, stored: Arendeblad): Draft | null {
  const text = localStorage.getItem(backupKey(id));
  if (!text) return null;
  const copy = JSON.parse(text) as Draft & { revision: number };
  const draft = { organ: copy.organ, rubrik: copy.rubrik, datum: copy.datum, content: copy.content };
  if (JSON.stringify(draftOf(stored)) !== JSON.stringify(draft)) return draft;
  localStorage.removeItem(backupKey(id));
  return null;
}

/** "Sparar …", "Ändrat", "Inte sparat" or "Sparat 14:05": what the status line says. */
export function statusText(state: SaveState): string {
  if (state.kind === 'saving') return 'Sparar …';
  if (state.kind === 'dirty') return 'Ändrat';
  if (state.kind === 'error') return 'Inte sparat';
  return `Sparat ${state.at.slice(11, 16) || ''}`.trim();
}

/**
 * The ärendeblad being edited and everything done to it. Every change is kept in this
 * window's storage at once and saved to the database after a short pause, so a draft
 * survives a crash, a closed lid or a lost connection to the host; the newer copy is
 * offered back on reopening. Saves carry the revision they were made from, so an edit
 * made elsewhere meanwhile is refused, never overwritten.
 */
export function useArendebladEditor(id: number) {
  const notify = useApp((s) => s.notify);
  const [blad, setBlad] = useState<Arendeblad | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: '' });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [backup, setBackup] = useState<Draft | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [documents, setDocuments] = useState<DocumentMeta[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const revision = useRef(0);
  const pending = useRef<Draft | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const loadDocuments = useCallback(async (arendeId: number) => {
    const arende = await call('arenden.get', { id: arendeId });
    setDocuments(arende.documents);
  }, []);

  const accept = useCallback((b: Arendeblad) => {
    revision.current = b.revision;
    setBlad(b);
  }, []);

  useEffect(() => {
    (async () => {
      const b = await call('arendeblad.get', { id });
      accept(b);
      setDraft(draftOf(b));
      setState({ kind: 'saved', at: b.updatedAt });
      setBackup(unsavedCopy(id, b));
      setPeople(await call('people.list', {}));
      await loadDocuments(b.arendeId);
    })().catch((err: unknown) => setLoadError(errorMessage(err)));
  }, [id, loadDocuments, accept]);

  /** Saves what is pending; false when it could not be saved (the reason is shown). */
  const save = useCallback(
    async (confirmPersonalData = false): Promise<boolean> => {
      const next = pending.current;
      if (!next) return true;
      pending.current = null;
      setState({ kind: 'saving' });
      try {
        const saved = await call('arendeblad.save', { id, revision: revision.current, ...next, confirmPersonalData });
        accept(saved);
        if (pending.current === null) {
          localStorage.removeItem(backupKey(id));
          setState({ kind: 'saved', at: saved.updatedAt });
        }
        return true;
      } catch (err) {
        pending.current = pending.current ?? next;
        const code = err instanceof ApiCallError ? err.code : null;
        setState({ kind: 'error', message: errorMessage(err), conflict: code === 'CONFLICT', personalData: code === 'PERSONAL_DATA' });
        return false;
      }
    },
    [id, accept],
  );

  /** Saves at once what typing left pending; false when it could not be saved. */
  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    return save();
  }, [save]);

  // Flush what is pending when the editor closes.
  useEffect(
    () => () => {
      void flush();
    },
    [flush],
  );

  const frozen = blad?.frozen ?? false;
  const change = useCallback(
    (next: Draft) => {
      if (frozen) return;
      setDraft(next);
      pending.current = next;
      localStorage.setItem(backupKey(id), JSON.stringify({ ...next, revision: revision.current }));
      setState((s) => (s.kind === 'error' && s.conflict ? s : { kind: 'dirty' }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), AUTOSAVE_MS);
    },
    [id, save, frozen],
  );

  const problems = useMemo(
    () => (draft && blad ? arendebladProblems({ isDecision: blad.arendeKind === 'beslutsarende', rubrik: draft.rubrik, content: draft.content }) : []),
    [draft, blad],
  );

  async function generate(kind: 'pdf' | 'docx') {
    if (!(await flush())) return;
    setBusy(kind === 'pdf' ? 'Skapar PDF …' : 'Skapar Word-fil …');
    try {
      const file = await call(kind === 'pdf' ? 'arendeblad.pdf' : 'arendeblad.docx', { id });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
      notify('success', `${file.fileName} är skapad${file.pages ? ` (${file.pages} ${file.pages === 1 ? 'sida' : 'sidor'})` : ''}.`);
    } catch (err) {
      notify('error', errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  /** The PDF as it would be saved or signed, to look at first (null if it could not be made). */
  async function preview(): Promise<GeneratedFile | null> {
    if (!(await flush())) return null;
    setBusy('Skapar förhandsgranskning …');
    try {
      return await call('arendeblad.pdf', { id });
    } catch (err) {
      notify('error', errorMessage(err));
      return null;
    } finally {
      setBusy(null);
    }
  }

  /** Adds the file to the ärende's documents and returns it, for a bilaga to point at. */
  async function upload(file: File): Promise<DocumentMeta | null> {
    if (!blad) return null;
    try {
      const meta = await call('documents.add', { arendeId: blad.arendeId, fileName: file.name, contentBase64: await fileToBase64(file) });
      await loadDocuments(blad.arendeId);
      return meta;
    } catch (err) {
      notify('error', errorMessage(err));
      return null;
    }
  }

  async function sign(credentials: Credentials) {
    if (!(await flush())) throw new Error('Ärendebladet kunde inte sparas, så det har inte signerats. Se meddelandet i ärendebladet.');
    // What is signed is what is on the screen: the revision just saved, or refused.
    const signed = await call('arendeblad.sign', { id, revision: revision.current, credentials });
    accept(signed);
    await loadDocuments(signed.arendeId);
    notify('success', 'Ärendebladet är signerat och sparat i diariet.');
  }

  function makeNewVersion() {
    void call('arendeblad.newVersion', { id, revision: revision.current })
      .then((next) => {
        accept(next);
        notify('success', `Version ${next.version} kan nu ändras. Version ${next.version - 1} finns kvar med sina underskrifter.`);
      })
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }

  function reload() {
    void call('arendeblad.get', { id }).then(setBlad);
    if (blad) void loadDocuments(blad.arendeId);
  }

  function restoreBackup(use: boolean) {
    if (use && backup) change(backup);
    else localStorage.removeItem(backupKey(id));
    setBackup(null);
  }

  return {
    blad,
    draft,
    state,
    loadError,
    backup,
    people,
    documents,
    busy,
    problems,
    change,
    save,
    generate,
    preview,
    upload,
    sign,
    makeNewVersion,
    reload,
    restoreBackup,
  };
}

export type ArendebladEditorState = ReturnType<typeof useArendebladEditor>;
