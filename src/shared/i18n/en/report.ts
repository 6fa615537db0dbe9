/** Reports of a run or an experiment (HTML, PDF, CSV, JSON) and the CLI's --report. */
export default {
  documentTitle: '{title} — AllocLab report',
  heading: 'AllocLab report',
  madeBy: 'Made by AllocLab {appVersion} (engine {engineVersion}) on {date}.',
  selfContained:
    'This file is self-contained: it loads nothing from anywhere, so it opens offline and can be printed or passed on as it is.',
  contents: 'Contents',
  section: {
    experiment: 'Experiment',
    scenario: 'Scenario',
    configurations: 'Configurations',
    summary: 'Summary',
    cost: 'Cost',
    timing: 'Measured time',
    charts: 'Over time',
    maps: 'Memory maps',
    keySteps: 'Key steps',
    final: 'Final structures'
  },
  experiment: {
    name: 'Name',
    notes: 'Notes',
    tags: 'Tags',
    status: 'Run status',
    requests: 'Requests in the scenario'
  },
  scenario: {
    truncated:
      'The scenario has {lines} lines; the first {shown} are shown here. The JSON export holds the whole text.'
  },
  config: {
    index: '#',
    label: 'Allocator (canonical spec)',
    family: 'Family',
    status: 'Status',
    done: 'Requests run',
    short: '#{index} {family}',
    error: 'No result: {message}',
    cancelled: 'Cancelled after {done} of {total} requests; the figures cover those requests.'
  },
  summary: {
    caption:
      'One row per configuration. ★ marks the best value in a column (the lowest or the highest, whichever the figure prefers) when the configurations differ. A peak is the highest value the figure reached, with the request after which it was first reached.',
    peakOf: '{metric} (peak)',
    finalOf: '{metric} (end)',
    perRequestOf: '{metric} (per request)',
    atStep: 'after request {step}',
    never: 'never above 0',
    best: 'best',
    sampled:
      'External fragmentation, free blocks and metadata were read every {stride} requests, so their peaks are the highest among those readings.'
  },
  cost: {
    caption: 'Deterministic operation counts summed over every request: the same on every machine.',
    examined: 'Entries examined',
    splits: 'Splits',
    merges: 'Merges',
    ctorCalls: 'Constructor calls',
    ctorSaved: 'Constructor calls saved',
    slabsGrown: 'Slabs grown',
    slabsReaped: 'Slabs reaped',
    copied: 'Bytes copied by realloc'
  },
  timing: {
    caption:
      'Wall-clock time on the machine that made this report. It differs between machines and between runs, so compare it only within one report.',
    elapsed: 'Elapsed',
    nsPerRequest: 'Per request'
  },
  chart: {
    title: '{metric}',
    axisRequests: 'Request',
    axisUnit: {
      bytes: 'Bytes',
      count: 'Count',
      ratio: 'Percent'
    },
    buckets:
      'Each point covers {size} requests: the line is the highest value in it, the shaded band runs from the lowest to the highest.',
    exact: 'One point per request.',
    sampledEvery: 'Read every {stride} requests.',
    noTimeline: '{config}: no timeline was recorded, so there is nothing to draw.',
    description: '{metric} over requests 0 to {last}, one line per configuration.'
  },
  map: {
    caption:
      'What each byte of the pool holds, left (offset 0) to right, at the steps that matter. Each pixel shows the state that covers most of its bytes.',
    before: 'Before the first request',
    after: 'After request {step}',
    reason: {
      end: 'end of the run',
      firstFailure: 'first failure',
      peakExternal: 'peak external fragmentation',
      peakInternal: 'peak internal fragmentation',
      chosen: 'chosen step'
    },
    scale: '0 to {pool}; one pixel is {perPixel}.',
    mixed: 'Pixel that holds more than one state',
    legend: 'Legend',
    description: 'Memory map of {config}, {when}.'
  },
  keySteps: {
    caption:
      'The requests where the run turned: why they came out as they did, with the requests around them.',
    firstFailure: 'First failure',
    largestFailed: 'Largest failed request',
    peakExternal: 'Peak external fragmentation',
    peakInternal: 'Peak internal fragmentation',
    noFailure: 'Every allocation succeeded.',
    noExternal: 'The free memory was never scattered: external fragmentation stayed at 0.',
    noInternal: 'No request got more than it asked for: internal fragmentation stayed at 0.',
    request: 'Request {step} (line {line}): {request}.',
    failedBecause: {
      'no-memory':
        'It failed: only {freeBytes} were free in total, less than the {size} it needed.',
      fragmented:
        'It failed although {freeBytes} were free in total: they were scattered over {freeBlocks} blocks, and the largest was only {largestFree}.'
    },
    failedBare: {
      'no-memory': 'It failed: there was not enough free memory in total.',
      fragmented:
        'It failed although enough memory was free in total: no single free block was large enough.'
    },
    largestFailedText: '{size} asked for at request {step}: {cause}.',
    cause: {
      'no-memory': 'not enough memory was free in total',
      fragmented: 'enough memory was free in total, but no single block was large enough'
    },
    externalText:
      'After it, external fragmentation reached {value}: {freeBytes} free in {freeBlocks} blocks, the largest {largestFree}. A request larger than the largest block fails even though more is free.',
    externalBare: 'After it, external fragmentation reached {value}.',
    internalText:
      'After it, internal fragmentation reached {value}: {allocated} set aside for {requested} asked for.',
    internalBare: 'After it, internal fragmentation reached {value}.',
    window: 'Requests around it',
    column: {
      step: 'Request',
      line: 'Line',
      request: 'Asked',
      status: 'Outcome',
      place: 'Address / frame',
      granted: 'Granted',
      examined: 'Examined'
    },
    noTimeline: 'No timeline was recorded for this configuration, so its steps cannot be shown.'
  },
  final: {
    buddyinfo: 'Free blocks per order (order 0 first), in the layout of /proc/buddyinfo',
    slabinfo: 'Slab caches in the layout of /proc/slabinfo',
    freeList: 'Free list after the last request: {count} blocks',
    freeListMore: '… and {count} more blocks.',
    address: 'Address',
    size: 'Size',
    none: 'No final structures: the run did not finish.'
  },
  cli: {
    option:
      'Write a report of the run to FILE: .html (self-contained, opens offline), .pdf (needs Chromium or Chrome), .json (the whole run) or .csv (per-request metrics)',
    badExtension:
      '"{file}" does not end in a report format; use .html, .pdf, .json or .csv (for example report.html).',
    written: 'Wrote the report to {file} ({size}).'
  },
  pdf: {
    noBrowser:
      'No Chromium or Chrome was found to make the PDF (looked for {looked}). Install one, or set CHROMIUM_PATH to it, or write an .html report and print it from any browser.',
    failed: 'Chromium could not print the report to PDF: {detail}'
  }
}
