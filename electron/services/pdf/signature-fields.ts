import { PDFArray, PDFDict, PDFName, PDFNumber, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';

/**
 * An empty signature field placed where the signer's block goes (the föredragande
 * under an ärendeblad, ordförande and justerare under a protokoll). Signing fills
 * the field by its name, so the visible signature lands where the layout put it.
 * The field and its widget are one dictionary; the widget prints and has an (empty)
 * appearance, as PDF/A requires of every annotation.
 */
export function addSignatureField(doc: PDFDocument, page: PDFPage, name: string, rect: { x: number; y: number; width: number; height: number }): void {
  const context = doc.context;
  const appearance = context.register(context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, rect.width, rect.height] }));
  const field = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFString.of(name),
      TU: PDFString.of(`Signatur: ${name}`),
      Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
      F: 4,
      P: page.ref,
      AP: { N: appearance },
    }),
  );

  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(field);
  else page.node.set(PDFName.of('Annots'), context.obj([field]));

  let form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) {
    form = context.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), context.register(form));
  }
  const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (fields) fields.push(field);
  else form.set(PDFName.of('Fields'), context.obj([field]));
  if (!form.has(PDFName.of('SigFlags'))) form.set(PDFName.of('SigFlags'), PDFNumber.of(0));
}
