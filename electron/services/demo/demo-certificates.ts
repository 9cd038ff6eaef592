import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

/**
 * Self-signed certificates for the demo's fictional signers, made in memory when the
 * demo förbund is created, so that its protokoll are justerade with real PAdES
 * signatures. They name the demo förbund as organisation and "Demo" as issuer; no
 * key leaves the process and none is a real person's.
 */
export interface DemoCredentials {
  certificateBase64: string;
  password: string;
}

const PASSWORD = 'demo';

/** A name with å, ä, ö as a UTF8String (forge encodes the value itself when the tag says UTF-8; encoding it first mangles it). */
function utf8Attribute(name: string, value: string): forge.pki.CertificateField {
  return { name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class };
}

const makeKeyPair = promisify(generateKeyPair);

/** An RSA key made on Node's thread pool (a fifth of a second each), so keys can be made while the demo is written. */
export async function demoKey(): Promise<KeyObject> {
  const { privateKey } = await makeKeyPair('rsa', { modulusLength: 2048 });
  return privateKey;
}

export function demoCertificate(privateKey: KeyObject, commonName: string, organisation: string, validFrom: Date, validTo: Date): DemoCredentials {
  // Node makes the key (native); forge builds the certificate and the PKCS#12 around it.
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  cert.validity.notBefore = validFrom;
  cert.validity.notAfter = validTo;
  const subject = [utf8Attribute('commonName', commonName), utf8Attribute('organizationName', organisation)];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], PASSWORD, { algorithm: 'aes256', friendlyName: commonName });
  return { certificateBase64: forge.util.encode64(forge.asn1.toDer(p12).getBytes()), password: PASSWORD };
}
