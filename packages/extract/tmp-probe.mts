import { extractArticle } from './src/extract-article.ts';
import { rawArticleFromText } from './src/read/front-matter.ts';
const texts = process.argv.slice(2);
for (const body of texts) {
  const text = `---\npublishedAt: 2026-01-20\n---\nReport\n\n${body}\n`;
  const a = extractArticle(rawArticleFromText(text, { path: 'test.md' }).raw);
  console.log(JSON.stringify(a.events.map((e) => [e.kind, e.casualties?.killed?.best, e.location?.name, e.date])));
}
