// React 19 + Vite 7 without @vitejs/plugin-react: esbuild compiles the JSX (automatic runtime).
import { defineConfig } from 'vite';
import { viteAliases } from '../shared/package-alias.mjs';

export default defineConfig({
  root: import.meta.dirname,
  // `libgo-vm-elements` resolves like an installed package (its exports map), to the built dist/.
  resolve: { alias: viteAliases(), dedupe: ['react', 'react-dom', 'lit', '@lit/react'] },
  esbuild: { jsx: 'automatic' },
  build: { target: 'es2022', emptyOutDir: true },
  logLevel: 'warn',
});
