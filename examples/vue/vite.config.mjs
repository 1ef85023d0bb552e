// Vue 3 + Vite 7: tags starting with `vm-` are custom elements, not Vue components.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { viteAliases } from '../shared/package-alias.mjs';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('vm-') } } })],
  // `libgo-vm-elements` resolves like an installed package (its exports map), to the built dist/.
  resolve: { alias: viteAliases(), dedupe: ['vue', 'lit'] },
  build: { target: 'es2022', emptyOutDir: true },
  logLevel: 'warn',
});
