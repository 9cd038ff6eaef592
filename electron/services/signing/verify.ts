/**
 * Verifying the signatures in any signed PDF (ours or from elsewhere).
 *
 * Signatures are found on the raw bytes by their /ByteRange, the CMS is read
 * from the /Contents hole the ByteRange leaves, the digest over the signed
 * ranges is recomputed and the signature checked with the certificate's public
 * key. Trust in the certificate (a chain to a known CA) is NOT checked: "valid"
 * means intact, made with a certificate that was valid at the time, and the
 * document not changed afterwards.
 */
import { createHash, constants, verify as cryptoVerify, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject, ParseSpeeds } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { KansliError } from '../../../shared/contract/errors';
import { displayName, localDate } from './p12';
import { ensurePkijsEngine, OID } from './pades';

import type { PdfVerification, SignatureCheck } from '../../../shared/contract/schemas/arendeblad';

/** The result shapes live in the API contract; re-exported for the signing module's callers. */
export type { PdfVerification, SignatureCheck };

const HASH_BY_OID: Record<string, string> = {
  [OID.sha1]: 'sha1',
  [OID.sha224]: 'sha224',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

/** Signature algorithms that name their own hash. */
const SIGNATURE_HASH_BY_OID: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const OID_RSA_PSS = '1.2.840.113549.1.1.10';
const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const OID_ED25519 = '1.3.101.112';
const OID_SUBJECT_KEY_IDENTIFIER = '2.5.29.14';

const PROBLEM = {
  byteRange: 'Signaturens byteintervall (/ByteRange) är felaktigt.',
  unreadable: 'Signaturens innehåll kunde inte läsas.',
  noCertificate: 'Signerarens certifikat finns inte med i signaturen.',
  digest: 'Innehållet stämmer inte med signaturen (dokumentet har ändrats).',
  signature: 'Den kryptografiska signaturen är ogiltig.',
  algorithm: 'Signaturalgoritmen stöds inte.',
  noTime: 'Signeringstidpunkt saknas, så certifikatets giltighet vid signeringen kan inte avgöras.',
  changed: 'Dokumentet har ändrats efter denna signatur.',
  noSigningCertificate: 'Signaturen saknar attributet signing-certificate-v2 och uppfyller därför inte PAdES B-B.',
  wrongSigningCertificate: 'Attributet signing-certificate-v2 stämmer inte med signerarens certifikat.',
} as const;

export async function verifyPdf(bytes: Uint8Array): Promise<PdfVerification> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  if (!/%PDF-\d/.test(text.slice(0, 1024))) throw new KansliError('RULE', 'Filen är inte en PDF.');

  const found = findSignatureDicts(text);
  if (found.length === 0) return { signed: false, valid: false, signatures: [], summary: 'Dokumentet är inte signerat.' };

  ensurePkijsEngine();
  const fieldNames = await fieldNamesBySignature(bytes);
  const signatureEnds = found.map((f) => f.range[2] + f.range[3]);
  const eofs = [...text.matchAll(/%%EOF/g)].map((m) => m.index);

  const signatures = found.map((sig) => {
    const check = checkSignature(bytes, sig);
    check.fieldName = sig.objectNumber === null ? null : (fieldNames.get(sig.objectNumber) ?? null);
    check.changedAfterSigning = changedAfter(text, sig.range[2] + sig.range[3], signatureEnds, eofs);
    if (check.changedAfterSigning) check.problems.push(PROBLEM.changed);
    return check;
  });
  // Oldest first: by where each signed revision ends.
  signatures.sort((a, b) => a.end - b.end);
  const checks = signatures.map(({ end: _end, ...check }) => check);
  const valid = checks.every((s) => s.intact && s.certificateValidAtSigning && !s.changedAfterSigning);
  return { signed: true, valid, signatures: checks, summary: summarize(checks) };
}

// ---------------------------------------------------------------------------
// Finding signatures in the raw bytes

interface FoundSignature {
  range: [number, number, number, number];
  objectNumber: number | null;
  /** The signature dictionary's text with the /Contents hex left out. */
  dictText: string;
}

