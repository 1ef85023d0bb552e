/**
 * Controls from custom-elements.json. Storybook's web-components renderer turns the manifest into
 * arg types but leaves every type as text (`'light' | 'dark' | undefined`), which would give an
 * object editor. This enhancer reads those types: string-literal unions become selects, `boolean`
 * a toggle, `number` a number field, `string` a text field. Properties that mirror an attribute
 * keep their docs row but lose the duplicate control; read-only and object-typed properties get no
 * control (they are set from code).
 */
import type { ArgTypes, StoryContext } from '@storybook/web-components-vite';

interface ManifestField {
  kind?: string;
  name: string;
  attribute?: string;
  fieldName?: string;
  readonly?: boolean;
  static?: boolean;
  privacy?: string;
  description?: string;
  type?: { text?: string };
}

interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestField[];
  attributes?: ManifestField[];
}

interface Manifest {
  modules?: { declarations?: ManifestDeclaration[] }[];
}

function declarationOf(manifest: Manifest, tag: string): ManifestDeclaration | undefined {
  for (const m of manifest.modules ?? []) {
    for (const d of m.declarations ?? []) if (d.tagName === tag) return d;
  }
  return undefined;
}

/** `'a' | 'b' | undefined` → ['a', 'b']; null when the type is not a union of string literals. */
export function literalOptions(typeText: string): string[] | null {
  const parts = typeText.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined' && p !== 'null');
  if (parts.length === 0 || !parts.every((p) => /^'[^']*'$/.test(p) || /^"[^"]*"$/.test(p))) return null;
  return parts.map((p) => p.slice(1, -1));
}

/** Named type aliases the manifest prints by name, with their values (kept in step with src/). */
const KNOWN_ALIASES: Record<string, string[]> = {
  AuthMode: ['query', 'subprotocol', 'cookie'],
  MetricWindow: ['5m', '15m', '1h'],
  VmDetailTab: ['overview', 'monitoring', 'console'],
  VmStatus: ['running', 'stopped', 'paused', 'shutdown', 'crashed', 'suspended', 'error', 'unknown'],
};

function controlFor(typeText: string): Partial<ArgTypes[string]> | null {
  const text = typeText.replace(/\s*\|\s*undefined$/, '').trim();
  const literals = literalOptions(typeText) ?? KNOWN_ALIASES[text] ?? null;
  if (literals) return { control: { type: literals.length <= 4 ? 'inline-radio' : 'select' }, options: literals };
  if (text === 'boolean') return { control: { type: 'boolean' } };
  if (text === 'number') return { control: { type: 'number' } };
  if (text === 'string') return { control: { type: 'text' } };
  return null;
}

/** Public API: not private, protected, static, `@internal`/`@ignore`d, nor named `_…`/`#…`. */
export function isPublic(member: ManifestField & { description?: string }): boolean {
  if (member.privacy === 'private' || member.privacy === 'protected' || member.static) return false;
  if (/^[_#]/.test(member.name)) return false;
  return !/@(internal|ignore|private)\b/.test(member.description ?? '');
}

export function createManifestArgTypesEnhancer(manifest: unknown) {
  return (context: StoryContext): ArgTypes => {
    const argTypes = { ...context.argTypes } as ArgTypes;
    const tag = typeof context.component === 'string' ? context.component : undefined;
    const decl = tag ? declarationOf(manifest as Manifest, tag) : undefined;
    if (!decl) return argTypes;
    const mirrored = new Set((decl.attributes ?? []).map((a) => a.fieldName).filter(Boolean));
    for (const attr of decl.attributes ?? []) {
      const entry = argTypes[attr.name];
      if (!entry || entry.control !== undefined) continue;
      const control = controlFor(attr.type?.text ?? '');
      argTypes[attr.name] = control ? { ...entry, ...control } : { ...entry, control: false };
    }
    for (const member of decl.members ?? []) {
      // The docs show the public API only: the renderer lists every class member, private state
      // included (as "Set object" controls). A public attribute of the same name stays.
      if (!isPublic(member)) {
        if (argTypes[member.name] && !(decl.attributes ?? []).some((a) => a.name === member.name)) delete argTypes[member.name];
        continue;
      }
      if (member.kind !== 'field') continue;
      const entry = argTypes[member.name];
      if (!entry || entry.control !== undefined) continue;
      // An attribute already has the control; read-only and object properties are set from code.
      if (mirrored.has(member.name) || member.readonly) {
        argTypes[member.name] = { ...entry, control: false };
        continue;
      }
      const control = controlFor(member.type?.text ?? '');
      argTypes[member.name] = control ? { ...entry, ...control } : { ...entry, control: false };
    }
    return argTypes;
  };
}
