export const USAGE = `sitrep digest — the daily situation report

Usage:
  sitrep digest --date YYYY-MM-DD --out DIR [--force]   write DIR/DATE.html, .txt and .eml
  sitrep digest --all --out DIR                         every day with events, plus DIR/index.html
  sitrep digest send --date YYYY-MM-DD --smtp smtp://host:port --subscribers FILE
                [--concurrency 4] [--attempts 5] [--force]
  sitrep digest send --date YYYY-MM-DD --smtp URL      without --subscribers: the store's confirmed subscribers
  sitrep digest schedule --smtp URL [--once] [--every 60] [--now ISO-TIME]
                each subscriber's edition (yesterday's issue) at their local hour, once per edition
  sitrep digest bounces FILE...                         suppress the addresses that DSNs and abuse
                                                        reports (mbox or .eml) name
  sitrep digest preview [--port 4001]                   archive and issues on http://localhost:4001

Data: GraphQL operations run in-process over the store (SITREP_DB or DATABASE_URL) by default;
  --api URL runs them against a Sitrep server instead; --fixtures uses the seed days built in.
Subscribers: a JSON array or a CSV file (name,email,timezone,kinds,places,actors; lists split by ";").
Settings: SITREP_DIGEST_FROM, SITREP_PUBLIC_URL, SITREP_SMTP_URL, SITREP_DKIM_KEY (+ _DOMAIN, _SELECTOR),
  SITREP_DIGEST_SECRET, SITREP_UNSUBSCRIBE_MAILTO, SITREP_API_URL, SITREP_DIGEST_PORT. See apps/digest/README.md.`;
