/**
 * PAdES baseline B-B signing (ETSI EN 319 142-1) of a PDF, offline.
 *
 * The signature is added as an incremental update, so a document can be
 * signed by several people in turn without breaking earlier signatures. The
 * CMS is built with pkijs (node-forge cannot write signing-certificate-v2 and
 * mangles non-ASCII names) and signed with node:crypto.
 */
import { createHash, sign as cryptoSign, webcrypto } from 'node:crypto';
import { cachingFontkit } from '../pdf/fonts';
import * as asn1js from 'asn1js';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFFont, type PDFObject, type PDFPage } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { KansliError } from '../../../shared/contract/errors';
import { IncrementalUpdate, latin1, rawObject } from './incremental';
import type { SigningIdentity } from './p12';

export type SignaturePlacement =
  /** Fill an existing, unsigned signature field with this (fully qualified) name. */
  | { fieldName: string }
  /** A new visible signature field on this page (0-based) at [x1, y1, x2, y2] in PDF points. */
  | { pageIndex: number; rect: [number, number, number, number] };

export interface SignOptions {
  signingTime: Date;
  signerName: string;
  role: string;
  reason?: string;
  location?: string;
  placement: SignaturePlacement;
  /** TrueType font for the visible appearance (Carlito-Regular.ttf). */
  fontBytes: Uint8Array;
}

/** Bytes reserved for the CMS in /Contents (hex-encoded, so twice as many characters). */
const CONTENTS_RESERVED_BYTES = 16384;
const CONTENTS_PLACEHOLDER = `<${'0'.repeat(CONTENTS_RESERVED_BYTES * 2)}>`;
/** Fixed width; patched with the real offsets (padded with spaces) after serialization. */
const BYTE_RANGE_PLACEHOLDER = '[0 ********** ********** **********]';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha224: '2.16.840.1.101.3.4.2.4',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

let engineReady = false;
/** pkijs needs a crypto engine for some operations; Node's WebCrypto serves. */
export function ensurePkijsEngine(): void {
  if (engineReady) return;
  type EngineCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];
  pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as EngineCrypto }));
  engineReady = true;
}

export async function signPdf(pdf: Uint8Array, identity: SigningIdentity, opts: SignOptions): Promise<Uint8Array> {
  const update = await IncrementalUpdate.load(pdf);
  const { doc, context: ctx } = update;

  const acroForm = openAcroForm(update);
  const target =
    'fieldName' in opts.placement ? existingSignatureField(update, acroForm, opts.placement.fieldName) : newSignatureField(update, acroForm, opts.placement);

  // Visible appearance, with a new subset of the font embedded in this update.
  doc.registerFontkit(cachingFontkit);
  const font = await doc.embedFont(opts.fontBytes, { subset: true });
  const [x1, y1, x2, y2] = target.rect;
  const appearance = ctx.register(
    ctx.flateStream(appearanceContent(font, Math.abs(x2 - x1), Math.abs(y2 - y1), opts), {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, Math.abs(x2 - x1), Math.abs(y2 - y1)],
      Resources: { Font: { F1: font.ref } },
    }),
  );
  await font.embed();
  target.widget.set(PDFName.of('AP'), ctx.obj({ N: appearance }));

  // The signature dictionary, with placeholders patched once the update is written.
  const sig = ctx.obj({ Type: 'Sig', Filter: 'Adobe.PPKLite', SubFilter: 'ETSI.CAdES.detached' });
  sig.set(PDFName.of('ByteRange'), rawObject(BYTE_RANGE_PLACEHOLDER));
  sig.set(PDFName.of('Contents'), rawObject(CONTENTS_PLACEHOLDER));
  sig.set(PDFName.of('M'), PDFString.of(pdfDate(opts.signingTime)));
  sig.set(PDFName.of('Name'), pdfText(opts.signerName));
  if (opts.reason) sig.set(PDFName.of('Reason'), pdfText(opts.reason));
  if (opts.location) sig.set(PDFName.of('Location'), pdfText(opts.location));
  target.field.set(PDFName.of('V'), ctx.register(sig));

  const out = update.serialize();
  const signed = patchAndSign(out, pdf.length, identity);
  return signed;
}

// ---------------------------------------------------------------------------
// Form fields

interface SignatureTarget {
  field: PDFDict;
  widget: PDFDict;
  rect: [number, number, number, number];
}

