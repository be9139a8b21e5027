/**
 * The trilateral linkage secret at rest: sealed by the node's keystore cipher (like its
 * federation keys, src/server/node-files.ts) before it reaches the store, so that neither the
 * database nor src/app ever holds it in clear text. Also the one call the demo set-up and
 * the command line use to set it.
 */
import type { AppContext } from '../app/context';
import { setLinkageSecret, type CrossBorderActor, type LinkageSecretStatusView, type SecretSealer } from '../app/cross-border-service';
import { AlianzaError } from '../domain/errors';
import { keystoreCipher } from './node-files';

const LABEL = 'alianza-linkage-secret:v1:';

/** Seals and opens the linkage secret with the node's keystore (its folder's secrets/). */
export function linkageSealer(dataDir: string): SecretSealer {
  const cipher = keystoreCipher(dataDir);
  return {
    seal: (secret) => cipher.seal(LABEL + Buffer.from(secret).toString('base64')),
    open(sealed) {
      const text = cipher.open(sealed);
      if (!text.startsWith(LABEL)) throw new AlianzaError('CROSSBORDER_SECRET_UNREADABLE');
      return Uint8Array.from(Buffer.from(text.slice(LABEL.length), 'base64'));
    },
  };
}

/**
 * Sets the linkage secret of the node whose folder is `dataDir` (the demo calls this after
 * seeding, with the same secret on every node). Audited as crossborder.secret.set by `by`.
 */
export function setNodeLinkageSecret(ctx: AppContext, dataDir: string, secret: Uint8Array, by = 'demo', actor: CrossBorderActor | null = null): Promise<LinkageSecretStatusView> {
  return setLinkageSecret(ctx, linkageSealer(dataDir), actor, secret, by);
}