function findSignatureDicts(text: string): FoundSignature[] {
  const out: FoundSignature[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const key = range.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    // The enclosing object: "N G obj" before, "endobj" after. Hex digits never contain "obj".
    const objAt = text.lastIndexOf('obj', m.index);
    const header = objAt >= 0 ? /(\d+)\s+\d+\s+$/.exec(text.slice(Math.max(0, objAt - 24), objAt)) : null;
    const endAt = text.indexOf('endobj', m.index);
    const start = header ? objAt + 3 : Math.max(0, m.index - 2048);
    const end = endAt >= 0 ? endAt : Math.min(text.length, m.index + 2048);
    const dictText = text.slice(start, end).replace(/\/Contents\s*<[0-9a-fA-F\s]*>/, '/Contents <>');
    out.push({ range, objectNumber: header ? Number(header[1]) : null, dictText });
  }
  return out;
}

/** Signature object number -> fully qualified field name, via pdf-lib; empty if the file cannot be loaded. */
async function fieldNamesBySignature(bytes: Uint8Array): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false, parseSpeed: ParseSpeeds.Fastest });
  } catch {
    return names;
  }
  const ctx = doc.context;
  const resolve = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const seen = new Set<PDFObject>();
  const walk = (kids: PDFObject | undefined, parentName: string, depth: number) => {
    const array = resolve(kids);
    if (!(array instanceof PDFArray) || depth > 32) return;
    for (const kid of array.asArray()) {
      const dict = resolve(kid);
      if (!(dict instanceof PDFDict) || seen.has(dict)) continue;
      seen.add(dict);
      const partial = dict.get(PDFName.of('T'));
      const partialText = partial instanceof PDFString || partial instanceof PDFHexString ? partial.decodeText() : null;
      const fullName = partialText === null ? parentName : parentName ? `${parentName}.${partialText}` : partialText;
      const value = dict.get(PDFName.of('V'));
      if (value instanceof PDFRef && fullName) names.set(value.objectNumber, fullName);
      walk(dict.get(PDFName.of('Kids')), fullName, depth + 1);
    }
  };
  try {
    const acroForm = resolve(doc.catalog.get(PDFName.of('AcroForm')));
    if (acroForm instanceof PDFDict) walk(acroForm.get(PDFName.of('Fields')), '', 0);
  } catch {
    // Names are a convenience; a broken form does not stop verification.
  }
  return names;
}

/**
 * Whether the file has revisions after `signedEnd` that are not signature
 * revisions. A revision ends at a %%EOF; it is a signature revision if some
 * later signature's ByteRange ends right there (give or take an end-of-line).
 */
function changedAfter(text: string, signedEnd: number, signatureEnds: number[], eofs: number[]): boolean {
  let pos = signedEnd;
  for (const eof of eofs) {
    const revisionEnd = eof + 5;
    if (revisionEnd <= signedEnd) continue;
    const isSignature = signatureEnds.some((end) => end >= revisionEnd && end <= revisionEnd + 2 && text.slice(revisionEnd, end).trim() === '');
    if (!isSignature) return true;
    pos = revisionEnd;
  }
  return text.slice(pos).trim() !== '';
}

// ---------------------------------------------------------------------------
// Checking one signature

type Check = SignatureCheck & { end: number };

