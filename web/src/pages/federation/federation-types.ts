/**
 * Short names for the /api/federation shapes of src/server/api-types.ts, as the exchange
 * pages use them, plus the auditors' ledger entry.
 */
import type {
  FederationAudience,
  FederationConsent,
  FederationDeliveryStatus,
  FederationForwardRequest,
  FederationForwardResult,
  FederationIdentityBasis,
  FederationItemDetail,
  FederationItemSummary,
  FederationItemType,
  FederationKey,
  FederationNodeView,
  FederationPeer,
  FederationSendRequest,
  FederationShareable,
  FederationSharedEntity,
  FederationThread,
} from '../../../../src/server/api-types';

export type ItemType = FederationItemType;
export type DeliveryStatus = FederationDeliveryStatus;
export type Audience = FederationAudience;
export type ItemSummary = FederationItemSummary;
export type ItemDetail = FederationItemDetail;
export type Thread = FederationThread;
export type SharedEntity = FederationSharedEntity;
export type IdentityBasis = FederationIdentityBasis;
export type ForwardRequest = FederationForwardRequest;
export type ForwardOutcome = FederationForwardResult;
export type ConsentView = FederationConsent;
export type ConsentStatus = FederationConsent['status'];
export type KeyView = FederationKey;
export type PeerView = FederationPeer;
export type NodeIdentity = FederationNodeView;
export type Shareable = FederationShareable;
export type ShareableEntity = FederationShareable['entities'][number];
export type SendRequest = FederationSendRequest;

/** GET /api/federation/ledger (auditors): an item without its title and content. */
export type LedgerEntry = Omit<FederationItemDetail, 'title' | 'payload'>;
