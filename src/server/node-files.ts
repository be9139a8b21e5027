/**
 * A node's folder: node.json (who the node is, public keys), secrets/ (private keys and
 * the pseudonym key, readable by the owner only) and, for SQLite, alianza.db.
 */
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AlianzaError } from '../domain/errors';
import type { NodeIdentity } from '../app/context';
import { fingerprintOf, keyIdOf } from '../federation/keys';
import type { NodeKeys as FederationKeys } from '../federation/peers';

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

/** The raw 32-byte public key of a PEM public or private key, in base64url (the protocol's form). */
export function rawPublicKey(pem: string): string {
  const key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  return (key.export({ format: 'jwk' }) as { x: string }).x;
}

/**
 * The fingerprint people compare out of band: SHA-256 of the raw public key in 16 groups of
 * four hex digits (docs/protocol/README.md §6), the same a peer sees with `alianza peer add`.
 */
export function fingerprint(publicKeyPem: string): string {
  return fingerprintOf(Buffer.from(rawPublicKey(publicKeyPem), 'base64url'));
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

/**
 * The federation key set a node starts with: the Ed25519 and X25519 keys created by `init`
 * (secrets/*.key, PKCS#8 PEM) in the protocol's raw form, valid from the node's creation.
 * Rotated keys live in the store, sealed by keystoreCipher below.
 */
export function initialFederationKeys(dir: string): FederationKeys {
  const node = readNodeFile(dir);
  const pems = readNodeKeys(dir);
  const pair = (pem: string, alg: 'Ed25519' | 'X25519') => {
    const jwk = createPrivateKey(pem).export({ format: 'jwk' }) as { x: string; d: string };
    return { alg, keyId: keyIdOf(Buffer.from(jwk.x, 'base64url')), publicKey: jwk.x, privateKey: jwk.d };
  };
  const signing = pair(pems.signingPrivateKeyPem, 'Ed25519');
  const encryption = pair(pems.encryptionPrivateKeyPem, 'X25519');
  const since = new Date(Date.parse(node.createdAt)).toISOString();
  return {
    self: { node: node.nodeId, country: node.country },
    signingKeys: [{ ...signing, notBefore: since, notAfter: null }],
    activeSigningKeyId: signing.keyId,
    pendingSigningKeyId: null,
    encryptionKeys: [{ ...encryption, createdAt: since, retireAfter: null }],
    activeEncryptionKeyId: encryption.keyId,
  };
}

/**
 * Seals text with AES-256-GCM under a key derived (HKDF-SHA256) from the node's first signing
 * key in secrets/signing.key: every process that holds the node's secrets/ folder derives the
 * same key, and no other secret file is needed.
 */
export function keystoreCipher(dir: string): { seal(plaintext: string): string; open(sealed: string): string } {
  const file = path.join(secretsDir(dir), 'signing.key');
  const jwk = createPrivateKey(readFileSync(file, 'utf8')).export({ format: 'jwk' }) as { d: string };
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(jwk.d, 'base64url'), Buffer.from('alianza-node-keystore'), Buffer.from('ALIANZA-KEYSTORE-V1'), 32));
  const AAD = Buffer.from('ALIANZA-KEYSTORE-V1');
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(AAD);
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
    },
    open(sealed) {
      const [v, iv, tag, ct] = sealed.split('.');
      if (v !== 'v1' || !iv || !tag || ct === undefined) throw new AlianzaError('CONFIG_INVALID', { key: 'federation_node_keys', value: 'unreadable', expected: 'v1 sealed key set' });
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url')).setAAD(AAD);
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        // another node's secrets sealed them: every process of a node must share the node's secrets/ folder
        throw new AlianzaError('CONFIG_INVALID', { key: file, value: 'signing.key', expected: 'the key that sealed this node’s federation keys' });
      }
    },
  };
}
