import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface TestCertificateOptions {
  commonName: string;
  organization: string;
  password: string;
  days: number;
  /** Write the .p12 with OpenSSL's -legacy algorithms (RC2/3DES, SHA-1 MAC). */
  legacy?: boolean;
}

export interface TestCertificate {
  p12Path: string;
  /** The certificate alone, PEM. */
  certPath: string;
  /** The unencrypted private key, PEM (for signing with openssl in tests). */
  keyPath: string;
}

let made = 0;

/**
 * A self-signed RSA-2048 certificate with UTF-8 names (so å, ä and ö are
 * exercised), packed into a password-protected PKCS#12 file by the openssl CLI.
 */
export function makeTestCertificate(dir: string, opts: TestCertificateOptions): TestCertificate {
  made += 1;
  const base = path.join(dir, `cert-${process.pid}-${made}`);
  const keyPath = `${base}.key.pem`;
  const certPath = `${base}.cert.pem`;
  const p12Path = `${base}.p12`;
  const escape = (s: string) => s.replace(/[/\\=+,]/g, (c) => `\\${c}`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-utf8',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      String(opts.days),
      '-subj',
      `/CN=${escape(opts.commonName)}/O=${escape(opts.organization)}/C=SE`,
      '-addext',
      'keyUsage=critical,digitalSignature,nonRepudiation',
    ],
    { stdio: 'pipe' },
  );
  execFileSync(
    'openssl',
    ['pkcs12', '-export', ...(opts.legacy ? ['-legacy'] : []), '-inkey', keyPath, '-in', certPath, '-out', p12Path, '-passout', `pass:${opts.password}`],
    { stdio: 'pipe' },
  );
  return { p12Path, certPath, keyPath };
}
