/**
 * Compile once, render many. `compileIssue` runs the expensive part once per day's issue:
 * Handlebars fills the day's content into the MJML, MJML (async, strict validation) turns it
 * into HTML, and the result — which still holds the per-recipient placeholders — is compiled
 * by Handlebars again. `renderFor` is then two precompiled template calls per recipient.
 */
import Handlebars from 'handlebars';
import mjml2html from 'mjml';
import type { IssueModel, RecipientContext } from '../issue-model.ts';
import { protect, restoreAsEntities, restoreAsExpressions, TEXT_LITERALS } from './protect-braces.ts';
import { registerStageOneHelpers } from './stage-one-helpers.ts';
import { MJML_PARTIALS, MJML_SOURCE, TEXT_SOURCE } from './template-files.ts';
import { TEXT_HELPERS } from './text-helpers.ts';

export interface CompiledIssue {
  model: IssueModel;
  /** the MJML output with recipient placeholders, as compiled (for inspection and the preview) */
  htmlSource: string;
  textSource: string;
  html: HandlebarsTemplateDelegate<RecipientContext>;
  text: HandlebarsTemplateDelegate<RecipientContext & { literal: typeof TEXT_LITERALS }>;
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
  const htmlSource = restoreAsEntities(result.html);
  const textSource = restoreAsExpressions(textTemplate(safe));
  return {
    model,
    htmlSource,
    textSource,
    html: recipientPass.compile<RecipientContext>(htmlSource, STRICT),
    text: recipientPass.compile(textSource, { ...STRICT, noEscape: true }),
  };
}

export function renderFor(issue: CompiledIssue, recipient: RecipientContext): RenderedEmail {
  return {
    html: issue.html(recipient),
    text: issue.text({ ...recipient, literal: TEXT_LITERALS }).replace(/\n{3,}/g, '\n\n'),
  };
}
