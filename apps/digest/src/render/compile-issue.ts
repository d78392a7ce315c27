/**
 * Compile once, render many. `compileIssue` runs the expensive part once per day's issue:
 * Handlebars fills the day's content into the MJML, and MJML (async, strict validation) turns it
 * into HTML that still holds the per-recipient markers (render/recipient-slots.ts). `renderFor`
 * fills a recipient's values in one pass over those markers, with what the recipient's edition
 * shows worked out once per edition — no template writes another template.
 */
import Handlebars from 'handlebars';
import mjml2html from 'mjml';
import type { IssueModel, RecipientContext } from '../issue-model.ts';
import type { DayMap } from '../map/day-map.ts';
import { type MapImage, mapImages } from '../map/map-image.ts';
import { parseSlots, slotFiller, withoutMarkers } from './recipient-slots.ts';
import { registerStageOneHelpers } from './stage-one-helpers.ts';
import { MJML_PARTIALS, MJML_SOURCE, TEXT_SOURCE } from './template-files.ts';
import { TEXT_HELPERS } from './text-helpers.ts';

export interface CompiledIssue {
  model: IssueModel;
  /** the MJML output with the recipient markers, as compiled (for inspection) */
  htmlSource: string;
  textSource: string;
  /** the recipient values the issue prints and the show keys it tests */
  slots: readonly string[];
  sections: readonly string[];
  html: (recipient: RecipientContext) => string;
  text: (recipient: RecipientContext) => string;
  /** the full issue's map as PNGs (one per panel), rendered once with the issue; none when the day has no located events */
  map: MapImage[];
  /** an edition's map as PNGs: rendered once per set of events (its Content-IDs name the set), then shared */
  mapFor: (map: DayMap | null) => MapImage[];
}

export interface RenderedEmail {
  html: string;
  text: string;
}

const STRICT = { strict: true } as const;

const mjmlPass = Handlebars.create();
registerStageOneHelpers(mjmlPass, (tag) => `<mj-raw>${tag}</mj-raw>`);
for (const [name, source] of Object.entries(MJML_PARTIALS)) mjmlPass.registerPartial(name, source);
const mjmlTemplate = mjmlPass.compile<IssueModel>(MJML_SOURCE, STRICT);

const textPass = Handlebars.create();
registerStageOneHelpers(textPass, (tag) => tag);
for (const [name, fn] of Object.entries(TEXT_HELPERS)) textPass.registerHelper(name, fn);
const textTemplate = textPass.compile<IssueModel>(TEXT_SOURCE, { ...STRICT, noEscape: true });

export class TemplateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TemplateError';
  }
}

export async function compileIssue(model: IssueModel): Promise<CompiledIssue> {
  const safe = withoutMarkers(model);
  const mjml = mjmlTemplate(safe);
  const result = await mjml2html(mjml, { validationLevel: 'strict', fonts: {}, keepComments: false });
  if (result.errors.length)
    throw new TemplateError(
      `MJML rejected the issue of ${model.date}:\n${result.errors.map((e) => `  - ${e.formattedMessage}`).join('\n')}`,
    );
  // MJML indents deeply; a newline is whitespace enough, and every byte counts towards Gmail's 102 KB clip.
  const htmlSource = result.html.replace(/\n[ \t]+/g, '\n');
  const textSource = textTemplate(safe);
  const html = parseSlots(htmlSource);
  const text = parseSlots(textSource);
  const none: MapImage[] = [];
  const full = model.map ? mapImages(model.map) : none;
  // keyed by the first panel's Content-ID, which names the edition's set of events
  const images = new Map<string, MapImage[]>(model.map ? [[model.map.panels[0]!.cid, full]] : []);
  const mapFor = (map: DayMap | null) => {
    if (!map) return none;
    let image = images.get(map.panels[0]!.cid);
    if (!image) {
      image = mapImages(map);
      images.set(map.panels[0]!.cid, image);
    }
    return image;
  };
  return {
    model,
    htmlSource,
    textSource,
    slots: [...new Set([...html.slots, ...text.slots])],
    sections: [...new Set([...html.sections, ...text.sections])],
    html: slotFiller<RecipientContext>(html, true),
    text: slotFiller<RecipientContext>(text, false),
    map: full,
    mapFor,
  };
}

export function renderFor(issue: CompiledIssue, recipient: RecipientContext): RenderedEmail {
  const text = issue.text(recipient);
  // Sections a recipient does not get leave blank lines behind; most renders have none to fold.
  return {
    html: issue.html(recipient),
    text: text.includes('\n\n\n') ? text.replace(/\n{3,}/g, '\n\n') : text,
  };
}
