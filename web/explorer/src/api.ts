/**
 * Talks to the service on the page's own origin. The credential (a bearer token or
 * an `svk_` API key) lives in sessionStorage only, so it is gone with the tab.
 */
const CREDENTIAL_KEY = 'samverkan.credential';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function storedCredential(): string | null {
  return sessionStorage.getItem(CREDENTIAL_KEY);
}

export function storeCredential(value: string | null): void {
  if (value) sessionStorage.setItem(CREDENTIAL_KEY, value.trim());
  else sessionStorage.removeItem(CREDENTIAL_KEY);
}

/** Both credential kinds travel as `Authorization: Bearer …` (the service tells an `svk_` key from a token). */
export function authHeaders(): Record<string, string> {
  const credential = storedCredential();
  return credential ? { authorization: `Bearer ${credential}` } : {};
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export async function graphql<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders() },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch (error) {
    // A request superseded while its body was read is not a bad response.
    if (signal?.aborted) throw error;
    throw new ApiError(`The service answered HTTP ${response.status} without JSON.`, 'BAD_RESPONSE', response.status);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', response.status);
  if (!body.data) throw new ApiError('The service answered without data.', 'BAD_RESPONSE', response.status);
  return body.data;
}

/** The service's answer to a failed GET, as an ApiError (its GraphQL-shaped error when it sent one). */
async function failure(response: Response): Promise<ApiError> {
  const text = await response.text();
  let message = `HTTP ${response.status}`;
  let code = 'HTTP_ERROR';
  try {
    const parsed = JSON.parse(text) as GraphQLResponse<unknown>;
    message = parsed.errors?.[0]?.message ?? message;
    code = parsed.errors?.[0]?.extensions?.code ?? code;
  } catch {
    // not JSON: keep the status
  }
  return new ApiError(message, code, response.status);
}

/** GET of a JSON document with the credential (the explorer's union). */
export function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return jsonOf<T>(sendGet(url, signal));
}

/** The GET itself, with the credential: boot.ts sends one before this bundle runs, and jsonOf reads it here. */
export function sendGet(url: string, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { headers: authHeaders(), signal });
}

/** A GET's JSON body, or its failure as an ApiError (of this bundle: boot.ts hands over the response, never an error). */
export async function jsonOf<T>(sent: Promise<Response>): Promise<T> {
  const response = await sent;
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** GET of a file with the credential; the caller saves the blob. */
export async function download(url: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(url, { headers: authHeaders() });
  if (!response.ok) throw await failure(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const fileName = match ? decodeURIComponent(match[1]) : (url.split('?')[0].split('/').pop() ?? 'export');
  return { blob: await response.blob(), fileName };
}
