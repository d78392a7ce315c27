/**
 * Helpers for the first (per-issue) Handlebars pass. They write the placeholders of the
 * second (per-recipient) pass: `{{> slot "name"}}`-like output that survives MJML untouched.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';

type Env = { registerHelper(name: string, fn: HelperDelegate): void; SafeString: new (s: string) => unknown };

const SLOT = /^[a-zA-Z][a-zA-Z0-9]*$/;

/** Registers the helpers shared by the MJML and the text pass. `raw` wraps control tags (mj-raw for MJML). */
export function registerStageOneHelpers(hb: Env, raw: (tag: string) => string): void {
  /** `{{slot "unsubscribeUrl"}}` → `{{unsubscribeUrl}}` in the compiled issue */
  hb.registerHelper('slot', (name: unknown) => {
    if (typeof name !== 'string' || !SLOT.test(name))
      throw new Error(`slot name "${String(name)}" is not a plain name`);
    return new hb.SafeString(`{{${name}}}`);
  });
  /** `{{#ifShown key}}…{{/ifShown}}` → shown only to recipients whose `show[key]` is true */
  hb.registerHelper('ifShown', function (this: unknown, key: unknown, options: HelperOptions) {
    if (typeof key !== 'string' || !SLOT.test(key))
      throw new Error(`show key "${String(key)}" is not a plain name`);
    return new hb.SafeString(`${raw(`{{#if show.${key}}}`)}${options.fn(this)}${raw('{{/if}}')}`);
  });
  /** the same inside running HTML or text, where no wrapper element is needed */
  hb.registerHelper('ifShownInline', function (this: unknown, key: unknown, options: HelperOptions) {
    if (typeof key !== 'string' || !SLOT.test(key))
      throw new Error(`show key "${String(key)}" is not a plain name`);
    return new hb.SafeString(`{{#if show.${key}}}${options.fn(this)}{{/if}}`);
  });
  /** `{{#ifSlot "filterNote"}}…{{/ifSlot}}` → a recipient-level conditional */
  hb.registerHelper('ifSlot', function (this: unknown, name: unknown, options: HelperOptions) {
    if (typeof name !== 'string' || !SLOT.test(name))
      throw new Error(`slot name "${String(name)}" is not a plain name`);
    return new hb.SafeString(`{{#if ${name}}}${options.fn(this)}{{/if}}`);
  });
  hb.registerHelper('refs', (refs: unknown) =>
    Array.isArray(refs) ? refs.map((n) => `[${String(n)}]`).join('') : '',
  );
}
