/**
 * Compile once, render many. `compileIssue` runs the expensive part once per day's issue:
 * Handlebars fills the day's content into the MJML, MJML (async, strict validation) turns it
 * into HTML, and the result — which still holds the per-recipient placeholders — is compiled
 * by Handlebars again. `renderFor` is then two precompiled template calls per recipient.
 */
import Handlebars from 'handlebars';
import mjml2html from 'mjml';
import type { IssueModel, RecipientContext } from '../issue-model.ts';
import { protect, restoreAsEntities, restoreAsExpressions } from './protect-braces.ts';
import { registerStageOneHelpers } from './stage-one-helpers.ts';
import { MJML_PARTIALS, MJML_SOURCE, TEXT_SOURCE } from './template-files.ts';
import { TEXT_HELPERS } from './text-helpers.ts';

export interface CompiledIssue {
  model: IssueModel;
  /** the MJML output with recipient placeholders, as compiled (for inspection and the preview) */
  htmlSource: string;
  textSource: string;
  html: HandlebarsTemplateDelegate<RecipientContext>;
  text: HandlebarsTemplateDelegate<RecipientContext>;
}

export interface RenderedEmail {
  html: string;
  text: string;
}

const STRICT = { strict: true } as const;
/**
 * The recipient pass uses no helper but `if`, and no @data: telling Handlebars so lets it call
 * `if` directly instead of looking helpers up on every block, which is most of a render's cost.
 */
const RECIPIENT = { strict: true, knownHelpers: { if: true }, knownHelpersOnly: true, data: false } as const;

const mjmlPass = Handlebars.create();
registerStageOneHelpers(mjmlPass, (tag) => `<mj-raw>${tag}</mj-raw>`);
for (const [name, source] of Object.entries(MJML_PARTIALS)) mjmlPass.registerPartial(name, source);
const mjmlTemplate = mjmlPass.compile<IssueModel>(MJML_SOURCE, STRICT);

const textPass = Handlebars.create();
registerStageOneHelpers(textPass, (tag) => tag);
for (const [name, fn] of Object.entries(TEXT_HELPERS)) textPass.registerHelper(name, fn);
const textTemplate = textPass.compile<IssueModel>(TEXT_SOURCE, { ...STRICT, noEscape: true });

/** The per-recipient pass: no helpers, strict lookups, HTML escaping on for the HTML part. */
const recipientPass = Handlebars.create();

export class TemplateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TemplateError';
  }
}

export async function compileIssue(model: IssueModel): Promise<CompiledIssue> {
  const safe = protect(model);
  const mjml = mjmlTemplate(safe);
  const result = await mjml2html(mjml, { validationLevel: 'strict', fonts: {}, keepComments: false });
  if (result.errors.length)
    throw new TemplateError(
      `MJML rejected the issue of ${model.date}:\n${result.errors.map((e) => `  - ${e.formattedMessage}`).join('\n')}`,
    );
  // MJML indents deeply; a newline is whitespace enough, and every byte counts towards Gmail's 102 KB clip.
  const htmlSource = restoreAsEntities(result.html.replace(/\n[ \t]+/g, '\n'));
  const textSource = restoreAsExpressions(textTemplate(safe));
  return {
    model,
    htmlSource,
    textSource,
    html: recipientPass.compile<RecipientContext>(htmlSource, RECIPIENT),
    text: recipientPass.compile<RecipientContext>(textSource, { ...RECIPIENT, noEscape: true }),
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