function checkSignature(bytes: Uint8Array, sig: FoundSignature): Check {
  const [a, b, c, d] = sig.range;
  const subFilter = /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(sig.dictText)?.[1] ?? '';
  const mTime = parsePdfDate(dictString(sig.dictText, 'M'));
  const check: Check = {
    fieldName: null,
    signerName: dictString(sig.dictText, 'Name') ?? 'okänd',
    issuerName: 'okänd',
    signingTime: mTime,
    reason: dictString(sig.dictText, 'Reason'),
    location: dictString(sig.dictText, 'Location'),
    subFilter: subFilter.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    intact: false,
    coversWholeDocument: a === 0 && c + d === bytes.length,
    changedAfterSigning: false,
    padesB: false,
    certificateValidAtSigning: false,
    problems: [],
    end: c + d,
  };

  if (a !== 0 || b < 1 || c <= b + 1 || c + d > bytes.length || bytes[b] !== 0x3c /* < */ || bytes[c - 1] !== 0x3e /* > */) {
    check.problems.push(PROBLEM.byteRange);
    return check;
  }
  const hex = Buffer.from(bytes.subarray(b + 1, c - 1))
    .toString('latin1')
    .replace(/\s+/g, '');
  let parsed: ParsedCms;
  try {
    parsed = parseCms(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
  } catch {
    check.problems.push(PROBLEM.unreadable);
    return check;
  }
  const { signerInfo, signer, signedData } = parsed;
  if (!signer) {
    check.problems.push(PROBLEM.noCertificate);
    return check;
  }
  check.signerName = displayName(signer.cert.subject) || check.signerName;
  check.issuerName = displayName(signer.cert.issuer);

  // The time: /M, else a signingTime attribute.
  const attrs = signerInfo.signedAttrs?.attributes ?? [];
  const attr = (oid: string) => attrs.find((x) => x.type === oid)?.values[0];
  if (!check.signingTime) {
    const t = attr(OID.signingTime);
    if (t instanceof asn1js.UTCTime || t instanceof asn1js.GeneralizedTime) check.signingTime = t.toDate().toISOString();
  }

  // Digest over the two ranges.
  const digestName = HASH_BY_OID[signerInfo.digestAlgorithm.algorithmId];
  if (!digestName) {
    check.problems.push(PROBLEM.algorithm);
    return check;
  }
  const signedBytes = [bytes.subarray(a, a + b), bytes.subarray(c, c + d)];
  const digestOf = (name: string, parts: Uint8Array[]) => {
    const h = createHash(name);
    for (const p of parts) h.update(p);
    return h.digest();
  };

  let digestOk: boolean;
  let signatureOk: boolean;
  const signatureValue = signerInfo.signature.valueBlock.valueHexView;
  if (signerInfo.signedAttrs) {
    const messageDigest = attr(OID.messageDigest);
    // A document timestamp (ETSI.RFC3161) signs a TSTInfo whose messageImprint is the hash of the ranges.
    const eContent = signedData.encapContentInfo.eContent?.valueBlock.valueHexView;
    let content: Uint8Array[] = signedBytes;
    let imprintOk = true;
    if (signedData.encapContentInfo.eContentType === OID.tstInfo && eContent) {
      content = [eContent];
      const tst = pkijs.TSTInfo.fromBER(eContent);
      const imprintHash = HASH_BY_OID[tst.messageImprint.hashAlgorithm.algorithmId];
      imprintOk = !!imprintHash && Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView).equals(digestOf(imprintHash, signedBytes));
      if (!check.signingTime) check.signingTime = tst.genTime.toISOString();
    }
    digestOk =
      imprintOk && messageDigest instanceof asn1js.OctetString && Buffer.from(messageDigest.valueBlock.valueHexView).equals(digestOf(digestName, content));
    signatureOk = verifySignatureValue(signerInfo, digestName, new Uint8Array(signerInfo.signedAttrs.encodedValue), signer.publicKey, signatureValue);
  } else {
    // No signed attributes: the signature is over the content itself.
    signatureOk = verifySignatureValue(signerInfo, digestName, Buffer.concat(signedBytes), signer.publicKey, signatureValue);
    digestOk = signatureOk;
  }
  if (!digestOk) check.problems.push(PROBLEM.digest);
  if (!signatureOk) check.problems.push(PROBLEM.signature);
  check.intact = digestOk && signatureOk;

  // PAdES B-B: signing-certificate-v2 naming this certificate.
  if (check.subFilter === 'ETSI.CAdES.detached') {
    const v2 = attr(OID.signingCertificateV2);
    if (!v2) check.problems.push(PROBLEM.noSigningCertificate);
    else if (signingCertificateV2Matches(v2, signer.der)) check.padesB = true;
    else check.problems.push(PROBLEM.wrongSigningCertificate);
  }

  // Certificate validity at the signing time.
  if (check.signingTime) {
    const at = new Date(check.signingTime).getTime();
    const x509 = signer.x509;
    const from = new Date(x509.validFrom);
    const to = new Date(x509.validTo);
    check.certificateValidAtSigning = at >= from.getTime() && at <= to.getTime();
    if (!check.certificateValidAtSigning) {
      check.problems.push(`Certifikatet var inte giltigt vid signeringstidpunkten (giltigt ${localDate(from)}–${localDate(to)}).`);
    }
  } else {
    check.problems.push(PROBLEM.noTime);
  }
  return check;
}

interface SignerCertificate {
  der: Uint8Array;
  cert: pkijs.Certificate;
  x509: X509Certificate;
  publicKey: KeyObject;
}

interface ParsedCms {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  signer: SignerCertificate | null;
}

