import { builder } from '../builder.ts';
import { userError } from '../user-error.ts';

/**
 * `subscribe`: the daily digest's sign-up, as the /subscribe form does it (double opt-in through
 * `ctx.mailingList`, which the API server provides when it can send mail). Open to anyone: a
 * sign-up only mails a confirmation link, and the answer is the same whoever the address
 * belongs to, so it tells nobody who is on the list.
 */
interface SubscribeResult {
  accepted: boolean;
  message: string;
  problems: string[];
}

const SubscribePayload = builder.objectRef<SubscribeResult>('SubscribePayload').implement({
  description: 'What became of a sign-up.',
  fields: (t) => ({
    accepted: t.exposeBoolean('accepted', {
      description:
        'True when the input was good: a confirmation link is on its way (or, for an address already subscribed, its preferences link).',
    }),
    message: t.exposeString('message', { description: 'What happens next, for a person to read.' }),
    problems: t.exposeStringList('problems', {
      description: 'When not accepted: each field that needs fixing and how.',
    }),
  }),
});

const SubscribeInput = builder.inputType('SubscribeInput', {
  description: 'Who signs up and what they want; everything but the address may be left out.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The address to send the digest to.' }),
    name: t.string({ description: 'How the digest greets them.' }),
    timezone: t.string({ description: 'IANA time zone, e.g. Europe/London (default UTC).' }),
    sendHour: t.int({ description: 'Local hour the digest is sent at, 0–23 (default 7).' }),
    cadence: t.string({ description: '"daily" (default) or "weekly".' }),
    kinds: t.stringList({ description: 'Event kinds or families to follow, e.g. airstrike, diplomacy.' }),
    countries: t.stringList({ description: 'Countries to follow.' }),
    places: t.stringList({ description: 'Places to follow (each includes what lies inside it).' }),
    actors: t.stringList({ description: 'Actors to follow.' }),
    minKilled: t.int({ description: 'Only stories with at least this many reported killed.' }),
  }),
});

builder.mutationFields((t) => ({
  subscribe: t.field({
    type: SubscribePayload,
    description:
      'Sign an address up for the daily digest. Double opt-in: a confirmation link is emailed and nothing else is sent until it is followed. Needs no API key.',
    args: { input: t.arg({ type: SubscribeInput, required: true, description: 'The sign-up.' }) },
    resolve: async (_root, { input }, ctx) => {
      if (!ctx.mailingList)
        throw userError(
          'FORBIDDEN',
          'sign-up is not offered by this server (it has no mailing list set up).',
        );
      const result = await ctx.mailingList.signUp(input);
      return result.ok
        ? { accepted: true, message: result.message, problems: [] }
        : {
            accepted: false,
            message: 'Nothing was stored: fix the problems and send again.',
            problems: result.problems,
          };
    },
  }),
}));
