import type { Article } from '@sitrep/schema/article';
import { type Event, ParticipantRole } from '@sitrep/schema/event';
import { EVENT_KINDS, type EventKindInfo, eventKindInfo } from '@sitrep/schema/event-kinds';
import type { Place } from '@sitrep/schema/place';
import { builder } from '../builder.ts';
import type { SitrepContext } from '../context.ts';
import { enumFrom } from '../enum-from.ts';
import { present } from '../page-args.ts';
import { ArticleNode, DatePrecisionEnum } from './article.ts';
import { Casualties, EvidenceRef } from './casualties.ts';
import { ActorMention, ClaimNode, claimsForEvent } from './claim.ts';
import { LocationPrecisionEnum, PlaceNode } from './place.ts';

export const EventKindEnum = enumFrom(
  'EventKind',
  'What happened, from Sitrep’s taxonomy (mapped to ACLED and CAMEO).',
  EVENT_KINDS.map((k) => k.kind),
  (kind) => EVENT_KINDS.find((k) => k.kind === kind)?.label ?? kind,
);
const TenseEnum = enumFrom('Tense', 'Whether the event happened or is announced for later.', [
  'past',
  'scheduled',
] as const);
const RoleEnum = enumFrom('ParticipantRole', 'The part an actor plays in an event.', ParticipantRole.options);

const Codes = builder.objectRef<EventKindInfo>('EventCodes').implement({
  description: 'The event kind in standard codebooks: ACLED (2023) and CAMEO (1.1b3).',
  fields: (t) => ({
    family: t.exposeString('family', {
      description: 'Sitrep’s family: violence, humanitarian, diplomacy...',
    }),
    label: t.exposeString('label', { description: 'A readable name for the kind.' }),
    acledEventType: t.string({
      nullable: true,
      description: 'ACLED event type.',
      resolve: (k) => k.acled?.[0] ?? null,
    }),
    acledSubEventType: t.string({
      nullable: true,
      description: 'ACLED sub-event type.',
      resolve: (k) => k.acled?.[1] ?? null,
    }),
    cameo: t.string({ nullable: true, description: 'CAMEO event code.', resolve: (k) => k.cameo }),
    note: t.string({
      nullable: true,
      description: 'Why a nearest code was chosen, where one was.',
      resolve: (k) => k.note,
    }),
  }),
});

const Occurred = builder.objectRef<Event['occurred']>('Occurred').implement({
  description: 'When it happened, as precisely as the text allows; null dates always carry a reason.',
  fields: (t) => ({
    start: t.exposeString('start', { nullable: true, description: 'First day (YYYY-MM-DD).' }),
    end: t.exposeString('end', { nullable: true, description: 'Last day (YYYY-MM-DD).' }),
    precision: t.expose('precision', {
      type: DatePrecisionEnum,
      description: 'How finely the date is known.',
    }),
    tense: t.expose('tense', { type: TenseEnum, description: 'Past, or announced for later.' }),
    text: t.exposeString('text', { nullable: true, description: 'The words the date was read from.' }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why the date is missing or coarse.' }),
  }),
});

export const Location = builder.objectRef<NonNullable<Event['location']>>('EventLocation').implement({
  description: 'Where it happened, as named in the text, with the gazetteer place when resolved.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The place as the text names it.' }),
    precision: t.expose('precision', {
      type: LocationPrecisionEnum,
      description: 'How precisely it is placed.',
    }),
    geoPrecision: t.int({
      nullable: true,
      description:
        "ACLED's geo precision: 1 the place itself, 2 near it or a part of a region, 3 only the province (first-level division) is known. Null when not known, as for records extracted before it.",
      resolve: (l) => l.geoPrecision ?? null,
    }),
    place: t.field({
      type: PlaceNode,
      nullable: true,
      description: 'The known place.',
      // the record itself when cached (no promise), else its id for the place dataloader
      resolve: (l, _args, ctx) => (l.placeId && ctx.records?.peek<Place>('place', l.placeId)) || l.placeId,
    }),
  }),
});

const Participant = builder.objectRef<Event['participants'][number]>('Participant').implement({
  description: 'An actor taking part in an event, and in which role.',
  fields: (t) => ({
    role: t.expose('role', { type: RoleEnum, description: 'Perpetrator, target, mediator...' }),
    actor: t.field({
      type: ActorMention,
      description: 'Who, as named and as resolved.',
      resolve: (p) => p.actor,
    }),
  }),
});

const Vote = builder.objectRef<NonNullable<Event['vote']>>('VoteCount').implement({
  description: 'The counts of a vote, where the text gives them.',
  fields: (t) => ({
    yes: t.exposeInt('yes', { nullable: true, description: 'Votes in favour.' }),
    no: t.exposeInt('no', { nullable: true, description: 'Votes against.' }),
    abstain: t.exposeInt('abstain', { nullable: true, description: 'Abstentions.' }),
  }),
});

export const EventNode = builder.loadableNode('Event', {
  description:
    'One event as one article reports it: what, when, where, who, how many, and from which sentences.',
  id: { resolve: (event) => event.id },
  load: (ids: string[], ctx: SitrepContext) => ctx.store.eventsByIds(ids).then(present),
  sort: (event) => event.id,
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'The store id (`evt_…`).' }),
    kind: t.expose('kind', { type: EventKindEnum, description: 'What happened.' }),
    codes: t.field({
      type: Codes,
      description: 'ACLED and CAMEO codes for the kind.',
      resolve: (e) => eventKindInfo(e.kind),
    }),
    summary: t.exposeString('summary', { description: 'One readable sentence.' }),
    occurred: t.expose('occurred', { type: Occurred, description: 'When, with precision and tense.' }),
    location: t.expose('location', {
      type: Location,
      nullable: true,
      description: 'Where; null when the text does not say.',
    }),
    participants: t.field({
      type: [Participant],
      description: 'Who took part, with roles.',
      resolve: (e) => e.participants,
    }),
    casualties: t.field({ type: Casualties, description: 'Killed, injured and missing.', resolve: (e) => e }),
    count: t.exposeInt('count', {
      nullable: true,
      description: 'How many of the event, e.g. "20 airstrikes".',
    }),
    vote: t.expose('vote', { type: Vote, nullable: true, description: 'Vote counts, for votes.' }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The sentences it was read from.',
      resolve: (e) => e.evidence,
    }),
    article: t.field({
      type: ArticleNode,
      description: 'The article reporting it.',
      // the record itself when cached (no promise), else its id for the article dataloader
      resolve: (e, _args, ctx) => ctx.records?.peek<Article>('article', e.articleId) || e.articleId,
    }),
    claims: t.field({
      type: [ClaimNode],
      description: 'The attributed statements it rests on.',
      resolve: (e, _args, ctx) => claimsForEvent(ctx).load(e.id),
    }),
  }),
});
