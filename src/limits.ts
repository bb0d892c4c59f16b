/**
 * Limits on what a user can hand cs-pay. Each keeps a broken or hostile input from
 * running away with time or memory; going past one is refused at once with one
 * sentence (exit 2 for flags and batch lines, exit 3 for model and offer files).
 * docs/reliability.md lists them.
 */

/**
 * Model and offer files. The built-in model is about 12 KB and an offer a few hundred
 * bytes; 128 KB holds ten models that size, and the worst YAML that size (thousands
 * of platforms, keys or aliases) is parsed and judged in about a second.
 */
export const MAX_FILE_BYTES = 128 * 1024;

/** One batch line. A request is a few hundred bytes (a year of month changes a few KB); the limit bounds the memory a line can take. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** One message to the tool server (`cs-pay mcp`): a call is a few KB; a longer message is refused (JSON-RPC -32600) and never held whole. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** Tool calls read and not yet answered: the server reads on only as answers go out, so memory stays flat however many a client pipelines. */
export const MAX_CALLS_IN_FLIGHT = 64;

/** Any amount, and any month's pay (each line and their sum): past this no customer-service job is modelled, and a year stays far below 2^53 fen. */
export const MAX_MONTH_YUAN = 100_000_000;

/** User input quoted back in a message: enough to recognise the value, short enough to keep the message one line. */
export const MAX_QUOTE_CHARS = 40;

/** A whole message: the longest we write (a hint listing every city) is a few hundred characters. */
export const MAX_MESSAGE_CHARS = 1000;

/** "Did you mean": identifiers are short, and the edit-distance table grows with the square of the length; nothing longer is a typo of one. */
export const MAX_SUGGEST_CHARS = 64;

/** Nesting of a YAML file or a batch line. The model nests 6 deep; the YAML parser recurses, so a deep file would cost seconds and then the stack. */
export const MAX_NESTING_DEPTH = 64;

/** Platforms extending platforms: the built-in model uses one step. A longer chain is a mistake, not a model. */
export const MAX_EXTENDS_CHAIN = 16;

/** Quote a user's value in a message: at most MAX_QUOTE_CHARS characters, one line. */
export function quote(value: unknown): string {
  const text = String(value);
  const chars = [...text.slice(0, MAX_QUOTE_CHARS * 2)];
  const short = chars.length > MAX_QUOTE_CHARS ? `${chars.slice(0, MAX_QUOTE_CHARS).join('')}…` : text;
  return short.replace(/[\r\n\t]+/g, ' ');
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);

/**
 * The last guard for messages built elsewhere: every '…'-quoted span is shortened
 * to MAX_QUOTE_CHARS and the whole to MAX_MESSAGE_CHARS, so no input is echoed at
 * length. A quote opens after a non-word character and closes before one, so the
 * apostrophes of "Xi'an" or "today's" are not quotes. One pass, linear in the message.
 */
export function clipMessage(message: string): string {
  let out = '';
  let copied = 0;
  let open = message.indexOf("'");
  while (open >= 0 && out.length <= MAX_MESSAGE_CHARS) {
    if (isWordChar(message[open - 1])) {
      open = message.indexOf("'", open + 1);
      continue;
    }
    let close = message.indexOf("'", open + 1);
    while (close >= 0 && isWordChar(message[close + 1])) close = message.indexOf("'", close + 1);
    if (close < 0) break;
    out += `${message.slice(copied, open + 1)}${quote(message.slice(open + 1, close))}'`;
    copied = close + 1;
    open = message.indexOf("'", copied);
  }
  out += message.slice(copied, copied + MAX_MESSAGE_CHARS + 1);
  return out.length > MAX_MESSAGE_CHARS ? `${out.slice(0, MAX_MESSAGE_CHARS)}…` : out;
}
