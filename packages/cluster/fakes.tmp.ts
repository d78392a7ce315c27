import { extractAll } from '@sitrep/extract/extract-article';
import { readInputs } from '@sitrep/extract/read';

const want = new Set(process.argv.slice(2));
for await (const it of extractAll(readInputs(['/work/shared/datasets/fa-kes/FA-KES-Dataset.csv']))) {
  if (!it.ok || !want.has(it.article.origin.externalId ?? '')) continue;
  const a = it.article;
  console.log(
    '##',
    a.origin.externalId,
    a.outlet?.name,
    a.publishedAt.date,
    a.publishedAt.basis,
    '|',
    a.headline.slice(0, 90),
  );
  for (const e of a.events)
    console.log(
      '  ',
      e.kind,
      e.occurred.start,
      e.occurred.end,
      e.occurred.precision,
      '|',
      e.location?.placeId,
      e.location?.precision,
      '| k',
      e.casualties.killed?.best,
      e.casualties.killed?.qualifier,
      '| perp',
      e.participants
        .filter((p) => p.role === 'perpetrator')
        .map((p) => p.actor.id ?? p.actor.name)
        .join('+'),
      '|',
      e.claimIds.length,
    );
}
