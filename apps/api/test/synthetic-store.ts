import { openSyntheticStore as open } from '@sitrep/store/synthetic-store';

/** The store package's synthetic SQLite store, with this suite's size and seed. */
export const openSyntheticStore = (events = 200) => open({ events, seed: 3, label: 'api' });
