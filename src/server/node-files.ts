/**
 * A node's folder: node.json (who the node is, public keys), secrets/ (private keys and
 * the pseudonym key, readable by the owner only) and, for SQLite, alianza.db.
 */
import { generateKeyPairSync, randomBytes, randomUUID, createHash, createPublicKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AlianzaError } from '../domain/errors';
import type { NodeIdentity } from '../app/context';

export interface NodeFile {
  nodeId: string;
  country: string;
  name: string;
  createdAt: string;
  demo: boolean;
  keys: {
    signing: { publicKeyPem: string; fingerprint: string };
    encryption: { publicKeyPem: string; fingerprint: string };
  };
}

export interface NodeKeys {
  signingPrivateKeyPem: string;
  encryptionPrivateKeyPem: string;
}

export const dbFile = (dir: string) => path.join(dir, 'alianza.db');
const nodeFile = (dir: string) => path.join(dir, 'node.json');
const secretsDir = (dir: string) => path.join(dir, 'secrets');

/** SHA-256 of the DER public key, shown in groups of four hex digits for comparison out of band. */
export function fingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.match(/.{4}/g)!.slice(0, 16).join(' ');
}

export function nodeExists(dir: string): boolean {
  return existsSync(nodeFile(dir));
}

function writeSecret(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function initNodeFiles(dir: string, opts: { country: string; name: string; demo?: boolean; nodeId?: string }): NodeFile {
  const country = opts.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw new AlianzaError('VALUE_INVALID_COUNTRY', { value: opts.country });
  if (nodeExists(dir)) throw new AlianzaError('NODE_EXISTS', { dir });
  mkdirSync(secretsDir(dir), { recursive: true, mode: 0o700 });
  const signing = generateKeyPairSync('ed25519');
  const encryption = generateKeyPairSync('x25519');
  const signingPub = signing.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const encryptionPub = encryption.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  writeSecret(path.join(secretsDir(dir), 'signing.key'), signing.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  writeSecret(path.join(secretsDir(dir), 'encryption.key'), encryption.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  writeSecret(path.join(secretsDir(dir), 'pseudonym.key'), randomBytes(32).toString('hex') + '\n');
  const node: NodeFile = {
    nodeId: opts.nodeId ?? randomUUID(),
    country,
    name: opts.name,
    createdAt: new Date().toISOString(),
    demo: !!opts.demo,
    keys: {
      signing: { publicKeyPem: signingPub, fingerprint: fingerprint(signingPub) },
      encryption: { publicKeyPem: encryptionPub, fingerprint: fingerprint(encryptionPub) },
    },
  };
  writeFileSync(nodeFile(dir), JSON.stringify(node, null, 2) + '\n');
  return node;
}

export function readNodeFile(dir: string): NodeFile {
  if (!nodeExists(dir)) throw new AlianzaError('NODE_MISSING', { dir });
  return JSON.parse(readFileSync(nodeFile(dir), 'utf8')) as NodeFile;
}

export function readNodeKeys(dir: string): NodeKeys {
  return {
    signingPrivateKeyPem: readFileSync(path.join(secretsDir(dir), 'signing.key'), 'utf8'),
    encryptionPrivateKeyPem: readFileSync(path.join(secretsDir(dir), 'encryption.key'), 'utf8'),
  };
}

export function loadIdentity(dir: string): NodeIdentity {
  const node = readNodeFile(dir);
  const hex = readFileSync(path.join(secretsDir(dir), 'pseudonym.key'), 'utf8').trim();
  return { nodeId: node.nodeId, country: node.country, name: node.name, pseudonymKey: Uint8Array.from(Buffer.from(hex, 'hex')) };
}
