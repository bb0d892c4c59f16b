/**
 * Display width without dependencies: East Asian wide and full-width
 * characters count two, colour codes nothing, the rest one (ambiguous-width
 * characters too, as most terminals draw them; --ascii avoids them). Cheap to
 * load and to call, for help text and for laying out every cell of a table.
 */
/** East Asian wide and full-width characters: two columns each. */
export const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function displayWidth(text: string): number {
  let width = 0;
  // eslint-disable-next-line no-control-regex
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, '')) width += WIDE.test(ch) ? 2 : 1;
  return width;
}