/** The document's AcroForm (created if missing), marked for rewriting, with /SigFlags 3. */
function openAcroForm(update: IncrementalUpdate): PDFDict {
  const { doc, context: ctx } = update;
  const catalogRef = ctx.trailerInfo.Root;
  if (!(catalogRef instanceof PDFRef)) throw new KansliError('RULE', 'PDF-filen saknar katalog och kan inte signeras.');
  const entry = doc.catalog.get(PDFName.of('AcroForm'));
  let acroForm: PDFDict;
  if (entry instanceof PDFRef) {
    const found = ctx.lookup(entry);
    if (!(found instanceof PDFDict)) throw new KansliError('RULE', 'PDF-filens formulär kunde inte läsas.');
    acroForm = found;
    update.markModified(entry);
  } else if (entry instanceof PDFDict) {
    acroForm = entry;
    update.markModified(catalogRef);
  } else {
    acroForm = ctx.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), ctx.register(acroForm));
    update.markModified(catalogRef);
  }
  const flags = acroForm.get(PDFName.of('SigFlags'));
  const current = flags instanceof PDFNumber ? flags.asNumber() : 0;
  // 1 = SignaturesExist, 2 = AppendOnly.
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(current | 3));
  return acroForm;
}

interface FieldNode {
  ref: PDFRef;
  dict: PDFDict;
  fullName: string;
}

/** All named fields of the form, with fully qualified names ("parent.child"). */
function listFields(update: IncrementalUpdate, acroForm: PDFDict): FieldNode[] {
  const ctx = update.context;
  const out: FieldNode[] = [];
  const seen = new Set<number>();
  const walk = (kids: PDFObject | undefined, parentName: string) => {
    const array = kids instanceof PDFRef ? ctx.lookup(kids) : kids;
    if (!(array instanceof PDFArray)) return;
    for (const kid of array.asArray()) {
      if (!(kid instanceof PDFRef) || seen.has(kid.objectNumber)) continue;
      seen.add(kid.objectNumber);
      const dict = ctx.lookup(kid);
      if (!(dict instanceof PDFDict)) continue;
      const partial = textOf(dict.get(PDFName.of('T')));
      if (partial === null) continue; // a widget, not a field
      const fullName = parentName ? `${parentName}.${partial}` : partial;
      out.push({ ref: kid, dict, fullName });
      walk(dict.get(PDFName.of('Kids')), fullName);
    }
  };
  walk(acroForm.get(PDFName.of('Fields')), '');
  return out;
}

function existingSignatureField(update: IncrementalUpdate, acroForm: PDFDict, fieldName: string): SignatureTarget {
  const ctx = update.context;
  const node = listFields(update, acroForm).find((f) => f.fullName === fieldName);
  if (!node) throw new KansliError('RULE', `Signaturfältet ”${fieldName}” finns inte i dokumentet.`);
  if (inherited(update, node.dict, 'FT')?.toString() !== '/Sig') {
    throw new KansliError('RULE', `Fältet ”${fieldName}” är inte ett signaturfält.`);
  }
  if (node.dict.get(PDFName.of('V'))) throw new KansliError('RULE', `Signaturfältet ”${fieldName}” är redan signerat.`);

  // The widget is either the field itself (merged dictionaries) or its first kid.
  let widgetRef = node.ref;
  let widget = node.dict;
  if (node.dict.get(PDFName.of('Subtype'))?.toString() !== '/Widget') {
    const kids = node.dict.lookupMaybe(PDFName.of('Kids'), PDFArray);
    const first = kids?.get(0);
    const dict = first instanceof PDFRef ? ctx.lookup(first) : undefined;
    if (!(first instanceof PDFRef) || !(dict instanceof PDFDict)) {
      throw new KansliError('RULE', `Signaturfältet ”${fieldName}” saknar plats på sidan.`);
    }
    widgetRef = first;
    widget = dict;
    update.markModified(node.ref);
  }
  update.markModified(widgetRef);
  const rect = widget.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asRectangle();
  if (!rect) throw new KansliError('RULE', `Signaturfältet ”${fieldName}” saknar plats på sidan.`);
  // Make sure the widget knows its page and is printed (some tools leave these out).
  if (!widget.get(PDFName.of('P'))) {
    const page = update.doc.getPages().find((p) =>
      annotsOf(update, p)
        ?.asArray()
        .some((a) => a instanceof PDFRef && a.objectNumber === widgetRef.objectNumber),
    );
    if (page) widget.set(PDFName.of('P'), page.ref);
  }
  widget.set(PDFName.of('F'), PDFNumber.of(4));
  return { field: node.dict, widget, rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height] };
}

