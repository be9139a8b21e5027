/**
 * Peers and this node's own keys, as operators handle them: the identity token a node hands
 * to its partners (`alianza node keys`), pinning a partner after comparing fingerprints out
 * of band (`alianza peer add`, the admin page), listing and removing peers, rotating keys.
 */
import { AlianzaError } from '../domain/errors';
import type { Actor } from '../domain/model';
import { canonicalize, parseStrictJson } from '../federation/canonical-json';
import { COUNTRY, KEY_ID, NODE_ID } from '../federation/envelope';
import { compareFingerprint, fingerprintOfKey, keyIdMatches, publicKeyObject } from '../federation/keys';
import { publicIdentity, type NodeKeys, type PeerRecord } from '../federation/peers';
import { audit } from './audit';
import type { AppContext } from './context';
import type { FederationAccess } from './federation-access';

const TOKEN_PREFIX = 'alianza-node-v1:';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A partner's public identity as the token carries it: no address, no private key. */
export type PeerIdentity = Omit<PeerRecord, 'url'>;

export interface KeyView {
  keyId: string;
  publicKey: string;
  fingerprint: string;
  notBefore?: string;
  notAfter?: string | null;
  revokedAt?: string | null;
}

export interface PeerView {
  node: string;
  country: string;
  url: string;
  signingKeys: KeyView[];
  encryptionKey: KeyView;
  supportedVersions: number[];
}

const keyView = (k: { keyId: string; publicKey: string; notBefore?: string; notAfter?: string | null; revokedAt?: string | null }): KeyView => ({
  ...k,
  fingerprint: fingerprintOfKey(k.publicKey) ?? '',
});

export const peerView = (p: PeerRecord): PeerView => ({
  node: p.node,
  country: p.country,
  url: p.url,
  signingKeys: p.signingKeys.map(keyView),
  encryptionKey: keyView(p.encryptionKey),
  supportedVersions: p.supportedVersions,
});

/** The token this node gives its partners: its public keys, to be checked by fingerprint. */
export function identityToken(keys: NodeKeys): string {
  const id = publicIdentity(keys, 'https://unused.invalid');
  const body: PeerIdentity = { node: id.node, country: id.country, signingKeys: id.signingKeys, encryptionKey: id.encryptionKey, supportedVersions: id.supportedVersions };
  return TOKEN_PREFIX + Buffer.from(canonicalize(body as never), 'utf8').toString('base64url');
}

const invalid = (reason: string): AlianzaError => new AlianzaError('FEDERATION_PEER_KEY_INVALID', { reason });

/** Reads and checks a partner's token: shapes, key ids against their keys, keys on their curves. */
export function parseIdentityToken(token: string): PeerIdentity {
  const trimmed = token.trim();
  if (!trimmed.startsWith(TOKEN_PREFIX)) throw invalid('prefix');
  let value: unknown;
  try {
    value = parseStrictJson(Buffer.from(trimmed.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw invalid('json');
  }
  const o = value as Partial<PeerIdentity> | null;
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw invalid('json');
  if (typeof o.node !== 'string' || !NODE_ID.test(o.node)) throw invalid('node');
  if (typeof o.country !== 'string' || !COUNTRY.test(o.country)) throw invalid('country');
  if (!Array.isArray(o.signingKeys) || o.signingKeys.length === 0 || o.signingKeys.length > 16) throw invalid('signingKeys');
  for (const k of o.signingKeys) {
    if (typeof k?.keyId !== 'string' || !KEY_ID.test(k.keyId) || typeof k.publicKey !== 'string' || !keyIdMatches(k.keyId, k.publicKey)) throw invalid('signingKeys.keyId');
    if (!publicKeyObject('Ed25519', k.publicKey)) throw invalid('signingKeys.publicKey');
    if (typeof k.notBefore !== 'string' || !TIMESTAMP.test(k.notBefore)) throw invalid('signingKeys.notBefore');
    if (k.notAfter !== null && (typeof k.notAfter !== 'string' || !TIMESTAMP.test(k.notAfter))) throw invalid('signingKeys.notAfter');
  }
  const e = o.encryptionKey;
  if (!e || typeof e.keyId !== 'string' || typeof e.publicKey !== 'string' || !keyIdMatches(e.keyId, e.publicKey)) throw invalid('encryptionKey.keyId');
  if (!publicKeyObject('X25519', e.publicKey)) throw invalid('encryptionKey.publicKey');
  const versions = Array.isArray(o.supportedVersions) && o.supportedVersions.every((v) => Number.isInteger(v)) ? o.supportedVersions : [1];
  return {
    node: o.node,
    country: o.country,
    signingKeys: o.signingKeys.map((k) => ({ keyId: k.keyId, publicKey: k.publicKey, notBefore: k.notBefore, notAfter: k.notAfter ?? null, revokedAt: null })),
    encryptionKey: { keyId: e.keyId, publicKey: e.publicKey },
    supportedVersions: versions,
  };
}

/** https anywhere; plain http only on the loopback interface (the demo). */
export function checkPeerUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AlianzaError('FEDERATION_PEER_URL_INVALID', { url });
  }
  const loopback = u.hostname === 'localhost' || u.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(u.hostname);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) throw new AlianzaError('FEDERATION_PEER_URL_INVALID', { url });
  if (u.search || u.hash || u.username || u.password) throw new AlianzaError('FEDERATION_PEER_URL_INVALID', { url });
  return u.toString().replace(/\/+$/, '');
}