function parseCms(der: Uint8Array): ParsedCms {
  const asn = asn1js.fromBER(der);
  if (asn.offset === -1) throw new Error('not BER');
  const contentInfo = new pkijs.ContentInfo({ schema: asn.result });
  if (contentInfo.contentType !== OID.signedData) throw new Error('not SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new Error('no SignerInfo');

  // The certificates' exact DER, from the [0] IMPLICIT set in the SignedData.
  const certDers: Uint8Array[] = [];
  const sdSeq = contentInfo.content as asn1js.Sequence;
  for (const element of sdSeq.valueBlock.value) {
    if (element.idBlock.tagClass === 3 && element.idBlock.tagNumber === 0 && element instanceof asn1js.Constructed) {
      for (const certAsn of element.valueBlock.value) {
        if (certAsn instanceof asn1js.Sequence) certDers.push(new Uint8Array(certAsn.valueBeforeDecodeView));
      }
    }
  }
  const candidates = certDers.flatMap((certDer) => {
    try {
      return [{ der: certDer, cert: pkijs.Certificate.fromBER(certDer) }];
    } catch {
      return [];
    }
  });
  const sid = signerInfo.sid;
  const match = candidates.find(({ cert }) => {
    if (sid instanceof pkijs.IssuerAndSerialNumber) return cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber);
    if (sid instanceof asn1js.Primitive || sid instanceof asn1js.OctetString) {
      const ski = cert.extensions?.find((e) => e.extnID === OID_SUBJECT_KEY_IDENTIFIER)?.parsedValue;
      return ski instanceof asn1js.OctetString && Buffer.from(ski.valueBlock.valueHexView).equals(Buffer.from(sid.valueBlock.valueHexView));
    }
    return false;
  });
  let signer: SignerCertificate | null = null;
  if (match) {
    const x509 = new X509Certificate(match.der);
    signer = { ...match, x509, publicKey: x509.publicKey };
  }
  return { signedData, signerInfo, signer };
}

function verifySignatureValue(signerInfo: pkijs.SignerInfo, digestName: string, data: Uint8Array, key: KeyObject, signature: Uint8Array): boolean {
  const algorithm = signerInfo.signatureAlgorithm.algorithmId;
  try {
    if (algorithm === OID_RSA_PSS) {
      const params = new pkijs.RSASSAPSSParams({ schema: signerInfo.signatureAlgorithm.algorithmParams });
      const hash = HASH_BY_OID[params.hashAlgorithm.algorithmId] ?? 'sha1';
      return cryptoVerify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength }, signature);
    }
    if (algorithm === OID_ED25519) return cryptoVerify(null, data, key, signature);
    const hash = SIGNATURE_HASH_BY_OID[algorithm] ?? (algorithm === OID.rsaEncryption || algorithm === OID_EC_PUBLIC_KEY ? digestName : null);
    if (!hash) return false;
    const dsaEncoding = key.asymmetricKeyType === 'ec' ? 'der' : undefined;
    return cryptoVerify(hash, data, dsaEncoding ? { key, dsaEncoding } : key, signature);
  } catch {
    return false;
  }
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies OPTIONAL } */
function signingCertificateV2Matches(value: unknown, certDer: Uint8Array): boolean {
  if (!(value instanceof asn1js.Sequence)) return false;
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence)) return false;
  return certs.valueBlock.value.some((id) => {
    if (!(id instanceof asn1js.Sequence)) return false;
    // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier DEFAULT sha256, certHash OCTET STRING, issuerSerial OPTIONAL }
    const [first, second] = id.valueBlock.value;
    let hash = 'sha256';
    let certHash = first;
    if (first instanceof asn1js.Sequence) {
      const name = HASH_BY_OID[new pkijs.AlgorithmIdentifier({ schema: first }).algorithmId];
      if (!name) return false;
      hash = name;
      certHash = second;
    }
    return certHash instanceof asn1js.OctetString && Buffer.from(certHash.valueBlock.valueHexView).equals(createHash(hash).update(certDer).digest());
  });
}

// ---------------------------------------------------------------------------
// Summary

const COUNT_WORDS = ['Noll', 'En', 'Två', 'Tre', 'Fyra', 'Fem', 'Sex', 'Sju', 'Åtta', 'Nio', 'Tio'];
const countWord = (n: number) => COUNT_WORDS[n] ?? String(n);
const lowerCountWord = (n: number) => (COUNT_WORDS[n] ?? String(n)).toLowerCase();

