import { rawArticleFromInput } from '@sitrep/ingest/article-input';
import { sharedArticleWorker } from '@sitrep/ingest/article-worker';
import type { Article } from '@sitrep/schema/article';
import { BadInputError, InvalidRecordError, SitrepError } from '@sitrep/schema/errors';
import type { Event } from '@sitrep/schema/event';
import type { ExtractedArticle } from '@sitrep/schema/extracted-article';
import { builder } from '../builder.ts';
import { dateArg } from '../dates.ts';
import { userError } from '../user-error.ts';
import { ArticleNode } from './article.ts';
import { EventNode } from './event.ts';

const ErrorInterface = builder.interfaceRef<SitrepError>('Error').implement({
  description: 'A failure the caller can fix, with a stable code (see the API README).',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong and what to do next.' }),
    code: t.exposeString('code', { description: 'Stable code, e.g. BAD_INPUT.' }),
  }),
});

builder.objectType(BadInputError, {
  name: 'BadInputError',
  description: 'The text could not be read as an article.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof BadInputError,
  fields: (t) => ({ source: t.exposeString('source', { description: 'Which input was refused.' }) }),
});

builder.objectType(InvalidRecordError, {
  name: 'InvalidRecordError',
  description: 'What was read from the text does not make a valid record.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InvalidRecordError,
  fields: (t) => ({ issues: t.exposeStringList('issues', { description: 'One line per problem.' }) }),
});

const IngestStatus = builder.enumType('IngestStatus', {
  description: 'What ingesting did to the store.',
  values: {
    NEW: { description: 'The article was not stored before.' },
    CHANGED: { description: 'An article from the same origin was replaced.' },
    UNCHANGED: { description: 'The same text was already stored; nothing changed.' },
  },
});

type Payload = { article: Article; events: Event[]; status: 'NEW' | 'CHANGED' | 'UNCHANGED' };
const IngestPayload = builder.objectRef<Payload>('IngestArticlePayload').implement({
  description: 'The stored article and the events read from it.',
  fields: (t) => ({
    article: t.field({ type: ArticleNode, description: 'The article as stored.', resolve: (p) => p.article }),
    events: t.field({ type: [EventNode], description: 'The events read from it.', resolve: (p) => p.events }),
    status: t.field({ type: IngestStatus, description: 'Whether it was new.', resolve: (p) => p.status }),
  }),
});

const IngestArticleInput = builder.inputType('IngestArticleInput', {
  description: 'One news report to read and store.',
  fields: (t) => ({
    text: t.string({ required: true, description: 'The full text; it may start with YAML front matter.' }),
    url: t.string({ description: 'Where it was published.' }),
    outlet: t.string({ description: 'Who published it (name or slug).' }),
    publishedAt: t.string({ description: 'Publication day (YYYY-MM-DD) when the caller knows it.' }),
  }),
});

builder.mutationFields((t) => ({
  ingestArticle: t.field({
    type: IngestPayload,
    description:
      'Read an article, store it with its claims and events, cluster its events with the reports already stored (so `events { canonical }` answers at once), and tell subscribers. Needs an API key.',
    errors: {
      types: [BadInputError, InvalidRecordError],
      directResult: true,
      union: { name: 'IngestArticleResult', description: 'The stored article, or why it was refused.' },
    },
    args: { input: t.arg({ type: IngestArticleInput, required: true, description: 'The article.' }) },
    resolve: async (_root, { input }, ctx) => {
      if (!ctx.canMutate)
        throw userError(
          'UNAUTHENTICATED',
          'ingestArticle needs an API key: send "authorization: Bearer <key>" or "x-api-key: <key>" with a key from SITREP_API_KEYS.',
        );
      if (!input.text.trim())
        throw new BadInputError('input.text', 'the text is empty; send the article body.');
      const { raw, warnings } = rawArticleFromInput(
        {
          text: input.text,
          url: input.url ?? null,
          outlet: input.outlet ?? null,
          publishedAt: dateArg('input.publishedAt', input.publishedAt) ?? null,
        },
        'ingestArticle input.text',
      );
      // The pipeline `sitrep ingest` runs, on one article: extracted in the article worker (off
      // this event loop), stored with the places and actors it names, and clustered before the
      // answer, so the payload's events already show their canonical event.
      const { ingest } = await import('@sitrep/ingest/ingest');
      const outcome: { stored?: ExtractedArticle; refused?: SitrepError } = {};
      const counts = await ingest(ctx.store, [{ ok: true, raw, warnings }], {
        worker: ctx.ingest.worker ?? sharedArticleWorker(),
        maxArticleBytes: ctx.ingest.maxArticleBytes,
        onRecord: (record) => {
          outcome.stored = record;
        },
        onProblem: (_source, _message, error) => {
          outcome.refused = error;
        },
      });
      const { stored, refused } = outcome;
      if (refused) throw asRefusal(refused);
      if (!stored) throw new Error('ingest neither stored nor refused the article');
      const status: Payload['status'] = counts.new > 0 ? 'NEW' : counts.changed > 0 ? 'CHANGED' : 'UNCHANGED';
      const [article] = await ctx.store.articlesByIds([stored.id]);
      const [events = []] = await ctx.store.eventsForArticles([stored.id]);
      if (!article) throw new Error(`article ${stored.id} was ingested but cannot be read back`);
      if (status !== 'UNCHANGED') {
        await ctx.dataChanged();
        if (events.length)
          await ctx.events.publish({ articleId: article.id, eventIds: events.map((e) => e.id) });
      }
      return { article, events, status };
    },
  }),
}));

/**
 * A refusal as the caller sees it: the text's problem names `input.text` (the pipeline names an
 * article by its origin, which a request does not have); an invalid record keeps its issues.
 */
function asRefusal(error: SitrepError): SitrepError {
  if (error instanceof BadInputError) return new BadInputError('input.text', error.reason);
  if (error instanceof InvalidRecordError) return error;
  return new SitrepError(error.code, error.message);
}
