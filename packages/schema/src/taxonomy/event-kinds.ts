/**
 * Sitrep's event taxonomy, kept as data.
 *
 * Sources for the mappings:
 * - ACLED event types and sub-event types: ACLED Codebook (2023), section 3, "Event types".
 * - CAMEO codes: Schrodt, "CAMEO Conflict and Mediation Event Observations Event and Actor
 *   Codebook", version 1.1b3 (2012), chapter 2.
 * `acled`/`cameo` are null where the source has no category for the kind; `note` says so when a
 * nearest code was chosen. Changing a kind's name is a breaking change to the public contracts.
 */
export const EVENT_KINDS = [
  // --- Violence ---------------------------------------------------------------------------
  {
    kind: 'airstrike',
    family: 'violence',
    label: 'Air strike',
    acled: ['Explosions/Remote violence', 'Air/drone strike'],
    cameo: '195',
    note: null,
  },
  {
    kind: 'drone_strike',
    family: 'violence',
    label: 'Drone strike',
    acled: ['Explosions/Remote violence', 'Air/drone strike'],
    cameo: '195',
    note: "ACLED files drones with air strikes; kept apart because today's wars are fought with them",
  },
  {
    kind: 'barrel_bomb',
    family: 'violence',
    label: 'Barrel bomb',
    acled: ['Explosions/Remote violence', 'Air/drone strike'],
    cameo: '195',
    note: 'ACLED codes barrel bombs dropped from helicopters as air strikes',
  },
  {
    kind: 'shelling',
    family: 'violence',
    label: 'Shelling, artillery or missile attack',
    acled: ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
    cameo: '194',
    note: null,
  },
  {
    kind: 'chemical_attack',
    family: 'violence',
    label: 'Chemical attack',
    acled: ['Explosions/Remote violence', 'Chemical weapon'],
    cameo: '2041',
    note: null,
  },
  {
    kind: 'bombing',
    family: 'violence',
    label: 'Bombing (IED, car or suicide bomb)',
    acled: ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
    cameo: '183',
    note: 'suicide bombings are ACLED "Suicide bomb"; the text decides',
  },
  {
    kind: 'armed_clash',
    family: 'violence',
    label: 'Armed clash',
    acled: ['Battles', 'Armed clash'],
    cameo: '190',
    note: null,
  },
  {
    kind: 'territorial_change',
    family: 'violence',
    label: 'Territory taken or retaken',
    acled: ['Battles', 'Government regains territory'],
    cameo: '192',
    note: 'ACLED splits by who gains: "Non-state actor overtakes territory" when rebels advance',
  },
  {
    kind: 'attack',
    family: 'violence',
    label: 'Attack (means not reported)',
    acled: ['Violence against civilians', 'Attack'],
    cameo: '190',
    note: null,
  },
  {
    kind: 'siege',
    family: 'humanitarian',
    label: 'Siege or blockade',
    acled: null,
    cameo: '191',
    note: 'ACLED has no siege type; it codes the violence within one',
  },
  {
    kind: 'property_destruction',
    family: 'violence',
    label: 'Destruction of property',
    acled: ['Strategic developments', 'Looting/property destruction'],
    cameo: null,
    note: null,
  },
  // --- Humanitarian -----------------------------------------------------------------------
  {
    kind: 'evacuation',
    family: 'humanitarian',
    label: 'Evacuation',
    acled: ['Strategic developments', 'Other'],
    cameo: null,
    note: 'no CAMEO verb for evacuation',
  },
  {
    kind: 'displacement',
    family: 'humanitarian',
    label: 'Displacement',
    acled: null,
    cameo: null,
    note: 'ACLED and CAMEO do not code displacement',
  },
  {
    kind: 'detention',
    family: 'humanitarian',
    label: 'Arrest or detention',
    acled: ['Strategic developments', 'Arrests'],
    cameo: '173',
    note: null,
  },
  {
    kind: 'disappearance',
    family: 'humanitarian',
    label: 'People missing or forcibly disappeared',
    acled: ['Violence against civilians', 'Abduction/forced disappearance'],
    cameo: '181',
    note: null,
  },
  {
    kind: 'aid_delivery',
    family: 'humanitarian',
    label: 'Aid delivery or access',
    acled: null,
    cameo: '073',
    note: null,
  },
  {
    kind: 'humanitarian_pause',
    family: 'humanitarian',
    label: 'Humanitarian pause',
    acled: ['Strategic developments', 'Agreement'],
    cameo: '0871',
    note: 'a short truce for aid or evacuation',
  },
  // --- Ceasefires -------------------------------------------------------------------------
  {
    kind: 'ceasefire_declared',
    family: 'diplomacy',
    label: 'Ceasefire declared',
    acled: ['Strategic developments', 'Agreement'],
    cameo: '0871',
    note: null,
  },
  {
    kind: 'ceasefire_violated',
    family: 'diplomacy',
    label: 'Ceasefire violated',
    acled: null,
    cameo: '196',
    note: 'ACLED codes the violence itself',
  },
  {
    kind: 'ceasefire_collapsed',
    family: 'diplomacy',
    label: 'Ceasefire collapsed',
    acled: null,
    cameo: '196',
    note: null,
  },
  // --- Diplomacy --------------------------------------------------------------------------
  {
    kind: 'diplomatic_meeting',
    family: 'diplomacy',
    label: 'Diplomatic meeting or talks',
    acled: null,
    cameo: '040',
    note: 'CAMEO 044 when at a third location, 046 for negotiation',
  },
  { kind: 'phone_call', family: 'diplomacy', label: 'Phone call', acled: null, cameo: '041', note: null },
  {
    kind: 'un_vote',
    family: 'diplomacy',
    label: 'UN vote',
    acled: null,
    cameo: null,
    note: 'no CAMEO verb for a vote; counts are in `vote`',
  },
  {
    kind: 'veto',
    family: 'diplomacy',
    label: 'Veto',
    acled: null,
    cameo: '120',
    note: 'nearest CAMEO: 120 Reject',
  },
  { kind: 'statement', family: 'diplomacy', label: 'Statement', acled: null, cameo: '010', note: null },
  {
    kind: 'accusation',
    family: 'diplomacy',
    label: 'Accusation or blame',
    acled: null,
    cameo: '112',
    note: null,
  },
  {
    kind: 'visit_cancelled',
    family: 'diplomacy',
    label: 'Visit cancelled',
    acled: null,
    cameo: '160',
    note: 'nearest CAMEO: 16 Reduce relations',
  },
  {
    kind: 'arms_policy',
    family: 'diplomacy',
    label: 'Arms supply policy',
    acled: null,
    cameo: '072',
    note: 'CAMEO 072 Provide military aid; easing or restricting arms supplies',
  },
  {
    kind: 'protest',
    family: 'diplomacy',
    label: 'Protest',
    acled: ['Protests', 'Peaceful protest'],
    cameo: '140',
    note: null,
  },
] as const;

export type EventKindName = (typeof EVENT_KINDS)[number]['kind'];
export type EventFamily = (typeof EVENT_KINDS)[number]['family'];
export type EventKindInfo = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_NAMES = EVENT_KINDS.map((k) => k.kind) as [EventKindName, ...EventKindName[]];

const byName = new Map<string, EventKindInfo>(EVENT_KINDS.map((k) => [k.kind, k]));

/** The taxonomy entry for a kind; throws on a name that is not in the taxonomy. */
export function eventKindInfo(kind: EventKindName): EventKindInfo {
  const info = byName.get(kind);
  if (!info) throw new Error(`unknown event kind "${kind}"`);
  return info;
}
