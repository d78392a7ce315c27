import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, eventKindInfo } from '../src/taxonomy/event-kinds.ts';

describe('event taxonomy', () => {
  it('names every kind once', () => {
    const names = EVENT_KINDS.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
  });

  it('covers the kinds the contracts promise', () => {
    const names = new Set<string>(EVENT_KINDS.map((k) => k.kind));
    for (const kind of [
      'airstrike',
      'barrel_bomb',
      'shelling',
      'chemical_attack',
      'bombing',
      'armed_clash',
      'territorial_change',
      'siege',
      'evacuation',
      'displacement',
      'detention',
      'disappearance',
      'ceasefire_declared',
      'ceasefire_violated',
      'ceasefire_collapsed',
      'humanitarian_pause',
      'diplomatic_meeting',
      'phone_call',
      'un_vote',
      'veto',
      'statement',
      'accusation',
      'visit_cancelled',
      'arms_policy',
    ])
      expect(names, kind).toContain(kind);
  });

  it.each(EVENT_KINDS.map((k) => [k.kind, k] as const))('%s has well-formed codes', (_kind, info) => {
    if (info.cameo !== null) expect(info.cameo).toMatch(/^\d{3,4}$/);
    if (info.acled !== null) expect(info.acled).toHaveLength(2);
    expect(['violence', 'humanitarian', 'diplomacy']).toContain(info.family);
  });

  it('looks kinds up by name', () => {
    expect(eventKindInfo('airstrike').acled).toEqual(['Explosions/Remote violence', 'Air/drone strike']);
  });
});
