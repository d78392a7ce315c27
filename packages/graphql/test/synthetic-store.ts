import { openSyntheticStore as open } from '@sitrep/store/synthetic-store';

/** The store package's synthetic SQLite store, with this suite's size and seed. */
export const openSyntheticStore = (events = 400) => open({ events, seed: 7, label: 'graphql' });
