import { useState, type FormEvent } from 'react';
import { LazyRestClient } from 'libgo-vm-elements';

export interface Session {
  serverUrl: string;
  token: string;
}

/** Signs in against the LibGo server's REST API; `?server=` presets its address. */
export function Login({ onLogin }: { onLogin: (session: Session) => void }) {
  const [serverUrl, setServerUrl] = useState(() => new URLSearchParams(location.search).get('server') ?? location.origin);
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError('');
    try {
      const { token } = await new LazyRestClient({ serverUrl }).login(username, password);
      onLogin({ serverUrl, token });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form id="login" onSubmit={submit}>
      <label>
        Server <input name="server" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} required />
      </label>
      <label>
        User <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label>
        Password{' '}
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      <button type="submit">Sign in</button>
      <span id="error" role="alert">
        {error}
      </span>
    </form>
  );
}
