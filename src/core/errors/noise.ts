/**
 * Named table of console noise around a pasted error. A rule either drops the
 * whole line, strips a prefix (applied repeatedly: `2024-01-01 10:00:00 [7] ERROR`),
 * or keeps only the identifiers a line carries (PowerShell `+ CategoryInfo`).
 */

export type NoiseAction = 'drop' | 'strip-prefix' | 'identifiers-only';

export interface NoiseRule {
  name: string;
  action: NoiseAction;
  /** Tested against the line without leading whitespace; for strip-prefix the match is removed. */
  re: RegExp;
  /** Only lines at most this long (greetings), to keep article prose safe. */
  maxLength?: number;
}

const LEVELS = 'INFO|INFORMATION|WARN|WARNING|ERROR|ERR|DEBUG|DBG|TRACE|FATAL|CRITICAL|CRIT|VERBOSE|NOTICE|FAIL';

export const NOISE_RULES: readonly NoiseRule[] = [
  { name: 'ps-position', action: 'drop', re: /^At (?:line:\d+ char:\d+|[^\n]*:\d+ char:\d+)\s*$/i },
  { name: 'ps-underline', action: 'drop', re: /^\+?\s*~{2,}\s*$/ },
  { name: 'ps-echo', action: 'drop', re: /^\+ (?!CategoryInfo|FullyQualifiedErrorId)[^:]*$/ },
  // A shell's trace of a command run inside another (`set -x`: "++ seq 1 120").
  { name: 'xtrace-nested', action: 'drop', re: /^\+{2,} \S/ },
  { name: 'ps-category', action: 'identifiers-only', re: /^\+?\s*CategoryInfo\s*:/i },
  { name: 'ps-fqid', action: 'identifiers-only', re: /^\+?\s*FullyQualifiedErrorId\s*:/i },
  { name: 'ps-prompt', action: 'drop', re: /^PS [A-Za-z]:\\?[^>]*>/ },
  { name: 'cmd-prompt', action: 'drop', re: /^[A-Za-z]:\\?[^>\s]*>/ },
  { name: 'shell-prompt', action: 'drop', re: /^(?:\$|#|>>>|\.\.\.|[\w.-]+@[\w.-]+:[^$#]*[$#]) / },
  { name: 'stack-frame', action: 'drop', re: /^at [\w.$`<>[\],\s|]+\(.*\)(?:\s+in\s+.*?(?::line \d+)?)?\s*$/ },
  { name: 'py-frame', action: 'drop', re: /^File "[^"]*", line \d+(?:, in \S+)?\s*$/ },
  { name: 'java-more', action: 'drop', re: /^\.\.\. \d+ (?:more|common frames omitted)\s*$/ },
  { name: 'stack-frame-bare', action: 'drop', re: /^at [\w$`<>|]+(?:\.[\w$`<>|]+){2,}\s*$/ },
  { name: 'inner-trace-end', action: 'drop', re: /^--- ?End of (?:inner exception )?stack trace.*---\s*$/i },
  { name: 'trace-rethrow', action: 'drop', re: /^--- ?End of stack trace from previous location.*$/i },
  { name: 'event-header', action: 'drop', re: /^(?:Log Name|Date|Task Category|Level|Keywords|User|Computer|Opcode|Event Xml|Logged|Record Id):(?:\s.*)?$/i },
  // An event's description is the error itself; only its label goes.
  { name: 'event-description', action: 'strip-prefix', re: /^Description:\s*/i },
  { name: 'greeting', action: 'drop', re: /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^.!?]*[,!:.]?\s*$/i, maxLength: 40 },
  { name: 'sign-off', action: 'drop', re: /^(?:thanks?|thank you|thx|regards|best regards|kind regards|cheers|br|sincerely)\b.*$/i, maxLength: 40 },
  { name: 'ask', action: 'drop', re: /^(?:can (?:you|someone|anyone) help|please (?:help|advise)|any (?:idea|help)|we (?:are )?(?:see|get)(?:ing)? this(?: error)?)\b.*$/i, maxLength: 60 },
  { name: 'md-quote', action: 'strip-prefix', re: /^>\s?/ },
  { name: 'list-bullet', action: 'strip-prefix', re: /^[-*•]\s+/ },
  { name: 'syslog-pri', action: 'strip-prefix', re: /^<\d{1,3}>/ },
  { name: 'iso-timestamp', action: 'strip-prefix', re: /^\[?\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?Z|\s?[+-]\d{2}:?\d{2})?\]?,?\s*/ },
  { name: 'us-timestamp', action: 'strip-prefix', re: /^\[?\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AP]M)?\]?,?\s*/i },
  // Kubernetes' and Go's klog/glog header: level and date, time, thread, file:line.
  { name: 'klog-header', action: 'strip-prefix', re: /^[IWEF]\d{4} \d{1,2}:\d{2}:\d{2}(?:\.\d+)?\s+\d+\s+[\w.-]+:\d+\]\s*/ },
  { name: 'time-only', action: 'strip-prefix', re: /^\[?\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\]?\s+/ },
  { name: 'level', action: 'strip-prefix', re: new RegExp(String.raw`^(?:\[(?:${LEVELS})\]|(?:${LEVELS})\b(?=[\s:|\]-]))\s*[:|-]?\s*`) },
  { name: 'bracket-field', action: 'strip-prefix', re: /^\[[^\]\s]{1,24}\]\s+(?=\S)/ },
  { name: 'pid', action: 'strip-prefix', re: /^(?:pid|tid|thread)[:=\s]\s*\d+\s*[:|-]?\s*/i },
  { name: 'line-number', action: 'strip-prefix', re: /^\d{1,6}[:|]\s+/ },
];

/**
 * What the rules make of one line: dropped, identifiers only, or kept from `start` on (after the
 * log prefixes they strip).
 */
export function classifyLine(line: string): { action: 'drop' | 'identifiers-only' | 'keep'; start: number; stripped: boolean } {
  let a = 0;
  let stripped = false;
  for (let guard = 0; guard < 16; guard++) {
    while (a < line.length && line[a] === ' ') a++;
    if (a >= line.length) return { action: 'drop', start: a, stripped };
    const rest = line.slice(a);
    let progressed = false;
    for (const rule of NOISE_RULES) {
      if (rule.maxLength !== undefined && rest.length > rule.maxLength) continue;
      rule.re.lastIndex = 0;
      const m = rule.re.exec(rest);
      if (!m) continue;
      if (rule.action === 'drop') return { action: 'drop', start: a, stripped };
      if (rule.action === 'identifiers-only') return { action: 'identifiers-only', start: a, stripped };
      if (m[0].length === 0) continue;
      a += m[0].length;
      stripped = true;
      progressed = true;
      break;
    }
    if (!progressed) break;
  }
  while (a < line.length && line[a] === ' ') a++;
  return { action: a >= line.length ? 'drop' : 'keep', start: a, stripped };
}
