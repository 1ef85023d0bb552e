import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { VmActionResultDetail } from 'libgo-vm-elements';
import { Login, type Session } from './login';
import { TagsView } from './tags-view';
import { WrappersView } from './wrappers-view';

// `?view=wrappers` uses the @lit/react wrappers; the default view uses the tags directly.
const view = new URLSearchParams(location.search).get('view') === 'wrappers' ? 'wrappers' : 'tags';

function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [log, setLog] = useState<string[]>([]);
  // The VM the detail shows: the one chosen in the fleet list.
  const [vmName, setVmName] = useState('web-01');
  const onResult = (d: VmActionResultDetail) =>
    setLog((l) => [...l, `${d.action}: ${d.success ? 'ok' : 'failed'}${d.message ? ` (${d.message})` : ''}`]);
  const onSelect = (name: string) => {
    setVmName(name);
    setLog((l) => [...l, `select: ${name}`]);
  };

  return (
    <main>
      <h1>LibGo · {vmName} (React, {view})</h1>
      {session === null ? (
        <Login onLogin={setSession} />
      ) : view === 'wrappers' ? (
        <WrappersView session={session} vmName={vmName} onSelect={onSelect} onResult={onResult} />
      ) : (
        <TagsView session={session} vmName={vmName} onSelect={onSelect} onResult={onResult} />
      )}
      <ol id="log" aria-label="Action results">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
