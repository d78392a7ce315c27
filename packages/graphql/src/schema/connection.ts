import { builder } from '../builder.ts';

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items match, ignoring paging.',
    resolve: (connection) => connection.totalCount,
  }),
);
