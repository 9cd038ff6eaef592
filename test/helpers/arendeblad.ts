import type { AnySession as Session } from './engines';
import type { Arendeblad, ArendebladContent, TemplateKey } from '../../shared/contract/schemas/arendeblad';
import { PLACEHOLDER } from '../../shared/domain/arendeblad-templates';
import { value } from './envelope';

/** What a writer does: every «fält» filled in, every bilaga linked to a handling in the ärende. */
export function fillIn(content: ArendebladContent, documentId: number): ArendebladContent {
  const fill = (t: string) => t.replace(PLACEHOLDER, (m) => (/ÅÅÅÅ-MM-DD/.test(m) ? '2027-01-01' : /belopp/.test(m) ? '185 000' : 'Ifyllt av Åsa Öberg'));
  return {
    ...content,
    forslag: {
      ...content.forslag,
      punkter: content.forslag.punkter.map(fill).map((t) => (t.trim() === '' ? 'godkänna förslaget om åtgärder för ökad samverkan' : t)),
    },
    sections: content.sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) =>
        b.type === 'stycke' || b.type === 'underrubrik'
          ? { ...b, text: fill(b.text) || 'Ärendet gäller samverkan i länets kommuner.' }
          : b.type === 'punktlista'
            ? { ...b, items: b.items.map(fill) }
            : b.type === 'tabell'
              ? { ...b, rows: b.rows.map((r) => r.map(fill)) }
              : { ...b, caption: fill(b.caption) },
      ),
    })),
    foredragande: { ...content.foredragande, name: fill(content.foredragande.name), title: fill(content.foredragande.title) },
    bilagor: content.bilagor.map((b) => ({ title: fill(b.title), documentId })),
  };
}

export async function createFilled(s: Session, template: TemplateKey): Promise<Arendeblad> {
  const blad = value(await s.api.call('arendeblad.create', { template, datum: '2026-11-23' }));
  const doc = value(
    await s.api.call('documents.add', {
      arendeId: blad.arendeId,
      fileName: 'underlag.txt',
      contentBase64: Buffer.from('Underlag för ärendet').toString('base64'),
    }),
  );
  return value(
    await s.api.call('arendeblad.save', {
      id: blad.id,
      revision: blad.revision,
      organ: blad.organ,
      rubrik: blad.rubrik.replace(PLACEHOLDER, 'Samverkan i norr'),
      datum: blad.datum,
      content: fillIn(blad.content, doc.id),
    }),
  );
}

/** The ärendeblad saved with other content, the rest as it was (a change that must succeed). */
export async function withContent(s: Session, blad: Arendeblad, content: ArendebladContent): Promise<Arendeblad> {
  return value(
    await s.api.call('arendeblad.save', { id: blad.id, revision: blad.revision, organ: blad.organ, rubrik: blad.rubrik, datum: blad.datum, content }),
  );
}
