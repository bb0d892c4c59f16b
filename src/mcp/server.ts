/**
 * `cs-pay mcp`: the calculator as a Model Context Protocol server over stdio.
 * Each tool is a library function: its input is the options object, its result
 * the `--json` object (structured content) with a short summary. Loaded only by
 * this command, so the SDK and zod cost the other commands nothing.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  type CallToolResult, CallToolRequestSchema, InitializeRequestSchema, type JSONRPCMessage, ListToolsRequestSchema, PingRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { CsPayError, describe, m, ModelError, UsageError } from '../errors.js';
import { type Localized, type MessageKey, msg, say } from '../i18n/messages.js';
import { clipMessage, quote } from '../limits.js';
import { describeWriteFailure } from '../io/write.js';
import * as lib from '../index.js';
import builtin from '../model/builtin-dev.js';
import { loadModel } from '../model/load-data.js';
import type { Settings } from '../options.js';
import type { Lang } from '../result.js';
import type { Io } from '../io/io.js';
import type { RawOptions } from '../request/keys.js';
import { toolSchemas } from './schema.js';
import { summarise } from './summary.js';
import { INVALID_PARAMS, LineTransport, type Refusal } from './transport.js';

declare const CS_PAY_VERSION: string | undefined;
const VERSION = typeof CS_PAY_VERSION === 'string' ? CS_PAY_VERSION : '0.0.0-dev';

const TOOLS = {
  estimate: {
    title: 'Estimate a customer-service job\'s pay',
    description: 'Pay of a customer-service job in a Chinese city from cs-pay\'s sourced compensation model: gross pay line by line '
      + '(base, performance, night shifts, overtime…), then social insurance, housing fund, income tax withheld month by month, '
      + 'the annual reconciliation and take-home. Needs city and level. Amounts are yuan a month unless a key says otherwise.',
    run: (o: RawOptions, s: Settings) => lib.estimate(o as never, s),
  },
  net: {
    title: 'Take-home from a monthly gross',
    description: 'Take-home pay from a known monthly gross in a Chinese city: social insurance, housing fund, income tax withheld '
      + 'month by month, the annual reconciliation. Needs gross, and city (or insurance, the monthly total).',
    run: (o: RawOptions, s: Settings) => lib.net(o as never, s),
  },
  gross: {
    title: 'Gross needed for a take-home',
    description: 'The monthly gross needed for a target average monthly take-home (net), wages only. Needs net, and city (or insurance). '
      + 'The answer is gross.monthly.',
    run: (o: RawOptions, s: Settings) => lib.gross(o as never, s),
  },
  compare: {
    title: 'Compare two job offers',
    description: 'Two offers side by side: each priced as estimate (city, level, …) or net (city, gross), with probation, sign-on bonus, '
      + 'first-year take-home and take-home per hour; delta = B − A, and a verdict. Other keys apply to both offers.',
    run: (o: RawOptions, s: Settings) => lib.compare(o as never, s),
  },
  cities: {
    title: 'Cities cs-pay knows',
    description: 'The cities with social-insurance and housing-fund rules on file: ids, English and Chinese names, aliases.',
    run: (_o: RawOptions, s: Settings) => lib.cities(s),
  },
  rules: {
    title: 'Law figures in force',
    description: 'Every law figure in force for a city on a date (contribution rates and bases, housing fund, minimum wage, tax brackets, '
      + 'deductions), each with its value, period, source document and confidence.',
    run: (o: RawOptions, s: Settings) => lib.rules(o as never, s),
  },
} as const;

/** A server whose tools run on `settings` (a custom model as YAML text, today's date); `file` names the model in errors. */
export function createServer(settings: Settings, file = 'model'): McpServer {
  const model = settings.model === undefined ? builtin.model : readModel(settings.model, file);
  const schemas = toolSchemas(model);
  const server = new McpServer({ name: 'cs-pay', version: VERSION });
  for (const [name, tool] of Object.entries(TOOLS) as [keyof typeof TOOLS, (typeof TOOLS)[keyof typeof TOOLS]][]) {
    server.registerTool(name, {
      title: tool.title,
      description: tool.description,
      inputSchema: schemas[name],
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    }, (args: RawOptions) => callTool(() => {
      // The server reads no files for its callers: a cities file comes as an object.
      if (typeof args.cities === 'string') throw new UsageError(m('e:cities-path'), m('hint:cities-path'));
      return tool.run(args, settings);
    }, args.lang === 'zh' ? 'zh' : 'en'));
  }
  return server;
}

