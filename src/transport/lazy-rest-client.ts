/**
 * The REST API with its code loaded on first use: every method is asynchronous anyway, so the
 * client (and the validation of VM bodies) stays out of the first paint.
 */
import type { LoginResult, VmInfo } from '../protocol/index.js';
import type { RestClient, RestClientOptions } from './rest-client.js';

export interface RestApi {
  login(username: string, password: string): Promise<LoginResult>;
  listVms(): Promise<VmInfo[]>;
  getVm(name: string, signal?: AbortSignal): Promise<VmInfo>;
  action(name: string, action: 'start' | 'stop'): Promise<string>;
  probeVm(name: string, token: string | null): Promise<number | 'network'>;
}

export class LazyRestClient implements RestApi {
  private client: Promise<RestClient> | null = null;

  constructor(private readonly options: RestClientOptions = {}) {}

  login(username: string, password: string): Promise<LoginResult> {
    return this.load().then((c) => c.login(username, password));
  }

  listVms(): Promise<VmInfo[]> {
    return this.load().then((c) => c.listVms());
  }

  getVm(name: string, signal?: AbortSignal): Promise<VmInfo> {
    return this.load().then((c) => c.getVm(name, signal));
  }

  action(name: string, action: 'start' | 'stop'): Promise<string> {
    return this.load().then((c) => c.action(name, action));
  }

  probeVm(name: string, token: string | null): Promise<number | 'network'> {
    return this.load().then((c) => c.probeVm(name, token));
  }

  private load(): Promise<RestClient> {
    const p = (this.client ??= import('./rest-client.js').then(({ RestClient }) => new RestClient(this.options)));
    // A failed load is retried next time instead of failing forever.
    p.catch(() => {
      if (this.client === p) this.client = null;
    });
    return p;
  }
}
