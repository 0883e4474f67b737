// JSONC (JSON with comments and trailing commas, as bun.lock writes it) to strict JSON for
// JSON.parse. Removed characters become spaces and newlines stay, so JSON.parse's error
// positions still point at the right line of the original text.

export function jsoncToJson(text: string): string {
  const out = text.split('');
  let index = 0;
  let pendingComma = -1; // a comma seen outside strings, dropped if only `}`/`]` follows it
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      pendingComma = -1;
      index++;
      while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      index++;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') out[index++] = ' ';
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      const stop = end === -1 ? text.length : end + 2;
      for (; index < stop; index++) if (text[index] !== '\n') out[index] = ' ';
    } else {
      if (char === ',') pendingComma = index;
      else if ((char === '}' || char === ']') && pendingComma !== -1) out[pendingComma] = ' ';
      if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r' && char !== ',') pendingComma = -1;
      index++;
    }
  }
  return out.join('');
}