function summarize(checks: SignatureCheck[]): string {
  const n = checks.length;
  const broken = checks.filter((s) => !s.intact);
  if (broken.length > 0) {
    if (n === 1) return 'Signaturen är ogiltig.';
    return `${countWord(broken.length)} av ${lowerCountWord(n)} signaturer är ${broken.length === 1 ? 'ogiltig' : 'ogiltiga'}.`;
  }
  if (checks.some((s) => s.changedAfterSigning)) return 'Dokumentet har ändrats efter att det signerades.';
  const badCert = checks.filter((s) => !s.certificateValidAtSigning);
  if (badCert.length > 0) {
    return n === 1
      ? 'Signaturen är gjord med ett certifikat som inte var giltigt vid signeringen.'
      : `${countWord(badCert.length)} av ${lowerCountWord(n)} signaturer är gjorda med certifikat som inte var giltiga vid signeringen.`;
  }
  if (n === 1) return 'En giltig signatur; dokumentet är oförändrat sedan signeringen.';
  return `${countWord(n)} giltiga signaturer; dokumentet är oförändrat sedan den senaste.`;
}

// ---------------------------------------------------------------------------
// PDF values in raw dictionary text

/** The text-string value of /Key in the dictionary text (literal or hex string), decoded. */
function dictString(dictText: string, key: string): string | null {
  // Nested dictionaries (e.g. /Prop_Build) may use the same key with a name value; take the first string.
  const re = new RegExp(`/${key}\\s*([(<])`, 'g');
  for (const m of dictText.matchAll(re)) {
    const start = m.index + m[0].length - 1;
    if (m[1] === '<') {
      if (dictText[start + 1] === '<') continue; // a dictionary, not a hex string
      const end = dictText.indexOf('>', start);
      if (end < 0) return null;
      const hex = dictText.slice(start + 1, end).replace(/\s+/g, '');
      return decodeTextString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
    }
    const raw = readLiteralString(dictText, start);
    return raw === null ? null : decodeTextString(Buffer.from(raw, 'latin1'));
  }
  return null;
}

/** The bytes (as latin1) of the literal string starting with "(" at `start`. */
function readLiteralString(s: string, start: number): string | null {
  let depth = 0;
  let out = '';
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
  for (let i = start; i < s.length; i += 1) {
    const ch = s[i]!;
    if (ch === '\\') {
      const next = s[i + 1] ?? '';
      if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0];
        out += String.fromCharCode(parseInt(octal, 8) & 0xff);
        i += octal.length;
      } else if (next === '\r' || next === '\n') {
        i += next === '\r' && s[i + 2] === '\n' ? 2 : 1; // line continuation
      } else {
        out += escapes[next] ?? next;
        i += 1;
      }
    } else if (ch === '(') {
      if (depth > 0) out += ch;
      depth += 1;
    } else if (ch === ')') {
      depth -= 1;
      if (depth === 0) return out;
      out += ch;
    } else {
      out += ch;
    }
  }
  return null;
}

/** PDF text string: UTF-16BE with BOM, UTF-8 with BOM (PDF 2.0), else PDFDocEncoding (~Latin-1). */
function decodeTextString(b: Buffer): string {
  if (b[0] === 0xfe && b[1] === 0xff) {
    const body = b.subarray(2, 2 + ((b.length - 2) & ~1));
    return Buffer.from(body).swap16().toString('utf16le');
  }
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  return b.toString('latin1');
}

/** D:YYYYMMDDHHmmSSOHH'mm' -> ISO 8601 (UTC); null if absent or unreadable. */
function parsePdfDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*([Zz+-])?\s*(\d{2})?'?(\d{2})?'?/.exec(value.trim());
  if (!m) return null;
  const num = (s: string | undefined, fallback: number) => (s === undefined ? fallback : Number(s));
  const utc = Date.UTC(num(m[1], 0), num(m[2], 1) - 1, num(m[3], 1), num(m[4], 0), num(m[5], 0), num(m[6], 0));
  const sign = m[7] === '-' ? -1 : m[7] === '+' ? 1 : 0;
  const offsetMinutes = sign * (num(m[8], 0) * 60 + num(m[9], 0));
  const date = new Date(utc - offsetMinutes * 60_000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
