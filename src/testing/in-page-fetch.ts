/** A `fetch` that answers the REST routes from the simulation and never touches the network. */
import type { FetchLike } from '../transport/socket-factory.js';
import type { Clock } from './sim/clock.js';
import type { RestRequest, RestResponse } from './sim/rest.js';
import { domException } from './dom-events.js';

export interface InPageFetchTarget {
  readonly origin: string;
  readonly clock: Clock;
  readonly latencyMs: number;
  handleRest(request: RestRequest): Promise<RestResponse>;
}

export function createInPageFetch(target: InPageFetchTarget): FetchLike {
  return async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), target.origin);
    const signal = init.signal ?? undefined;
    const aborted = () => domException('The operation was aborted.', 'AbortError');
    if (signal?.aborted) throw aborted();
    if (url.origin !== target.origin) {
      // What a page sees when a host does not answer.
      throw new TypeError('Failed to fetch');
    }
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const body = await bodyText(init.body);
    const work = (async () => {
      if (target.latencyMs > 0) await new Promise((r) => target.clock.setTimeout(() => r(undefined), target.latencyMs));
      return target.handleRest({ method: init.method ?? 'GET', path: url.pathname + url.search, headers, body });
    })();
    const result = await (signal
      ? Promise.race([work, new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(aborted()), { once: true }))])
      : work);
    return new Response(result.body, { status: result.status, headers: result.headers });
  };
}

async function bodyText(body: RequestInit['body']): Promise<string | null> {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return body;
  return new Response(body).text();
}
