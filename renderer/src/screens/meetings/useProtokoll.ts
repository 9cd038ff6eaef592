import { useEffect, useState } from 'react';
import type { ProtokollView } from '../../../../shared/contract/schemas/protokoll';
import { call, errorMessage } from '../../api';
import { downloadBase64 } from '../../files';
import { useApp, useUnsavedChanges } from '../../store/app';
import type { Credentials } from '../arendeblad/SignDialog';

export const EVENT_LABELS: Record<ProtokollView['events'][number]['kind'], string> = {
  skickat: 'Skickat för justering',
  andringsforslag: 'Ändringsförslag',
  godkant: 'Godkänt',
  avvisat: 'Skickat tillbaka',
  signerat: 'Signerat',
  anslaget: 'Anslaget',
};

export type JusteringStep = 'godkant' | 'andringsforslag' | 'avvisat';

/** What protokoll.save takes, from the draft on the screen. */
function saveInput(meetingId: number, d: ProtokollView) {
  return {
    meetingId,
    sekreterare: d.sekreterare ?? '',
    ordforande: d.ordforande ?? '',
    justerare: d.justerare,
    justeringPlats: d.justeringPlats ?? '',
    justeringDag: d.justeringDag ?? '',
    forvaring: d.forvaring ?? '',
    ...(d.firstParagraph !== null ? { firstParagraph: d.firstParagraph } : {}),
    attendance: d.attendance.map((a) => ({
      ...a,
      organisation: a.organisation ?? '',
      replaces: a.role === 'tjanstgorande_ersattare' ? (a.replaces ?? '') : undefined,
    })),
    items: d.items.map((i) => ({ id: i.id, decision: i.decision, reservationer: i.reservationer ?? '', anteckningar: i.anteckningar ?? '', jav: i.jav ?? '' })),
  };
}

/**
 * A meeting's protokoll as stored (`protokoll`: undefined while it loads, null before it is
 * begun) and the draft on the screen, with each step of writing and justering. A refused
 * step keeps what was typed; unsaved changes to a draft are asked about before leaving.
 */
export function useProtokoll(meetingId: number) {
  const notify = useApp((s) => s.notify);
  const [protokoll, setProtokoll] = useState<ProtokollView | null | undefined>(undefined);
  const [draft, setDraft] = useState<ProtokollView | null>(null);

  const show = (view: ProtokollView | null) => {
    setProtokoll(view);
    setDraft(view);
  };
  useEffect(() => {
    call('protokoll.get', { meetingId })
      .then((r) => {
        setProtokoll(r.protokoll);
        setDraft(r.protokoll);
      })
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [meetingId, notify]);

  // Närvaro, beslut, anteckningar …: asked about before they are left unsaved.
  const dirty = protokoll != null && draft !== null && protokoll.status === 'utkast' && JSON.stringify(draft) !== JSON.stringify(protokoll);
  useUnsavedChanges(`protokoll-${meetingId}`, 'protokollet', dirty);

  /** True when the step went through. */
  async function run(fn: () => Promise<ProtokollView>, done?: string): Promise<boolean> {
    try {
      show(await fn());
      if (done) notify('success', done);
      return true;
    } catch (err) {
      notify('error', errorMessage(err));
      return false;
    }
  }

  async function open(documentId: number | null) {
    if (documentId === null) return;
    try {
      const doc = await call('documents.get', { id: documentId });
      downloadBase64(doc.meta.fileName, doc.meta.mimeType, doc.contentBase64);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  const current = draft ?? protokoll ?? null;
  return {
    protokoll,
    draft: current,
    setDraft,
    dirty,
    open,
    start: () => run(() => call('protokoll.start', { meetingId })),
    save: () => current !== null && run(() => call('protokoll.save', saveInput(meetingId, current)), 'Protokollet är sparat.'),
    send: () =>
      current !== null &&
      run(async () => {
        await call('protokoll.save', saveInput(meetingId, current));
        return call('protokoll.send', { meetingId });
      }, 'Protokollet är låst och skickat för justering.'),
    step: (kind: JusteringStep, person: string, text: string) => run(() => call('protokoll.step', { meetingId, kind, person, text }), `${EVENT_LABELS[kind]}.`),
    sign: async (credentials: Credentials) => {
      show(await call('protokoll.sign', { meetingId, credentials }));
      notify('success', 'Signaturen är tillagd.');
    },
    utdrag: async (itemId: number) => {
      try {
        const meta = await call('protokoll.utdrag', { meetingId, itemId });
        await open(meta.id);
      } catch (err) {
        notify('error', errorMessage(err));
      }
    },
  };
}

export type ProtokollState = ReturnType<typeof useProtokoll>;
