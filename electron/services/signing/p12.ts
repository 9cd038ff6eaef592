/**
 * Opening a PKCS#12 (.p12/.pfx) file into a signing identity.
 *
 * node-forge is used only to decrypt the container (it understands both the
 * OpenSSL 3 default, AES-256-CBC/PBKDF2 with an HMAC-SHA256 MAC, and the
 * legacy RC2/3DES files). Everything else - names, dates, keys - is read from
 * the certificate's original DER with pkijs and node:crypto, because forge
 * re-encodes names and mangles å, ä and ö when it does.
 */
import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { KansliError } from '../../../shared/contract/errors';
import { formatInteger } from '../../../shared/format/sv';

export interface SigningIdentity {
  /** The signer's certificate exactly as stored in the file. */
  certificateDer: Uint8Array;
  /** Any other certificates in the file (issuers), DER. */
  chainDer: Uint8Array[];
  privateKey: KeyObject;
  /** Common name of the subject (the person), or the whole name if it has none. */
  subjectName: string;
  /** Common name (or organisation) of the issuer. */
  issuerName: string;
  /** Serial number, upper-case hex. */
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
}

const OID_COMMON_NAME = '2.5.4.3';
const OID_ORGANIZATION = '2.5.4.10';

export function openP12(bytes: Uint8Array, password: string, now: Date): SigningIdentity {
  const pfx = decryptPfx(bytes, password);

  // Collect keys (as PKCS#8 DER) and certificates (original DER) from all bags.
  const keys: KeyObject[] = [];
  const certs: Uint8Array[] = [];
  for (const content of pfx.safeContents) {
    for (const bag of content.safeBags) {
      if (bag.type === forge.pki.oids.keyBag || bag.type === forge.pki.oids.pkcs8ShroudedKeyBag) {
        const key = keyFromBag(bag);
        if (key) keys.push(key);
      } else if (bag.type === forge.pki.oids.certBag) {
        const der = certificateDerFromBag(bag);
        if (der) certs.push(der);
      }
    }
  }
  if (keys.length === 0) throw new KansliError('RULE', 'Certifikatfilen innehåller ingen privat nyckel.');

  // The signer's certificate is the one whose public key belongs to a private key in the file.
  let match: { key: KeyObject; cert: Uint8Array } | null = null;
  for (const key of keys) {
    const spki = spkiOf(createPublicKey(key));
    const cert = certs.find((der) => Buffer.compare(spkiOf(new X509Certificate(der).publicKey), spki) === 0);
    if (cert) {
      match = { key, cert };
      break;
    }
  }
  if (!match) throw new KansliError('RULE', 'Certifikatfilen innehåller inget certifikat som hör till den privata nyckeln.');

  const certificateDer = match.cert;
  const x509 = new X509Certificate(certificateDer);
  const parsed = pkijs.Certificate.fromBER(certificateDer);
  const subjectName = displayName(parsed.subject);
  const notBefore = new Date(x509.validFrom);
  const notAfter = new Date(x509.validTo);

  if (now.getTime() > notAfter.getTime()) {
    throw new KansliError('RULE', `Certifikatet för ${subjectName} gick ut ${localDate(notAfter)} och kan inte användas för att signera.`);
  }
  if (now.getTime() < notBefore.getTime()) {
    throw new KansliError('RULE', `Certifikatet för ${subjectName} börjar gälla ${localDate(notBefore)} och kan inte användas för att signera ännu.`);
  }

  return {
    certificateDer,
    chainDer: certs.filter((der) => der !== certificateDer),
    privateKey: match.key,
    subjectName,
    issuerName: displayName(parsed.issuer),
    serialHex: x509.serialNumber.toUpperCase(),
    notBefore,
    notAfter,
  };
}

/**
 * Parses and decrypts the PKCS#12 container, turning forge's errors into Swedish ones.
 *
 * Non-ASCII passwords (Swedish ones often are) need two encodings: the MAC and
 * the legacy PKCS#12 PBE schemes use the password as BMPString (forge does this
 * from the JS string), while PBES2/PBKDF2 - the OpenSSL 3 default - uses its
 * UTF-8 bytes, which forge takes as a binary string. forge checks the MAC
 * first; if that passes but decryption fails, the MAC is removed (it has been
 * verified) and the file is decrypted again with the UTF-8 form.
 */
