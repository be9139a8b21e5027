/** Cross-border matching and gradual disclosure (/api/cross-border; docs/protocol/matching.md). */
import type {
  CrossBorderCheckRequest,
  CrossBorderCheckView,
  CrossBorderHitView,
  CrossBorderKind,
  CrossBorderMarkBody,
  DisclosureDecisionBody,
  DisclosureRequestBody,
  DisclosureStatus,
  DisclosureView,
  EntityDetail,
  LinkageSecretStatus,
  ListResult,
} from '../../../../src/server/api-types';
import { api } from '../../api';

const enc = encodeURIComponent;

export const crossBorderApi = {
  secret: (signal?: AbortSignal) => api.get<LinkageSecretStatus>('/cross-border/secret', undefined, signal),
  /** 202: one check per partner, sent; the answers arrive later */
  runCheck: (body: CrossBorderCheckRequest) => api.post<CrossBorderCheckView[]>('/cross-border/checks', body),
  checks: (signal?: AbortSignal) => api.get<ListResult<CrossBorderCheckView>>('/cross-border/checks', undefined, signal),
  hits: (q: { kind?: CrossBorderKind; peer?: string; minScore?: number; limit?: number; offset?: number }, signal?: AbortSignal) =>
    api.get<ListResult<CrossBorderHitView>>('/cross-border/hits', q, signal),
  requestDisclosure: (body: DisclosureRequestBody) => api.post<DisclosureView>('/cross-border/disclosures', body),
  disclosures: (q: { direction?: 'incoming' | 'outgoing'; status?: DisclosureStatus; limit?: number; offset?: number }, signal?: AbortSignal) =>
    api.get<ListResult<DisclosureView>>('/cross-border/disclosures', q, signal),
  disclosure: (id: string, signal?: AbortSignal) => api.get<DisclosureView>(`/cross-border/disclosures/${enc(id)}`, undefined, signal),
  decide: (id: string, body: DisclosureDecisionBody) => api.post<DisclosureView>(`/cross-border/disclosures/${enc(id)}/decision`, body),
  /** mark or unmark an entity for the cross-border check */
  mark: (entityId: string, body: CrossBorderMarkBody) => api.put<EntityDetail>(`/entities/${enc(entityId)}/cross-border`, body),
};
