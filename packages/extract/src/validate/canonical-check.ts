/**
 * A fast yes/no test of a record against a zod schema, for records that are already in the
 * schema's own shape: every key the schema declares present (no default left to fill), in the
 * schema's order, no key it does not declare, every value of the right type and every check
 * (min lengths, patterns, refinements) passing. For such a record, zod's parse returns a deep
 * copy that serialises byte for byte like the record itself, so the copy can be skipped.
 *
 * Why: zod's parse builds that copy, with a result object per field, and cost ≈ 10% of a whole
 * extraction. The test is compiled once from the schema's own definition (`_zod.def`) into
 * plain JavaScript (one function per object or array schema, `new Function`, as zod itself does
 * for objects), so the rules still live in one place, `@sitrep/schema`: refinements, and any
 * check not written out below, run through the schema's own check functions.
 *
 * A "no" is not an error: the caller then runs zod, which reports the problems or fills the
 * defaults. Any kind of schema this compiler does not know compiles to "no" (and `complete`
 * says so), so a schema change can only make validation slower, never laxer.
 */

/** The parts of a zod 4 schema's internals read here. */
interface SchemaLike {
  _zod: {
    def: {
      type: string;
      checks?: CheckLike[];
      shape?: Record<string, SchemaLike>;
      innerType?: SchemaLike;
      element?: SchemaLike;
      keyType?: SchemaLike;
      valueType?: SchemaLike;
      catchall?: unknown;
      coerce?: boolean;
      partial?: boolean;
    };
    traits: Set<string>;
    optin?: 'optional' | 'defaulted';
    optout?: 'optional';
    values?: Set<unknown>;
  };
}

interface CheckPayload {
  value: unknown;
  issues: unknown[];
}

interface CheckLike {
  _zod: {
    def: {
      check: string;
      when?: (payload: CheckPayload) => boolean;
      minimum?: number;
      value?: unknown;
      inclusive?: boolean;
      format?: string;
      pattern?: RegExp;
    };
    check: (payload: CheckPayload) => unknown;
  };
}

type Test = (value: unknown) => boolean;

export interface CanonicalCheck {
  /** true: `value` is valid and zod's parse would return an identical copy of it */
  test: Test;
  /** false when some part of the schema is of a kind this compiler does not handle (that part always answers "no") */
  complete: boolean;
}

/** One of the schema's checks, run exactly as zod runs it; true when it passes and leaves the value as it is. */
function runCheck(check: CheckLike, value: unknown): boolean {
  const payload: CheckPayload = { value, issues: [] };
  const when = check._zod.def.when;
  if (when && !when(payload)) return true;
  const result = check._zod.check(payload);
  // an async check, a problem, or a check that rewrites the value (trim, toLowerCase): not canonical
  return !(result instanceof Promise) && payload.issues.length === 0 && payload.value === value;
}

/**
 * Whether `for...in` over a plain object sees its own keys only: JSON leaves inherited keys out
 * and zod reads them, so a record may pass only when Object.prototype lends none (checked once
 * per record rather than with a hasOwn per key; objects are only passed with Object.prototype
 * or no prototype at all).
 */
function noInheritedKeys(): boolean {
  for (const _key in Object.prototype) return false;
  return true;
}

/**
 * The declared keys, in order (`.optional()` keys may be missing). Objects without optional
 * keys take a shorter inline loop.
 */
function keysInOrder(record: object, keys: readonly string[], mayBeAbsent: readonly boolean[]): boolean {
  let at = 0;
  for (const key in record) {
    while (at < keys.length && keys[at] !== key) {
      if (!mayBeAbsent[at] || (keys[at] as string) in record) return false;
      at++;
    }
    if (at === keys.length) return false;
    at++;
  }
  for (; at < keys.length; at++) if (!mayBeAbsent[at] || (keys[at] as string) in record) return false;
  return true;
}

