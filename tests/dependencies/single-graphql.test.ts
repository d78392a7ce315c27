import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface LsNode {
  version?: string;
  dependencies?: Record<string, LsNode>;
}

/** Every version of `name` anywhere in the installed tree. */
function versionsOf(name: string): Set<string> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const out = execFileSync('npm', ['ls', name, '--all', '--json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const found = new Set<string>();
  const walk = (deps: Record<string, LsNode> | undefined) => {
    for (const [dep, node] of Object.entries(deps ?? {})) {
      if (dep === name && node.version) found.add(node.version);
      walk(node.dependencies);
    }
  };
  walk((JSON.parse(out) as LsNode).dependencies);
  return found;
}

describe('installed dependencies', () => {
  it('hold exactly one copy of graphql, the pinned 16.x', () => {
    expect([...versionsOf('graphql')]).toEqual(['16.15.0']);
  });
});
