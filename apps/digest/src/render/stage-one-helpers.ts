/**
 * Helpers for the one Handlebars pass. They write the markers of render/recipient-slots.ts
 * where a recipient's value goes and around what only some recipients see; the markers survive
 * MJML untouched and are filled per recipient without another template.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { marker } from './recipient-slots.ts';

type Env = { registerHelper(name: string, fn: HelperDelegate): void; SafeString: new (s: string) => unknown };

/** Registers the helpers shared by the MJML and the text pass. `raw` wraps block markers (mj-raw for MJML). */
export function registerStageOneHelpers(hb: Env, raw: (tag: string) => string): void {
  /** `{{slot "unsubscribeUrl"}}`: the recipient's value, escaped for HTML in the HTML part */
  hb.registerHelper('slot', (name: unknown) => new hb.SafeString(marker.slot(String(name))));
  /** `{{#ifShown key}}…{{/ifShown}}`: shown only to recipients whose `show[key]` is true */
  hb.registerHelper('ifShown', function (this: unknown, key: unknown, options: HelperOptions) {
    return new hb.SafeString(`${raw(marker.show(String(key)))}${options.fn(this)}${raw(marker.close)}`);
  });
  /** the same inside running HTML or text, where no wrapper element is needed */
  hb.registerHelper('ifShownInline', function (this: unknown, key: unknown, options: HelperOptions) {
    return new hb.SafeString(`${marker.show(String(key))}${options.fn(this)}${marker.close}`);
  });
  /** `{{#ifSlot "filterNote"}}…{{/ifSlot}}`: only when the recipient's value is set */
  hb.registerHelper('ifSlot', function (this: unknown, name: unknown, options: HelperOptions) {
    return new hb.SafeString(`${marker.ifSlot(String(name))}${options.fn(this)}${marker.close}`);
  });
  hb.registerHelper('refs', (refs: unknown) =>
    Array.isArray(refs) ? refs.map((n) => `[${String(n)}]`).join('') : '',
  );
}