function decryptPfx(bytes: Uint8Array, password: string): forge.pkcs12.Pkcs12Pfx {
  refuseCostlyKeyDerivation(bytes);
  const parse = (): forge.asn1.Asn1 => {
    try {
      return forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    } catch {
      throw notP12();
    }
  };
  const isPasswordError = (e: unknown) => /password/i.test(e instanceof Error ? e.message : String(e));
  const wrongPassword = () => new KansliError('RULE', 'Fel lösenord för certifikatfilen. Inget har signerats.');

  try {
    return forge.pkcs12.pkcs12FromAsn1(parse(), false, password);
  } catch (e) {
    if (e instanceof KansliError) throw e;
    const utf8 = forge.util.encodeUtf8(password);
    if (/MAC could not be verified/i.test(e instanceof Error ? e.message : '')) throw wrongPassword();
    if (utf8 === password) throw isPasswordError(e) ? wrongPassword() : notP12();
  }
  try {
    const asn1 = parse();
    // PFX ::= SEQUENCE { version, authSafe, macData OPTIONAL }; the MAC was verified above.
    if (Array.isArray(asn1.value)) asn1.value.splice(2);
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, forge.util.encodeUtf8(password));
  } catch (e) {
    if (e instanceof KansliError) throw e;
    throw isPasswordError(e) ? wrongPassword() : notP12();
  }
}

/**
 * Most key-derivation rounds a certificate file may ask for. OpenSSL writes 2 048,
 * Windows 2 000 to 10 000, Java's keytool 10 000; forge runs PKCS#12's own derivation
 * (the MAC, the legacy ciphers) in JavaScript at about 12 µs a round, so a file that
 * asks for millions would hold the app for minutes before the password is even checked.
 */
export const MAX_P12_ITERATIONS = 100_000;

const OID_PBKDF2 = '1.2.840.113549.1.5.12';
const OID_PKCS12_PBE = '1.2.840.113549.1.12.1.';

/** The content of an OCTET STRING, its constructed pieces joined. */
function octets(node: asn1js.OctetString): Uint8Array {
  if (!node.valueBlock.isConstructed) return node.valueBlock.valueHexView;
  const parts = node.valueBlock.value.filter((v): v is asn1js.OctetString => v instanceof asn1js.OctetString).map(octets);
  return Buffer.concat(parts);
}

/** Every iteration count the file declares: the MAC's, PBKDF2's and the PKCS#12 PBE parameters'. */
export function p12IterationCounts(bytes: Uint8Array): number[] {
  const counts: number[] = [];
  const root = asn1js.fromBER(bytes);
  if (root.offset === -1) return counts;
  const big = (v: asn1js.Integer) => {
    const hex = Buffer.from(v.valueBlock.valueHexView).toString('hex');
    return hex.length > 12 ? Number.MAX_SAFE_INTEGER : parseInt(hex || '0', 16);
  };
  // PFX ::= SEQUENCE { version, authSafe, macData SEQUENCE { mac, macSalt, iterations } }
  const pfx = root.result;
  if (pfx instanceof asn1js.Sequence) {
    const mac = pfx.valueBlock.value[2];
    const iterations = mac instanceof asn1js.Sequence ? mac.valueBlock.value[2] : undefined;
    if (iterations instanceof asn1js.Integer) counts.push(big(iterations));
  }
  const visit = (node: asn1js.AsnType, depth: number): void => {
    if (depth > 40) return;
    if (node instanceof asn1js.Sequence || node instanceof asn1js.Set || node instanceof asn1js.Constructed) {
      const children = node.valueBlock.value;
      const first = children[0];
      const params = children[1];
      // AlgorithmIdentifier { PBKDF2 | pbeWithSHAAnd…, SEQUENCE { salt OCTET STRING, iterations INTEGER, … } }
      if (first instanceof asn1js.ObjectIdentifier && params instanceof asn1js.Sequence) {
        const oid = first.valueBlock.toString();
        const iterations = params.valueBlock.value[1];
        if ((oid === OID_PBKDF2 || oid.startsWith(OID_PKCS12_PBE)) && iterations instanceof asn1js.Integer) counts.push(big(iterations));
      }
      for (const child of children) visit(child, depth + 1);
    } else if (node instanceof asn1js.OctetString) {
      // SafeContents and bags travel DER-encoded inside OCTET STRINGs; a BER encoder (Windows)
      // may split one into pieces, which count only when joined.
      const inner = octets(node);
      if (inner.length > 1 && inner[0] === 0x30) {
        const parsed = asn1js.fromBER(inner);
        if (parsed.offset === inner.length) visit(parsed.result, depth + 1);
      }
    }
  };
  visit(pfx, 0);
  return counts;
}

