/** Numbers of the federation protocol (docs/protocol/README.md §8, §9, §11). */

export const SCHEMA_VERSION = 1;
export const SUPPORTED_VERSIONS: readonly number[] = [1];

export const MAX_ENVELOPE_BYTES = 1_048_576;
export const MAX_PLAINTEXT_BYTES = 524_288;
export const MAX_JSON_DEPTH = 32;

export const CLOCK_SKEW_MS = 5 * 60_000;
export const DAY_MS = 86_400_000;
/** How long a receiver remembers accepted envelope ids. */
export const SEEN_ID_RETENTION_MS = 30 * DAY_MS;
/** A sender gives up on a message this long after its first attempt. */
export const MAX_DELIVERY_AGE_MS = 7 * DAY_MS;

export const MAX_RETENTION_DAYS = 3650;
export const MAX_PURPOSE_LENGTH = 64;
export const MAX_AUDIENCE_VALUES = 64;

export const ENC_ALG = 'X25519-HKDF-SHA256-A256GCM';
export const SIG_ALG = 'Ed25519';

export const ENVELOPE_CONTEXT = 'ALIANZA-ENVELOPE-V1';
export const PAYLOAD_CONTEXT = 'ALIANZA-PAYLOAD-V1';
export const CONSENT_GRANT_CONTEXT = 'ALIANZA-CONSENT-GRANT-V1';

export const FEDERATION_PATH = '/federation/v1/envelopes';
