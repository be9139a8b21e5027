/** Signing and verifying consent grants (docs/protocol/handling.md §5). */
import { sign, verify } from 'node:crypto';
import type { Handling } from '../domain/model';
import { canonicalBytes } from './canonical-json';
import { CONSENT_GRANT_CONTEXT } from './constants';
import { fromBase64url, toBase64url, withContext } from './bytes';
import type { ConsentGrant } from './envelope';
import { privateKeyObject, publicKeyObject, type KeyPair } from './keys';
import { signingKeyValidAt, type PeerRecord } from './peers';

export interface GrantTerms {
  itemId: string;
  originator: string;
  forwarder: string;
  grantedTo: string;
  maxHandling: Handling;
  issued: string;
  expires: string;
}

const grantInput = (grant: Omit<ConsentGrant, 'signature'>): Buffer =>
  withContext(CONSENT_GRANT_CONTEXT, canonicalBytes(grant));

export function signGrant(terms: GrantTerms, signing: KeyPair): ConsentGrant {
  const unsigned = { ...terms, keyId: signing.keyId };
  return { ...unsigned, signature: toBase64url(sign(null, grantInput(unsigned), privateKeyObject(signing))) };
}

export function verifyGrantSignature(grant: ConsentGrant, publicKey: string): boolean {
  const key = publicKeyObject('Ed25519', publicKey);
  const value = fromBase64url(grant.signature, 64);
  if (!key || !value) return false;
  const { signature: _signature, ...unsigned } = grant;
  try {
    return verify(null, grantInput(unsigned), key, value);
  } catch {
    return false;
  }
}

/**
 * Verifies a grant against the originator's pinned keys: the key must be pinned for the
 * originator and valid when the grant was issued. `originatorPeer` is undefined when the
 * originator is not a peer, in which case no grant can be checked.
 */
export function grantIsGenuine(grant: ConsentGrant, originatorPeer: PeerRecord | undefined): boolean {
  if (!originatorPeer || originatorPeer.node !== grant.originator) return false;
  const key = signingKeyValidAt(originatorPeer, grant.keyId, Date.parse(grant.issued));
  return key !== undefined && verifyGrantSignature(grant, key.publicKey);
}