function refuseCostlyKeyDerivation(bytes: Uint8Array): void {
  const most = Math.max(0, ...p12IterationCounts(bytes));
  if (most > MAX_P12_ITERATIONS) {
    throw new KansliError(
      'RULE',
      `Certifikatfilen begär ${formatInteger(most)} varv för att låsa upp nyckeln (högst ${formatInteger(MAX_P12_ITERATIONS)} tas emot), så Kansli öppnar den inte: det skulle låsa programmet länge. ` +
        'Exportera certifikatet på nytt med standardinställningarna och försök igen. Inget har signerats.',
    );
  }
}

function notP12(): KansliError {
  return new KansliError('RULE', 'Filen är inte en certifikatfil (PKCS#12, .p12/.pfx).');
}

function keyFromBag(bag: forge.pkcs12.Bag): KeyObject | null {
  // forge parses RSA keys; for other key types it leaves the decrypted PrivateKeyInfo in bag.asn1.
  const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
  if (!info) return null;
  return createPrivateKey({ key: forge.pki.privateKeyInfoToPem(info), format: 'pem' });
}

/**
 * The certificate's original DER. forge keeps the ASN.1 only for certificates
 * it cannot parse (bag.asn1); for parsed ones it keeps the original
 * TBSCertificate ASN.1, and the certificate is SEQUENCE { tbs, algorithm,
 * signature } where RFC 5280 requires the outer algorithm to equal the one
 * inside the TBS - so it can be rebuilt byte for byte without re-encoding
 * any name.
 */
function certificateDerFromBag(bag: forge.pkcs12.Bag): Uint8Array | null {
  if (!bag.cert) return bag.asn1 ? binaryToBytes(forge.asn1.toDer(bag.asn1).getBytes()) : null;
  const tbs = bag.cert.tbsCertificate;
  const tbsDer = binaryToBytes(forge.asn1.toDer(tbs).getBytes());
  const tbsParsed = asn1js.fromBER(tbsDer);
  if (tbsParsed.offset === -1 || !(tbsParsed.result instanceof asn1js.Sequence)) return null;
  const fields = tbsParsed.result.valueBlock.value;
  // TBSCertificate: [0] version (optional), serialNumber, signature AlgorithmIdentifier, ...
  const algorithm = fields[0]?.idBlock.tagClass === 3 ? fields[2] : fields[1];
  if (!algorithm) return null;
  const signature = binaryToBytes(String(bag.cert.signature));
  const cert = new asn1js.Sequence({
    value: [tbsParsed.result, asn1js.fromBER(algorithm.toBER()).result, new asn1js.BitString({ valueHex: signature })],
  });
  const der = new Uint8Array(cert.toBER());
  // The rebuilt TBS must be byte-identical to what forge read.
  return Buffer.from(der).includes(Buffer.from(tbsDer)) ? der : null;
}

function spkiOf(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

function binaryToBytes(binary: string): Uint8Array {
  return new Uint8Array(Buffer.from(binary, 'binary'));
}

/** Common name of a distinguished name, else its organisation, else all values joined. */
export function displayName(name: pkijs.RelativeDistinguishedNames): string {
  const value = (oid: string) => name.typesAndValues.find((tv) => tv.type === oid)?.value.valueBlock.value;
  const cn = value(OID_COMMON_NAME);
  if (typeof cn === 'string' && cn) return cn;
  const o = value(OID_ORGANIZATION);
  if (typeof o === 'string' && o) return o;
  return name.typesAndValues
    .map((tv) => tv.value.valueBlock.value)
    .filter((v): v is string => typeof v === 'string')
    .join(', ');
}

/** YYYY-MM-DD in local time. */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