/** The fingerprint a person compares first: the partner's current signing key. */
export const primaryFingerprint = (peer: PeerIdentity): string => fingerprintOfKey(peer.signingKeys[peer.signingKeys.length - 1]!.publicKey) ?? '';

export type AuditWho = (Actor & { email?: string }) | null;

/**
 * Pins a partner. `confirmFingerprint`, when given, must equal the fingerprint of the
 * partner's signing key (as read out by the partner's operator); callers that confirm
 * interactively pass the confirmation they obtained instead.
 */
export async function addPeer(
  ctx: AppContext,
  access: Pick<FederationAccess, 'peers' | 'keys'>,
  who: AuditWho,
  input: { url: string; token: string; confirmFingerprint?: string },
): Promise<PeerView> {
  const identity = parseIdentityToken(input.token);
  const url = checkPeerUrl(input.url);
  const own = await access.keys.load();
  if (identity.node === own.self.node) throw new AlianzaError('FEDERATION_PEER_IS_SELF');
  if (input.confirmFingerprint !== undefined) {
    const group = compareFingerprint(primaryFingerprint(identity), input.confirmFingerprint);
    if (group !== 0) throw new AlianzaError('FEDERATION_FINGERPRINT_MISMATCH', { group });
  }
  const existing = await access.peers.get(identity.node);
  // a key pinned before keeps its validity and revocation: a token never lengthens them
  const signingKeys = identity.signingKeys.map((k) => existing?.signingKeys.find((p) => p.keyId === k.keyId) ?? k);
  for (const old of existing?.signingKeys ?? []) if (!signingKeys.some((k) => k.keyId === old.keyId)) signingKeys.push(old);
  const peer: PeerRecord = { ...identity, signingKeys, url };
  await access.peers.put(peer);
  const view = peerView(peer);
  await audit(ctx.store, ctx.clock, who, {
    action: existing ? 'federation.peer.updated' : 'federation.peer.added',
    targetType: 'federation_peer',
    targetId: peer.node,
    detail: { node: peer.node, country: peer.country, url, signingKeys: view.signingKeys.map((k) => ({ keyId: k.keyId, fingerprint: k.fingerprint })), encryptionKey: view.encryptionKey.fingerprint },
  });
  return view;
}

export async function removePeer(ctx: AppContext, access: Pick<FederationAccess, 'peers'>, who: AuditWho, node: string): Promise<void> {
  if (!(await access.peers.remove(node))) throw new AlianzaError('FEDERATION_PEER_NOT_FOUND', { node });
  await audit(ctx.store, ctx.clock, who, { action: 'federation.peer.removed', targetType: 'federation_peer', targetId: node, detail: { node } });
}

export async function listPeers(access: Pick<FederationAccess, 'peers'>): Promise<PeerView[]> {
  return (await access.peers.list()).map(peerView);
}

export interface OwnKeysView {
  node: string;
  country: string;
  token: string;
  activeSigningKeyId: string;
  pendingSigningKeyId: string | null;
  signingKeys: KeyView[];
  encryptionKey: KeyView;
}

/** This node's public keys and fingerprints, and the token to hand to partners. */
export async function ownKeys(access: Pick<FederationAccess, 'keys'>): Promise<OwnKeysView> {
  const keys = await access.keys.load();
  const enc = keys.encryptionKeys.find((k) => k.keyId === keys.activeEncryptionKeyId)!;
  return {
    node: keys.self.node,
    country: keys.self.country,
    token: identityToken(keys),
    activeSigningKeyId: keys.activeSigningKeyId,
    pendingSigningKeyId: keys.pendingSigningKeyId,
    signingKeys: keys.signingKeys.map((k) => keyView({ keyId: k.keyId, publicKey: k.publicKey, notBefore: k.notBefore, notAfter: k.notAfter })),
    encryptionKey: keyView({ keyId: enc.keyId, publicKey: enc.publicKey }),
  };
}
