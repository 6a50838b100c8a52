import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { NAMESPACES } from '../../src/messages';
import { LOCALES } from '../../src/server/i18n/locales';

const dir = path.join(__dirname, '../../src/messages');
type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

type Node = { type: number; value?: unknown; options?: Record<string, { value: Node[] }> };
/** The names of a message's arguments, read from the ICU syntax tree (plural branches included). */
function argumentNames(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.type >= 1 && n.type <= 6 && typeof n.value === 'string') names.add(n.value);
      for (const o of Object.values(n.options ?? {})) walk(o.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown as Node[]);
  return [...names].sort();
}

const load = (locale: string, ns: string) => JSON.parse(readFileSync(path.join(dir, locale, `${ns}.json`), 'utf8')) as Tree;

describe.each([...NAMESPACES])('messages: %s', (ns) => {
  it('exists for every language', () => {
    for (const l of LOCALES) expect(existsSync(path.join(dir, l, `${ns}.json`)), `${l}/${ns}.json`).toBe(true);
  });

  it('has the same keys in every language, none empty', () => {
    const all = Object.fromEntries(LOCALES.map((l) => [l, leaves(load(l, ns))]));
    const keys = new Set(LOCALES.flatMap((l) => [...all[l].keys()]));
    const problems: string[] = [];
    for (const key of keys) {
      for (const l of LOCALES) {
        const v = all[l].get(key);
        if (v === undefined) problems.push(`${l}: missing ${key}`);
        else if (!v.trim()) problems.push(`${l}: empty ${key}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('parses as ICU messages with the same placeholders as English', () => {
    const en = leaves(load('en', ns));
    const problems: string[] = [];
    for (const l of LOCALES) {
      for (const [key, v] of leaves(load(l, ns))) {
        try {
          new IntlMessageFormat(v, l);
        } catch (e) {
          problems.push(`${l}: ${key}: ${(e as Error).message}`);
          continue;
        }
        const want = en.get(key);
        if (want !== undefined && argumentNames(v, l).join() !== argumentNames(want, 'en').join()) {
          problems.push(`${l}: ${key}: placeholders ${argumentNames(v, l)} vs ${argumentNames(want, 'en')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