function newSignatureField(
  update: IncrementalUpdate,
  acroForm: PDFDict,
  placement: { pageIndex: number; rect: [number, number, number, number] },
): SignatureTarget {
  const { doc, context: ctx } = update;
  const pages = doc.getPages();
  const page = pages[placement.pageIndex];
  if (!page) throw new KansliError('RULE', `Sidan ${placement.pageIndex + 1} finns inte i dokumentet (det har ${pages.length} sidor).`);

  const taken = new Set(listFields(update, acroForm).map((f) => f.fullName));
  let name = 'Signatur';
  for (let n = 2; taken.has(name); n += 1) name = `Signatur ${n}`;

  const [a, b, c, d] = placement.rect;
  const rect: [number, number, number, number] = [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
  // Field and widget merged into one dictionary, as most signing tools do.
  const field = ctx.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', F: 4, Rect: rect, P: page.ref });
  field.set(PDFName.of('T'), pdfText(name));
  const fieldRef = ctx.register(field);

  // Page /Annots: an array in the page dictionary or an indirect array of its own.
  const annotsEntry = page.node.get(PDFName.of('Annots'));
  if (annotsEntry instanceof PDFRef && ctx.lookup(annotsEntry) instanceof PDFArray) {
    (ctx.lookup(annotsEntry) as PDFArray).push(fieldRef);
    update.markModified(annotsEntry);
  } else {
    const annots = annotsEntry instanceof PDFArray ? annotsEntry : ctx.obj([]);
    annots.push(fieldRef);
    page.node.set(PDFName.of('Annots'), annots);
    update.markModified(page.ref);
  }

  const fieldsEntry = acroForm.get(PDFName.of('Fields'));
  if (fieldsEntry instanceof PDFRef && ctx.lookup(fieldsEntry) instanceof PDFArray) {
    (ctx.lookup(fieldsEntry) as PDFArray).push(fieldRef);
    update.markModified(fieldsEntry);
  } else {
    const fields = fieldsEntry instanceof PDFArray ? fieldsEntry : ctx.obj([]);
    fields.push(fieldRef);
    acroForm.set(PDFName.of('Fields'), fields);
  }
  return { field, widget: field, rect };
}

function annotsOf(update: IncrementalUpdate, page: PDFPage): PDFArray | undefined {
  const entry = page.node.get(PDFName.of('Annots'));
  const value = entry instanceof PDFRef ? update.context.lookup(entry) : entry;
  return value instanceof PDFArray ? value : undefined;
}

/** An inheritable field attribute, looked up through /Parent. */
function inherited(update: IncrementalUpdate, dict: PDFDict, key: string): PDFObject | undefined {
  let node: PDFDict | undefined = dict;
  for (let depth = 0; node && depth < 32; depth += 1) {
    const value = node.get(PDFName.of(key));
    if (value) return value;
    const parent: PDFObject | undefined = node.get(PDFName.of('Parent'));
    const next: PDFObject | undefined = parent instanceof PDFRef ? update.context.lookup(parent) : parent;
    node = next instanceof PDFDict ? next : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Appearance

/** Content of the visible signature: a thin frame and three lines of text, fitted to the box. */
function appearanceContent(font: PDFFont, width: number, height: number, opts: SignOptions): string {
  if (width < 1 || height < 1) return ''; // an invisible signature
  const lines = [opts.signerName, opts.role, `Signerat digitalt ${localDateTime(opts.signingTime)}`]
    .map((s) => s.replace(/[\u00a0\u2007\u202f]/g, ' ').trim())
    .filter((s) => s.length > 0);
  const pad = Math.max(2, Math.min(width, height) * 0.08);
  const leading = 1.25;
  const widest = Math.max(1, ...lines.map((s) => font.widthOfTextAtSize(s, 1)));
  const size = Math.max(1, Math.min(11, (height - 2 * pad) / (lines.length * leading), (width - 2 * pad) / widest));
  const n = (v: number) => String(Math.round(v * 100) / 100);

  let content = `q 0.35 0.35 0.35 RG 0.75 w ${n(0.375)} ${n(0.375)} ${n(width - 0.75)} ${n(height - 0.75)} re S Q\n`;
  // The block of lines centred vertically; the first baseline one font size below its top.
  const top = Math.min(height - pad, (height + lines.length * size * leading) / 2);
  content += `BT 0 0 0 rg /F1 ${n(size)} Tf ${n(size * leading)} TL ${n(pad)} ${n(top - size)} Td\n`;
  lines.forEach((line, i) => {
    content += `${i === 0 ? '' : 'T* '}${font.encodeText(line).toString()} Tj\n`;
  });
  content += 'ET\n';
  return content;
}

// ---------------------------------------------------------------------------
// Signature

/** Fills in /ByteRange, computes the digest over it and writes the CMS into /Contents. */
function patchAndSign(out: Uint8Array, updateStart: number, identity: SigningIdentity): Uint8Array {
  const text = Buffer.from(out.buffer, out.byteOffset, out.length).toString('latin1');
  const contentsAt = text.indexOf(CONTENTS_PLACEHOLDER, updateStart);
  const rangeAt = text.indexOf(BYTE_RANGE_PLACEHOLDER, updateStart);
  if (contentsAt < 0 || rangeAt < 0) throw new KansliError('INTERNAL', 'Signaturens platshållare hittades inte.');

  const contentsEnd = contentsAt + CONTENTS_PLACEHOLDER.length;
  const range = [0, contentsAt, contentsEnd, out.length - contentsEnd] as const;
  const rangeText = `[${range.join(' ')}]`;
  if (rangeText.length > BYTE_RANGE_PLACEHOLDER.length) throw new KansliError('INTERNAL', 'Dokumentet är för stort för att signeras.');
  out.set(latin1(rangeText.replace(/]$/, ' '.repeat(BYTE_RANGE_PLACEHOLDER.length - rangeText.length) + ']')), rangeAt);

  const digest = createHash('sha256').update(out.subarray(0, contentsAt)).update(out.subarray(contentsEnd)).digest();
  const cms = buildCms(digest, identity);
  const hex = Buffer.from(cms).toString('hex');
  if (hex.length > CONTENTS_RESERVED_BYTES * 2) {
    throw new KansliError('INTERNAL', 'Signaturen blev större än det utrymme som reserverats i dokumentet.');
  }
  out.set(latin1(hex), contentsAt + 1);
  return out;
}

/**
 * Detached CMS SignedData with the PAdES B-B signed attributes: contentType,
 * messageDigest and signing-certificate-v2 (no signingTime; that is /M).
 */
export function buildCms(contentDigest: Uint8Array, identity: SigningIdentity): Uint8Array {
  ensurePkijsEngine();
  const cert = pkijs.Certificate.fromBER(identity.certificateDer);
  const chain = identity.chainDer.map((der) => pkijs.Certificate.fromBER(der));

  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256 (omitted), certHash, issuerSerial }
  // IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber }; directoryName is [4] EXPLICIT Name.
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      new asn1js.OctetString({ valueHex: createHash('sha256').update(identity.certificateDer).digest() }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
          cert.serialNumber,
        ],
      }),
    ],
  });
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: contentDigest })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })] }),
  ];
  // DER: the elements of a SET OF are sorted by their encodings.
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }));
  encoded.sort((x, y) => Buffer.compare(x.der, y.der));
  const sorted = encoded.map((e) => e.a);
  // The signature covers the attributes encoded as a SET (tag 0x31), not as [0].
  const signedAttrsDer = Buffer.from(new asn1js.Set({ value: sorted.map((a) => a.toSchema()) }).toBER());

  const keyType = identity.privateKey.asymmetricKeyType;
  let signatureAlgorithm: pkijs.AlgorithmIdentifier;
  if (keyType === 'rsa') {
    signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() });
  } else if (keyType === 'ec') {
    signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
  } else {
    throw new KansliError('RULE', 'Certifikatets nyckeltyp stöds inte för signering (endast RSA och EC).');
  }
  // RSASSA-PKCS1-v1_5 for RSA keys; DER-encoded ECDSA for EC keys.
  const signature = cryptoSign('sha256', signedAttrsDer, identity.privateKey);

  const sha256 = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: sha256(),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted }),
    signatureAlgorithm,
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert, ...chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

// ---------------------------------------------------------------------------
// PDF values

/** A PDF text string: literal if printable ASCII, else UTF-16BE with BOM. */
function pdfText(s: string): PDFString | PDFHexString {
  if (/^[\x20-\x7e]*$/.test(s)) return PDFString.of(s.replace(/[\\()]/g, (c) => `\\${c}`));
  return PDFHexString.fromText(s);
}

function textOf(value: PDFObject | undefined): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return null;
}

/** D:YYYYMMDDHHmmSS+HH'mm' in local time, with the real UTC offset. */
export function pdfDate(d: Date): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const zone = offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}'${pad(Math.abs(offset) % 60)}'`;
  return `D:${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}${zone}`;
}

function localDateTime(d: Date): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
