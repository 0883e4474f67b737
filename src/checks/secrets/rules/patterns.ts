/**
 * Builders for rule regexes. Kept tiny and linear: every repetition is bounded,
 * and no quantified group overlaps the next one, so no rule can backtrack
 * catastrophically (see test/checks/secrets/rules-redos.test.ts).
 */

/**
 * A value assigned to a name that mentions the provider: `DATADOG_API_KEY=…`,
 * `datadog_api_key: "…"`, `"datadogApiKey": "…"`, `dd-api-key: …`, `datadog.key = '…'`, and the
 * same with escaped quotes (JSON inside a string).
 * `name` is a regex source for the provider words; `secret` for the value.
 * Case-insensitive, so `secret` should list both cases where they matter.
 */
export function assigned(name: string, secret: string, end = '(?![\\w+/=-])'): RegExp {
  return new RegExp(
    `(?:${name})[\\w.-]{0,30}?[\\\\"'\\]]{0,3}(?:\\s{0,24}(?:=|:=|:|=>|,)\\s{0,24}|\\s{1,24})\\\\?["'\`]?(?<secret>${secret})${end}`,
    'i',
  );
}

/** A token that starts with a distinctive prefix: boundaries on both sides. */
export function prefixed(secret: string, end = '(?![\\w-])'): RegExp {
  return new RegExp(`(?<![\\w-])(?<secret>${secret})${end}`);
}
