/**
 * A small typed client for the node's HTTP API (same origin, under /api).
 * Every state-changing request carries the CSRF token; a 401 sends the person back to login.
 */
import type { ApiError, ListResult } from '../../src/server/api-types';
import type {
  ConsentStatus,
  ConsentView,
  DeliveryStatus,
  ForwardOutcome,
  ForwardRequest,
  ItemDetail,
  ItemSummary,
  ItemType,
  LedgerEntry,
  NodeIdentity,
  PeerView,
  SendRequest,
  Shareable,
  Thread,
} from './pages/federation/federation-types';

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: NonNullable<ApiError['issues']>;

  constructor(status: number, error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

/** Codes the client itself produces when the server gave no usable error body. */
export const CLIENT_NETWORK_ERROR = 'CLIENT_NETWORK_ERROR';
export const CLIENT_BAD_RESPONSE = 'CLIENT_BAD_RESPONSE';

type Query = Record<string, string | number | boolean | null | undefined>;

interface ClientState {
  csrfToken: string | null;
  locale: string;
  onUnauthorized: (() => void) | null;
}

const state: ClientState = { csrfToken: null, locale: 'en', onUnauthorized: null };

export const setCsrfToken = (token: string | null): void => {
  state.csrfToken = token;
};

export const setApiLocale = (locale: string): void => {
  state.locale = locale;
};

/** Called on any 401 except for the login and session probes, which handle it themselves. */
export const setUnauthorizedHandler = (handler: (() => void) | null): void => {
  state.onUnauthorized = handler;
};

export const buildQuery = (query: Query | undefined): string => {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

const isApiErrorBody = (body: unknown): body is { error: ApiError } => {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as ApiError).code === 'string';
};

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** do not trigger the global 401 handler (login form, session probe) */
  quietUnauthorized?: boolean;
  signal?: AbortSignal;
}

const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': state.locale };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiFailure(0, { code: CLIENT_NETWORK_ERROR, message: '' });
  }

  if (response.status === 204) return undefined as T;
  let body: unknown = null;
  const text = await response.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (response.ok) return body as T;

  const failure = isApiErrorBody(body)
    ? new ApiFailure(response.status, body.error)
    : new ApiFailure(response.status, { code: CLIENT_BAD_RESPONSE, message: '' });
  if (response.status === 401 && !options.quietUnauthorized && state.onUnauthorized) state.onUnauthorized();
  throw failure;
};

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown): Promise<T> => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown): Promise<T> => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown): Promise<T> => request<T>('PATCH', path, { body }),
  del: <T>(path: string, query?: Query): Promise<T> => request<T>('DELETE', path, { query }),
  /** for the login form and the session probe: a 401 is an answer, not an expired session */
  quiet: {
    get: <T>(path: string): Promise<T> => request<T>('GET', path, { quietUnauthorized: true }),
    post: <T>(path: string, body: unknown): Promise<T> => request<T>('POST', path, { body, quietUnauthorized: true }),
  },
};

const enc = encodeURIComponent;

/** Exchange with partner nodes (/api/federation). */
export const federationApi = {
  inbox: (q: { type?: ItemType; unread?: boolean; limit?: number; offset?: number }, signal?: AbortSignal) => api.get<ListResult<ItemSummary>>('/federation/inbox', q, signal),
  outbox: (q: { type?: ItemType; status?: DeliveryStatus; limit?: number; offset?: number }, signal?: AbortSignal) => api.get<ListResult<ItemSummary>>('/federation/outbox', q, signal),
  ledger: (q: { direction?: 'sent' | 'received'; type?: ItemType; limit?: number; offset?: number }, signal?: AbortSignal) => api.get<ListResult<LedgerEntry>>('/federation/ledger', q, signal),
  /** opening a received item marks it read and sends a read receipt */
  item: (id: string, signal?: AbortSignal) => api.get<ItemDetail>(`/federation/messages/${enc(id)}`, undefined, signal),
  thread: (id: string, signal?: AbortSignal) => api.get<Thread>(`/federation/threads/${enc(id)}`, undefined, signal),
  send: (body: SendRequest) => api.post<ItemSummary>('/federation/messages', body),
  forward: (id: string, body: ForwardRequest) => api.post<ForwardOutcome>(`/federation/messages/${enc(id)}/forward`, body),
  consents: (q: { direction?: 'incoming' | 'outgoing'; status?: ConsentStatus }, signal?: AbortSignal) => api.get<ListResult<ConsentView>>('/federation/consents', q, signal),
  decideConsent: (requestId: string, body: { granted: boolean; reason: string }) => api.post<ConsentView>(`/federation/consents/${enc(requestId)}/decision`, body),
  shareable: (caseId: string, signal?: AbortSignal) => api.get<Shareable>('/federation/shareable', { caseId }, signal),
  node: (signal?: AbortSignal) => api.get<NodeIdentity>('/federation/node', undefined, signal),
  peers: (signal?: AbortSignal) => api.get<ListResult<PeerView>>('/federation/peers', undefined, signal),
  addPeer: (body: { url: string; key: string; fingerprint: string }) => api.post<PeerView>('/federation/peers', body),
  removePeer: (node: string) => api.del<void>(`/federation/peers/${enc(node)}`),
};