export function compileCanonicalCheck(schema: unknown): CanonicalCheck {
  const compiler = new Compiler();
  const entry = compiler.functionFor(schema as SchemaLike);
  const constants = compiler.constants.map((_c, i) => `const c${i} = constants[${i}];`).join('\n');
  const source = `${constants}\n${compiler.functions.join('\n')}\nreturn ${entry};`;
  const make = new Function('constants', 'runCheck', 'keysInOrder', source);
  const test = make(compiler.constants, runCheck, keysInOrder) as Test;
  return { test: (value) => noInheritedKeys() && test(value), complete: compiler.complete };
}

/** A JS string literal for a key. */
const literal = (key: string): string => JSON.stringify(key);

class Compiler {
  /** values the generated code refers to (regexes, enum sets, check objects), as `c0`, `c1`, ... */
  readonly constants: unknown[] = [];
  readonly functions: string[] = [];
  complete = true;
  private readonly names = new Map<SchemaLike, string>();

  private constant(value: unknown): string {
    let i = this.constants.indexOf(value);
    if (i < 0) i = this.constants.push(value) - 1;
    return `c${i}`;
  }

  private unsupported(): string {
    this.complete = false;
    return 'false';
  }

  /** The name of a generated function `(v) => boolean` for `schema` (made once per schema). */
  functionFor(schema: SchemaLike): string {
    const known = this.names.get(schema);
    if (known) return known;
    const name = `t${this.names.size}`;
    // named before its body is made, so a schema that refers back to itself calls the function
    this.names.set(schema, name);
    this.functions.push(`function ${name}(v) { return ${this.test(schema, 'v')}; }`);
    return name;
  }

  /** A JS expression that is true when the value in variable `x` passes `schema` and its checks. */
  private test(schema: SchemaLike, x: string): string {
    const zod = schema._zod;
    // as zod runs them: the schema itself when it is a check (formats such as z.int()), then its checks
    const checks = [
      ...(zod.traits.has('$ZodCheck') ? [schema as unknown as CheckLike] : []),
      ...(zod.def.checks ?? []),
    ];
    return [this.typeTest(schema, x), ...checks.map((c) => this.check(c, x))].join(' && ');
  }

  private check(check: CheckLike, x: string): string {
    const def = check._zod.def;
    const generic = `runCheck(${this.constant(check)}, ${x})`;
    switch (def.check) {
      // zod counts code points only between the floor and twice the floor: a length of twice
      // the floor passes outright, anything else is left to zod's own check
      case 'min_length':
        return typeof def.minimum === 'number'
          ? `(${x}.length >= ${2 * def.minimum} || ${generic})`
          : generic;
      case 'greater_than':
        return typeof def.value === 'number' ? `${x} ${def.inclusive ? '>=' : '>'} ${def.value}` : generic;
      case 'less_than':
        return typeof def.value === 'number' ? `${x} ${def.inclusive ? '<=' : '<'} ${def.value}` : generic;
      case 'number_format':
        // a safe integer is what z.int() asks for; anything else gets zod's verdict
        return def.format === 'safeint' ? `(Number.isSafeInteger(${x}) || ${generic})` : generic;
      case 'string_format':
        // `.regex()` tests its pattern and nothing else (other formats may do more, e.g. url)
        if (def.format === 'regex' && def.pattern instanceof RegExp) {
          const re = this.constant(def.pattern);
          return `(${re}.lastIndex = 0, ${re}.test(${x}))`;
        }
        return generic;
      default:
        return generic;
    }
  }

