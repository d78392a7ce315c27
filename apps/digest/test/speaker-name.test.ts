import { describe, expect, it } from 'vitest';
import { speakerName } from '../src/data/speaker-name.ts';

describe('a speaker as the email credits them', () => {
  it.each([
    ['Syrian Observatory for Human Rights', 'Syrian Observatory for Human Rights'],
    ['the local council', 'the local council'],
    ['EU diplomatic chief Federica Mogherini', 'EU diplomatic chief Federica Mogherini'],
    ['said Mounzer Khalil head of Idlibs health authority', 'Mounzer Khalil head of Idlibs health authority'],
    ['a war monitor', 'a war monitor'],
    ['officials', 'officials'],
  ])('keeps a name or a title: %s', (words, name) => {
    expect(speakerName(words)).toBe(name);
  });

  // fragments a speaker span was cut to in FA-KES reports of 4 April 2017
  it.each([
    'On Tuesday an',
    'An',
    'this month the coalition',
    'from hypothermia have been',
    '30 a.m. warplanes targeted Khan Sheikhoun with gases believed to be sarin and chlorine',
    'on the rebel-held Syrian town of Khan Sheikhun on Tuesday a monitor',
    'includes nerve agents',
  ])('drops a sentence fragment: %s', (words) => {
    expect(speakerName(words)).toBeNull();
  });
});