function callTool(run: () => unknown, lang: Lang): CallToolResult {
  try {
    const value = run() as Record<string, unknown>;
    // The JSON goes as text too, for clients that read only the content (MCP: "SHOULD").
    return {
      structuredContent: value,
      content: [{ type: 'text', text: summarise(value, lang) }, { type: 'text', text: JSON.stringify(value) }],
    };
  } catch (e) {
    const said = e instanceof CsPayError ? describe(e, lang) : undefined;
    const text = said
      ? `${said.message}${said.hint ? ` ${said.hint}` : ''}`
      : `internal error: ${clipMessage(String((e as Error)?.message ?? e))}. This is a bug in cs-pay; please report it with the tool call.`;
    return { isError: true, content: [{ type: 'text', text }] };
  }
}

function readModel(text: string, file: string) {
  try {
    return loadModel(text, file, builtin.model.cities);
  } catch (e) {
    if (e instanceof CsPayError) throw e;
    throw new ModelError(`${file}: ${(e as Error).message}`);
  }
}

/** Requests whose params the SDK would answer with -32603 and a validator dump: checked first, answered -32602 in one sentence. */
const REQUESTS: Record<string, { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; code: string; expected?: string; message: string }[] } } }> = {
  initialize: InitializeRequestSchema,
  ping: PingRequestSchema,
  'tools/list': ListToolsRequestSchema,
  'tools/call': CallToolRequestSchema,
};

const EXPECTED: Record<string, string> = { record: 'got:object', object: 'got:object', string: 'got:string', number: 'got:number', array: 'got:list', boolean: 'got:switch' };

export function checkRequest(message: JSONRPCMessage): Refusal | undefined {
  const method = (message as { method?: string }).method ?? '';
  const schema = Object.hasOwn(REQUESTS, method) ? REQUESTS[method] : undefined;
  const parsed = schema?.safeParse(message);
  if (!parsed || parsed.success) return undefined;
  const issue = parsed.error!.issues[0];
  let value: unknown = message;
  for (const key of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  const want = issue.expected && EXPECTED[issue.expected];
  const problem = value === undefined
    ? msg('rpc:missing', 'en')
    : want ? msg('rpc:is-not', 'en', { got: say(kindOfJson(value), 'en'), want: msg(want as MessageKey, 'en') }) : issue.message.replace(/\.$/, '');
  const path = quote(issue.path.map(String).join('.') || 'params');
  return { code: INVALID_PARAMS, message: msg('rpc:params', 'en', { method: quote(method), path, problem }) };
}

const kindOfJson = (v: unknown): Localized =>
  m(v === null ? 'got:null' : typeof v === 'string' ? 'got:string' : typeof v === 'number' ? 'got:number' : typeof v === 'boolean' ? 'got:switch' : Array.isArray(v) ? 'got:list' : 'got:object');

/**
 * Serve on stdin/stdout until the client closes stdin. As the CLI (CONTRACT, "Output
 * that cannot be written"): a closed output ends the server quietly with exit 0; any
 * other write failure (a full disk) is one sentence and exit 2.
 */
export async function mcpCommand(o: RawOptions, io: Io): Promise<number> {
  const file = o.model === undefined ? undefined : String(o.model);
  const model = file === undefined ? undefined : (await import('../request/read-file.js')).readText(io, file, 'model file');
  // A bad model file fails here, before serving (exit 3). Today is taken at each call, as a
  // server may run for days; CS_PAY_TODAY pins it, as for the other commands.
  const server = createServer({ model, date: io.env.CS_PAY_TODAY }, file);
  const transport = new LineTransport(process.stdin, process.stdout, checkRequest);
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
  });
  await server.connect(transport);
  await closed;
  const failure = transport.failure;
  if (failure === undefined || failure.code === 'EPIPE') return 0;
  io.stderr(`cs-pay: ${describeWriteFailure(failure)}\n`);
  return 2;
}