  private typeTest(schema: SchemaLike, x: string): string {
    const def = schema._zod.def;
    if (def.coerce) return this.unsupported();
    switch (def.type) {
      case 'string':
        return `typeof ${x} === "string"`;
      case 'number':
        // zod's number rejects NaN and ±Infinity
        return `typeof ${x} === "number" && Number.isFinite(${x})`;
      case 'boolean':
        return `typeof ${x} === "boolean"`;
      case 'enum':
        return schema._zod.values ? `${this.constant(schema._zod.values)}.has(${x})` : this.unsupported();
      case 'nullable':
        return def.innerType
          ? `(${x} === null || ${this.functionFor(def.innerType)}(${x}))`
          : this.unsupported();
      case 'optional':
        if (!def.innerType) return this.unsupported();
        // zod puts a value in place of `undefined` only when the inner schema has a default
        return `(${x} === undefined ? ${def.innerType._zod.optin !== 'defaulted'} : ${this.functionFor(def.innerType)}(${x}))`;
      case 'default':
        // `undefined` would be replaced by the default: the record is not in its final shape
        return def.innerType
          ? `(${x} !== undefined && ${this.functionFor(def.innerType)}(${x}))`
          : this.unsupported();
      case 'array':
        return def.element ? `${this.arrayFunction(def.element)}(${x})` : this.unsupported();
      case 'record':
        // a partial record copies the keys in the input's order; a full one with an enum of
        // keys writes them in the enum's order, so only the partial kind is left as it is
        return def.partial && def.keyType && def.valueType
          ? `${this.recordFunction(def.keyType, def.valueType)}(${x})`
          : this.unsupported();
      case 'object':
        return !def.catchall && def.shape ? `${this.objectFunction(def.shape)}(${x})` : this.unsupported();
      default:
        return this.unsupported();
    }
  }

  private addFunction(body: string): string {
    const name = `s${this.functions.length}`;
    this.functions.push(`function ${name}(v) {\n${body}\n}`);
    return name;
  }

  private arrayFunction(element: SchemaLike): string {
    const each = this.functionFor(element);
    return this.addFunction(`if (!Array.isArray(v)) return false;
for (let i = 0; i < v.length; i++) if (!${each}(v[i])) return false;
return true;`);
  }

  private recordFunction(keyType: SchemaLike, valueType: SchemaLike): string {
    const key = this.functionFor(keyType);
    const value = this.functionFor(valueType);
    return this.addFunction(`${PLAIN_OBJECT}
if (Object.getOwnPropertySymbols(v).length > 0) return false;
for (const k of Object.getOwnPropertyNames(v)) {
  if (!Object.prototype.propertyIsEnumerable.call(v, k) || !${key}(k) || !${value}(v[k])) return false;
}
return true;`);
  }

  private objectFunction(shape: Record<string, SchemaLike>): string {
    const keys = Object.keys(shape);
    if (keys.includes('__proto__')) return this.unsupported();
    // zod writes nothing for a missing `.optional()` key; any other missing key is an error or a default
    const mayBeAbsent = keys.map(
      (k) => shape[k]?._zod.optin === 'optional' && shape[k]?._zod.optout === 'optional',
    );
    const order = mayBeAbsent.some(Boolean)
      ? `if (!keysInOrder(v, ${this.constant(keys)}, ${this.constant(mayBeAbsent)})) return false;`
      : `let at = 0;
for (const k in v) if (at === ${keys.length} || k !== ${this.constant(keys)}[at++]) return false;
if (at !== ${keys.length}) return false;`;
    const fields = keys.map((key, i) => {
      const test = this.functionFor(shape[key] as SchemaLike);
      return mayBeAbsent[i]
        ? `if (${literal(key)} in v && !${test}(v[${literal(key)}])) return false;`
        : `if (!${test}(v[${literal(key)}])) return false;`;
    });
    // a class instance, or a toJSON of its own, would serialise unlike zod's plain copy
    return this.addFunction(`${PLAIN_OBJECT}\n${order}\n${fields.join('\n')}\nreturn true;`);
  }
}

const PLAIN_OBJECT = `if (typeof v !== "object" || v === null) return false;
const proto = Object.getPrototypeOf(v);
if (proto !== Object.prototype && proto !== null) return false;`;
